#include "demo/demo_world.h"

#include <unicode/ucnv.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <ranges>

#include "core/timestamp.h"
#include "demo/calendar.h"
#include "demo/cast.h"
#include "demo/csv_writer.h"
#include "demo/customers_gen.h"
#include "demo/knowledge_gen.h"
#include "demo/marketing_gen.h"
#include "demo/mentions_gen.h"

namespace brandlens::demo {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Local (UTC+8) wall-clock fields of a Unix time.
struct Local {
  std::string date;  // YYYY-MM-DD
  int64_t hour, minute, second;
};
Local ToLocal(int64_t unix_seconds) {
  const int64_t local = unix_seconds + 8 * 3600;
  const int64_t days = local / 86400, rem = local % 86400;
  return {CivilFromDays(days), rem / 3600, rem / 60 % 60, rem % 60};
}
std::string IsoLocal(int64_t t, char sep = ' ') {
  const Local l = ToLocal(t);
  return fmt::format("{}{}{:02d}:{:02d}:{:02d}", l.date, sep, l.hour, l.minute, l.second);
}
// Dianping style: 2025/3/1 12:05
std::string SlashLocal(int64_t t) {
  const Local l = ToLocal(t);
  return fmt::format("{}/{}/{} {:02d}:{:02d}", l.date.substr(0, 4), std::stoi(l.date.substr(5, 2)),
                     std::stoi(l.date.substr(8, 2)), l.hour, l.minute);
}
// Xiaohongshu style: 1.2万 above ten thousand.
std::string ChineseCount(int64_t n) {
  return n >= 10000 ? fmt::format("{:.1f}万", static_cast<double>(n) / 10000) : fmt::format("{}", n);
}

std::string SentimentName(int s) { return s > 0 ? "positive" : s < 0 ? "negative" : "neutral"; }

// GB18030 (the superset of GBK that also encodes emoji), as Excel on Chinese
// Windows saves CSV.
Result<std::string> ToGb18030(const std::string& utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) return Status::Internal(fmt::format("GB18030 conversion failed: {}", u_errorName(err)));
  out.resize(static_cast<size_t>(n));
  return out;
}

class WorldWriter {
 public:
  WorldWriter(fs::path dir, const DemoOptions& options) : dir_(std::move(dir)), options_(options) {}

  Result<DemoWorldInfo> Write() {
    std::error_code ec;
    fs::create_directories(dir_ / "data", ec);
    fs::create_directories(dir_ / "truth", ec);
    if (ec) return Status::IoError(fmt::format("{}: cannot create: {}", dir_.string(), ec.message()));

    Rng mention_rng(options_.seed), customer_rng(options_.seed + 1), marketing_rng(options_.seed + 2);
    const auto mentions = GenerateMentions(mention_rng, 25.0 * options_.scale);
    const int user_count = std::max(100, static_cast<int>(12000 * options_.scale));
    const Customers customers = GenerateCustomers(customer_rng, user_count);
    const auto channel_days = GenerateChannelDays(marketing_rng, &channel_expected_revenue_);
    channel_spend_.assign(PaidChannels().size(), 0);
    for (const ChannelDay& d : channel_days)
      for (size_t c = 0; c < PaidChannels().size(); ++c)
        if (d.channel == PaidChannels()[c].name) channel_spend_[c] += d.spend;
    const auto exposures = GenerateExposures(marketing_rng, options_.scale);
    const Knowledge knowledge = GenerateKnowledge(customers.products);

    BRANDLENS_RETURN_IF_ERROR(WriteMentions(mentions));
    BRANDLENS_RETURN_IF_ERROR(WriteCustomers(customers));
    BRANDLENS_RETURN_IF_ERROR(WriteMarketing(channel_days, exposures, customers));
    BRANDLENS_RETURN_IF_ERROR(WriteKnowledge(knowledge));
    BRANDLENS_RETURN_IF_ERROR(WriteConfig());
    BRANDLENS_RETURN_IF_ERROR(WriteTruth(mentions, customers, exposures, knowledge));
    info_.config = dir_ / "brandlens.toml";
    info_.truth = dir_ / "truth" / "truth.json";
    return info_;
  }

