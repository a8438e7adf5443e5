#include "campaigns/bandits.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace brandlens {

namespace {

Status CheckArms(const std::vector<BanditArm>& arms, const BanditOptions& options) {
  if (arms.size() < 2) return Status::InvalidInput("a bandit needs at least two arms");
  std::set<std::string> names;
  for (const BanditArm& a : arms) {
    if (a.name.empty()) return Status::InvalidInput("an arm has no name");
    if (!names.insert(a.name).second) return Status::InvalidInput(fmt::format("arm '{}' appears twice", a.name));
    for (double v : {a.trials, a.successes, a.revenue})
      if (!std::isfinite(v) || v < 0)
        return Status::InvalidInput(fmt::format("arm '{}': counts and revenue must be finite and not negative", a.name));
    if (options.reward == BanditReward::kRate && a.successes > a.trials)
      return Status::InvalidInput(
          fmt::format("arm '{}': {} successes in {} trials (a rate cannot exceed 1)", a.name, a.successes, a.trials));
    if (options.reward == BanditReward::kRevenue && a.successes > a.trials)
      return Status::InvalidInput(fmt::format("arm '{}': {} orders in {} trials", a.name, a.successes, a.trials));
    if (options.reward == BanditReward::kRevenue && a.successes == 0 && a.revenue > 0)
      return Status::InvalidInput(fmt::format("arm '{}': revenue {} with no orders", a.name, a.revenue));
  }
  if (!(options.min_share >= 0) || options.min_share * static_cast<double>(arms.size()) > 1)
    return Status::InvalidInput(
        fmt::format("a minimum share of {} for each of {} arms is more than the whole", options.min_share, arms.size()));
  if (!(options.max_change > 0)) return Status::InvalidInput("the largest change of a share must be positive");
  if (options.draws < 100) return Status::InvalidInput("at least 100 posterior draws are needed");
  return Status::Ok();
}

// Posterior draws of one arm's reward per trial.
std::vector<double> DrawRewards(const BanditArm& arm, const BanditOptions& options, double pooled_value,
                                uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> success(1 + arm.successes, 1.0);
  std::gamma_distribution<double> failure(1 + arm.trials - arm.successes, 1.0);
  // Rate of the exponential order value: Gamma(shape 1 + orders, rate m̄ + revenue).
  std::gamma_distribution<double> value_rate(1 + arm.successes, 1.0 / (pooled_value + arm.revenue));
  std::vector<double> draws(static_cast<size_t>(options.draws));
  for (double& d : draws) {
    const double a = success(rng), b = failure(rng);
    d = a / (a + b);
    if (options.reward == BanditReward::kRevenue) d /= value_rate(rng);
  }
  return draws;
}

double Quantile(std::vector<double> values, double q) {
  const auto k = static_cast<size_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

// Moves the target shares as little as possible (a common shift, clamped to
// each arm's [floor, cap]) so that they sum to 1.
std::vector<double> FitShares(const std::vector<double>& target, const std::vector<double>& lo,
                              const std::vector<double>& hi) {
  auto total = [&](double shift) {
    double s = 0;
    for (size_t i = 0; i < target.size(); ++i) s += std::clamp(target[i] + shift, lo[i], hi[i]);
    return s;
  };
  double a = -1, b = 1;
  for (int it = 0; it < 200; ++it) {
    const double m = 0.5 * (a + b);
    (total(m) < 1 ? a : b) = m;
  }
  std::vector<double> shares(target.size());
  for (size_t i = 0; i < target.size(); ++i) shares[i] = std::clamp(target[i] + 0.5 * (a + b), lo[i], hi[i]);
  return shares;
}

std::vector<double> NextShares(const std::vector<BanditArm>& arms, const std::vector<double>& prob_best,
                               const BanditOptions& options) {
  const size_t k = arms.size();
  const double floor = options.min_share;
  std::vector<double> target(k), lo(k, floor), hi(k, 1.0);
  for (size_t i = 0; i < k; ++i) target[i] = floor + (1 - floor * static_cast<double>(k)) * prob_best[i];
  double current_total = 0;
  bool known = true;
  for (const BanditArm& a : arms) known = known && a.share >= 0, current_total += std::max(0.0, a.share);
  if (known && current_total > 0) {
    double lo_total = 0;
    for (size_t i = 0; i < k; ++i) {
      const double now = arms[i].share / current_total;
      lo[i] = std::max(floor, now - options.max_change);
      hi[i] = std::max(lo[i], std::min(1.0, now + options.max_change));
      lo_total += lo[i];
    }
    if (lo_total > 1) std::fill(lo.begin(), lo.end(), floor);  // the floor wins over the speed cap
  }
  return FitShares(target, lo, hi);
}

}  // namespace

Result<BanditAllocation> AllocateBandit(const std::vector<BanditArm>& arms, const BanditOptions& options) {
  BRANDLENS_RETURN_IF_ERROR(CheckArms(arms, options));
  double orders = 0, revenue = 0;
  for (const BanditArm& a : arms) orders += a.successes, revenue += a.revenue;
  const double pooled_value = orders > 0 && revenue > 0 ? revenue / orders : 1.0;

  std::vector<std::vector<double>> draws;
  for (size_t i = 0; i < arms.size(); ++i)
    draws.push_back(DrawRewards(arms[i], options, pooled_value, options.seed * 0x9E3779B97F4A7C15ULL + i + 1));

  const auto n = static_cast<size_t>(options.draws);
  std::vector<double> wins(arms.size(), 0);
  for (size_t d = 0; d < n; ++d) {
    size_t best = 0;
    for (size_t i = 1; i < arms.size(); ++i)
      if (draws[i][d] > draws[best][d]) best = i;
    wins[best] += 1;
  }
  BanditAllocation out;
  std::vector<double> prob_best(arms.size());
  for (size_t i = 0; i < arms.size(); ++i) {
    prob_best[i] = wins[i] / static_cast<double>(n);
    if (prob_best[i] > prob_best[static_cast<size_t>(out.leader)]) out.leader = static_cast<int>(i);
  }
  const std::vector<double> shares = NextShares(arms, prob_best, options);
  for (size_t i = 0; i < arms.size(); ++i) {
    double sum = 0;
    for (double v : draws[i]) sum += v;
    out.arms.push_back({arms[i].name, sum / static_cast<double>(n), Quantile(draws[i], 0.025),
                        Quantile(draws[i], 0.975), prob_best[i], shares[i]});
  }
  const auto& lead = draws[static_cast<size_t>(out.leader)];
  std::vector<double> remaining(n);
  for (size_t d = 0; d < n; ++d) {
    double top = lead[d];
    for (const auto& arm : draws) top = std::max(top, arm[d]);
    remaining[d] = lead[d] > 0 ? (top - lead[d]) / lead[d] : 0;
  }
  out.value_remaining = Quantile(std::move(remaining), 0.95);
  out.can_stop = out.value_remaining < 0.01;
  return out;
}

}  // namespace brandlens
