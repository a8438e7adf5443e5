// The budget optimizer against brute force, its promises (the whole budget,
// every bound) and the inverse question of a revenue goal.
#include "planning/budget.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace brandlens {
namespace {

MmmChannel Channel(std::string name, double mean_spend, MediaResponse r, double adstock_end = 0) {
  MmmChannel ch;
  ch.name = std::move(name);
  ch.mean_spend = mean_spend;
  ch.response = r;
  ch.adstock_end = adstock_end;
  return ch;
}

// Concave, S-shaped and nearly linear channels.
MmmModel ThreeCurves() {
  MmmModel m;
  m.diagnostics.period_days = 7;
  m.baseline_per_period = 1000;
  m.channels = {Channel("tv", 100, {0.6, 180, 2.0, 400}, 250), Channel("search", 60, {0.1, 70, 1.0, 250}, 60),
                Channel("social", 40, {0.3, 60, 1.4, 150}, 50)};
  return m;
}

double Spent(const BudgetPlan& p) {
  return std::accumulate(p.channels.begin(), p.channels.end(), 0.0,
                         [](double s, const ChannelPlan& c) { return s + c.planned; });
}

// Every allocation on a grid of `step` that spends exactly the total.
double GridOptimum(const MmmModel& m, double total, int periods, double step, std::vector<double>* best_x) {
  const size_t n = m.channels.size();
  double best = -1;
  std::vector<double> x(n);
  const auto value = [&](const std::vector<double>& a) {
    double v = 0;
    for (size_t c = 0; c < n; ++c)
      v += ForwardReturn(m.channels[c].response, m.channels[c].adstock_end, a[c] / periods, periods);
    return v;
  };
  const int steps = static_cast<int>(std::lround(total / step));
  for (int i = 0; i <= steps; ++i)
    for (int j = 0; j <= (n > 2 ? steps - i : 0); ++j) {
      x[0] = i * step;
      if (n > 2) {
        x[1] = j * step;
        x[2] = total - x[0] - x[1];
      } else {
        x[1] = total - x[0];
      }
      const double v = value(x);
      if (v > best) best = v, *best_x = x;
    }
  return best;
}

TEST(BudgetTest, MatchesABruteForceGridOnTwoAndThreeChannels) {
  for (size_t channels : {2u, 3u}) {
    MmmModel m = ThreeCurves();
    m.channels.resize(channels);
    BudgetRequest r;
    r.total = channels == 2 ? 1600 : 2000;
    r.periods = 10;
    auto plan = OptimizeBudget(m, r);
    ASSERT_TRUE(plan.ok()) << plan.status().message();
    std::vector<double> grid_x;
    const double step = channels == 2 ? 0.5 : 2.0;
    const double grid = GridOptimum(m, r.total, r.periods, step, &grid_x);
    EXPECT_GE(plan->planned_return, grid - 1e-9 * grid) << channels << " channels, by " << plan->method;
    for (size_t c = 0; c < channels; ++c) EXPECT_NEAR(plan->channels[c].planned, grid_x[c], 2 * step) << c;
    EXPECT_NEAR(Spent(*plan), r.total, 1e-6 * r.total);
  }
}

TEST(BudgetTest, SpendsTheWholeBudgetWithinEveryBound) {
  const MmmModel m = ThreeCurves();
  BudgetRequest r;
  r.periods = 13;
  r.total = 3000;
  r.bounds["tv"] = {200, 900};
  r.bounds["search"] = {0, 1500};
  r.bounds["social"] = {400, -1};
  auto plan = OptimizeBudget(m, r);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_NEAR(Spent(*plan), 3000, 1e-6 * 3000);
  EXPECT_GE(plan->channels[0].planned, 200 - 1e-6);
  EXPECT_LE(plan->channels[0].planned, 900 + 1e-6);
  EXPECT_LE(plan->channels[1].planned, 1500 + 1e-6);
  EXPECT_GE(plan->channels[2].planned, 400 - 1e-6);
  EXPECT_GE(plan->planned_return, plan->current_return * (3000 / (200.0 * 13)) * 0.5);
  // Cutting a channel: a scenario is a bound.
  r.bounds["tv"] = {0, 0};
  auto cut = OptimizeBudget(m, r);
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->channels[0].planned, 0);
  EXPECT_NEAR(Spent(*cut), 3000, 1e-6 * 3000);
  EXPECT_LT(cut->planned_return, plan->planned_return);
}

TEST(BudgetTest, MarginalReturnsEqualizeWhereNoBoundBinds) {
  BudgetRequest r;
  r.periods = 13;
  r.total = 200 * 13;  // the current rate
  auto plan = OptimizeBudget(ThreeCurves(), r);
  ASSERT_TRUE(plan.ok());
  std::vector<double> free;
  for (const ChannelPlan& c : plan->channels)
    if (!c.at_bound) free.push_back(c.marginal_roas);
  ASSERT_GE(free.size(), 2u);
  for (double m : free) EXPECT_NEAR(m, free[0], 0.01 * free[0]);
  EXPECT_GE(plan->uplift, 0);
}

TEST(BudgetTest, ImpossibleRequestsAreClearErrors) {
  const MmmModel m = ThreeCurves();
  BudgetRequest r;
  r.total = 100;
  r.bounds["tv"] = {200, -1};
  auto plan = OptimizeBudget(m, r);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("cannot be spent within the bounds"), std::string::npos);
  r.bounds.clear();
  r.bounds["radio"] = {0, 10};
  plan = OptimizeBudget(m, r);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("no channel 'radio'"), std::string::npos);
  auto goal = BudgetForGoal(m, 1e12, BudgetRequest{});
  ASSERT_FALSE(goal.ok());
  EXPECT_NE(goal.status().message().find("out of reach"), std::string::npos);
}

TEST(BudgetTest, TheBudgetForAGoalReachesItAndNoLess) {
  const MmmModel m = ThreeCurves();
  BudgetRequest r;
  r.periods = 13;
  const double goal = 1000 * 13 + 5000;
  auto g = BudgetForGoal(m, goal, r);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_NEAR(m.baseline_per_period * 13 + g->plan.planned_return, goal, 1e-3 * goal);
  r.total = g->budget * 0.98;
  auto less = OptimizeBudget(m, r);
  ASSERT_TRUE(less.ok());
  EXPECT_LT(m.baseline_per_period * 13 + less->planned_return, goal);
}

TEST(BudgetTest, SamePlanEveryTime) {
  BudgetRequest r;
  r.total = 2500;
  auto a = OptimizeBudget(ThreeCurves(), r), b = OptimizeBudget(ThreeCurves(), r);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t c = 0; c < 3; ++c) EXPECT_EQ(a->channels[c].planned, b->channels[c].planned);
}

}  // namespace
}  // namespace brandlens
