// The marketing-mix model on data with a planted answer, its bit-for-bit
// determinism, and its answers to bad input.
#include "planning/mmm.h"

#include <gtest/gtest.h>

#include <random>

#include "planning/mmm_json.h"
#include "planning/nnls.h"
#include "planning/mmm_simulation.h"

namespace brandlens {
namespace {

using testing::SimulateMmm;
using testing::ThreeChannels;

MmmOptions Quick(int bootstrap = 60) {
  MmmOptions o;
  o.bootstrap = bootstrap;
  o.threads = 2;
  return o;
}

TEST(MmmTest, RecoversEachChannelsRoasWithIntervalsThatCoverIt) {
  const auto sim = SimulateMmm(ThreeChannels(), 156, 7, 25, 7);
  auto model = FitMmm(sim.input, Quick());
  ASSERT_TRUE(model.ok()) << model.status().message();
  ASSERT_EQ(model->channels.size(), 3u);
  for (size_t c = 0; c < 3; ++c) {
    const MmmChannel& ch = model->channels[c];
    EXPECT_NEAR(ch.roas, sim.true_roas[c], 0.15 * sim.true_roas[c]) << ch.name;
    EXPECT_LE(ch.roas_interval.low, sim.true_roas[c]) << ch.name;
    EXPECT_GE(ch.roas_interval.high, sim.true_roas[c]) << ch.name;
    EXPECT_LT(ch.roas_interval.low, ch.roas_interval.high) << ch.name;
  }
  double share = 0;
  for (const MmmChannel& ch : model->channels) share += ch.contribution_share;
  EXPECT_NEAR(share, 1.0, 1e-9);
  const MmmDiagnostics& d = model->diagnostics;
  EXPECT_GT(d.r2, 0.9);
  EXPECT_EQ(d.period_days, 7);
  EXPECT_EQ(d.holdout_periods, 15);
  EXPECT_LT(d.holdout_mape, 5.0);
  // The decomposition adds up to the fit.
  const MmmDecomposition& dec = model->decomposition;
  for (size_t t = 0; t < dec.days.size(); t += 17) {
    double sum = dec.baseline[t] + dec.seasonality[t] + dec.festivals[t] + dec.controls[t];
    for (const auto& ch : dec.channels) sum += ch[t];
    EXPECT_NEAR(sum, dec.fitted[t], 1e-6 * std::abs(dec.fitted[t]));
  }
}

TEST(MmmTest, SameInputSameModelBitForBitWhateverTheThreads) {
  const auto sim = SimulateMmm(ThreeChannels(), 104, 7, 25, 3);
  MmmOptions one = Quick(20), two = Quick(20);
  one.threads = 1;
  auto a = FitMmm(sim.input, one), b = FitMmm(sim.input, two);
  ASSERT_TRUE(a.ok() && b.ok());
  a->diagnostics.seconds = b->diagnostics.seconds = 0;
  EXPECT_EQ(MmmModelToJson(*a), MmmModelToJson(*b));
}

TEST(MmmTest, ModelJsonRoundTripsWhatBudgetsNeed) {
  const auto sim = SimulateMmm(ThreeChannels(), 104, 7, 25, 5);
  auto model = FitMmm(sim.input, Quick(10));
  ASSERT_TRUE(model.ok());
  auto back = ParseMmmModel(MmmModelToJson(*model), "model.json");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->channels.size(), 3u);
  for (size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(back->channels[c].name, model->channels[c].name);
    EXPECT_DOUBLE_EQ(back->channels[c].response.half_saturation, model->channels[c].response.half_saturation);
    EXPECT_EQ(back->channels[c].draws.size(), 10u);
  }
  EXPECT_DOUBLE_EQ(back->baseline_per_period, model->baseline_per_period);
  for (const char* bad : {"", "[]", "{\"channels\": []}", "{\"channels\": [{\"name\": 3}]}",
                          "{\"channels\": [{\"name\": \"tv\"}], \"diagnostics\": {\"period_days\": 7}, \"baseline_per_period\": 1}"}) {
    auto parsed = ParseMmmModel(bad, "m.json");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find("m.json"), std::string::npos) << parsed.status().message();
  }
}

