// Real delivery: e-mail to a local SMTP server (aiosmtpd) and webhooks to a
// local HTTP receiver, both started by the test (delivery_sinks.py), with
// exactly what arrived checked; and `brandlens journeys run` killed
// mid-delivery, then run again: every message arrives, none twice under
// one key beyond the one in flight.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "campaigns/delivery.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

constexpr int64_t kNoon = 1748836800;  // 2025-06-02 12:00 in Beijing

// The receivers, for the life of a test.
class Sinks {
 public:
  explicit Sinks(const std::filesystem::path& dir, double webhook_delay = 0) : dir_(dir) {
    pipe_ = popen(fmt::format("/usr/bin/python3 {} {} {}", BRANDLENS_SINKS_SCRIPT, dir.string(), webhook_delay).c_str(),
                  "r");
    char line[256] = {};
    if (pipe_ != nullptr && fgets(line, sizeof line, pipe_) != nullptr)
      std::sscanf(line, "pid=%d smtp=%d http=%d", &pid_, &smtp_port_, &http_port_);
  }
  ~Sinks() {
    if (pid_ > 0) kill(pid_, SIGKILL);
    if (pipe_ != nullptr) pclose(pipe_);
  }
  Sinks(const Sinks&) = delete;
  Sinks& operator=(const Sinks&) = delete;
  bool up() const { return smtp_port_ > 0 && http_port_ > 0; }
  int smtp_port() const { return smtp_port_; }
  int http_port() const { return http_port_; }
  std::vector<nlohmann::json> Received(const std::string& which) const {
    std::vector<nlohmann::json> out;
    std::ifstream in(dir_ / (which + ".jsonl"));
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

 private:
  std::filesystem::path dir_;
  FILE* pipe_ = nullptr;
  int pid_ = 0, smtp_port_ = 0, http_port_ = 0;
};

OutgoingMessage Message(const std::string& to) {
  OutgoingMessage m;
  m.key = "cart_reminder:U1:42";
  m.journey = "cart_reminder";
  m.user_id = "U1";
  m.channel = "email";
  m.to = to;
  m.subject = "杭州的朋友，龙井还在购物车里——限时包邮";
  m.text = "您好 U1：龙井 等您下单。\n退订：https://example.com/u?id=U1";
  m.html = "<p>您好 U1：<b>龙井</b> 等您下单。</p>";
  m.unsubscribe_url = "https://example.com/u?id=U1";
  return m;
}

TEST(DeliveryTest, EmailArrivesAsSentWithChineseHeadersAndBothParts) {
  TempDir dir;
  Sinks sinks(dir.path());
  ASSERT_TRUE(sinks.up()) << "python3-aiosmtpd missing? run scripts/setup.sh test";
  DeliveryConfig config;
  config.smtp_url = fmt::format("smtp://127.0.0.1:{}", sinks.smtp_port());
  config.from = "山茶集 <news@example.com>";
  auto sender = MakeSmtpSender(config);
  ASSERT_TRUE(sender.ok()) << sender.status().message();
  const SendResult r = (*sender)->Send(Message("u1@example.com"), kNoon);
  ASSERT_EQ(r.outcome, SendOutcome::kSent) << r.reason;
  const auto mail = sinks.Received("smtp");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0]["mail_from"], "news@example.com");
  EXPECT_EQ(mail[0]["rcpt_tos"], nlohmann::json::array({"u1@example.com"}));
  EXPECT_EQ(mail[0]["subject"], "杭州的朋友，龙井还在购物车里——限时包邮");
  EXPECT_EQ(mail[0]["from"], "山茶集 <news@example.com>");
  EXPECT_EQ(mail[0]["text"], "您好 U1：龙井 等您下单。\n退订：https://example.com/u?id=U1");
  EXPECT_EQ(mail[0]["html"], "<p>您好 U1：<b>龙井</b> 等您下单。</p>");
  const std::string raw = mail[0]["data"];
  EXPECT_NE(raw.find("Subject: =?UTF-8?B?"), std::string::npos);  // RFC 2047, not raw UTF-8
  EXPECT_NE(raw.find("List-Unsubscribe: <https://example.com/u?id=U1>"), std::string::npos);
  EXPECT_NE(raw.find("X-Brandlens-Key: cart_reminder:U1:42"), std::string::npos);

  // A refused recipient is a permanent failure quoting the server.
  const SendResult refused = (*sender)->Send(Message("refuse@example.com"), kNoon);
  EXPECT_EQ(refused.outcome, SendOutcome::kPermanent);
  EXPECT_NE(refused.reason.find("550"), std::string::npos) << refused.reason;
  // A server that is down is transient: retried later.
  config.smtp_url = "smtp://127.0.0.1:1";
  const SendResult down = (*MakeSmtpSender(config))->Send(Message("u1@example.com"), kNoon);
  EXPECT_EQ(down.outcome, SendOutcome::kTransient) << down.reason;
  EXPECT_EQ(sinks.Received("smtp").size(), 1u);
}

