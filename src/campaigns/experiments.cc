#include "campaigns/experiments.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace brandlens {

namespace {

constexpr double kSrmThreshold = 0.001;

struct Moments {
  int64_t n = 0;
  double mean = 0, variance = 0;  // sample variance (n − 1)
};

Moments MomentsOf(const std::vector<double>& values, const std::vector<size_t>& rows) {
  Moments m;
  double m2 = 0;
  for (size_t r : rows) {
    const double x = values[r];
    ++m.n;
    const double delta = x - m.mean;
    m.mean += delta / static_cast<double>(m.n);
    m2 += delta * (x - m.mean);
  }
  m.variance = m.n > 1 ? m2 / static_cast<double>(m.n - 1) : 0;
  return m;
}

bool IsBinary(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return v == 0 || v == 1; });
}

double NormalQuantile(double p) { return boost::math::quantile(boost::math::normal(), p); }
double TwoSidedNormalP(double z) { return 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::abs(z))); }

// CUPED-adjusted copy of a metric: y − θ(x − x̄), θ pooled over all rows.
std::vector<double> Cuped(const std::vector<double>& y, const std::vector<double>& x, double& theta) {
  const double n = static_cast<double>(y.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n, my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < y.size(); ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
  theta = sxx > 0 ? sxy / sxx : 0;
  std::vector<double> out(y.size());
  for (size_t i = 0; i < y.size(); ++i) out[i] = y[i] - theta * (x[i] - mx);
  return out;
}

void HolmAdjust(std::vector<MetricResult>& results, double alpha) {
  std::vector<size_t> order(results.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return results[a].p_value < results[b].p_value; });
  double running = 0;
  const size_t m = results.size();
  for (size_t rank = 0; rank < m; ++rank) {
    MetricResult& r = results[order[rank]];
    running = std::max(running, std::min(1.0, static_cast<double>(m - rank) * r.p_value));
    r.p_adjusted = running;
    r.significant = r.p_adjusted < alpha;
  }
}

SampleRatioCheck CheckSampleRatio(const std::vector<std::string>& arms, const std::vector<std::string>& order,
                                  const std::map<std::string, double>& expected) {
  SampleRatioCheck check;
  for (const auto& a : arms) ++check.users[a];
  double total_share = 0;
  for (const auto& a : order) total_share += expected.count(a) ? expected.at(a) : 1.0 / static_cast<double>(order.size());
  const double n = static_cast<double>(arms.size());
  for (const auto& a : order) {
    const double share = (expected.count(a) ? expected.at(a) : 1.0 / static_cast<double>(order.size())) / total_share;
    const double e = n * share, o = static_cast<double>(check.users[a]);
    check.chi_square += e > 0 ? (o - e) * (o - e) / e : 0;
  }
  if (order.size() > 1) {
    const boost::math::chi_squared dist(static_cast<double>(order.size() - 1));
    check.p_value = boost::math::cdf(boost::math::complement(dist, check.chi_square));
  }
  check.mismatch = check.p_value < kSrmThreshold;
  return check;
}

}  // namespace

double MsprtPValue(double diff, double variance, double tau2) {
  if (!(variance > 0) || !(tau2 > 0)) return 1;
  const double log_lambda =
      0.5 * std::log(variance / (variance + tau2)) + tau2 * diff * diff / (2 * variance * (variance + tau2));
  return std::min(1.0, std::exp(-log_lambda));
}

