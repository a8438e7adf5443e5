// Trigger journeys against a recording sender: what is queued, who is
// skipped and why, quiet hours, caps, retries, re-runs and dry runs. The
// real SMTP and webhook deliveries are in delivery_test.cc.
#include <gtest/gtest.h>

#include "campaigns/journeys.h"
#include "ingest/importer.h"
#include "project/project.h"
#include "store/row_view.h"
#include "test_util.h"

namespace brandlens {
namespace {

// 2025-06-02 12:00 Beijing time (04:00 UTC).
constexpr int64_t kNoon = 1748836800;

class RecordingSender : public MessageSender {
 public:
  SendResult Send(const OutgoingMessage& m, int64_t) override {
    sent.push_back(m);
    if (!outcomes.empty()) {
      SendResult r = outcomes.front();
      outcomes.erase(outcomes.begin());
      return r;
    }
    return {};
  }
  std::vector<OutgoingMessage> sent;
  std::vector<SendResult> outcomes;  // scripted, then kSent
};

MessageTemplate Template(const std::string& text) { return MessageTemplate::Parse(text).value(); }

class JourneysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(OpenWorkspace(dir_.path() / "ws.db").value());
    Import("users",
           "user_id,email,phone,timezone,consent,city\n"
           "U1,u1@example.com,13800000001,Asia/Shanghai,1,杭州\n"
           "U2,u2@example.com,13800000002,,0,上海\n"     // no consent
           "U3,,13800000003,,1,北京\n"                    // no e-mail
           "U4,u4@example.com,13800000004,America/New_York,1,纽约\n"
           "U5,u5@example.com,13800000005,,是,成都\n");
    Import("events",
           "user_id,occurred_at,type,item_id\n"
           "U1,2025-06-02 11:00,cart,龙井\nU2,2025-06-02 11:00,cart,龙井\nU3,2025-06-02 11:00,cart,碧螺春\n"
           "U4,2025-06-02 11:00,cart,龙井\nU5,2025-06-02 11:00,cart,普洱\nU5,2025-06-02 11:05,view,普洱\n"
           "U1,2025-01-01 11:00,cart,旧的\n");  // months old: starts nothing
    JourneyConfig cart;
    cart.name = "cart_reminder";
    cart.trigger = "cart";
    cart.channel = "email";
    cart.delay_minutes = 30;
    cart.subject = Template("{city}的朋友，{event_item}还在购物车里");
    cart.text = Template("您好 {user_id}：{event_item} 等您下单。退订：{unsubscribe_url}");
    config_.journeys.push_back(cart);
    config_.delivery.unsubscribe_url = Template("https://example.com/u?id={user_id}");
    config_.delivery.quiet_from = 22;
    config_.delivery.quiet_to = 8;
  }
  void Import(const std::string& kind, const std::string& csv) {
    auto r = ImportFile(*store_, kind, testing::WriteFile(dir_.path() / (kind + ".csv"), csv), ImportOptions{});
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->rows_rejected, 0) << kind;
  }
  Result<JourneyRunResult> Run(int64_t now, bool dry_run = false) {
    JourneyRunOptions options;
    options.now = now;
    options.dry_run = dry_run;
    return RunJourneys(*store_, config_, {&email_, &webhook_}, options);
  }
  std::string StatusOf(const std::string& user) {
    return testing::QueryText(dir_.path() / "ws.db",
                              "SELECT status || '|' || coalesce(reason, '') FROM journey_deliveries WHERE user_id = '" +
                                  user + "'");
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  JourneysConfig config_;
  RecordingSender email_, webhook_;
};

