// The marketing-mix model: how much of a target (sales, revenue) each paid
// channel drove, with honest uncertainty.
//
//   y_t = intercept + trend + seasonality + festivals + controls
//         + sum over channels c of  beta_c * Hill(adstock_c,t)      + noise
//
// Seasonality is yearly Fourier terms (when the data span a year) and
// weekday effects (daily data); festivals are each Chinese shopping festival
// and holiday window of planning/festivals.h as a level and a ramp; controls
// are the caller's extra regressors (price, promotions, share of voice...).
// Each channel's decay, half-saturation and shape are searched globally
// (differential evolution, pagmo2) and refined locally (BOBYQA, NLopt); for
// each candidate the linear part is solved exactly with channel effects
// held non-negative. Uncertainty: a moving-block bootstrap of the residuals
// refits the model (from the point estimate) on each replicate; intervals
// are the replicates' 2.5% and 97.5% percentiles.
//
// Contract: identical input and options give an identical model, bit for
// bit, whatever the thread count. Input problems (too few periods for the
// terms, a channel without spend or without variation, negative values,
// gaps in the dates) are errors naming the column; collinear channels fit,
// with a warning in the diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "planning/media_response.h"

namespace brandlens {

struct MmmInput {
  std::vector<int32_t> days;  // period start, days since 1970-01-01; equally spaced, increasing
  std::vector<double> target;
  std::vector<std::string> channels;
  std::vector<std::vector<double>> spend;  // [channel][period], >= 0
  std::vector<std::string> controls;
  std::vector<std::vector<double>> control_values;  // [control][period]
};

struct MmmOptions {
  int bootstrap = 100;      // replicates for the intervals (0: none)
  int holdout = 0;          // last periods held out for the diagnostics (0: 10%, at least 4)
  unsigned generations = 120;
  uint64_t seed = 1;
  unsigned threads = 0;     // 0: one per core
};

struct Interval {
  double low = 0, high = 0;
};

// The 2.5% and 97.5% percentiles of bootstrap draws ({0, 0} for none).
Interval Central95(std::vector<double> draws);

struct MmmChannel {
  std::string name;
  MediaResponse response;
  double spend = 0;            // total over the data
  double contribution = 0;     // total over the data, in target units
  double contribution_share = 0;  // of all channels' contribution
  double roas = 0;             // contribution / spend
  Interval contribution_interval, roas_interval;
  double mean_spend = 0;       // per period: the current operating point
  double marginal_roas = 0;    // d return / d spend at the operating point, in the steady state
  Interval marginal_roas_interval;
  double adstock_end = 0;      // adstock after the last period (carried into a plan)
  std::vector<MediaResponse> draws;  // one per bootstrap replicate
  std::vector<double> draw_adstock_end;  // adstock after the last period under each draw
};

struct MmmDiagnostics {
  int periods = 0, period_days = 1, parameters = 0;
  double r2 = 0, mape = 0;          // in sample
  int holdout_periods = 0;
  double holdout_mape = 0, holdout_r2 = 0;  // on the last periods, fitted without them
  std::vector<std::string> terms;   // base terms used
  std::vector<std::string> warnings;
  double seconds = 0;
  int evaluations = 0;
};

// One row per period: the fitted target split into its parts.
struct MmmDecomposition {
  std::vector<int32_t> days;
  std::vector<double> actual, fitted, baseline, seasonality, festivals, controls;
  std::vector<std::vector<double>> channels;  // [channel][period]
};

struct MmmModel {
  std::vector<MmmChannel> channels;
  MmmDiagnostics diagnostics;
  MmmDecomposition decomposition;
  double baseline_per_period = 0;  // mean of the non-media part over the last year (or all data)
};

Result<MmmModel> FitMmm(const MmmInput& input, const MmmOptions& options = {});

}  // namespace brandlens