TEST(DeliveryTest, WebhooksAreSignedAndTheirFailuresClassified) {
  TempDir dir;
  Sinks sinks(dir.path());
  ASSERT_TRUE(sinks.up());
  DeliveryConfig config;
  config.webhook_url = fmt::format("http://127.0.0.1:{}/sms", sinks.http_port());
  config.webhook_signing_key_env = "BRANDLENS_TEST_WEBHOOK_KEY";
  unsetenv("BRANDLENS_TEST_WEBHOOK_KEY");
  auto missing = MakeWebhookSender(config);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("$BRANDLENS_TEST_WEBHOOK_KEY"), std::string::npos);
  setenv("BRANDLENS_TEST_WEBHOOK_KEY", "s3cret-钥匙", 1);
  auto sender = MakeWebhookSender(config);
  ASSERT_TRUE(sender.ok());
  OutgoingMessage m = Message("13800000001");
  m.channel = "webhook";
  ASSERT_EQ((*sender)->Send(m, kNoon).outcome, SendOutcome::kSent);
  const auto hooks = sinks.Received("webhook");
  ASSERT_EQ(hooks.size(), 1u);
  const auto& headers = hooks[0]["headers"];
  EXPECT_EQ(headers["Idempotency-Key"], "cart_reminder:U1:42");
  EXPECT_EQ(headers["X-Brandlens-Timestamp"], std::to_string(kNoon));
  const std::string body = hooks[0]["body"];
  EXPECT_EQ(headers["X-Brandlens-Signature"],
            "sha256=" + HmacSha256Hex("s3cret-钥匙", std::to_string(kNoon) + "." + body));
  const auto json = nlohmann::json::parse(body);
  EXPECT_EQ(json["to"], "13800000001");
  EXPECT_EQ(json["text"], m.text);

  config.webhook_url = fmt::format("http://127.0.0.1:{}/busy", sinks.http_port());
  EXPECT_EQ((*MakeWebhookSender(config))->Send(m, kNoon).outcome, SendOutcome::kTransient);
  config.webhook_url = fmt::format("http://127.0.0.1:{}/reject", sinks.http_port());
  const SendResult rejected = (*MakeWebhookSender(config))->Send(m, kNoon);
  EXPECT_EQ(rejected.outcome, SendOutcome::kPermanent);
  EXPECT_NE(rejected.reason.find("HTTP 400"), std::string::npos);
  config.webhook_url = fmt::format("http://127.0.0.1:{}/unauthorized", sinks.http_port());
  EXPECT_EQ((*MakeWebhookSender(config))->Send(m, kNoon).outcome, SendOutcome::kStop);  // a wrong key fails every message
}

TEST(DeliveryTest, ASlowWebhookTimesOutAsTransient) {
  TempDir dir;
  Sinks sinks(dir.path(), 3.0);
  ASSERT_TRUE(sinks.up());
  DeliveryConfig config;
  config.webhook_url = fmt::format("http://127.0.0.1:{}/sms", sinks.http_port());
  config.webhook_signing_key_env = "BRANDLENS_TEST_WEBHOOK_KEY";
  config.timeout_seconds = 1;
  setenv("BRANDLENS_TEST_WEBHOOK_KEY", "k", 1);
  const SendResult r = (*MakeWebhookSender(config))->Send(Message("13800000001"), kNoon);
  EXPECT_EQ(r.outcome, SendOutcome::kTransient);
  EXPECT_NE(r.reason.find("webhook"), std::string::npos) << r.reason;
}

int RunBrandlens(const std::string& args) {
  return WEXITSTATUS(std::system((std::string(BRANDLENS_BINARY) + " " + args + " > /dev/null 2>&1").c_str()));
}

