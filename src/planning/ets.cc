#include "planning/ets.h"

#include <fmt/format.h>
#include <nlopt.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <random>

namespace brandlens {

namespace {

constexpr double kLogTwoPiPlusOne = 2.8378770664093453;  // 1 + ln(2π)
constexpr int kMaxEvaluations = 400;

char Letter(EtsComponent c) { return c == EtsComponent::kNone ? 'N' : c == EtsComponent::kAdditive ? 'A' : 'M'; }

// The parameters one fit searches: smoothing weights (β and γ as shares of
// what α leaves, so the admissible region is a box), damping, and the
// initial level and trend.
struct Params {
  double alpha, beta, gamma, phi, level, trend;
};

struct Problem {
  std::span<const double> y;
  EtsSpec spec;
  std::vector<double> season0;  // initial seasonal states, oldest first
  double scale;                 // of the data, to keep the optimizer's steps sensible
  std::vector<double> season;   // scratch
};

// Runs the filter; returns −2 log-likelihood (up to the constant shared by
// all models of the same data) and leaves the final states in `out` if given.
double Filter(Problem& p, const Params& q, EtsModel* out) {
  const EtsSpec& s = p.spec;
  const bool trended = s.trend != EtsComponent::kNone;
  const double phi = trended && s.damped ? q.phi : 1.0;
  const int m = s.season == EtsComponent::kNone ? 1 : s.period;
  p.season.assign(p.season0.begin(), p.season0.end());
  double level = q.level, trend = trended ? q.trend : 0;
  double sse = 0, log_fitted = 0;
  size_t head = 0;  // season index of the current period in the ring
  for (const double y : p.y) {
    const double base = level + phi * trend;
    double seasonal = s.season == EtsComponent::kMultiplicative ? 1.0 : 0.0;
    if (s.season != EtsComponent::kNone) seasonal = p.season[head];
    const double fitted = s.season == EtsComponent::kMultiplicative ? base * seasonal : base + seasonal;
    const double r = y - fitted;
    if (s.error == EtsComponent::kMultiplicative) {
      if (!(fitted > 0)) return std::numeric_limits<double>::infinity();
      const double e = r / fitted;
      sse += e * e;
      log_fitted += std::log(fitted);
    } else {
      sse += r * r;
    }
    if (s.season == EtsComponent::kMultiplicative) {
      if (!(seasonal > 0) || !(base > 0)) return std::numeric_limits<double>::infinity();
      level = base + q.alpha * r / seasonal;
      trend = phi * trend + q.beta * r / seasonal;
      p.season[head] = seasonal + q.gamma * r / base;
    } else {
      level = base + q.alpha * r;
      trend = phi * trend + q.beta * r;
      if (s.season == EtsComponent::kAdditive) p.season[head] = seasonal + q.gamma * r;
    }
    if (m > 1) head = (head + 1) % static_cast<size_t>(m);
  }
  const double n = static_cast<double>(p.y.size());
  if (!std::isfinite(sse)) return std::numeric_limits<double>::infinity();
  const double variance = std::max(sse / n, 1e-300);
  if (out) {
    out->level = level;
    out->trend = trend;
    out->season.clear();
    for (int i = 0; i < m && s.season != EtsComponent::kNone; ++i)
      out->season.push_back(p.season[(head + static_cast<size_t>(i)) % static_cast<size_t>(m)]);
    out->sigma2 = variance;
  }
  return n * std::log(variance) + 2 * log_fitted;
}

Params Unpack(const double* x, const Problem& p) {
  Params q{};
  q.alpha = x[0];
  q.beta = p.spec.trend != EtsComponent::kNone ? x[1] * x[0] : 0;
  q.gamma = p.spec.season != EtsComponent::kNone ? x[2] * (1 - x[0]) : 0;
  q.phi = x[3];
  q.level = x[4] * p.scale;
  q.trend = x[5] * p.scale;
  return q;
}

double Objective(unsigned, const double* x, double*, void* data) {
  auto& p = *static_cast<Problem*>(data);
  return Filter(p, Unpack(x, p), nullptr);
}

// Classical decomposition of the first seasons: the seasonal index of each
// position (differences or ratios from a centred moving average).
std::vector<double> InitialSeason(std::span<const double> y, int m, bool multiplicative) {
  const size_t use = std::min(y.size(), static_cast<size_t>(std::max(2 * m, std::min<int>(4 * m, static_cast<int>(y.size())))));
  std::vector<double> sum(static_cast<size_t>(m), 0), count(static_cast<size_t>(m), 0);
  const size_t half = static_cast<size_t>(m) / 2;
  for (size_t t = half; t + half < use; ++t) {
    // Centred moving average (2×m for even m).
    double avg = 0;
    if (m % 2 == 0) {
      for (size_t j = t - half; j <= t + half; ++j)
        avg += (j == t - half || j == t + half) ? 0.5 * y[j] : y[j];
      avg /= m;
    } else {
      for (size_t j = t - half; j <= t + half; ++j) avg += y[j];
      avg /= m;
    }
    const size_t pos = t % static_cast<size_t>(m);
    sum[pos] += multiplicative ? (avg > 0 ? y[t] / avg : 1.0) : y[t] - avg;
    count[pos] += 1;
  }
  std::vector<double> season(static_cast<size_t>(m));
  double mean = 0;
  for (size_t i = 0; i < season.size(); ++i) {
    season[i] = count[i] > 0 ? sum[i] / count[i] : (multiplicative ? 1.0 : 0.0);
    mean += season[i] / m;
  }
  for (double& s : season) s = multiplicative ? (mean > 0 ? s / mean : 1.0) : s - mean;
  return season;
}

int ParameterCount(const EtsSpec& s) {
  int k = 2;  // alpha, level
  if (s.trend != EtsComponent::kNone) k += 2 + (s.damped ? 1 : 0);
  if (s.season != EtsComponent::kNone) k += 1 + (s.period - 1);
  return k + 1;  // the error variance
}

}  // namespace

std::string EtsSpec::Name() const {
  return fmt::format("ETS({},{}{},{})", Letter(error), Letter(trend), damped ? "d" : "", Letter(season));
}

Result<EtsModel> FitEts(std::span<const double> y, const EtsSpec& spec) {
  const int k = ParameterCount(spec);
  const auto n = static_cast<int64_t>(y.size());
  if (n < k + 2)
    return Status::InvalidInput(fmt::format("{} needs at least {} observations (got {})", spec.Name(), k + 2, n));
  const bool needs_positive = spec.error == EtsComponent::kMultiplicative || spec.season == EtsComponent::kMultiplicative;
  if (needs_positive && *std::min_element(y.begin(), y.end()) <= 0)
    return Status::InvalidInput(fmt::format("{} needs positive values", spec.Name()));
  const int m = spec.season == EtsComponent::kNone ? 1 : spec.period;
  if (m > 1 && n < 2 * m) return Status::InvalidInput(fmt::format("{} needs two full seasons", spec.Name()));

  Problem p{y, spec, {}, 1.0, {}};
  double scale = 0;
  for (double v : y) scale = std::max(scale, std::abs(v));
  p.scale = scale > 0 ? scale : 1.0;
  const bool multiplicative = spec.season == EtsComponent::kMultiplicative;
  if (m > 1) p.season0 = InitialSeason(y, m, multiplicative);
  // Initial level and trend from the (deseasonalized) first observations.
  const size_t first = static_cast<size_t>(std::min<int64_t>(n, std::max(m, 10)));
  std::vector<double> adjusted(first);
  for (size_t t = 0; t < first; ++t) {
    const double s = m > 1 ? p.season0[t % static_cast<size_t>(m)] : (multiplicative ? 1.0 : 0.0);
    adjusted[t] = multiplicative ? y[t] / s : y[t] - s;
  }
  double slope = 0;
  if (first > 1) {
    const double mean_t = (static_cast<double>(first) - 1) / 2;
    const double mean_y = std::accumulate(adjusted.begin(), adjusted.end(), 0.0) / static_cast<double>(first);
    double sxy = 0, sxx = 0;
    for (size_t t = 0; t < first; ++t) {
      sxy += (static_cast<double>(t) - mean_t) * (adjusted[t] - mean_y);
      sxx += (static_cast<double>(t) - mean_t) * (static_cast<double>(t) - mean_t);
    }
    slope = sxx > 0 ? sxy / sxx : 0;
  }
  const double level0 = adjusted[0];

  const bool trended = spec.trend != EtsComponent::kNone;
  // x: alpha, beta share, gamma share, phi, level/scale, trend/scale.
  std::array<double, 6> x = {0.3, 0.1, 0.1, spec.damped ? 0.95 : 1.0, level0 / p.scale, trended ? slope / p.scale : 0};
  std::array<double, 6> lower = {1e-4, 1e-4, 1e-4, spec.damped ? 0.8 : 1.0, x[4] - 10, x[5] - 10};
  std::array<double, 6> upper = {0.9999, 0.9999, 0.9999, spec.damped ? 0.98 : 1.0, x[4] + 10, x[5] + 10};
  // Parameters the model lacks are pinned (lower == upper) so Nelder-Mead
  // searches only the others.
  if (!trended) lower[1] = upper[1] = x[1], lower[5] = upper[5] = x[5];
  if (m == 1) lower[2] = upper[2] = x[2];
  if (!spec.damped) lower[3] = upper[3] = x[3];
  nlopt_opt opt = nlopt_create(NLOPT_LN_NELDERMEAD, 6);
  nlopt_set_lower_bounds(opt, lower.data());
  nlopt_set_upper_bounds(opt, upper.data());
  nlopt_set_min_objective(opt, Objective, &p);
  nlopt_set_maxeval(opt, kMaxEvaluations);
  nlopt_set_xtol_rel(opt, 1e-6);
  nlopt_set_ftol_rel(opt, 1e-9);
  double best = 0;
  const nlopt_result status = nlopt_optimize(opt, x.data(), &best);
  nlopt_destroy(opt);
  if (status < 0 || !std::isfinite(best))
    return Status::InvalidInput(fmt::format("{} could not be fitted to these values", spec.Name()));

  EtsModel model;
  model.spec = spec;
  const Params q = Unpack(x.data(), p);
  model.alpha = q.alpha;
  model.beta = q.beta;
  model.gamma = q.gamma;
  model.phi = trended && spec.damped ? q.phi : 1.0;
  const double neg2loglik = Filter(p, q, &model) + static_cast<double>(n) * kLogTwoPiPlusOne;
  // A relative error whose spread exceeds 100% makes a multiplicative-error
  // model meaningless (its paths cross zero and explode): such data get an
  // additive-error model instead.
  if (spec.error == EtsComponent::kMultiplicative && !(model.sigma2 <= 1))
    return Status::InvalidInput(fmt::format("{}: relative errors too large for multiplicative errors", spec.Name()));
  const double kk = k, nn = static_cast<double>(n);
  model.aicc = neg2loglik + 2 * kk + (nn - kk - 1 > 0 ? 2 * kk * (kk + 1) / (nn - kk - 1) : 1e9);
  model.observations = n;
  return model;
}

Result<EtsModel> AutoEts(std::span<const double> y, int period) {
  if (y.empty()) return Status::InvalidInput("no observations to fit");
  const bool positive = *std::min_element(y.begin(), y.end()) > 0;
  std::vector<EtsComponent> errors = {EtsComponent::kAdditive};
  if (positive) errors.push_back(EtsComponent::kMultiplicative);
  std::vector<EtsComponent> seasons = {EtsComponent::kNone};
  if (period > 1 && static_cast<int64_t>(y.size()) >= 2 * period) {
    seasons.push_back(EtsComponent::kAdditive);
    if (positive) seasons.push_back(EtsComponent::kMultiplicative);
  }
  std::optional<EtsModel> best;
  Status last = Status::InvalidInput("no model could be fitted");
  for (EtsComponent error : errors)
    for (EtsComponent season : seasons)
      for (int trend = 0; trend < 3; ++trend) {
        EtsSpec spec{error, trend ? EtsComponent::kAdditive : EtsComponent::kNone, season, trend == 2, period};
        // Additive errors with multiplicative seasons are numerically unstable
        // (Hyndman et al. 2008, §15): left out, as the forecast package does.
        if (error == EtsComponent::kAdditive && season == EtsComponent::kMultiplicative) continue;
        auto fit = FitEts(y, spec);
        if (!fit.ok()) {
          last = fit.status();
          continue;
        }
        if (!best || fit->aicc < best->aicc) best = std::move(*fit);
      }
  if (!best) return last;
  return *best;
}

std::vector<double> EtsForecast(const EtsModel& model, int horizon) {
  std::vector<double> out;
  const EtsSpec& s = model.spec;
  double damp_sum = 0, phi_power = 1;
  for (int h = 1; h <= horizon; ++h) {
    phi_power *= model.phi;
    damp_sum += phi_power;
    const double base = model.level + (s.trend == EtsComponent::kNone ? 0 : damp_sum * model.trend);
    if (s.season == EtsComponent::kNone) {
      out.push_back(base);
      continue;
    }
    const double seasonal = model.season[static_cast<size_t>(h - 1) % model.season.size()];
    out.push_back(s.season == EtsComponent::kMultiplicative ? base * seasonal : base + seasonal);
  }
  return out;
}

std::vector<ForecastBand> EtsIntervals(const EtsModel& model, int horizon, std::span<const double> levels, int paths,
                                       uint64_t seed) {
  const EtsSpec& s = model.spec;
  const auto h = static_cast<size_t>(horizon);
  std::vector<std::vector<double>> draws(h, std::vector<double>(static_cast<size_t>(paths)));
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, std::sqrt(model.sigma2));
  const size_t m = model.season.size();
  std::vector<double> season(m);
  for (int path = 0; path < paths; ++path) {
    double level = model.level, trend = model.trend;
    std::copy(model.season.begin(), model.season.end(), season.begin());
    for (size_t step = 0; step < h; ++step) {
      const double base = level + (s.trend == EtsComponent::kNone ? 0 : model.phi * trend);
      const size_t pos = m ? step % m : 0;
      const double seasonal = m ? season[pos] : (s.season == EtsComponent::kMultiplicative ? 1.0 : 0.0);
      const double fitted = s.season == EtsComponent::kMultiplicative ? base * seasonal : base + seasonal;
      const double e = noise(rng);
      const double r = s.error == EtsComponent::kMultiplicative ? fitted * e : e;
      const double y = fitted + r;
      if (!std::isfinite(y)) {
        // A path that overflowed stays at the end of the number line: the
        // band is then as wide as a double allows, never NaN.
        const double edge = std::signbit(y) ? -std::numeric_limits<double>::max() : std::numeric_limits<double>::max();
        for (size_t rest = step; rest < h; ++rest) draws[rest][static_cast<size_t>(path)] = edge;
        break;
      }
      draws[step][static_cast<size_t>(path)] = y;
      if (s.season == EtsComponent::kMultiplicative) {
        level = base + model.alpha * r / seasonal;
        trend = model.phi * trend + model.beta * r / seasonal;
        season[pos] = seasonal + model.gamma * r / base;
      } else {
        level = base + model.alpha * r;
        trend = model.phi * trend + model.beta * r;
        if (m) season[pos] = seasonal + model.gamma * r;
      }
    }
  }
  std::vector<ForecastBand> bands;
  for (double level : levels) {
    ForecastBand band{level, {}, {}};
    const double tail = (1 - level / 100) / 2;
    for (auto& d : draws) {
      std::sort(d.begin(), d.end());
      const auto at = [&](double q) { return d[static_cast<size_t>(std::lround(q * static_cast<double>(d.size() - 1)))]; };
      band.lower.push_back(at(tail));
      band.upper.push_back(at(1 - tail));
    }
    bands.push_back(std::move(band));
  }
  return bands;
}

}  // namespace brandlens
