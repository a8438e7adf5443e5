#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "listening/metrics.h"
#include "listening/spikes.h"
#include "report/report.h"

namespace brandlens {
namespace {

SentimentLabel Label(int sign) { return static_cast<SentimentLabel>(sign); }

TEST(ListeningMathTest, TwoProportionTestMatchesAHandComputation) {
  // 60/100 vs 40/100: pooled 0.5, se = sqrt(0.25 * 0.02) = 0.0707, z = 2.828.
  const auto [z, p] = TwoProportionTest(60, 100, 40, 100);
  EXPECT_NEAR(z, 2.828, 1e-3);
  EXPECT_NEAR(p, 0.00468, 1e-4);
  EXPECT_EQ(TwoProportionTest(0, 0, 1, 2).second, 1.0);
}

TEST(ListeningMathTest, PoissonTailAndRobustZ) {
  EXPECT_NEAR(PoissonTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_NEAR(PoissonTail(8, 2.0), 0.00110, 1e-4);
  EXPECT_EQ(PoissonTail(0, 3.0), 1.0);
  double median = 0;
  EXPECT_NEAR(RobustZ({2, 3, 2, 4, 3, 2, 3}, 30, &median), (30 - 3) / std::sqrt(3.0), 1e-9);
  EXPECT_EQ(median, 3);
}

ListeningFacts TwoBrands() {
  ListeningFacts f;
  f.brands = {"own", "rival"};
  f.platforms = {"weibo"};
  f.aspects = {"price", "taste"};
  int64_t id = 0;
  // 60 days; own: 10 mentions a day (6 positive, 2 negative); rival: 5 (1 positive, 3 negative).
  for (int32_t day = 0; day < 60; ++day) {
    for (int i = 0; i < 10; ++i) f.mentions.push_back({++id, day, 0, 0, Label(i < 6 ? 1 : i < 8 ? -1 : 0), 0, 1});
    for (int i = 0; i < 5; ++i) f.mentions.push_back({++id, day, 1, 0, Label(i < 1 ? 1 : i < 4 ? -1 : 0), 0, 3});
  }
  // A crisis for the rival on days 40-42: 30 extra negatives a day.
  for (int32_t day = 40; day <= 42; ++day)
    for (int i = 0; i < 30; ++i) {
      f.mentions.push_back({++id, day, 1, 0, SentimentLabel::kNegative, 0, 10});
      f.aspect_opinions.push_back({id, day, 1, 0, SentimentLabel::kNegative, "[\"太贵\"]"});
    }
  f.first_day = 0;
  f.last_day = 59;
  return f;
}

TEST(ListeningMetricsTest, ShareOfVoiceAndNetSentimentWithIntervals) {
  const ListeningFacts f = TwoBrands();
  const auto totals = BrandTotals(f, 0, 59);
  ASSERT_EQ(totals.size(), 2u);
  EXPECT_EQ(totals[0].volume, 600);
  EXPECT_EQ(totals[1].volume, 390);
  EXPECT_NEAR(totals[0].share_of_voice.value, 600.0 / 990, 1e-12);
  EXPECT_LT(totals[0].share_of_voice.low, totals[0].share_of_voice.value);
  EXPECT_NEAR(totals[0].net_sentiment.value, 0.4, 1e-12);
  EXPECT_GT(totals[0].net_sentiment.low, 0.3);
  EXPECT_NEAR(totals[0].engaged_share_of_voice.value, 600.0 / (600 + 300 * 3 + 90 * 10), 1e-12);
  const auto first_week = BrandTotals(f, 0, 6);
  EXPECT_EQ(first_week[0].volume, 70);
}

TEST(ListeningMetricsTest, TrendsByMonth) {
  const auto trend = Trend(TwoBrands(), Period::kMonth);
  ASSERT_EQ(trend.size(), 3u);  // January, February and 1 March 1970
  EXPECT_EQ(trend[2].period, "1970-03");
  EXPECT_EQ(trend[0].period, "1970-01");
  EXPECT_EQ(trend[0].volume[0], 310);
}

// Days with `baseline` negatives for 40 days, then one day with `peak`.
ListeningFacts OneSpike(int baseline, int peak) {
  ListeningFacts f;
  f.brands = {"own"};
  f.platforms = {"weibo"};
  int64_t id = 0;
  for (int32_t day = 0; day < 41; ++day)
    for (int i = 0; i < (day == 40 ? peak : baseline); ++i)
      f.mentions.push_back({++id, day, 0, 0, SentimentLabel::kNegative, -0.5f, 0});
  f.first_day = 0;
  f.last_day = 40;
  return f;
}

TEST(SpikesTest, ThresholdsHoldAtTheirEdges) {
  // A quiet baseline (no negatives): the day needs min_negatives exactly.
  EXPECT_EQ(DetectSpikes(OneSpike(0, 8)).size(), 1u);
  EXPECT_TRUE(DetectSpikes(OneSpike(0, 7)).empty());
  // One negative a day: the robust scale is 1, so z = peak - 1; z = 4 alerts.
  SpikeOptions lenient;
  lenient.min_negatives = 1;
  lenient.max_tail_probability = 0.01;
  EXPECT_EQ(DetectSpikes(OneSpike(1, 5), lenient).size(), 1u);
  EXPECT_TRUE(DetectSpikes(OneSpike(1, 4), lenient).empty());
  // The same 5 is not rare enough for the default tail probability (1e-5):
  // P(X >= 5 | lambda = 1) = 0.0037.
  lenient.max_tail_probability = 1e-5;
  EXPECT_TRUE(DetectSpikes(OneSpike(1, 5), lenient).empty());
}

TEST(SpikesTest, FindsTheCrisisWindowAndItsCause) {
  const auto spikes = DetectSpikes(TwoBrands());
  ASSERT_EQ(spikes.size(), 1u);
  EXPECT_EQ(spikes[0].brand, "rival");
  EXPECT_EQ(spikes[0].first_day, 40);
  EXPECT_EQ(spikes[0].last_day, 42);
  EXPECT_EQ(spikes[0].negatives, 99);
  ASSERT_FALSE(spikes[0].aspects.empty());
  EXPECT_EQ(spikes[0].aspects[0].first, "price");
  EXPECT_EQ(spikes[0].top_mentions.size(), 5u);
}

TEST(ChangePointsTest, FindsAStepInWeeklyNetSentimentAndNothingInNoise) {
  ListeningFacts f;
  f.brands = {"own"};
  f.platforms = {"weibo"};
  int64_t id = 0;
  // 40 weeks from Monday 1970-01-05 (day 4): 30 mentions a week; from week 20
  // on, 8 positive of 30 instead of 20 (net +0.53 -> +0.13).
  for (int32_t week = 0; week < 40; ++week)
    for (int i = 0; i < 30; ++i) {
      const int positives = week < 20 ? 20 : 8;
      const SentimentLabel label = Label(i < positives ? 1 : i < 24 ? -1 : 0);
      f.mentions.push_back({++id, 4 + week * 7 + i % 7, 0, 0, label, 0, 0});
    }
  f.first_day = 4;
  f.last_day = 4 + 40 * 7 - 1;
  const auto changes = FindChangePoints(f);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].week, CivilFromDays(4 + 20 * 7));
  EXPECT_GT(changes[0].before, changes[0].after + 0.3);

