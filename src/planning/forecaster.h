// Forecasting one series: the method a planner can trust without tuning.
//
//  1. Seasonality: with a period m > 1, the M4 autocorrelation test decides
//     whether the series is seasonal. Seasonal with m ≤ 24: ETS carries
//     seasonal states. Longer periods (52 weeks, 365 days): the season is
//     taken out by classical decomposition and put back on the forecasts.
//  2. Candidates: ETS chosen by AICc (ets.h), the Theta method (Hyndman &
//     Billah's form: simple exponential smoothing with half the linear
//     trend as drift), and their average.
//  3. Choice: the ETS model AICc chose and Theta are refitted on the series
//     less its last `horizon` points and scored by sMAPE on them (with their
//     average); the best is used, fitted on the whole series (ETS when the
//     series is too short to hold out). A model the caller names is used
//     as it is.
//     Seasonal naive is computed too, as the benchmark shown beside it.
//  4. Intervals: simulated from the ETS model, centred on the chosen
//     forecast.
#pragma once

#include <span>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "planning/ets.h"

namespace brandlens {

struct ForecastOptions {
  int horizon = 12;
  int period = 1;                      // season length; 1: none
  std::vector<double> levels = {80, 95};
  std::optional<EtsSpec> model;        // set: this ETS model only (its period: the season's)
  // A second, longer season (168 for hours: the week; 365 for days: the
  // year), taken out first when the series shows it over three or more of
  // its cycles; 0: none.
  int long_period = 0;
};

struct SeriesForecast {
  std::string method;        // "ETS(A,Ad,N)", "Theta", "ETS+Theta", or "Naive" (too short to fit)
  std::string ets_model;     // the ETS chosen by AICc
  bool seasonal = false;     // the test found the period
  bool long_seasonal = false;  // the test found the long period (taken out first)
  std::vector<double> mean;  // steps 1..horizon
  std::vector<ForecastBand> bands;  // one per level
  std::vector<double> seasonal_naive;
};

// Errors: a value that is not finite, a horizon below 1. Any length of
// series works: under four values the forecast is the last value (naive).
Result<SeriesForecast> ForecastSeries(std::span<const double> y, const ForecastOptions& options);

// "AAdN", "MNM", "ETS(A,Ad,M)": an ETS model by its letters.
Result<EtsSpec> ParseEtsSpec(std::string_view text);

// sMAPE in percent (M4's definition) of forecasts against actuals.
double Smape(std::span<const double> actual, std::span<const double> forecast);

}  // namespace brandlens