Result<ExperimentResult> AnalyzeExperiment(const ExperimentData& data, const std::vector<std::string>& metrics,
                                           const ExperimentOptions& options) {
  if (!(options.alpha > 0 && options.alpha < 1)) return Status::InvalidInput("alpha must be between 0 and 1");
  std::vector<std::string> arms;  // in order of first appearance
  std::map<std::string, std::vector<size_t>> rows;
  for (size_t i = 0; i < data.arm.size(); ++i) {
    if (!rows.count(data.arm[i])) arms.push_back(data.arm[i]);
    rows[data.arm[i]].push_back(i);
  }
  if (!rows.count(options.control))
    return Status::InvalidInput(fmt::format("the control arm '{}' has no users (arms: {})", options.control,
                                            fmt::join(arms, ", ")));
  if (arms.size() < 2) return Status::InvalidInput("the experiment has one arm only: nothing to compare");
  if (!data.covariate.empty() && data.covariate.size() != data.arm.size())
    return Status::InvalidInput("the covariate has a value for some users only");
  ExperimentResult out;
  out.cuped = !data.covariate.empty();
  out.sample_ratio = CheckSampleRatio(data.arm, arms, options.expected_ratio);
  const double z = NormalQuantile(1 - options.alpha / 2);
  for (const std::string& arm : arms) {
    if (arm == options.control) continue;
    for (const std::string& metric : metrics) {
      const auto found = data.metrics.find(metric);
      if (found == data.metrics.end()) return Status::InvalidInput(fmt::format("no metric '{}'", metric));
      const std::vector<double>& raw = found->second;
      if (raw.size() != data.arm.size())
        return Status::InvalidInput(fmt::format("metric '{}' has a value for some users only", metric));
      const bool binary = IsBinary(raw);
      MetricResult r;
      r.arm = arm;
      r.metric = metric;
      const Moments c = MomentsOf(raw, rows[options.control]), a = MomentsOf(raw, rows[arm]);
      if (c.n < 2 || a.n < 2)
        return Status::InvalidInput(fmt::format("metric '{}': arms '{}' and '{}' need at least two users each", metric,
                                                options.control, arm));
      r.control_n = c.n;
      r.arm_n = a.n;
      r.control_mean = c.mean;
      r.arm_mean = a.mean;
      r.lift_abs = a.mean - c.mean;
      // The difference's variance, from CUPED-adjusted values when a covariate is given.
      Moments ca = c, aa = a;
      if (out.cuped) {
        double theta = 0;
        const std::vector<double> adjusted = Cuped(raw, data.covariate, theta);
        ca = MomentsOf(adjusted, rows[options.control]);
        aa = MomentsOf(adjusted, rows[arm]);
        r.lift_abs = aa.mean - ca.mean;
      }
      const double va = aa.variance / static_cast<double>(aa.n), vc = ca.variance / static_cast<double>(ca.n);
      const double se = std::sqrt(va + vc);
      if (out.cuped) {
        const double raw_var = a.variance / static_cast<double>(a.n) + c.variance / static_cast<double>(c.n);
        r.variance_reduction = raw_var > 0 ? 1 - (va + vc) / raw_var : 0;
      }
      if (binary && !out.cuped) {
        r.test = "two-proportion z";
        const double pooled = (c.mean * static_cast<double>(c.n) + a.mean * static_cast<double>(a.n)) /
                              static_cast<double>(c.n + a.n);
        const double se_pooled =
            std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(c.n) + 1.0 / static_cast<double>(a.n)));
        r.p_value = se_pooled > 0 ? TwoSidedNormalP(r.lift_abs / se_pooled) : (r.lift_abs == 0 ? 1.0 : 0.0);
        r.lift_abs_low = r.lift_abs - z * se;
        r.lift_abs_high = r.lift_abs + z * se;
      } else {
        r.test = "Welch t";
        const double df_den = (va * va) / static_cast<double>(aa.n - 1) + (vc * vc) / static_cast<double>(ca.n - 1);
        const double df = df_den > 0 ? (va + vc) * (va + vc) / df_den : static_cast<double>(aa.n + ca.n - 2);
        const boost::math::students_t dist(std::max(1.0, df));
        const double t = se > 0 ? r.lift_abs / se : 0;
        r.p_value = se > 0 ? 2 * boost::math::cdf(boost::math::complement(dist, std::abs(t))) : (r.lift_abs == 0 ? 1.0 : 0.0);
        const double q = boost::math::quantile(boost::math::complement(dist, options.alpha / 2));
        r.lift_abs_low = r.lift_abs - q * se;
        r.lift_abs_high = r.lift_abs + q * se;
      }
      // Relative lift: delta method on (arm / control) − 1.
      if (ca.mean != 0) {
        const double ratio = (ca.mean + r.lift_abs) / ca.mean;
        r.lift_rel = ratio - 1;
        const double var_rel = va / (ca.mean * ca.mean) + ratio * ratio * vc / (ca.mean * ca.mean);
        r.lift_rel_low = r.lift_rel - z * std::sqrt(var_rel);
        r.lift_rel_high = r.lift_rel + z * std::sqrt(var_rel);
      }
      // mSPRT: always-valid p-value and interval.
      const double scale = c.mean != 0 ? std::abs(c.mean) : std::sqrt(c.variance);
      const double tau2 = std::pow(options.tau_share * (scale > 0 ? scale : 1.0), 2);
      const double v = va + vc;
      r.p_sequential = MsprtPValue(r.lift_abs, v, tau2);
      const double half = v > 0 ? std::sqrt(v * (v + tau2) / tau2 * (2 * std::log(1 / options.alpha) + std::log((v + tau2) / v))) : 0;
      r.lift_abs_low_sequential = r.lift_abs - half;
      r.lift_abs_high_sequential = r.lift_abs + half;
      out.results.push_back(std::move(r));
    }
  }
  HolmAdjust(out.results, options.alpha);
  return out;
}

Result<int64_t> SampleSizeForMean(double sd, double mde, double alpha, double power) {
  if (!(sd > 0) || !(mde != 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1))
    return Status::InvalidInput("sample size: sd and the effect must be positive, alpha and power between 0 and 1");
  const double z = NormalQuantile(1 - alpha / 2) + NormalQuantile(power);
  return static_cast<int64_t>(std::ceil(2 * z * z * sd * sd / (mde * mde)));
}

Result<int64_t> SampleSizeForRate(double baseline, double mde_relative, double alpha, double power) {
  const double p1 = baseline, p2 = baseline * (1 + mde_relative);
  if (!(p1 > 0 && p1 < 1) || !(p2 > 0 && p2 < 1) || mde_relative == 0)
    return Status::InvalidInput("sample size: the baseline rate and the rate after the lift must be between 0 and 1");
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1))
    return Status::InvalidInput("sample size: alpha and power must be between 0 and 1");
  // Unpooled normal approximation (Fleiss): n = (zα/2 √(2p̄q̄) + zβ √(p1q1 + p2q2))² / (p2 − p1)².
  const double pbar = (p1 + p2) / 2, za = NormalQuantile(1 - alpha / 2), zb = NormalQuantile(power);
  const double num = za * std::sqrt(2 * pbar * (1 - pbar)) + zb * std::sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return static_cast<int64_t>(std::ceil(num * num / ((p2 - p1) * (p2 - p1))));
}

}  // namespace brandlens
