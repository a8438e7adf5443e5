// A/B tests on user-level rows: per arm and metric, the lift against the
// control with its confidence interval and p-value, corrected for testing
// many (arm, metric) pairs at once, a sample-ratio-mismatch check, CUPED
// variance reduction with a pre-period covariate, always-valid (mSPRT)
// p-values and intervals for peeking, and the sample size a test needs.
//
//  - 0/1 metrics: two-proportion z-test (pooled standard error for the
//    p-value, unpooled for the interval);
//  - other metrics: Welch's t-test (Welch–Satterthwaite degrees of freedom);
//  - relative lift: (arm − control) / control with a delta-method interval;
//  - correction: Holm–Bonferroni over every (arm, metric) pair (it controls
//    the family-wise error like Bonferroni and rejects at least as much);
//  - sample ratio: a chi-square test of the arms' sizes against an equal
//    split (or the ratios given); p < 0.001 flags a mismatch;
//  - CUPED (Deng et al. 2013): y − θ(x − x̄) with θ = cov(y, x) / var(x)
//    pooled over all arms;
//  - mSPRT (Johari et al. 2017) with a normal mixture of variance τ² over
//    the difference: an always-valid p-value and interval, safe to check at
//    every look while the test runs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct ExperimentData {
  std::vector<std::string> arm;                        // per user row
  std::map<std::string, std::vector<double>> metrics;  // metric -> per row
  std::vector<double> covariate;                       // per row, or empty
};

struct ExperimentOptions {
  std::string control;
  double alpha = 0.05;
  std::map<std::string, double> expected_ratio;  // arm -> share; empty: equal
  // mSPRT mixing scale, relative to the control mean (|mean|, or its
  // standard deviation when the mean is 0): τ = tau_share × that.
  double tau_share = 0.1;
};

struct MetricResult {
  std::string arm, metric, test;  // test: "two-proportion z" or "Welch t"
  int64_t control_n = 0, arm_n = 0;
  double control_mean = 0, arm_mean = 0;
  double lift_abs = 0, lift_abs_low = 0, lift_abs_high = 0;
  double lift_rel = 0, lift_rel_low = 0, lift_rel_high = 0;
  double p_value = 1, p_adjusted = 1;
  bool significant = false;  // p_adjusted < alpha
  double variance_reduction = 0;  // CUPED: share of the difference's variance removed
  double p_sequential = 1, lift_abs_low_sequential = 0, lift_abs_high_sequential = 0;
};

struct SampleRatioCheck {
  std::map<std::string, int64_t> users;
  double chi_square = 0, p_value = 1;
  bool mismatch = false;
};

struct ExperimentResult {
  std::vector<MetricResult> results;  // arms in order of first appearance, then metrics as given
  SampleRatioCheck sample_ratio;
  std::string correction = "holm";
  bool cuped = false;
};

// Errors: the control arm absent, a single arm, a metric missing, an arm
// with fewer than two users for a metric, covariate of the wrong length.
Result<ExperimentResult> AnalyzeExperiment(const ExperimentData& data, const std::vector<std::string>& metrics,
                                           const ExperimentOptions& options);

// Users per arm for a two-sided test at `alpha` with `power` to detect a
// relative lift `mde_relative` on a conversion rate `baseline`...
Result<int64_t> SampleSizeForRate(double baseline, double mde_relative, double alpha, double power);
// ... or an absolute difference `mde` on a metric with standard deviation `sd`.
Result<int64_t> SampleSizeForMean(double sd, double mde, double alpha, double power);

// The mSPRT always-valid p-value of a difference `diff` whose variance is
// `variance`, under a normal mixture of variance `tau2` (1 / the mixture
// likelihood ratio, at most 1). Take the running minimum over looks.
double MsprtPValue(double diff, double variance, double tau2);

}  // namespace brandlens
