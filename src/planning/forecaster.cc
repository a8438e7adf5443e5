#include "planning/forecaster.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "planning/seasonality.h"

namespace brandlens {

namespace {

constexpr int kMaxEtsPeriod = 24;

enum class Method { kEts, kTheta, kCombination };

// The forecasts of every candidate on one (season-adjusted) series.
struct Candidates {
  EtsModel ets;
  std::vector<double> ets_mean, theta_mean;
};

// `spec`: fit this ETS model only (the hold-out refits the model AICc chose
// on the whole series, and a user may name one); otherwise choose by AICc.
Result<Candidates> FitCandidates(std::span<const double> x, int ets_period, int horizon, const EtsSpec* spec) {
  auto ets = spec ? FitEts(x, *spec) : AutoEts(x, ets_period);
  if (!ets.ok()) return ets.status();
  Candidates c;
  c.ets = std::move(*ets);
  c.ets_mean = EtsForecast(c.ets, horizon);
  // Theta: SES plus half the slope of the linear trend as drift.
  auto ses = FitEts(x, EtsSpec{EtsComponent::kAdditive, EtsComponent::kNone, EtsComponent::kNone, false, 1});
  if (!ses.ok()) return ses.status();
  const double n = static_cast<double>(x.size());
  const double mean_t = (n - 1) / 2, mean_x = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double sxy = 0, sxx = 0;
  for (size_t t = 0; t < x.size(); ++t) {
    sxy += (static_cast<double>(t) - mean_t) * (x[t] - mean_x);
    sxx += (static_cast<double>(t) - mean_t) * (static_cast<double>(t) - mean_t);
  }
  const double slope = sxx > 0 ? sxy / sxx : 0, alpha = ses->alpha;
  for (int h = 1; h <= horizon; ++h)
    c.theta_mean.push_back(ses->level +
                           slope / 2 * ((h - 1) + 1 / alpha - std::pow(1 - alpha, n) / alpha));
  return c;
}

std::vector<double> Pick(const Candidates& c, Method method) {
  if (method == Method::kEts) return c.ets_mean;
  if (method == Method::kTheta) return c.theta_mean;
  std::vector<double> mean(c.ets_mean.size());
  for (size_t i = 0; i < mean.size(); ++i) mean[i] = (c.ets_mean[i] + c.theta_mean[i]) / 2;
  return mean;
}

// Season-adjusted view of a series and how to restore forecasts.
struct Adjusted {
  std::vector<double> values;
  SeasonalIndices season;  // empty: nothing taken out
};

Adjusted TakeOutLongSeason(std::span<const double> y, int period, bool seasonal) {
  Adjusted a;
  if (seasonal && period > kMaxEtsPeriod) a.season = DecomposeSeason(y, period);
  a.values.reserve(y.size());
  for (size_t t = 0; t < y.size(); ++t) a.values.push_back(a.season.Adjust(y[t], t));
  return a;
}

void Restore(const SeasonalIndices& season, size_t from, std::vector<double>& values) {
  for (size_t i = 0; i < values.size(); ++i) values[i] = season.Restore(values[i], from + i);
}

std::vector<double> SeasonalNaive(std::span<const double> y, int period, int horizon) {
  std::vector<double> out;
  const size_t m = period > 1 && y.size() >= static_cast<size_t>(period) ? static_cast<size_t>(period) : 1;
  for (int h = 0; h < horizon; ++h) out.push_back(y[y.size() - m + static_cast<size_t>(h) % m]);
  return out;
}

}  // namespace

Result<EtsSpec> ParseEtsSpec(std::string_view text) {
  std::string letters;
  for (char c : text)
    if (c != ',' && c != '(' && c != ')') letters += c;
  if (letters.rfind("ETS", 0) == 0) letters.erase(0, 3);
  const auto component = [](char c, bool allow_m) -> std::optional<EtsComponent> {
    if (c == 'N') return EtsComponent::kNone;
    if (c == 'A') return EtsComponent::kAdditive;
    if (c == 'M' && allow_m) return EtsComponent::kMultiplicative;
    return std::nullopt;
  };
  EtsSpec spec;
  const bool damped = letters.size() == 4 && letters[2] == 'd';
  if (letters.size() == (damped ? 4u : 3u)) {
    const auto error = component(letters[0], true), trend = component(letters[1], false),
               season = component(letters.back(), true);
    if (error && error != EtsComponent::kNone && trend && season && (!damped || trend != EtsComponent::kNone)) {
      spec.error = *error;
      spec.trend = *trend;
      spec.damped = damped;
      spec.season = *season;
      return spec;
    }
  }
  return Status::InvalidInput(fmt::format(
      "'{}' is not an ETS model: three letters error (A/M), trend (N/A/Ad), season (N/A/M), e.g. AAdN or MNM",
      std::string(text)));
}

double Smape(std::span<const double> actual, std::span<const double> forecast) {
  double sum = 0;
  const size_t n = std::min(actual.size(), forecast.size());
  for (size_t i = 0; i < n; ++i) {
    const double d = std::abs(actual[i]) + std::abs(forecast[i]);
    sum += d > 0 ? 2 * std::abs(actual[i] - forecast[i]) / d : 0;
  }
  return n ? 100 * sum / static_cast<double>(n) : 0;
}

Result<SeriesForecast> ForecastSeries(std::span<const double> y, const ForecastOptions& options) {
  if (options.long_period > 1 && options.long_period != options.period &&
      y.size() >= 3 * static_cast<size_t>(options.long_period) &&
      std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); }) && IsSeasonal(y, options.long_period)) {
    // Two seasons: the long one out by decomposition, the rest forecast as
    // usual, the long one put back on the forecast and its bands.
    const SeasonalIndices long_season = DecomposeSeason(y, options.long_period);
    std::vector<double> adjusted(y.size());
    for (size_t t = 0; t < y.size(); ++t) adjusted[t] = long_season.Adjust(y[t], t);
    ForecastOptions inner = options;
    inner.long_period = 0;
    auto f = ForecastSeries(adjusted, inner);
    if (!f.ok()) return f;
    Restore(long_season, y.size(), f->mean);
    for (auto& band : f->bands) {
      Restore(long_season, y.size(), band.lower);
      Restore(long_season, y.size(), band.upper);
      for (size_t i = 0; i < band.lower.size(); ++i)
        if (band.lower[i] > band.upper[i]) std::swap(band.lower[i], band.upper[i]);
    }
    f->seasonal_naive = SeasonalNaive(y, options.long_period, options.horizon);
    f->long_seasonal = true;
    return f;
  }
  if (options.horizon < 1) return Status::InvalidInput(fmt::format("the horizon must be at least 1 (got {})", options.horizon));
  if (y.empty()) return Status::InvalidInput("the series has no values");
  for (double v : y)
    if (!std::isfinite(v)) return Status::InvalidInput("the series holds a value that is not a finite number");
  const int h = options.horizon;
  SeriesForecast out;
  out.seasonal_naive = SeasonalNaive(y, options.period, h);
  const bool seasonal = IsSeasonal(y, options.period);
  out.seasonal = seasonal;
  const Adjusted adjusted = TakeOutLongSeason(y, options.period, seasonal);
  const int ets_period = seasonal && options.period <= kMaxEtsPeriod ? options.period : 1;

  std::optional<EtsSpec> forced = options.model;
  if (forced && forced->season != EtsComponent::kNone) forced->period = ets_period > 1 ? ets_period : options.period;
  auto full = y.size() >= 4 ? FitCandidates(adjusted.values, ets_period, h, forced ? &*forced : nullptr)
                            : Result<Candidates>(Status::InvalidInput("too short"));
  if (!full.ok() && forced) return full.status();
  if (!full.ok()) {
    // Too short (or too odd) for any model: the last value, with the spread
    // of the changes seen so far.
    out.method = "Naive";
    out.mean.assign(static_cast<size_t>(h), y.back());
    double spread = 0;
    for (size_t t = 1; t < y.size(); ++t) spread += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
    spread = y.size() > 1 ? std::sqrt(spread / static_cast<double>(y.size() - 1)) : 0;
    for (double level : options.levels) {
      const double z = level >= 95 ? 1.96 : level >= 90 ? 1.645 : level >= 80 ? 1.2816 : 0.6745;
      ForecastBand band{level, {}, {}};
      for (int s = 1; s <= h; ++s) {
        band.lower.push_back(y.back() - z * spread * std::sqrt(s));
        band.upper.push_back(y.back() + z * spread * std::sqrt(s));
      }
      out.bands.push_back(std::move(band));
    }
    return out;
  }

  // Hold out the last `h` points when at least two horizons and a season
  // of history remain to fit on.
  Method method = Method::kEts;
  const size_t need = static_cast<size_t>(2 * h + std::max(ets_period, 8));
  if (!forced && adjusted.values.size() >= need) {
    const std::span<const double> train(adjusted.values.data(), adjusted.values.size() - static_cast<size_t>(h));
    auto held = FitCandidates(train, ets_period, h, &full->ets.spec);
    if (held.ok()) {
      const std::span<const double> actual(y.data() + y.size() - static_cast<size_t>(h), static_cast<size_t>(h));
      double best = std::numeric_limits<double>::infinity();
      for (Method m : {Method::kEts, Method::kTheta, Method::kCombination}) {
        std::vector<double> f = Pick(*held, m);
        Restore(adjusted.season, train.size(), f);
        const double score = Smape(actual, f);
        if (score < best - 1e-12) best = score, method = m;
      }
    }
  }
  out.ets_model = full->ets.spec.Name();
  out.method = method == Method::kEts ? out.ets_model : method == Method::kTheta ? "Theta" : "ETS+Theta";
  out.mean = Pick(*full, method);
  std::vector<double> ets_mean = full->ets_mean;
  out.bands = EtsIntervals(full->ets, h, options.levels);
  // Centre the ETS bands on the chosen forecast, then put the season back.
  for (auto& band : out.bands)
    for (size_t i = 0; i < out.mean.size(); ++i) {
      const double shift = out.mean[i] - ets_mean[i];
      band.lower[i] += shift;
      band.upper[i] += shift;
    }
  Restore(adjusted.season, y.size(), out.mean);
  for (auto& band : out.bands) {
    Restore(adjusted.season, y.size(), band.lower);
    Restore(adjusted.season, y.size(), band.upper);
  }
  return out;
}

}  // namespace brandlens