TEST_F(JourneysTest, SendsOnceToThoseWhoMayBeReachedAndSaysWhyNotToOthers) {
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const JourneyCounts& c = r->journeys.at("cart_reminder");
  EXPECT_EQ(c.queued, 5);  // the January cart is too old
  EXPECT_EQ(c.sent, 2);    // U1 and U5 (是 is consent)
  EXPECT_EQ(c.skipped, 2);
  EXPECT_EQ(c.waiting, 1);  // U4: midnight in New York
  ASSERT_EQ(email_.sent.size(), 2u);
  const OutgoingMessage& m = email_.sent[0];
  EXPECT_EQ(m.to, "u1@example.com");
  EXPECT_EQ(m.subject, "杭州的朋友，龙井还在购物车里");
  EXPECT_EQ(m.text, "您好 U1：龙井 等您下单。退订：https://example.com/u?id=U1");
  EXPECT_EQ(m.unsubscribe_url, "https://example.com/u?id=U1");
  EXPECT_EQ(m.key.rfind("cart_reminder:U1:", 0), 0u) << m.key;
  EXPECT_EQ(StatusOf("U2"), "skipped|no marketing consent");
  EXPECT_EQ(StatusOf("U3"), "skipped|no e-mail address");
  EXPECT_EQ(StatusOf("U1"), "sent|");
  // New York's quiet hours end at 08:00 local = 12:00 UTC.
  EXPECT_EQ(testing::QueryText(dir_.path() / "ws.db", "SELECT due_at FROM journey_deliveries WHERE user_id = 'U4'"),
            std::to_string(kNoon + 8 * 3600));
  // A re-run queues nothing new and sends nothing again.
  auto again = Run(kNoon + 60);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->journeys.at("cart_reminder").queued, 0);
  EXPECT_EQ(again->journeys.at("cart_reminder").sent, 0);
  EXPECT_EQ(email_.sent.size(), 2u);
  // After New York's morning, U4's message goes.
  auto morning = Run(kNoon + 8 * 3600 + 60);
  ASSERT_TRUE(morning.ok());
  EXPECT_EQ(morning->journeys.at("cart_reminder").sent, 1);
  EXPECT_EQ(email_.sent.back().to, "u4@example.com");
}

TEST_F(JourneysTest, TheDelayIsHonoured) {
  // Ten minutes after the carts: the 30-minute delay holds everything back.
  auto r = Run(kNoon - 50 * 60);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->journeys.at("cart_reminder").waiting, 5);
  EXPECT_TRUE(email_.sent.empty());
}

TEST_F(JourneysTest, UnsubscribesAreHonouredOnTheNextRun) {
  ASSERT_TRUE(Unsubscribe(*store_, "U1", "email", kNoon - 3600, "cli").ok());
  Import("events", "user_id,occurred_at,type\nU5,2025-06-02 11:10,unsubscribe\n");  // 退订 replied by SMS
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->journeys.at("cart_reminder").sent, 0);
  EXPECT_EQ(r->skip_reasons.at("unsubscribed"), 2);
  EXPECT_FALSE(Unsubscribe(*store_, "U1", "pigeon", kNoon, "cli").ok());
}

TEST_F(JourneysTest, APurchaseAfterTheCartCancelsTheReminder) {
  config_.journeys[0].cancel_on = "purchase";
  // U1 buys ten minutes after the cart; U5 bought before it (no effect).
  Import("events", "user_id,occurred_at,type\nU1,2025-06-02 11:10,purchase\nU5,2025-06-02 10:00,purchase\n");
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->journeys.at("cart_reminder").sent, 1);
  EXPECT_EQ(email_.sent[0].to, "u5@example.com");
  EXPECT_EQ(StatusOf("U1"), "skipped|followed by purchase");
}

TEST_F(JourneysTest, EventAndUserFiltersNarrowTheJourney) {
  config_.journeys[0].event_filter = {{"item_id", "龙井"}};
  config_.journeys[0].user_filter = {{"city", "杭州"}};
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  // Carts of 龙井: U1 (杭州), U2, U4; of those only U1 lives in 杭州.
  EXPECT_EQ(r->journeys.at("cart_reminder").queued, 3);
  EXPECT_EQ(r->journeys.at("cart_reminder").sent, 1);
  EXPECT_EQ(StatusOf("U4"), "skipped|city is not 杭州");
}

