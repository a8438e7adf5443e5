// A/B statistics against hand-computed values, and the properties that
// make them safe: Holm's correction, the sample-ratio check, CUPED, and
// mSPRT keeping its error rate under repeated looks where peeking does not.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "campaigns/experiments.h"

namespace brandlens {
namespace {

// `n` users per arm; conversions first.
ExperimentData Conversions(int control_n, int control_conv, int arm_n, int arm_conv) {
  ExperimentData d;
  auto& y = d.metrics["converted"];
  for (int i = 0; i < control_n; ++i) d.arm.push_back("control"), y.push_back(i < control_conv ? 1 : 0);
  for (int i = 0; i < arm_n; ++i) d.arm.push_back("B"), y.push_back(i < arm_conv ? 1 : 0);
  return d;
}

TEST(ExperimentTest, TwoProportionsByHand) {
  auto r = AnalyzeExperiment(Conversions(1000, 50, 1000, 70), {"converted"}, {"control"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->results.size(), 1u);
  const MetricResult& m = r->results[0];
  EXPECT_EQ(m.test, "two-proportion z");
  EXPECT_NEAR(m.control_mean, 0.05, 1e-12);
  EXPECT_NEAR(m.arm_mean, 0.07, 1e-12);
  EXPECT_NEAR(m.lift_abs, 0.02, 1e-12);
  // Pooled z = 0.02 / √(0.06 · 0.94 · 2/1000) = 1.8831 → p = 0.0597.
  EXPECT_NEAR(m.p_value, 0.0597, 0.0005);
  // Unpooled interval 0.02 ± 1.96 · 0.010611.
  EXPECT_NEAR(m.lift_abs_low, -0.000798, 0.0001);
  EXPECT_NEAR(m.lift_abs_high, 0.040798, 0.0001);
  EXPECT_NEAR(m.lift_rel, 0.4, 1e-9);
  EXPECT_LT(m.lift_rel_low, 0);
  EXPECT_FALSE(m.significant);
  EXPECT_FALSE(r->sample_ratio.mismatch);
}

TEST(ExperimentTest, WelchMatchesAKnownValue) {
  ExperimentData d;
  for (double v : {1, 2, 3, 4, 5}) d.arm.push_back("A"), d.metrics["revenue"].push_back(v);
  for (double v : {2, 4, 6, 8, 10}) d.arm.push_back("B"), d.metrics["revenue"].push_back(v);
  auto r = AnalyzeExperiment(d, {"revenue"}, {"A"});
  ASSERT_TRUE(r.ok());
  const MetricResult& m = r->results[0];
  EXPECT_EQ(m.test, "Welch t");
  EXPECT_DOUBLE_EQ(m.lift_abs, 3.0);
  // scipy.stats.ttest_ind(equal_var=False): t = 1.897, df = 5.88, p = 0.1075.
  EXPECT_NEAR(m.p_value, 0.1075, 0.001);
  EXPECT_LT(m.lift_abs_low, 0);
  EXPECT_GT(m.lift_abs_high, 6);
}

TEST(ExperimentTest, HolmCorrectsAcrossArmsAndMetrics) {
  // Three arms against control on one metric, effects of very different size.
  ExperimentData d;
  std::mt19937_64 rng(1);
  std::normal_distribution<double> e(0, 1);
  const std::vector<std::pair<std::string, double>> arms = {{"control", 0}, {"big", 0.3}, {"small", 0.05}, {"none", 0}};
  for (const auto& [arm, effect] : arms)
    for (int i = 0; i < 2000; ++i) d.arm.push_back(arm), d.metrics["y"].push_back(effect + e(rng));
  auto r = AnalyzeExperiment(d, {"y"}, {"control"});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->results.size(), 3u);
  EXPECT_EQ(r->correction, "holm");
  EXPECT_EQ(r->results[0].arm, "big");
  EXPECT_TRUE(r->results[0].significant);
  for (const auto& m : r->results) EXPECT_GE(m.p_adjusted, m.p_value);
  // The smallest p is multiplied by 3, the next by 2 (and kept monotone).
  const auto smallest = std::min_element(r->results.begin(), r->results.end(),
                                         [](const auto& a, const auto& b) { return a.p_value < b.p_value; });
  EXPECT_NEAR(smallest->p_adjusted, std::min(1.0, 3 * smallest->p_value), 1e-12);
}

TEST(ExperimentTest, SampleRatioMismatchIsFlagged) {
  auto r = AnalyzeExperiment(Conversions(1000, 50, 1200, 60), {"converted"}, {"control"});
  ASSERT_TRUE(r.ok());
  // χ² = 2 · 100² / 1100 = 18.2 with one degree of freedom: p ≈ 2e-5.
  EXPECT_NEAR(r->sample_ratio.chi_square, 18.18, 0.01);
  EXPECT_TRUE(r->sample_ratio.mismatch);
  ExperimentOptions planned{"control"};
  planned.expected_ratio = {{"control", 5}, {"B", 6}};  // the split was meant to be 5:6
  auto fine = AnalyzeExperiment(Conversions(1000, 50, 1200, 60), {"converted"}, planned);
  ASSERT_TRUE(fine.ok());
  EXPECT_FALSE(fine->sample_ratio.mismatch);
}

TEST(ExperimentTest, CupedNarrowsTheIntervalAroundTheSameLift) {
  // Revenue follows last month's spend closely; the arm adds 1.
  ExperimentData d;
  std::mt19937_64 rng(7);
  std::normal_distribution<double> pre(50, 10), noise(0, 3);
  for (int i = 0; i < 4000; ++i) {
    const bool arm = i % 2;
    const double x = pre(rng);
    d.arm.push_back(arm ? "B" : "A");
    d.metrics["revenue"].push_back(x + noise(rng) + (arm ? 1.0 : 0.0));
    d.covariate.push_back(x);
  }
  ExperimentData plain = d;
  plain.covariate.clear();
  auto with = AnalyzeExperiment(d, {"revenue"}, {"A"}), without = AnalyzeExperiment(plain, {"revenue"}, {"A"});
  ASSERT_TRUE(with.ok() && without.ok());
  const auto& c = with->results[0];
  const auto& p = without->results[0];
  EXPECT_TRUE(with->cuped);
  EXPECT_GT(c.variance_reduction, 0.8);  // var(noise) / var(y) = 9 / 109 remains
  EXPECT_LT(c.lift_abs_high - c.lift_abs_low, 0.4 * (p.lift_abs_high - p.lift_abs_low));
  EXPECT_NEAR(c.lift_abs, 1.0, 0.3);
  EXPECT_TRUE(c.significant);
}

TEST(ExperimentTest, BadInputIsAClearError) {
  auto d = Conversions(10, 1, 10, 2);
  EXPECT_NE(AnalyzeExperiment(d, {"converted"}, {"ctrl"}).status().message().find("'ctrl' has no users"),
            std::string::npos);
  EXPECT_FALSE(AnalyzeExperiment(d, {"revenue"}, {"control"}).ok());
  EXPECT_FALSE(AnalyzeExperiment(Conversions(10, 1, 0, 0), {"converted"}, {"control"}).ok());
  EXPECT_FALSE(AnalyzeExperiment(Conversions(1, 1, 5, 2), {"converted"}, {"control"}).ok());
  // No variation at all: p = 1, no NaN.
  auto flat = AnalyzeExperiment(Conversions(100, 0, 100, 0), {"converted"}, {"control"});
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(flat->results[0].p_value, 1.0);
  EXPECT_FALSE(std::isnan(flat->results[0].lift_abs_low));
}

TEST(ExperimentTest, SampleSizes) {
  // 5% baseline, +10% relative, α 0.05, power 0.8: ≈ 31.2k per arm (Fleiss).
  auto rate = SampleSizeForRate(0.05, 0.10, 0.05, 0.8);
  ASSERT_TRUE(rate.ok());
  EXPECT_NEAR(static_cast<double>(*rate), 31234, 30);
  // σ = 10, δ = 1: 2 (1.96 + 0.8416)² · 100 = 1570.
  auto mean = SampleSizeForMean(10, 1, 0.05, 0.8);
  ASSERT_TRUE(mean.ok());
  EXPECT_EQ(*mean, 1570);
  EXPECT_FALSE(SampleSizeForRate(0.95, 0.10, 0.05, 0.8).ok());  // 104.5%
  EXPECT_FALSE(SampleSizeForMean(0, 1, 0.05, 0.8).ok());
}

TEST(ExperimentTest, MsprtKeepsItsErrorRateUnderPeekingWhereTheZTestDoesNot) {
  // 400 A/A tests at a 10% rate, looked at after every 500 users per arm up
  // to 10,000: a fixed-horizon z-test checked at each look "finds" an
  // effect far more often than 5%; the always-valid p-value does not.
  std::mt19937_64 rng(2026);
  std::bernoulli_distribution convert(0.10);
  int z_false = 0, msprt_false = 0;
  const int experiments = 400, looks = 20, per_look = 500;
  for (int x = 0; x < experiments; ++x) {
    double a = 0, c = 0;
    bool z_hit = false, m_hit = false;
    for (int look = 1; look <= looks; ++look) {
      for (int i = 0; i < per_look; ++i) a += convert(rng), c += convert(rng);
      const double n = static_cast<double>(look * per_look), pa = a / n, pc = c / n;
      const double v = pa * (1 - pa) / n + pc * (1 - pc) / n;
      const double z = v > 0 ? (pa - pc) / std::sqrt(v) : 0;
      z_hit |= std::erfc(std::abs(z) / std::sqrt(2.0)) < 0.05;
      m_hit |= MsprtPValue(pa - pc, v, std::pow(0.1 * pc, 2)) < 0.05;
    }
    z_false += z_hit;
    msprt_false += m_hit;
  }
  EXPECT_GT(z_false, 0.15 * experiments);
  EXPECT_LE(msprt_false, 0.05 * experiments);
}

}  // namespace
}  // namespace brandlens
