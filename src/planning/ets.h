// Exponential smoothing in state-space form (Hyndman, Koehler, Ord &
// Snyder, "Forecasting with Exponential Smoothing", 2008): error additive
// or multiplicative, trend none / additive / additive damped, season none /
// additive / multiplicative. Parameters and the initial level and trend
// are fitted by maximum likelihood (NLopt's Nelder-Mead within the usual
// admissible region); the initial seasonal states come from a classical
// decomposition of the first seasons. Models are compared by AICc.
//
// Written here because no Debian package fits ETS from C++; the filter is
// one loop, the same for every model: all fifteen share their state
// updates once written in terms of the one-step error y − ŷ, and differ in
// the likelihood only.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"

namespace brandlens {

enum class EtsComponent : uint8_t { kNone, kAdditive, kMultiplicative };

struct EtsSpec {
  EtsComponent error = EtsComponent::kAdditive;
  EtsComponent trend = EtsComponent::kNone;  // kMultiplicative is not offered (unstable forecasts)
  EtsComponent season = EtsComponent::kNone;
  bool damped = false;
  int period = 1;  // season length when season != kNone

  std::string Name() const;  // "ETS(A,Ad,M)"
};

struct EtsModel {
  EtsSpec spec;
  double alpha = 0, beta = 0, gamma = 0, phi = 1;
  double level = 0, trend = 0;  // the states after the last observation
  std::vector<double> season;   // the last `period` seasonal states, oldest first
  double sigma2 = 0;            // variance of the one-step errors (relative for M errors)
  double aicc = 0;
  int64_t observations = 0;
};

// Fits one model. Errors: too few observations for its parameters,
// non-positive values for multiplicative components.
Result<EtsModel> FitEts(std::span<const double> y, const EtsSpec& spec);

// The admissible models for the data and their AICc winner. `period` > 1
// adds seasonal models when there are at least two full seasons.
Result<EtsModel> AutoEts(std::span<const double> y, int period);

// Point forecasts 1..horizon.
std::vector<double> EtsForecast(const EtsModel& model, int horizon);

// Forecast quantiles by simulating `paths` futures from the model (fixed
// seed: the same model gives the same intervals). `levels` in percent, e.g.
// {80, 95}; returns per level the lower and upper bounds per step.
struct ForecastBand {
  double level;
  std::vector<double> lower, upper;
};
std::vector<ForecastBand> EtsIntervals(const EtsModel& model, int horizon, std::span<const double> levels,
                                       int paths = 1000, uint64_t seed = 1);

}  // namespace brandlens