TEST_F(JourneysTest, TheFrequencyCapSkipsTheExtraMessage) {
  config_.delivery.cap_per_user = 1;
  JourneyConfig viewed = config_.journeys[0];
  viewed.name = "viewed";
  viewed.trigger = "view";
  config_.journeys.push_back(viewed);
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  // U5 triggers both journeys; the one due later is capped.
  EXPECT_EQ(r->journeys.at("cart_reminder").sent, 2);
  EXPECT_EQ(r->journeys.at("viewed").skipped, 1);
  EXPECT_EQ(r->skip_reasons.at("frequency cap"), 1);
}

TEST_F(JourneysTest, TransientFailuresRetryWithBackoffPermanentOnesStop) {
  email_.outcomes = {{SendOutcome::kTransient, "SMTP 421: try later"}, {SendOutcome::kPermanent, "SMTP 550: no user"}};
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->journeys.at("cart_reminder").retrying, 1);
  EXPECT_EQ(r->journeys.at("cart_reminder").failed, 1);
  EXPECT_EQ(StatusOf("U1"), "queued|SMTP 421: try later");
  EXPECT_EQ(StatusOf("U5"), "failed|SMTP 550: no user");
  // The retry waits retry_minutes (5) and is sent after it, with the same key.
  const std::string key = email_.sent[0].key;
  ASSERT_TRUE(Run(kNoon + 60).ok());
  EXPECT_EQ(email_.sent.size(), 2u);
  ASSERT_TRUE(Run(kNoon + 5 * 60).ok());
  ASSERT_EQ(email_.sent.size(), 3u);
  EXPECT_EQ(email_.sent[2].key, key);
  EXPECT_EQ(StatusOf("U1"), "sent|");
  // The audit holds every step.
  EXPECT_EQ(testing::QueryText(dir_.path() / "ws.db",
                               "SELECT group_concat(outcome, ',') FROM (SELECT a.outcome FROM delivery_attempts a JOIN "
                               "journey_deliveries d ON d.id = a.delivery_id WHERE d.user_id = 'U1' ORDER BY a.id)"),
            "sending,retry,sending,sent");
}

TEST_F(JourneysTest, AFailureEveryMessageWouldHitStopsTheRunAndKeepsTheQueue) {
  email_.outcomes = {{SendOutcome::kStop, "SMTP 535: authentication failed"}};
  auto r = Run(kNoon);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("delivery stopped: SMTP 535"), std::string::npos) << r.status().message();
  EXPECT_EQ(email_.sent.size(), 1u);  // the first message only: the rest were not tried
  EXPECT_EQ(StatusOf("U1"), "queued|SMTP 535: authentication failed");
  EXPECT_EQ(testing::QueryText(dir_.path() / "ws.db", "SELECT attempts FROM journey_deliveries WHERE user_id = 'U1'"),
            "0");
  // Fixed credentials: the next run sends everything due.
  auto again = Run(kNoon + 60);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->journeys.at("cart_reminder").sent, 2);
}

TEST_F(JourneysTest, AMessageInterruptedMidSendGoesAgainUnderTheSameKey) {
  ASSERT_TRUE(Run(kNoon).ok());
  // As if the run had been killed after U1's message left but before it
  // was marked sent.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_.path() / "ws.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE journey_deliveries SET status = 'sending' WHERE user_id = 'U1'", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ASSERT_TRUE(Run(kNoon + 60).ok());
  ASSERT_EQ(email_.sent.size(), 3u);
  EXPECT_EQ(email_.sent[2].key, email_.sent[0].key);
  EXPECT_EQ(StatusOf("U1"), "sent|");
}

