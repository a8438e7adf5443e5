// Forecasting on series with known answers: lines, constants, seasons,
// simulated ETS data (interval coverage), and the edge cases of real data.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "planning/ets.h"
#include "planning/forecast_batch.h"
#include "planning/forecaster.h"
#include "planning/seasonality.h"

namespace brandlens {
namespace {

using C = EtsComponent;

std::vector<double> Line(int n, double start, double slope) {
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(start + slope * t);
  return y;
}

// Level 100, season of `period` with amplitude 20, noise sd `noise`.
std::vector<double> Seasonal(int n, int period, double noise, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> e(0, noise);
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(100 + 20 * std::sin(2 * M_PI * t / period) + e(rng));
  return y;
}

TEST(EtsTest, HoltContinuesALine) {
  const auto y = Line(40, 10, 2);
  auto m = FitEts(y, EtsSpec{C::kAdditive, C::kAdditive, C::kNone, false, 1});
  ASSERT_TRUE(m.ok()) << m.status().message();
  const auto f = EtsForecast(*m, 5);
  for (int h = 1; h <= 5; ++h) EXPECT_NEAR(f[static_cast<size_t>(h - 1)], 10 + 2 * (39 + h), 0.5) << h;
}

TEST(EtsTest, ConstantSeriesForecastsItsValue) {
  const std::vector<double> y(30, 7.0);
  auto m = AutoEts(y, 1);
  ASSERT_TRUE(m.ok()) << m.status().message();
  for (double f : EtsForecast(*m, 4)) EXPECT_NEAR(f, 7.0, 1e-6);
  for (const auto& band : EtsIntervals(*m, 4, std::vector<double>{95}))
    for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(band.upper[i] - band.lower[i], 0, 1e-3);
}

TEST(EtsTest, AutoEtsFindsTheSeasonAndForecastsIt) {
  const auto y = Seasonal(96, 12, 1.0, 1);
  auto m = AutoEts(y, 12);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_NE(m->spec.season, C::kNone) << m->spec.Name();
  const auto f = EtsForecast(*m, 12);
  for (int h = 1; h <= 12; ++h) EXPECT_NEAR(f[static_cast<size_t>(h - 1)], 100 + 20 * std::sin(2 * M_PI * (95 + h) / 12), 3.0) << h;
}

TEST(EtsTest, ModelsThatCannotApplyAreClearErrors) {
  std::vector<double> negative = Line(30, -5, 1);
  auto m = FitEts(negative, EtsSpec{C::kMultiplicative, C::kNone, C::kNone, false, 1});
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("positive"), std::string::npos);
  EXPECT_FALSE(FitEts(Line(5, 1, 1), EtsSpec{C::kAdditive, C::kAdditive, C::kAdditive, true, 12}).ok());
  EXPECT_TRUE(AutoEts(negative, 1).ok());  // additive models still fit
}

TEST(EtsTest, IntervalsCoverSimulatedDataAtTheirLevel) {
  // 300 series from ETS(A,N,N) with α = 0.3, σ = 1: the 80% and 95% bands
  // for steps 1..6 should hold about that share of the true futures.
  std::mt19937_64 rng(42);
  std::normal_distribution<double> e(0, 1);
  double inside80 = 0, inside95 = 0, total = 0;
  for (int s = 0; s < 300; ++s) {
    std::vector<double> y;
    double level = 50;
    for (int t = 0; t < 86; ++t) {
      const double err = e(rng);
      y.push_back(level + err);
      level += 0.3 * err;
    }
    const std::vector<double> history(y.begin(), y.begin() + 80);
    auto m = FitEts(history, EtsSpec{C::kAdditive, C::kNone, C::kNone, false, 1});
    ASSERT_TRUE(m.ok());
    const auto bands = EtsIntervals(*m, 6, std::vector<double>{80, 95});
    for (size_t h = 0; h < 6; ++h) {
      inside80 += y[80 + h] >= bands[0].lower[h] && y[80 + h] <= bands[0].upper[h];
      inside95 += y[80 + h] >= bands[1].lower[h] && y[80 + h] <= bands[1].upper[h];
      total += 1;
    }
  }
  EXPECT_NEAR(inside80 / total, 0.80, 0.05);
  EXPECT_NEAR(inside95 / total, 0.95, 0.03);
}

TEST(SeasonalityTest, TestAndDecomposition) {
  EXPECT_TRUE(IsSeasonal(Seasonal(120, 12, 2.0, 3), 12));
  std::mt19937_64 rng(4);
  std::normal_distribution<double> e(0, 1);
  std::vector<double> noise;
  for (int t = 0; t < 120; ++t) noise.push_back(100 + e(rng));
  EXPECT_FALSE(IsSeasonal(noise, 12));
  EXPECT_FALSE(IsSeasonal(Seasonal(20, 12, 0, 1), 12));  // under three seasons
  const auto indices = DecomposeSeason(Seasonal(120, 12, 0, 1), 12);
  ASSERT_EQ(indices.index.size(), 12u);
  EXPECT_FALSE(indices.additive);
  EXPECT_NEAR(indices.index[3], 1.2, 0.02);  // sin(π/2) = 1 → 120 / 100
}

TEST(ForecastSeriesTest, LongSeasonsAreTakenOutAndPutBack) {
  // Weekly data with a yearly season (52): ETS cannot hold it, decomposition can.
  const auto y = Seasonal(52 * 4, 52, 1.0, 7);
  auto f = ForecastSeries(y, ForecastOptions{13, 52, {80, 95}});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_TRUE(f->seasonal);
  std::vector<double> truth;
  for (int h = 1; h <= 13; ++h) truth.push_back(100 + 20 * std::sin(2 * M_PI * (207 + h) / 52));
  EXPECT_LT(Smape(truth, f->mean), 3.0);
  ASSERT_EQ(f->bands.size(), 2u);
  for (size_t i = 0; i < 13; ++i) {
    EXPECT_LE(f->bands[1].lower[i], f->bands[0].lower[i]);
    EXPECT_LE(f->bands[0].lower[i], f->mean[i]);
    EXPECT_LE(f->mean[i], f->bands[0].upper[i]);
  }
}

TEST(ForecastSeriesTest, ShortAndBadSeries) {
  auto one = ForecastSeries(std::vector<double>{5}, ForecastOptions{3, 1, {95}});
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->method, "Naive");
  EXPECT_EQ(one->mean, (std::vector<double>{5, 5, 5}));
  auto three = ForecastSeries(std::vector<double>{1, 2, 3}, ForecastOptions{2, 7, {80}});
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->method, "Naive");
  EXPECT_LT(three->bands[0].lower[1], three->bands[0].lower[0]);  // wider further out
  EXPECT_FALSE(ForecastSeries(std::vector<double>{1, NAN, 3}, ForecastOptions{}).ok());
  EXPECT_FALSE(ForecastSeries(std::vector<double>{}, ForecastOptions{}).ok());
  EXPECT_FALSE(ForecastSeries(std::vector<double>{1, 2}, ForecastOptions{0, 1, {}}).ok());
  // All zeros: a flat zero forecast, never NaN.
  auto zeros = ForecastSeries(std::vector<double>(40, 0.0), ForecastOptions{4, 7, {95}});
  ASSERT_TRUE(zeros.ok());
  for (double v : zeros->mean) EXPECT_EQ(v, 0.0);
}

