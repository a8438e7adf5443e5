#include "demo/mentions_gen.h"

#include <fmt/format.h>

#include <algorithm>

#include "demo/calendar.h"

namespace brandlens::demo {

std::string_view PlatformName(Platform p) {
  switch (p) {
    case Platform::kWeibo: return "weibo";
    case Platform::kXiaohongshu: return "xiaohongshu";
    case Platform::kDianping: return "dianping";
    case Platform::kDouyin: return "douyin";
  }
  return "unknown";
}

namespace {

using SV = std::string_view;

const std::vector<SV> kOpeners = {"今天去了{B}，", "第一次喝{B}，", "终于喝到{B}了，", "路过{B}买了一杯，",
                                  "点了{B}的外卖，", "和闺蜜去了{B}，", "{B}新品打卡，", "{B}",
                                  "下班奖励自己一杯{B}，", "公司楼下新开了{B}，", "{P}，"};
const std::vector<SV> kPositiveClosers = {"会回购的", "推荐！", "yyds", "绝绝子", "下次还来", "爱了爱了",
                                          "强烈安利", "宝藏店铺"};
const std::vector<SV> kNegativeClosers = {"再也不买了", "踩雷了", "太拉胯了", "纯纯智商税", "失望",
                                          "大家避雷", "不会再来了", "无语"};
const std::vector<SV> kPositiveEmoji = {"😍", "👍", "❤️", "🥰", "😋", "[赞]", "[爱你]"};
const std::vector<SV> kNegativeEmoji = {"😡", "👎", "💔", "🙄", "😤", "[怒]", "[失望]"};
const std::vector<SV> kDegreePositive = {"很", "非常", "超级", "特别", "挺", "真的", ""};
const std::vector<SV> kDegreeNegative = {"很", "有点", "太", "非常", "特别", ""};
const std::vector<SV> kNeutral = {"{B}出新品了，有人喝过吗？", "请问{B}的会员积分怎么用？", "{B}今天有活动吗",
                                  "{B}在万象城有店吗？", "刚刷到{B}的广告", "{B}和奶茶券可以一起用吗",
                                  "{B}几点关门啊", "有人知道{P}多少钱吗", "{B}又上新了",
                                  "明天去{B}试试", "听说{B}要开到我们这了", "{B}的门店越来越多了"};
const std::vector<SV> kSarcasmTails = {"谢谢你让我清醒", "下次还敢🙃", "服了", "真是长见识了", "笑死"};
const std::vector<SV> kEnglishPositive = {"amazing", "great", "really good", "so fresh", "worth it"};
const std::vector<SV> kEnglishNegative = {"terrible", "disappointing", "overpriced", "awful", "not worth it"};
const std::vector<SV> kAuthorHeads = {"小", "阿", "大", "爱喝奶茶的", "不吃香菜的", "momo", "Lily", "奶茶控",
                                      "打工人", "干饭人", "橘子", "奶糖", "Coco", "一只", "今天的"};
const std::vector<SV> kAuthorTails = {"鱼", "猫", "兔", "酱", "同学", "本人", "_2023", "123", "很忙",
                                      "今天也要开心", "不加糖", "Yu", "阿七", "小王", "豆豆"};

void Replace(std::string& s, SV from, SV to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

int64_t LocalTime(Rng& rng, int day) {
  // Evening-heavy activity: hours weighted toward lunch and 19–23h.
  static const double kHourWeights[24] = {2, 1, 0.5, 0.3, 0.2, 0.3, 0.6, 1.2, 2, 2.5, 3, 3.5,
                                          4.5, 4, 3.5, 3.5, 3.8, 4, 4.5, 5.5, 6, 6, 5, 3.5};
  const auto hour = static_cast<int64_t>(rng.Weighted(kHourWeights));
  const auto second = static_cast<int64_t>(rng.Index(3600));
  // Asia/Shanghai is UTC+8 all year (no DST since 1991).
  return DayToDaysSinceEpoch(day) * 86400 + hour * 3600 + second - 8 * 3600;
}

class MentionComposer {
 public:
  MentionComposer(Rng& rng) : rng_(rng) {}

  std::string BrandSurface(int b) {
    const DemoBrand& brand = Brands()[static_cast<size_t>(b)];
    const double r = rng_.Uniform();
    if (r < 0.74) return std::string(brand.name);
    if (r < 0.84) return std::string(brand.english);
    if (r < 0.91) return std::string(brand.nickname);
    if (r < 0.95) return std::string(brand.misspelling);
    return fmt::format("#{}#", brand.name);
  }

  double PositiveProbability(int b, Aspect a, int day) {
    const DemoBrand& brand = Brands()[static_cast<size_t>(b)];
    const double p = brand.aspect_positive[a] + brand.sentiment_drift * day / (kDays - 1);
    return std::clamp(p, 0.02, 0.98);
  }

  Aspect PickAspect() {
    std::array<double, kAspectCount> w{};
    for (size_t i = 0; i < w.size(); ++i) w[i] = Aspects()[i].weight;
    return static_cast<Aspect>(rng_.Weighted(w));
  }

  // "价格有点贵", "口味不难喝", "这口感也叫好喝？"
  std::string Clause(Aspect a, int polarity, uint32_t& flags) {
    const AspectVocabulary& v = Aspects()[a];
    const std::string term(rng_.Pick(v.terms));
    if (polarity > 0) {
      if (rng_.Chance(0.18)) {
        flags |= kNegation;
        const SV neg = rng_.Pick(v.negatable_negative);
        return rng_.Chance(0.5) ? fmt::format("{}不{}", term, neg) : fmt::format("{}一点都不{}", term, neg);
      }
      return fmt::format("{}{}{}", term, rng_.Pick(kDegreePositive), rng_.Pick(v.positive));
    }
    if (rng_.Chance(0.06)) {
      flags |= kRhetorical;
      return fmt::format("这{}也叫{}？", term, rng_.Pick(v.positive));
    }
    if (rng_.Chance(0.18)) {
      flags |= kNegation;
      const SV pos = rng_.Pick(v.positive);
      return rng_.Chance(0.5) ? fmt::format("{}不{}", term, pos) : fmt::format("{}一点也不{}", term, pos);
    }
    return fmt::format("{}{}{}", term, rng_.Pick(kDegreeNegative), rng_.Pick(v.negative));
  }

  void Opinion(DemoMention& m) {
    const int count = rng_.Chance(0.55) ? 1 : rng_.Chance(0.9) ? 2 : 3;
    std::vector<Aspect> aspects;
    while (static_cast<int>(aspects.size()) < count) {
      const Aspect a = PickAspect();
      if (std::find(aspects.begin(), aspects.end(), a) == aspects.end()) aspects.push_back(a);
    }
    std::vector<std::string> clauses;
    for (Aspect a : aspects) {
      const int polarity = rng_.Chance(PositiveProbability(m.brand, a, m.day)) ? 1 : -1;
      m.aspects.push_back({a, polarity});
      clauses.push_back(Clause(a, polarity, m.flags));
    }
    // Mixed opinions are joined by a contrast word, and the clause after it
    // decides the overall sentiment (as in 虽然好喝，但是太贵了).
    std::string body = clauses[0];
    for (size_t i = 1; i < clauses.size(); ++i) {
      const bool mixed = m.aspects[i].polarity != m.aspects[i - 1].polarity;
      if (mixed) {
        m.flags |= kContrast;
        static const std::vector<SV> kContrast = {"，但是", "，不过", "，可是", "，但"};
        body += fmt::format("{}{}", rng_.Pick(kContrast), clauses[i]);
      } else {
        body += fmt::format("{}{}", rng_.Chance(0.5) ? "，而且" : "，", clauses[i]);
      }
    }
    m.sentiment = m.aspects.back().polarity;
    if (m.aspects.size() == 3 && !(m.flags & kContrast)) m.sentiment = m.aspects[0].polarity;

    std::string opener(rng_.Pick(kOpeners));
    std::string text = opener + body;
    if (rng_.Chance(0.55)) text += fmt::format("，{}", rng_.Pick(m.sentiment > 0 ? kPositiveClosers : kNegativeClosers));
    if (rng_.Chance(0.12)) text += m.sentiment > 0 ? "！！！" : "。。。";
    if (rng_.Chance(0.45)) text += rng_.Pick(m.sentiment > 0 ? kPositiveEmoji : kNegativeEmoji);
    m.text = std::move(text);
  }

  void Neutral(DemoMention& m) {
    m.sentiment = 0;
    m.flags |= kQuestion;
    m.text = std::string(rng_.Pick(kNeutral));
  }

  void Comparative(DemoMention& m, int other, int day) {
    const Aspect a = PickAspect();
    const double p_self = PositiveProbability(m.brand, a, day), p_other = PositiveProbability(other, a, day);
    if (!rng_.Chance(p_self / (p_self + p_other))) std::swap(m.brand, other);  // the winner is primary
    m.other_brand = other;
    m.flags |= kComparative;
    m.sentiment = 1;
    m.aspects.push_back({a, 1});
    const SV x = rng_.Pick(Aspects()[a].comparative);
    const std::string winner = "{B}", loser = BrandSurface(other);
    switch (rng_.Index(3)) {
      case 0: m.text = fmt::format("{}比{}{}多了", winner, loser, x); break;
      case 1: m.text = fmt::format("{}不如{}{}", loser, winner, x); break;
      default: m.text = fmt::format("{}的{}吊打{}", winner, Aspects()[a].terms[0], loser); break;
    }
  }

  void Sarcasm(DemoMention& m) {
    const Aspect a = PickAspect();
    const AspectVocabulary& v = Aspects()[a];
    m.flags |= kSarcasm;
    m.sentiment = -1;
    m.aspects.push_back({a, -1});
    m.text = fmt::format("呵呵，{{B}}的{}真是太“{}”了，{}", rng_.Pick(v.terms), rng_.Pick(v.positive),
                         rng_.Pick(kSarcasmTails));
  }

  void English(DemoMention& m) {
    const Aspect a = PickAspect();
    const int polarity = rng_.Chance(PositiveProbability(m.brand, a, m.day)) ? 1 : -1;
    m.flags |= kEnglish;
    m.sentiment = polarity;
    m.aspects.push_back({a, polarity});
    m.text = fmt::format("Tried {} today. The {} was {}{}", Brands()[static_cast<size_t>(m.brand)].english,
                         Aspects()[a].english_term,
                         rng_.Pick(polarity > 0 ? kEnglishPositive : kEnglishNegative), polarity > 0 ? "!" : ".");
  }

  void Crisis(DemoMention& m, const PlantedCrisis& c) {
    const AspectVocabulary& v = Aspects()[c.aspect];
    m.flags |= kCrisis;
    m.sentiment = -1;
    m.aspects.push_back({c.aspect, -1});
    static const std::vector<SV> kForms = {"{B}{K}了，{T}{N}，{C}", "{B}又{K}？{T}也太{N}了吧",
                                           "看到{B}{K}的新闻，{T}{N}，以后不敢喝了", "#{B}{K}# {T}这么{N}，{C}"};
    std::string text(rng_.Pick(kForms));
    Replace(text, "{K}", rng_.Pick(c.keywords));
    Replace(text, "{T}", rng_.Pick(v.terms));
    Replace(text, "{N}", rng_.Pick(v.negative));
    Replace(text, "{C}", rng_.Pick(kNegativeClosers));
    m.text = std::move(text);
  }

  void Spam(DemoMention& m) {
    m.flags |= kSpam;
    m.brand = static_cast<int>(rng_.Index(Brands().size()));
    m.sentiment = 0;
    static const std::vector<SV> kForms = {"【福利】{B}奶茶券免费领，加V：tea{D} 👉 http://t.cn/A6{D}",
                                           "{B}代金券低价出，需要的私我，vx{D}",
                                           "免费喝{B}！关注+转发抽10人 http://t.cn/R{D}"};
    m.text = std::string(rng_.Pick(kForms));
    Replace(m.text, "{D}", fmt::format("{}", 1000 + rng_.Index(9000)));
  }

  // Fills {B} and {P} and applies script variation.
  void Finish(DemoMention& m) {
    Replace(m.text, "{B}", m.brand >= 0 ? BrandSurface(m.brand) : "");
    if (m.brand >= 0) {
      const auto& lines = Brands()[static_cast<size_t>(m.brand)].product_lines;
      Replace(m.text, "{P}", rng_.Pick(lines));
    }
    if (!(m.flags & (kEnglish | kSpam)) && rng_.Chance(0.05)) {
      m.flags |= kTraditional;
      m.text = ToTraditional(m.text);
    }
  }

  std::string Author() { return fmt::format("{}{}", rng_.Pick(kAuthorHeads), rng_.Pick(kAuthorTails)); }

 private:
  Rng& rng_;
};

// A planted 水军 campaign: fresh accounts each post one near-copy of a
// script within `hours`, with the edits that copy-paste teams make to dodge
// exact-duplicate filters (an emoji here, punctuation there, a synonym).
struct Campaign {
  int brand;
  int day;
  int posts;
  int hours;
  int sentiment;
  SV script;  // {B}: the brand; {A} and {C}: swapped for a synonym
  std::vector<SV> a, c;
};

std::vector<DemoMention> PlantCampaign(Rng& rng, const Campaign& campaign) {
  static const std::vector<SV> kEmoji = {"😍", "👍", "🔥", "✨", "💯", "😭", "😡", "👇"};
  std::vector<DemoMention> out;
  for (int i = 0; i < campaign.posts; ++i) {
    DemoMention m;
    m.day = campaign.day;
    m.platform = rng.Chance(0.7) ? Platform::kWeibo : Platform::kXiaohongshu;
    m.posted_at = LocalTime(rng, campaign.day) / 86400 * 86400 +
                  static_cast<int64_t>(rng.Index(static_cast<size_t>(campaign.hours) * 3600));
    m.author = fmt::format("用户{}", 6'000'000'000 + rng.Index(1'000'000'000));
    m.brand = campaign.brand;
    m.sentiment = campaign.sentiment;
    m.flags = kSpam | kCoordinated;
    m.text = std::string(campaign.script);
    Replace(m.text, "{B}", Brands()[static_cast<size_t>(campaign.brand)].name);
    Replace(m.text, "{A}", rng.Pick(campaign.a));
    Replace(m.text, "{C}", rng.Pick(campaign.c));
    if (rng.Chance(0.5)) Replace(m.text, "，", rng.Chance(0.5) ? " " : ",");
    if (rng.Chance(0.6)) m.text.insert(m.text.size(), std::string(rng.Pick(kEmoji)));
    if (rng.Chance(0.4)) m.text = std::string(rng.Pick(kEmoji)) + m.text;
    m.likes = static_cast<int64_t>(rng.Index(5));
    out.push_back(std::move(m));
  }
  return out;
}

Platform PickPlatform(Rng& rng) {
  static const double kWeights[] = {0.35, 0.30, 0.20, 0.15};
  return static_cast<Platform>(rng.Weighted(kWeights));
}

}  // namespace

std::vector<DemoMention> GenerateMentions(Rng& rng, double daily_mentions) {
  MentionComposer composer(rng);
  std::vector<DemoMention> out;
  const auto& brands = Brands();
  auto base = [&](int day, int brand) {
    DemoMention m;
    m.day = day;
    m.brand = brand;
    m.platform = PickPlatform(rng);
    m.posted_at = LocalTime(rng, day);
    m.author = composer.Author();
    m.likes = static_cast<int64_t>(rng.LogNormal(1.5, 1.6));
    m.comments = static_cast<int64_t>(static_cast<double>(m.likes) * rng.Uniform(0, 0.3));
    m.shares = static_cast<int64_t>(static_cast<double>(m.likes) * rng.Uniform(0, 0.2));
    return m;
  };

  for (int day = 0; day < kDays; ++day) {
    const double t = static_cast<double>(day) / (kDays - 1);
    const FestivalEffect fest = FestivalOn(day);
    const double summer = std::max(0.0, std::sin(2 * M_PI * (DayOfYearFraction(day) - 0.25)));
    const double seasonal = (DayOfWeek(day) >= 5 ? 1.15 : 0.94) * (1 + 0.5 * fest.shopping) *
                            (1 - 0.45 * fest.spring_festival) * (1 + 0.3 * summer);
    double share_total = 0;
    for (const auto& b : brands) share_total += b.share_start + (b.share_end - b.share_start) * t;
    for (size_t b = 0; b < brands.size(); ++b) {
      const double share = (brands[b].share_start + (brands[b].share_end - brands[b].share_start) * t) / share_total;
      const int64_t n = rng.Poisson(daily_mentions * share * seasonal);
      for (int64_t i = 0; i < n; ++i) {
        DemoMention m = base(day, static_cast<int>(b));
        const double r = rng.Uniform();
        if (r < 0.12) {
          composer.Neutral(m);
        } else if (r < 0.16) {
          int other = static_cast<int>(rng.Index(brands.size() - 1));
          if (other >= static_cast<int>(b)) ++other;
          composer.Comparative(m, other, day);
        } else if (r < 0.18) {
          composer.Sarcasm(m);
        } else if (r < 0.21) {
          composer.English(m);
        } else {
          composer.Opinion(m);
        }
        composer.Finish(m);
        out.push_back(std::move(m));
      }
    }
    for (const auto& c : Crises()) {
      if (day < c.first_day || day > c.last_day) continue;
      const double decay = std::exp(-0.45 * (day - c.first_day));
      for (int64_t i = rng.Poisson(c.peak_per_day * decay); i > 0; --i) {
        DemoMention m = base(day, c.brand);
        m.likes *= 5;  // crisis posts travel further
        composer.Crisis(m, c);
        composer.Finish(m);
        out.push_back(std::move(m));
      }
    }
    for (int64_t i = rng.Poisson(daily_mentions * 0.025); i > 0; --i) {
      DemoMention m = base(day, -1);
      composer.Spam(m);
      composer.Finish(m);
      m.likes = 0;
      out.push_back(std::move(m));
    }
  }

  // Reposts: some organic Weibo posts are reposted with a short comment
  // (near-duplicates), some copied verbatim elsewhere (exact duplicates).
  const size_t organic = out.size();
  for (size_t i = 0; i < organic; ++i) {
    if (out[i].flags & kSpam || !rng.Chance(0.06)) continue;
    DemoMention r = out[i];
    r.flags |= kRepost;
    r.day = std::min(kDays - 1, r.day + static_cast<int>(rng.Index(3)));
    r.posted_at = std::max(out[i].posted_at + 60, LocalTime(rng, r.day));
    const std::string original_author = r.author;
    r.author = composer.Author();
    if (rng.Chance(0.6)) {
      r.platform = Platform::kWeibo;
      static const std::vector<SV> kReasons = {"转发微博", "说得对", "同感", "哈哈哈", "+1", "mark"};
      r.text = fmt::format("{}//@{}: {}", rng.Pick(kReasons), original_author, out[i].text);
    } else {
      r.platform = PickPlatform(rng);
    }
    r.likes /= 4;
    out.push_back(std::move(r));
  }
  // Two campaigns: a competitor's paid praise, and an attack on the own brand.
  const Campaign kCampaigns[] = {
      {1, 420, static_cast<int>(daily_mentions * 2.4), 36, 1,
       "{B}新品真的{A}，果肉满满一大杯，性价比超高，{C}冲就完事了！",
       {"绝了", "太绝了", "绝绝子"}, {"姐妹们", "家人们", "宝子们"}},
      {0, 610, static_cast<int>(daily_mentions * 1.6), 20, -1,
       "千万别买{B}，喝完{A}，客服还不理人，{C}避雷！！",
       {"肚子疼了一晚上", "上吐下泻", "肚子疼一整晚"}, {"大家", "姐妹们", "朋友们"}},
  };
  for (const Campaign& c : kCampaigns)
    for (DemoMention& m : PlantCampaign(rng, c)) out.push_back(std::move(m));
  std::stable_sort(out.begin(), out.end(),
                   [](const DemoMention& a, const DemoMention& b) { return a.posted_at < b.posted_at; });
  for (size_t i = 0; i < out.size(); ++i) out[i].source_id = fmt::format("{}", 4'900'000'000 + i * 7);
  return out;
}

}  // namespace brandlens::demo