TEST_F(JourneysTest, ADryRunShowsTheMessagesAndChangesNothing) {
  Import("products", "product_id,name\n龙井,西湖龙井 250g\n");  // named products render by name
  auto r = Run(kNoon, /*dry_run=*/true);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->would_send.size(), 2u);
  EXPECT_EQ(r->would_send[0].subject, "杭州的朋友，西湖龙井 250g还在购物车里");
  EXPECT_EQ(r->would_send[1].subject, "成都的朋友，普洱还在购物车里");
  EXPECT_TRUE(email_.sent.empty());
  EXPECT_EQ(testing::QueryText(dir_.path() / "ws.db", "SELECT count(*) FROM journey_deliveries"), "0");
}

TEST_F(JourneysTest, AForgedAddressIsSkippedAndHeadersStayOneLine) {
  Import("users", "user_id,email,consent\nU9,\"evil@example.com\r\nBcc: all@example.com\",1\nU8,no-at-sign,1\n");
  Import("events", "user_id,occurred_at,type,item_id\nU9,2025-06-02 11:00,cart,龙井\nU8,2025-06-02 11:00,cart,龙井\n");
  auto r = Run(kNoon);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(StatusOf("U9"), "skipped|invalid e-mail address");
  EXPECT_EQ(StatusOf("U8"), "skipped|invalid e-mail address");
  for (const auto& m : email_.sent) EXPECT_NE(m.to.find('@'), std::string::npos);
  // Whatever reaches BuildEmail, no value starts a header of its own.
  OutgoingMessage m;
  m.key = "j:U9:1";
  m.to = "a@b.c\r\nBcc: x@y.z";
  m.unsubscribe_url = "https://e.com/u?id=U9\r\nBcc: x@y.z";
  m.text = "t";
  const std::string email = BuildEmail(m, "n@e.com", kNoon);
  EXPECT_EQ(email.find("\r\nBcc:"), std::string::npos) << email;
}

TEST(MessageTemplateTest, FieldsBracesAndMistakes) {
  auto t = MessageTemplate::Parse("{{券}} {user_id} 的推荐：{recommendations}");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->Render({{"user_id", "U1"}, {"recommendations", "龙井、普洱"}}), "{券} U1 的推荐：龙井、普洱");
  EXPECT_TRUE(t->Uses("recommendations"));
  EXPECT_FALSE(t->Uses("city"));
  const auto unknown = MessageTemplate::Parse("你好 {nmae}");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown template field {nmae}"), std::string::npos);
  EXPECT_FALSE(MessageTemplate::Parse("你好 {user_id").ok());
  EXPECT_FALSE(MessageTemplate::Parse("你好 }").ok());
  EXPECT_FALSE(MessageTemplate::Parse("\xff\xfe").ok());
}

TEST(MessageTemplateTest, ValuesAreEscapedForHtmlAndUrls) {
  const auto t = MessageTemplate::Parse("<p>{city}</p> https://e.com/u?id={user_id}").value();
  const std::map<std::string, std::string, std::less<>> values = {{"city", "<b>杭州</b>&"}, {"user_id", "U1&u=U2 杭"}};
  EXPECT_EQ(t.Render(values, Escape::kHtml), "<p>&lt;b&gt;杭州&lt;/b&gt;&amp;</p> https://e.com/u?id=U1&amp;u=U2 杭");
  EXPECT_EQ(t.Render(values, Escape::kUrl).substr(t.Render(values, Escape::kUrl).find("id=")), "id=U1%26u%3DU2%20%E6%9D%AD");
  EXPECT_EQ(t.Render(values), "<p><b>杭州</b>&</p> https://e.com/u?id=U1&u=U2 杭");
}