// A project whose one journey texts 30 users through the webhook receiver;
// returns the `journeys run` arguments.
std::string WebhookProject(const TempDir& dir, const Sinks& sinks, int users) {
  const auto project = dir.path() / "p";
  std::filesystem::create_directories(project);
  WriteFile(project / "brandlens.toml",
            fmt::format("[project]\nname = \"t\"\n[[brands]]\nname = \"山茶集\"\nown = true\n"
                        "[delivery]\nwebhook_url = \"http://127.0.0.1:{}/sms\"\n"
                        "webhook_signing_key_env = \"BRANDLENS_TEST_WEBHOOK_KEY\"\nquiet_hours = [0, 0]\n"
                        "[[journeys]]\nname = \"cart_sms\"\ntrigger = \"cart\"\nchannel = \"webhook\"\n"
                        "text = \"{{user_id}}，您的购物车还有 {{event_item}}。回复TD退订\"\n",
                        sinks.http_port()));
  std::string user_rows = "user_id,phone,consent\n", event_rows = "user_id,occurred_at,type,item_id\n";
  for (int u = 0; u < users; ++u) {
    user_rows += fmt::format("U{},1380000{:04d},1\n", u, u);
    event_rows += fmt::format("U{},2025-06-02 11:00,cart,SKU{}\n", u, u % 4);
  }
  WriteFile(dir.path() / "users.csv", user_rows);
  WriteFile(dir.path() / "events.csv", event_rows);
  EXPECT_EQ(RunBrandlens(fmt::format("import users {} -p {}", (dir.path() / "users.csv").string(), project.string())), 0);
  EXPECT_EQ(RunBrandlens(fmt::format("import events {} -p {}", (dir.path() / "events.csv").string(), project.string())),
            0);
  setenv("BRANDLENS_TEST_WEBHOOK_KEY", "k", 1);
  return fmt::format("journeys run -p {} --now '2025-06-02 12:00'", project.string());
}

pid_t Spawn(const std::string& args) {
  const pid_t child = fork();
  if (child == 0) {
    execl("/bin/sh", "sh", "-c", (std::string("exec ") + BRANDLENS_BINARY + " " + args + " > /dev/null 2>&1").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return child;
}

std::map<std::string, int> ArrivalsByKey(const Sinks& sinks) {
  std::map<std::string, int> arrivals;
  for (const auto& hook : sinks.Received("webhook")) ++arrivals[hook["headers"]["Idempotency-Key"].get<std::string>()];
  return arrivals;
}

TEST(DeliveryTest, KilledMidDeliveryAndRunAgainNothingLostNothingDoubled) {
  TempDir dir;
  Sinks sinks(dir.path(), 0.15);
  ASSERT_TRUE(sinks.up());
  constexpr int kUsers = 30;
  const std::string run = WebhookProject(dir, sinks, kUsers);
  ASSERT_FALSE(::testing::Test::HasFailure());

  // At 0.15 s a message, 30 take 4.5 s: kill the run once a few arrived.
  const pid_t child = Spawn(run);
  ASSERT_GT(child, 0);
  for (int wait = 0; wait < 600 && sinks.Received("webhook").size() < 5; ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it was killed";
  const size_t before = sinks.Received("webhook").size();
  EXPECT_GT(before, 0u);
  EXPECT_LT(before, static_cast<size_t>(kUsers));

  ASSERT_EQ(RunBrandlens(run), 0);
  const auto arrivals = ArrivalsByKey(sinks);
  EXPECT_EQ(arrivals.size(), static_cast<size_t>(kUsers));  // nothing lost
  int copies = 0;
  for (const auto& [key, n] : arrivals) copies += n - 1;
  EXPECT_LE(copies, 1) << "only the message in flight at the kill may arrive twice, under the same key";
  EXPECT_EQ(testing::QueryText(dir.path() / "p/workspace.db",
                               "SELECT count(*) FROM journey_deliveries WHERE status = 'sent'"),
            std::to_string(kUsers));
  // A third run sends nothing.
  const size_t total = sinks.Received("webhook").size();
  ASSERT_EQ(RunBrandlens(run), 0);
  EXPECT_EQ(sinks.Received("webhook").size(), total);
}

TEST(DeliveryTest, TwoRunsAtOnceSendEachMessageOnce) {
  TempDir dir;
  Sinks sinks(dir.path(), 0.05);
  ASSERT_TRUE(sinks.up());
  constexpr int kUsers = 30;
  const std::string run = WebhookProject(dir, sinks, kUsers);
  ASSERT_FALSE(::testing::Test::HasFailure());
  const pid_t a = Spawn(run), b = Spawn(run);
  int status_a = 0, status_b = 0;
  waitpid(a, &status_a, 0);
  waitpid(b, &status_b, 0);
  // One delivers; the other finds the delivery lock taken and says so (or,
  // if it started after the first ended, finds nothing left to send).
  EXPECT_TRUE(WEXITSTATUS(status_a) == 0 || WEXITSTATUS(status_b) == 0);
  EXPECT_LE(WEXITSTATUS(status_a) + WEXITSTATUS(status_b), 2);
  const auto arrivals = ArrivalsByKey(sinks);
  EXPECT_EQ(arrivals.size(), static_cast<size_t>(kUsers));
  for (const auto& [key, n] : arrivals) EXPECT_EQ(n, 1) << key;
}

}  // namespace
}  // namespace brandlens