// Found by the fuzzer: one jump of 93 orders of magnitude gave a
// multiplicative-error model whose simulated paths overflowed into NaN bands.
TEST(ForecastSeriesTest, AHugeJumpGivesFiniteOrderedBands) {
  const std::vector<double> y = {100, 4, 5, 6, 7, 8, 9, 10, 11, 120, 1120, 9e96};
  auto f = ForecastSeries(y, ForecastOptions{8, 8, {80, 95}});
  ASSERT_TRUE(f.ok());
  for (const auto& band : f->bands)
    for (size_t i = 0; i < band.lower.size(); ++i) {
      EXPECT_TRUE(std::isfinite(band.lower[i]) && std::isfinite(band.upper[i])) << "step " << i;
      EXPECT_LE(band.lower[i], band.upper[i]) << "step " << i;
    }
}

// Hourly traffic with a daily shape and busier weekends: forecasting a
// weekend from weekdays needs the week (168 hours) as well as the day.
TEST(ForecastSeriesTest, TwoSeasonsForHourlyData) {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> e(0, 3);
  const auto truth = [](int t) {
    const int day = t / 24 % 7, hour = t % 24;
    return (100 + 40 * std::sin(2 * M_PI * (hour - 6) / 24)) * (day >= 5 ? 1.6 : 1.0);
  };
  const int n = 5 * 168 - 48;  // five weeks ending on a Friday night (day 0 = Monday)
  std::vector<double> y;
  for (int t = 0; t < n; ++t) y.push_back(truth(t) + e(rng));
  ForecastOptions both{48, 24, {80, 95}};
  both.long_period = 168;
  auto two = ForecastSeries(y, both);
  auto one = ForecastSeries(y, ForecastOptions{48, 24, {80, 95}});
  ASSERT_TRUE(two.ok() && one.ok());
  EXPECT_TRUE(two->long_seasonal);
  EXPECT_FALSE(one->long_seasonal);
  double error_two = 0, error_one = 0;
  for (int h = 0; h < 48; ++h) {
    error_two += std::abs(two->mean[static_cast<size_t>(h)] - truth(n + h)) / 48;
    error_one += std::abs(one->mean[static_cast<size_t>(h)] - truth(n + h)) / 48;
  }
  EXPECT_LT(error_two, 10.0);
  EXPECT_LT(error_two, error_one / 3);
  for (const auto& band : two->bands)
    for (size_t i = 0; i < band.lower.size(); ++i) EXPECT_LE(band.lower[i], band.upper[i]);
  EXPECT_EQ(LongPeriodForSpacing(3600), 168);
  EXPECT_EQ(LongPeriodForSpacing(86400), 365);
  EXPECT_EQ(LongPeriodForSpacing(7 * 86400), 0);
}

TEST(ForecastBatchTest, SortsInfersPeriodsAndKeepsGoingPastABadSeries) {
  EXPECT_EQ(PeriodForSpacing(86400), 7);
  EXPECT_EQ(PeriodForSpacing(7 * 86400), 52);
  EXPECT_EQ(PeriodForSpacing(3600), 24);
  EXPECT_EQ(PeriodForSpacing(30 * 86400), 12);
  EXPECT_EQ(PeriodForSpacing(365 * 86400), 1);
  std::vector<InputSeries> series(2);
  series[0].id = "daily";
  for (int d = 29; d >= 0; --d) {  // newest first
    series[0].times.push_back(int64_t{1700000000} + d * 86400);
    series[0].values.push_back(10 + d);
  }
  series[1] = {"dup", {1, 1, 2}, {1, 2, 3}};
  BatchOptions options;
  options.horizon = 3;
  const auto out = ForecastBatch(series, options);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_TRUE(out[0].forecast.ok());
  EXPECT_EQ(out[0].period, 7);
  EXPECT_EQ(out[0].times[0], int64_t{1700000000} + 30 * 86400);
  EXPECT_GT(out[0].forecast->mean[0], 38.0);  // the rising line goes on
  ASSERT_FALSE(out[1].forecast.ok());
  EXPECT_NE(out[1].forecast.status().message().find("'dup'"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