TEST(DeliveryFormatTest, HeadersSignaturesAndTheMessage) {
  EXPECT_EQ(EncodeHeaderWord("Hello"), "Hello");
  EXPECT_EQ(EncodeHeaderWord("龙井"), "=?UTF-8?B?6b6Z5LqV?=");
  // 26 characters of 3 bytes: two words of 13 characters (39 bytes each),
  // each 64 characters long, so "Subject: " + a word fits in 76.
  std::string long_subject;
  for (int i = 0; i < 26; ++i) long_subject += "茶";
  const std::string words = EncodeHeaderWord(long_subject);
  EXPECT_EQ(words.find("\r\n "), words.rfind("\r\n "));
  ASSERT_NE(words.find("\r\n "), std::string::npos);
  EXPECT_EQ(words.find("\r\n "), 64u);
  // RFC 4231, test case 2.
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(MailboxAddress("山茶集 <news@example.com>"), "news@example.com");
  OutgoingMessage m;
  m.key = "j:U1:7";
  m.to = "u1@example.com";
  m.subject = "上新";
  m.text = "正文";
  m.html = "<p>正文</p>";
  m.unsubscribe_url = "https://example.com/u?id=U1";
  const std::string email = BuildEmail(m, "山茶集 <news@example.com>", kNoon);
  EXPECT_NE(email.find("From: =?UTF-8?B?5bGx6Iy26ZuG?= <news@example.com>\r\n"), std::string::npos) << email;
  EXPECT_NE(email.find("Subject: =?UTF-8?B?5LiK5paw?=\r\n"), std::string::npos);
  EXPECT_NE(email.find("Date: Mon, 02 Jun 2025 04:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(email.find("List-Unsubscribe: <https://example.com/u?id=U1>\r\n"), std::string::npos);
  EXPECT_NE(email.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(email.find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  EXPECT_EQ(email, BuildEmail(m, "山茶集 <news@example.com>", kNoon));  // same key, same bytes
}

TEST(JourneysConfigTest, TemplatesAndChannelsAreCheckedWhenRead) {
  testing::TempDir dir;
  auto read = [&](const std::string& extra) {
    testing::WriteFile(dir / "brandlens.toml",
                       "[project]\nname = \"t\"\n[[brands]]\nname = \"山茶集\"\nown = true\n" + extra);
    auto config = LoadConfig(dir / "brandlens.toml");
    EXPECT_TRUE(config.ok()) << config.status().message();
    return ReadJourneysConfig(*config);
  };
  const std::string delivery = "[delivery]\nsmtp_url = \"smtp://127.0.0.1:2525\"\nfrom = \"a@b.c\"\n";
  auto good = read(delivery + "[[journeys]]\nname = \"j\"\ntrigger = \"cart\"\nchannel = \"email\"\nsubject = \"s\"\n"
                              "text = \"{user_id}\"\nsegments = [1, 2]\n");
  ASSERT_TRUE(good.ok()) << good.status().message();
  EXPECT_EQ(good->journeys[0].segments, (std::vector<int32_t>{1, 2}));
  auto typo = read(delivery + "[[journeys]]\nname = \"j\"\ntrigger = \"cart\"\nchannel = \"email\"\nsubject = \"s\"\n"
                              "text = \"{usr}\"\n");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("text: unknown template field {usr}"), std::string::npos)
      << typo.status().message();
  auto no_smtp = read("[[journeys]]\nname = \"j\"\ntrigger = \"cart\"\nchannel = \"email\"\nsubject = \"s\"\n"
                      "text = \"t\"\n");
  ASSERT_FALSE(no_smtp.ok());
  EXPECT_NE(no_smtp.status().message().find("needs smtp_url and from"), std::string::npos);
  EXPECT_FALSE(read(delivery + "[[journeys]]\nname = \"j\"\ntrigger = \"cart\"\nchannel = \"fax\"\ntext = \"t\"\n").ok());
  EXPECT_FALSE(read(delivery + "quiet_hours = [22]\n").ok());
  auto filter = read(delivery + "[[journeys]]\nname = \"j\"\ntrigger = \"cart\"\nchannel = \"email\"\nsubject = \"s\"\n"
                                "text = \"t\"\nuser_filter = { email = \"x\" }\n");
  ASSERT_FALSE(filter.ok());
  EXPECT_NE(filter.status().message().find("user_filter cannot filter on 'email'"), std::string::npos)
      << filter.status().message();
}

}  // namespace
}  // namespace brandlens