 private:
  Status WriteText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return out ? Status::Ok() : Status::IoError(fmt::format("{}: write failed", path.string()));
  }

  Status WriteMentions(const std::vector<DemoMention>& mentions) {
    // Each platform exports in its own shape, as the real ones do.
    std::ofstream weibo(dir_ / "data/mentions_weibo.jsonl", std::ios::binary);
    CsvWriter xhs((dir_ / "data/mentions_xiaohongshu.csv").string());
    CsvWriter douyin((dir_ / "data/mentions_douyin.csv").string());
    std::ofstream dianping(dir_ / "data/mentions_dianping.csv", std::ios::binary);
    CsvWriter truth((dir_ / "truth/mentions.csv").string());
    xhs.Row({"笔记id", "昵称", "发布时间", "内容", "点赞数", "评论数", "分享数", "链接"});
    douyin.Row({"comment_id", "nickname", "create_time", "content", "digg_count"});
    CsvLine dianping_line;  // encoded to GB18030 line by line
    {
      auto header = ToGb18030("评论id,用户名,评论时间,评论内容,评分\n");
      if (!header.ok()) return header.status();
      dianping << *header;
    }
    truth.Row({"platform", "source_id", "brand", "other_brand", "sentiment", "aspects", "flags", "text"});
    for (const auto& m : mentions) {
      const std::string_view platform = PlatformName(m.platform);
      switch (m.platform) {
        case Platform::kWeibo:
          weibo << json{{"mid", m.source_id}, {"user", {{"screen_name", m.author}}}, {"created_at", IsoLocal(m.posted_at)},
                        {"text", m.text}, {"attitudes_count", m.likes}, {"reposts_count", m.shares},
                        {"comments_count", m.comments}}
                       .dump()
                << '\n';
          break;
        case Platform::kXiaohongshu:
          xhs << m.source_id << m.author << IsoLocal(m.posted_at, 'T') + "+08:00" << m.text << ChineseCount(m.likes)
              << m.comments << m.shares << fmt::format("https://www.xiaohongshu.com/explore/{}", m.source_id);
          xhs.EndRow();
          break;
        case Platform::kDouyin:
          douyin << m.source_id << m.author << m.posted_at * 1000 << m.text << m.likes;
          douyin.EndRow();
          break;
        case Platform::kDianping: {
          const int stars = m.sentiment > 0 ? 4 + (m.likes % 2 == 0) : m.sentiment < 0 ? 1 + (m.likes % 2 == 0) : 3;
          dianping_line << m.source_id << m.author << SlashLocal(m.posted_at) << m.text << static_cast<int64_t>(stars);
          auto encoded = ToGb18030(dianping_line.Take());
          if (!encoded.ok()) return encoded.status();
          dianping << *encoded;
          break;
        }
      }
      ++info_.rows[fmt::format("mentions_{}", platform)];
      std::string aspects, flags;
      for (const auto& a : m.aspects)
        aspects += fmt::format("{}{}:{}", aspects.empty() ? "" : "|", Aspects()[a.aspect].id, a.polarity > 0 ? "+" : "-");
      static const std::pair<uint32_t, std::string_view> kFlagNames[] = {
          {kSpam, "spam"}, {kRepost, "repost"}, {kSarcasm, "sarcasm"}, {kComparative, "comparative"},
          {kTraditional, "traditional"}, {kEnglish, "english"}, {kQuestion, "question"}, {kCrisis, "crisis"},
          {kRhetorical, "rhetorical"}, {kNegation, "negation"}, {kContrast, "contrast"},
          {kCoordinated, "coordinated"}};
      for (const auto& [bit, name] : kFlagNames)
        if (m.flags & bit) flags += fmt::format("{}{}", flags.empty() ? "" : "|", name);
      truth << platform << m.source_id << (m.brand >= 0 ? Brands()[static_cast<size_t>(m.brand)].name : "")
            << (m.other_brand >= 0 ? Brands()[static_cast<size_t>(m.other_brand)].name : "")
            << SentimentName(m.sentiment) << aspects << flags << m.text;
      truth.EndRow();
    }
    weibo.close();
    dianping.close();
    if (!weibo || !dianping) return Status::IoError("writing demo mentions failed");
    BRANDLENS_RETURN_IF_ERROR(xhs.Close());
    BRANDLENS_RETURN_IF_ERROR(douyin.Close());
    return truth.Close();
  }

  Status WriteCustomers(const Customers& c) {
    CsvWriter products((dir_ / "data/products.csv").string());
    products.Row({"product_id", "name", "brand", "category", "price"});
    for (const auto& p : c.products) {
      products << p.id << p.name << Brands()[0].name << p.category << p.price;
      products.EndRow();
    }
    CsvWriter users((dir_ / "data/users.csv").string()), truth((dir_ / "truth/users.csv").string());
    users.Row({"user_id", "signup_at", "gender", "age", "city", "channel", "邮箱", "手机号", "营销授权"});
    truth.Row({"user_id", "persona"});
    for (size_t i = 0; i < c.users.size(); ++i) {
      const auto& u = c.users[i];
      // Contact details follow from the index, not the random stream, so
      // the rest of the world stays as it was: about 70% agreed to
      // marketing, one in ten left no e-mail.
      const uint64_t mix = (i + 1) * 2654435761U;
      const bool has_email = mix % 10 != 3;
      users << u.id << IsoLocal(u.signup_at) << u.gender << static_cast<int64_t>(u.age) << u.city << u.channel
            << (has_email ? fmt::format("{}@mail.example.com", u.id) : std::string())
            << fmt::format("139{:08d}", (i * 7919 + 1234) % 100000000) << std::string(mix % 10 < 7 ? "是" : "否");
      users.EndRow();
      truth.Row({u.id, Personas()[static_cast<size_t>(u.persona)].id});
    }
    CsvWriter events((dir_ / "data/events.csv").string());
    events.Row({"user_id", "event_time", "event", "item_id", "category", "amount", "channel"});
    for (const auto& e : c.events) {
      const DemoProduct* p = e.product >= 0 ? &c.products[static_cast<size_t>(e.product)] : nullptr;
      events << c.users[static_cast<size_t>(e.user)].id << IsoLocal(e.at, 'T') << e.type << (p ? p->id : "")
             << (p ? p->category : "") << (e.amount > 0 ? fmt::format("{:.2f}", e.amount) : "") << e.channel;
      events.EndRow();
    }
    CsvWriter orders((dir_ / "data/orders.csv").string());
    orders.Row({"order_id", "user_id", "pay_time", "product_id", "quantity", "amount", "channel"});
    for (const auto& o : c.orders) {
      orders << o.id << c.users[static_cast<size_t>(o.user)].id << IsoLocal(o.at)
             << c.products[static_cast<size_t>(o.product)].id << static_cast<int64_t>(o.quantity) << o.amount << o.channel;
      orders.EndRow();
    }
    info_.rows["products"] = static_cast<int64_t>(c.products.size());
    info_.rows["users"] = static_cast<int64_t>(c.users.size());
    info_.rows["events"] = static_cast<int64_t>(c.events.size());
    info_.rows["orders"] = static_cast<int64_t>(c.orders.size());
    for (CsvWriter* w : {&products, &users, &truth, &events, &orders}) BRANDLENS_RETURN_IF_ERROR(w->Close());
    return Status::Ok();
  }

  Status WriteMarketing(const std::vector<ChannelDay>& days, const std::vector<Exposure>& exposures,
                        const Customers& c) {
    // An ad-platform report with Chinese headers.
    CsvWriter spend((dir_ / "data/spend.csv").string());
    spend.Row({"日期", "渠道", "计划名称", "消耗", "展示", "点击", "转化", "成交金额"});
    for (const auto& d : days) {
      spend << DayToDate(d.day) << d.channel << d.campaign << d.spend << d.impressions << d.clicks << d.conversions
            << d.revenue;
      spend.EndRow();
    }
    CsvWriter exp((dir_ / "data/experiments.csv").string());
    exp.Row({"experiment", "arm", "user_id", "exposed_at", "converted", "revenue"});
    for (const auto& e : exposures) {
      const auto audience = static_cast<size_t>(e.user);
      exp << e.experiment << std::string(1, e.arm)
          << (audience < c.users.size() ? c.users[audience].id : fmt::format("V{:07d}", e.user)) << IsoLocal(e.at)
          << static_cast<int64_t>(e.converted) << e.revenue;
      exp.EndRow();
    }
    info_.rows["spend"] = static_cast<int64_t>(days.size());
    info_.rows["experiments"] = static_cast<int64_t>(exposures.size());
    BRANDLENS_RETURN_IF_ERROR(spend.Close());
    return exp.Close();
  }

  Status WriteKnowledge(const Knowledge& k) {
    std::string kb;
    for (const auto& d : k.documents)
      kb += json{{"doc_id", d.id}, {"kind", d.kind}, {"title", d.title}, {"body", d.body}}.dump() + "\n";
    BRANDLENS_RETURN_IF_ERROR(WriteText(dir_ / "data/kb.jsonl", kb));
    CsvWriter q((dir_ / "truth/faq_questions.csv").string());
    q.Row({"question", "doc_id"});
    for (const auto& t : k.questions) q.Row({t.question, t.doc_id});
    info_.rows["kb"] = static_cast<int64_t>(k.documents.size());
    return q.Close();
  }

  Status WriteConfig() {
    std::string brands;
    for (const auto& b : Brands()) {
      std::vector<std::string> aliases = {std::string(b.english), std::string(b.nickname), std::string(b.misspelling)};
      for (auto line : b.product_lines) aliases.emplace_back(line);
      // Quoted by hand: clang 14 cannot compile libstdc++ 12's views.
      for (auto& a : aliases) a = "\"" + a + "\"";
      brands += fmt::format("[[brands]]\nname = \"{}\"\nown = {}\naliases = [{}]\n\n", b.name, b.own ? "true" : "false",
                            fmt::join(aliases, ", "));
    }
    const std::string config = fmt::format(R"(# The brandlens demo world: a new-style tea-drink category, generated by
# `brandlens demo` (seed {seed}, scale {scale}). Its ground truth is in truth/.

[project]
name = "山茶集 demo world"
industry = "food_and_drink"
currency = "CNY"
time_zone = "Asia/Shanghai"
workspace = "workspace.db"
channels = ["douyin", "xiaohongshu", "wechat", "tmall_search", "outdoor"]

{brands}# Each platform exports differently; column names are recognised, and
# `map` covers what is not (a nested JSON key here).
[[sources]]
kind = "mentions"
path = "data/mentions_weibo.jsonl"
platform = "weibo"
map = {{ author = "user.screen_name" }}

[[sources]]
kind = "mentions"
path = "data/mentions_xiaohongshu.csv"
platform = "xiaohongshu"

[[sources]]
kind = "mentions"
path = "data/mentions_dianping.csv"
platform = "dianping"
encoding = "auto"  # this export is GB18030, detected automatically

[[sources]]
kind = "mentions"
path = "data/mentions_douyin.csv"
platform = "douyin"

[[sources]]
kind = "products"
path = "data/products.csv"

[[sources]]
kind = "users"
path = "data/users.csv"

[[sources]]
kind = "events"
path = "data/events.csv"

[[sources]]
kind = "orders"
path = "data/orders.csv"

[[sources]]
kind = "spend"
path = "data/spend.csv"

[[sources]]
kind = "experiments"
path = "data/experiments.csv"

[[sources]]
kind = "kb"
path = "data/kb.jsonl"

# Trigger journeys: `brandlens journeys run` sends; `brandlens run` shows a
# dry run in the report. Point smtp_url at your mail server to send.
[delivery]
smtp_url = "smtp://127.0.0.1:2525"
from = "山茶集 <hello@mail.example.com>"
unsubscribe_url = "https://example.com/unsubscribe?u={{user_id}}"
quiet_hours = [22, 8]
cap_per_user = 2
cap_days = 7

[[journeys]]
name = "cart_reminder"
trigger = "cart"
delay_minutes = 60
cancel_on = "purchase"
channel = "email"
subject = "{{event_item}} 还在购物车里"
text = "您好，您加入购物车的 {{event_item}} 还在等您。退订：{{unsubscribe_url}}"

[[journeys]]
name = "review_request"
trigger = "purchase"
delay_minutes = 2880
channel = "email"
subject = "{{event_item}} 喝得还满意吗？"
text = "您好，欢迎评价您买的 {{event_item}}。也许您还会喜欢：{{recommendations}}。退订：{{unsubscribe_url}}"
html = "<p>您好，欢迎评价您买的 <b>{{event_item}}</b>。</p><p>也许您还会喜欢：{{recommendations}}</p>"
)",
                                           fmt::arg("seed", options_.seed), fmt::arg("scale", options_.scale),
                                           fmt::arg("brands", brands));
    return WriteText(dir_ / "brandlens.toml", config);
  }

  Status WriteTruth(const std::vector<DemoMention>& mentions, const Customers& customers,
                    const std::vector<Exposure>& exposures, const Knowledge& knowledge) {
    const auto& brands = Brands();
    const auto& aspects = Aspects();
    json truth;
    truth["seed"] = options_.seed;
    truth["scale"] = options_.scale;
    truth["period"] = {{"start", DayToDate(0)}, {"end", DayToDate(kDays - 1)}, {"days", kDays}};
    truth["time_zone"] = "Asia/Shanghai";

    // Realized mention statistics, spam excluded (reposts count: they are voice).
    struct Tally {
      int64_t total = 0, pos = 0, neg = 0, neu = 0;
      std::array<std::array<int64_t, 2>, kAspectCount> aspect{};  // [neg, pos]
    };
    std::vector<Tally> tally(brands.size());
    std::map<std::string, std::vector<Tally>> monthly;
    int64_t organic_total = 0;
    for (const auto& m : mentions) {
      if (m.brand < 0 || (m.flags & kSpam)) continue;
      ++organic_total;
      auto& month = monthly[DayToDate(m.day).substr(0, 7)];
      month.resize(brands.size());
      for (Tally* t : {&tally[static_cast<size_t>(m.brand)], &month[static_cast<size_t>(m.brand)]}) {
        ++t->total;
        (m.sentiment > 0 ? t->pos : m.sentiment < 0 ? t->neg : t->neu)++;
        for (const auto& a : m.aspects) ++t->aspect[a.aspect][a.polarity > 0];
      }
    }
    auto net = [](const Tally& t) { return t.total ? static_cast<double>(t.pos - t.neg) / static_cast<double>(t.total) : 0.0; };
    for (size_t b = 0; b < brands.size(); ++b) {
      json aspect_json;
      for (size_t a = 0; a < aspects.size(); ++a) {
        const auto& c = tally[b].aspect[a];
        aspect_json[std::string(aspects[a].id)] = {
            {"planted_positive_rate", brands[b].aspect_positive[a]}, {"positive", c[1]}, {"negative", c[0]},
            {"net", c[0] + c[1] ? static_cast<double>(c[1] - c[0]) / static_cast<double>(c[0] + c[1]) : 0.0}};
      }
      truth["brands"].push_back({{"name", brands[b].name},
                                 {"own", brands[b].own},
                                 {"planted_share_start", brands[b].share_start},
                                 {"planted_share_end", brands[b].share_end},
                                 {"mentions", tally[b].total},
                                 {"share_of_voice", static_cast<double>(tally[b].total) / static_cast<double>(organic_total)},
                                 {"positive", tally[b].pos},
                                 {"neutral", tally[b].neu},
                                 {"negative", tally[b].neg},
                                 {"net_sentiment", net(tally[b])},
                                 {"aspects", aspect_json}});
    }
    for (const auto& [month, per_brand] : monthly)
      for (size_t b = 0; b < brands.size(); ++b)
        truth["monthly"].push_back({{"month", month}, {"brand", brands[b].name}, {"mentions", per_brand[b].total},
                                    {"net_sentiment", net(per_brand[b])}});

    // Planted strengths and weaknesses: the own brand against each competitor
    // on aspects whose planted positive rates differ by at least 0.15.
    for (size_t b = 1; b < brands.size(); ++b)
      for (size_t a = 0; a < aspects.size(); ++a) {
        const double diff = brands[0].aspect_positive[a] - brands[b].aspect_positive[a];
        if (std::abs(diff) >= 0.15)
          truth["strengths_weaknesses"].push_back({{"competitor", brands[b].name}, {"aspect", aspects[a].id},
                                                   {"own_rate", brands[0].aspect_positive[a]},
                                                   {"competitor_rate", brands[b].aspect_positive[a]},
                                                   {"verdict", diff > 0 ? "strength" : "weakness"}});
      }
    for (const auto& c : Crises()) {
      int64_t count = 0;
      for (const auto& m : mentions) count += (m.flags & kCrisis) && m.brand == c.brand && m.day >= c.first_day && m.day <= c.last_day;
      truth["crises"].push_back({{"brand", brands[static_cast<size_t>(c.brand)].name}, {"aspect", aspects[c.aspect].id},
                                 {"start", DayToDate(c.first_day)}, {"end", DayToDate(c.last_day)},
                                 {"keywords", c.keywords}, {"mentions", count}});
    }

    std::vector<int64_t> persona_users(Personas().size());
    for (const auto& u : customers.users) ++persona_users[static_cast<size_t>(u.persona)];
    for (size_t p = 0; p < Personas().size(); ++p) {
      const Persona& persona = Personas()[p];
      truth["personas"].push_back({{"id", persona.id}, {"name", persona.name}, {"users", persona_users[p]},
                                   {"orders_per_month", persona.orders_per_month},
                                   {"promo_sensitivity", persona.promo_sensitivity},
                                   {"age_range", {persona.age_lo, persona.age_hi}}});
    }
    // roas: the channel's revenue without noise over its spend, both summed
    // over every day of the world: what a marketing-mix model should find.
    for (size_t c = 0; c < PaidChannels().size(); ++c) {
      const ChannelTruth& ch = PaidChannels()[c];
      truth["channels"].push_back({{"name", ch.name}, {"decay", ch.decay}, {"half_saturation", ch.half_saturation},
                                   {"shape", ch.shape}, {"beta", ch.beta}, {"daily_budget", ch.daily_budget},
                                   {"spend", channel_spend_[c]}, {"contribution", channel_expected_revenue_[c]},
                                   {"roas", channel_expected_revenue_[c] / channel_spend_[c]}});
    }
    truth["baseline_revenue"] = kBaselineRevenue;

    for (const auto& e : Experiments()) {
      json arms;
      for (char arm : {'A', 'B'}) {
        int64_t n = 0, conv = 0;
        for (const auto& x : exposures)
          if (x.experiment == e.id && x.arm == arm) ++n, conv += x.converted;
        arms[std::string(1, arm)] = {{"users", n}, {"conversions", conv}};
      }
      truth["experiments"].push_back({{"id", e.id}, {"description", e.description}, {"control_rate", e.control_rate},
                                      {"relative_lift", e.relative_lift}, {"arms", arms}});
    }
    truth["knowledge_base"] = {{"documents", knowledge.documents.size()},
                               {"test_questions", knowledge.questions.size()},
                               {"test_questions_file", "truth/faq_questions.csv"}};
    truth["files"] = info_.rows;
    return WriteText(dir_ / "truth/truth.json", truth.dump(2) + "\n");
  }

  fs::path dir_;
  DemoOptions options_;
  DemoWorldInfo info_;
  std::vector<double> channel_expected_revenue_, channel_spend_;  // per paid channel, for the truth
};

}  // namespace

Result<DemoWorldInfo> WriteDemoWorld(const std::filesystem::path& dir, const DemoOptions& options) {
  if (options.scale <= 0 || options.scale > 100)
    return Status::InvalidInput(fmt::format("demo scale {} is outside (0, 100]", options.scale));
  return WorldWriter(dir, options).Write();
}

}  // namespace brandlens::demo
