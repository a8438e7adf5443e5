// Thompson-sampling allocation: the probability of being best against the
// exact Beta formula, the exploration floor and the speed cap, revenue per
// trial, and a simulated campaign whose regret is far below uniform splits.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "campaigns/bandits.h"

namespace brandlens {
namespace {

double LogBeta(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

// P(p_B > p_A) for p_A ~ Beta(aa, ba), p_B ~ Beta(ab, bb), integer ab
// (Evan Miller, "Formulas for Bayesian A/B testing").
double ExactProbBBeatsA(double aa, double ba, double ab, double bb) {
  double total = 0;
  for (int i = 0; i < static_cast<int>(ab); ++i)
    total += std::exp(LogBeta(aa + i, ba + bb) - std::log(bb + i) - LogBeta(1 + i, bb) - LogBeta(aa, ba));
  return total;
}

TEST(BanditTest, ProbabilityBestMatchesTheExactBetaFormula) {
  std::vector<BanditArm> arms = {{"A", 1000, 40}, {"B", 1000, 52}};
  BanditOptions options;
  options.draws = 200000;
  auto r = AllocateBandit(arms, options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const double exact = ExactProbBBeatsA(41, 961, 53, 949);
  EXPECT_NEAR(r->arms[1].prob_best, exact, 0.005);
  EXPECT_NEAR(r->arms[0].prob_best + r->arms[1].prob_best, 1.0, 1e-12);
  EXPECT_EQ(r->leader, 1);
  // Posterior mean (1 + 52) / (2 + 1000).
  EXPECT_NEAR(r->arms[1].mean, 53.0 / 1002, 2e-4);
  EXPECT_LT(r->arms[1].low, r->arms[1].mean);
  EXPECT_GT(r->arms[1].high, r->arms[1].mean);
  EXPECT_NEAR(r->arms[0].share + r->arms[1].share, 1.0, 1e-9);
}

TEST(BanditTest, AClearLoserKeepsOnlyTheExplorationFloor) {
  std::vector<BanditArm> arms = {{"文案A", 20000, 200}, {"文案B", 20000, 600}, {"文案C", 20000, 210}};
  BanditOptions options;
  options.min_share = 0.1;
  auto r = AllocateBandit(arms, options);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->arms[0].share, 0.1, 1e-6);
  EXPECT_NEAR(r->arms[2].share, 0.1, 1e-6);
  EXPECT_NEAR(r->arms[1].share, 0.8, 1e-6);
  EXPECT_TRUE(r->can_stop);
}

TEST(BanditTest, SharesMoveAtMostTheCapPerAllocation) {
  std::vector<BanditArm> arms = {{"A", 20000, 200, 0, 0.5}, {"B", 20000, 600, 0, 0.5}};
  BanditOptions options;
  options.max_change = 0.15;
  auto r = AllocateBandit(arms, options);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->arms[1].share, 0.65, 1e-6);
  EXPECT_NEAR(r->arms[0].share, 0.35, 1e-6);
}

TEST(BanditTest, TheFloorWinsOverTheSpeedCap) {
  // C sits at 1% but the floor is 10%: it jumps to the floor at once.
  std::vector<BanditArm> arms = {{"A", 5000, 100, 0, 0.98}, {"B", 5000, 100, 0, 0.01}, {"C", 5000, 100, 0, 0.01}};
  BanditOptions options;
  options.min_share = 0.1;
  options.max_change = 0.01;
  auto r = AllocateBandit(arms, options);
  ASSERT_TRUE(r.ok());
  double total = 0;
  for (const auto& a : r->arms) {
    EXPECT_GE(a.share, 0.1 - 1e-9);
    total += a.share;
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
}

TEST(BanditTest, RevenuePerTrialPrefersValueOverConversions) {
  // A converts more, B's orders are worth three times as much: B earns more per visit.
  std::vector<BanditArm> arms = {{"A", 10000, 300, 300 * 50.0}, {"B", 10000, 200, 200 * 150.0}};
  BanditOptions options;
  options.reward = BanditReward::kRevenue;
  auto r = AllocateBandit(arms, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->leader, 1);
  EXPECT_GT(r->arms[1].prob_best, 0.99);
  EXPECT_NEAR(r->arms[1].mean, 3.0, 0.3);  // 200/10000 × ¥150
  EXPECT_NEAR(r->arms[0].mean, 1.5, 0.15);
}

TEST(BanditTest, SameSeedSameAllocation) {
  std::vector<BanditArm> arms = {{"A", 300, 9}, {"B", 300, 12}, {"C", 300, 10}};
  auto a = AllocateBandit(arms, {});
  auto b = AllocateBandit(arms, {});
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(a->arms[i].share, b->arms[i].share);
}

TEST(BanditTest, BadArmsAreRefusedWithTheirName) {
  auto message = [](std::vector<BanditArm> arms, BanditOptions options = {}) {
    auto r = AllocateBandit(arms, options);
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(message({{"A", 10, 1}}).find("two arms"), std::string::npos);
  EXPECT_NE(message({{"A", 10, 1}, {"A", 10, 2}}).find("'A' appears twice"), std::string::npos);
  EXPECT_NE(message({{"A", 10, 11}, {"B", 10, 2}}).find("arm 'A'"), std::string::npos);
  EXPECT_NE(message({{"A", -1, 0}, {"B", 10, 2}}).find("arm 'A'"), std::string::npos);
  EXPECT_NE(message({{"A", NAN, 0}, {"B", 10, 2}}).find("finite"), std::string::npos);
  BanditOptions revenue;
  revenue.reward = BanditReward::kRevenue;
  EXPECT_NE(message({{"A", 10, 0, 5}, {"B", 10, 2, 9}}, revenue).find("no orders"), std::string::npos);
  BanditOptions floor;
  floor.min_share = 0.6;
  EXPECT_NE(message({{"A", 10, 1}, {"B", 10, 2}}, floor).find("more than the whole"), std::string::npos);
}

// A campaign of 60 rounds of 2,000 impressions among four creatives with
// conversion rates like the demo world's ad sets; allocation by the bandit
// after each round against an equal split. Regret = conversions lost
// against always showing the best creative, in expectation.
TEST(BanditTest, SimulatedCampaignRegretIsFarBelowUniform) {
  const std::vector<double> truth = {0.030, 0.036, 0.042, 0.025};
  const double best = 0.042;
  std::mt19937_64 rng(7);
  std::vector<BanditArm> arms;
  for (size_t i = 0; i < truth.size(); ++i) arms.push_back({"ad" + std::to_string(i), 0, 0, 0, 0.25});
  double regret_bandit = 0, regret_uniform = 0;
  BanditOptions options;
  options.draws = 4000;
  for (int round = 0; round < 60; ++round) {
    options.seed = static_cast<uint64_t>(round + 1);
    auto allocation = AllocateBandit(arms, options);
    ASSERT_TRUE(allocation.ok());
    for (size_t i = 0; i < truth.size(); ++i) {
      const double shown = std::round(2000 * allocation->arms[i].share);
      std::binomial_distribution<int> conversions(static_cast<int>(shown), truth[i]);
      arms[i].trials += shown;
      arms[i].successes += conversions(rng);
      arms[i].share = allocation->arms[i].share;
      regret_bandit += shown * (best - truth[i]);
      regret_uniform += 500 * (best - truth[i]);
    }
  }
  EXPECT_LT(regret_bandit, 0.4 * regret_uniform) << regret_bandit << " vs " << regret_uniform;
  EXPECT_GT(arms[2].trials, 0.5 * 60 * 2000);  // the best creative got most of the traffic
}

}  // namespace
}  // namespace brandlens