  ListeningFacts flat = f;
  for (auto& m : flat.mentions) m.label = Label(static_cast<int>(m.mention_id % 3) - 1);
  EXPECT_TRUE(FindChangePoints(flat).empty());
}

TEST(ListeningFactsTest, RestrictToDaysKeepsTheRange) {
  ListeningFacts f = TwoBrands();
  RestrictToDays(f, 10, 19);
  EXPECT_EQ(f.first_day, 10);
  EXPECT_EQ(f.last_day, 19);
  EXPECT_EQ(BrandTotals(f, f.first_day, f.last_day)[0].volume, 100);
}

TEST(ReportTest, HtmlIsSelfContainedEscapedAndCarriesTheNumbers) {
  Report r;
  r.title = "山茶集 <report>";
  r.AddHighlight(1, "声量 up");
  ReportSection s{"voice", "声量", {"a & b"}, {}, {}};
  s.charts.push_back({"chart-1", "bars", {{"series", nlohmann::json::array()}}, {"", {"brand", "sov"}, {{"山茶集", 0.3}}}});
  r.sections.push_back(s);
  const std::string html = ReportToHtml(r, "var echarts = {init: function () {}};");
  EXPECT_NE(html.find("<title>山茶集 &lt;report&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"chart\" id=\"chart-1\"></div>"), std::string::npos);
  EXPECT_NE(html.find("var echarts"), std::string::npos);
  EXPECT_NE(html.find("a &amp; b"), std::string::npos);
  EXPECT_NE(html.find("<td>0.300</td>"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // nothing loaded from elsewhere
  const std::string no_charts = ReportToHtml(r, "");
  EXPECT_NE(no_charts.find("Charts are unavailable"), std::string::npos);
  const auto j = ReportToJson(r);
  EXPECT_EQ(j["sections"][0]["charts"][0]["data"]["rows"][0][1], 0.3);
}

}  // namespace
}  // namespace brandlens
