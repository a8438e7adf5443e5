// The planning job of `brandlens run`: daily sales (from orders), mentions
// and each channel's revenue are forecast over the configured horizon, with
// the festivals in it adjusted for by the lift each showed in the series'
// own history, and stored (planning_forecasts) for later comparison with
// what happened.
//
// Contract: never prints; a series with under 14 days of history is left
// out (and the result says which were); no series at all is not an error.
// A last day whose latest record is before 18:00 local is taken as cut off
// by the export and left out of the history.
// The stored forecasts replace the previous run's in one transaction.
// With [planning] mix on, the marketing-mix model of planning/media_mix.h
// is fitted too.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/timestamp.h"
#include "planning/festivals.h"
#include "planning/forecaster.h"
#include "planning/media_mix.h"
#include "planning/planning_config.h"
#include "store/store.h"

namespace brandlens {

struct PlannedSeries {
  std::string id;     // "sales", "mentions", "revenue:<channel>"
  std::string title;  // for the report
  int32_t first_day = 0;            // of `daily` (days since 1970-01-01, local)
  std::vector<double> daily;        // every day from the first with data to the last
  SeriesForecast forecast;          // the days after the last
  std::vector<FestivalEffect> festivals;      // measured on the history
  std::vector<std::string> adjusted_for;      // festivals in the horizon the forecast carries
  double recent_total = 0;                    // the last `horizon` days of history
  double forecast_total = 0, forecast_low80 = 0, forecast_high80 = 0;  // bounds: sums of the daily ones
};

struct PlanningResult {
  int horizon_days = 0;
  std::vector<PlannedSeries> series;
  std::vector<std::string> too_short;  // series left out
  MediaMixResult mix;                  // the marketing-mix model and budget plan
  double seconds = 0;
};

Result<PlanningResult> BuildPlanning(Store& store, const TimestampParser& time, const PlanningConfig& config,
                                     unsigned threads = 0);

}  // namespace brandlens
