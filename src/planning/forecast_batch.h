// Forecasting many series at once (`brandlens forecast`, the main job):
// series in long format — an id, a time and a value per row — sorted,
// their period inferred from the spacing of their times, and forecast on
// every core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "planning/forecaster.h"

namespace brandlens {

struct InputSeries {
  std::string id;
  std::vector<int64_t> times;  // Unix seconds, or a plain index
  std::vector<double> values;
};

struct BatchOptions {
  int horizon = 12;
  int period = 0;  // 0: inferred per series from its spacing (times_are_index: none)
  bool times_are_index = false;
  std::vector<double> levels = {80, 95};
  std::optional<EtsSpec> model;  // set: this ETS model for every series (no choice)
  unsigned threads = 0;
};

struct BatchForecast {
  std::string id;
  int period = 1;
  std::vector<int64_t> times;  // of steps 1..horizon
  Result<SeriesForecast> forecast = Status::Internal("not run");
};

// The season a spacing suggests: hourly 24, daily 7, weekly 52, monthly 12,
// quarterly 4, otherwise none.
int PeriodForSpacing(int64_t seconds);
// The longer season of the same spacing: the week of hours (168), the year
// of days (365); 0 when there is none.
int LongPeriodForSpacing(int64_t seconds);

// Sorts a series by time; a repeated time is an error naming the series.
Status SortByTime(InputSeries& series);

// Sorts each series by time (a repeated time is an error naming the series)
// and forecasts it; one result per series, in input order. A series that
// cannot be forecast carries its error; the others go on.
std::vector<BatchForecast> ForecastBatch(std::vector<InputSeries>& series, const BatchOptions& options);

}  // namespace brandlens