TEST(MmmTest, CollinearChannelsFitWithAWarning) {
  auto sim = SimulateMmm(ThreeChannels(), 104, 7, 25, 9);
  // social now follows tv's plan.
  for (size_t t = 0; t < sim.input.days.size(); ++t) sim.input.spend[2][t] = 0.4 * sim.input.spend[0][t] + static_cast<double>(t % 3);
  auto model = FitMmm(sim.input, Quick(10));
  ASSERT_TRUE(model.ok()) << model.status().message();
  ASSERT_FALSE(model->diagnostics.warnings.empty());
  EXPECT_NE(model->diagnostics.warnings[0].find("'tv' and 'social'"), std::string::npos);
  for (const MmmChannel& ch : model->channels) EXPECT_TRUE(std::isfinite(ch.roas)) << ch.name;
}

TEST(MmmTest, BadInputIsAClearError) {
  const auto base = SimulateMmm(ThreeChannels(), 104, 7, 25, 1).input;
  const auto error = [](const MmmInput& in) {
    auto m = FitMmm(in, Quick(0));
    return m.ok() ? std::string("(fitted)") : m.status().message();
  };
  MmmInput gap = base;
  gap.days[50] += 7;  // a missing week before period 51
  EXPECT_NE(error(gap).find("not equally spaced"), std::string::npos) << error(gap);
  MmmInput flat = base;
  std::fill(flat.spend[1].begin(), flat.spend[1].end(), 50.0);
  EXPECT_NE(error(flat).find("'search' spends the same every period"), std::string::npos) << error(flat);
  MmmInput none = base;
  std::fill(none.spend[2].begin(), none.spend[2].end(), 0.0);
  EXPECT_NE(error(none).find("'social' has no spend"), std::string::npos) << error(none);
  MmmInput negative = base;
  negative.spend[0][3] = -5;
  EXPECT_NE(error(negative).find("'tv': spend on 2023-01-22 is -5"), std::string::npos) << error(negative);
  MmmInput short_series = base;
  for (auto* v : {&short_series.target}) v->resize(30);
  short_series.days.resize(30);
  for (auto& s : short_series.spend) s.resize(30);
  EXPECT_NE(error(short_series).find("too few"), std::string::npos) << error(short_series);
  MmmInput nan = base;
  nan.target[9] = NAN;
  EXPECT_NE(error(nan).find("not a finite number"), std::string::npos) << error(nan);
  MmmInput empty = base;
  empty.channels.clear();
  empty.spend.clear();
  EXPECT_NE(error(empty).find("no channels"), std::string::npos);
}

// Every subset of the constrained coordinates, solved exactly: the
// smallest objective among the feasible ones is the answer.
TEST(NnlsTest, MatchesEnumerationOfActiveSets) {
  std::mt19937_64 rng(4);
  std::normal_distribution<double> normal(0, 1);
  for (int trial = 0; trial < 30; ++trial) {
    const Eigen::Index n = 40, k = 5, free = 2;
    Eigen::MatrixXd x(n, k);
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < k; ++j) x(i, j) = normal(rng);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) y(i) = normal(rng) * 2 + x(i, 2) - x(i, 3);
    const Eigen::MatrixXd g = x.transpose() * x;
    const Eigen::VectorXd c = x.transpose() * y;
    const Eigen::VectorXd got = SolvePartlyNonNegative(g, c, free);
    double best = INFINITY;
    for (int mask = 0; mask < (1 << (k - free)); ++mask) {
      std::vector<Eigen::Index> cols = {0, 1};
      for (Eigen::Index j = free; j < k; ++j)
        if (mask & (1 << (j - free))) cols.push_back(j);
      Eigen::MatrixXd sub(n, static_cast<Eigen::Index>(cols.size()));
      for (size_t j = 0; j < cols.size(); ++j) sub.col(static_cast<Eigen::Index>(j)) = x.col(cols[j]);
      const Eigen::VectorXd b = sub.colPivHouseholderQr().solve(y);
      if ((b.tail(b.size() - free).array() < -1e-12).any()) continue;
      best = std::min(best, (y - sub * b).squaredNorm());
    }
    EXPECT_TRUE((got.tail(k - free).array() >= 0).all());
    EXPECT_NEAR((y - x * got).squaredNorm(), best, 1e-8 * best) << "trial " << trial;
  }
}

}  // namespace
}  // namespace brandlens
