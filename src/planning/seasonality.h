// Seasonality: whether a series repeats with a period, and classical
// decomposition to take the repetition out when a model cannot carry it
// (ETS keeps seasonal states only up to a period of 24; weekly data's 52 or
// daily data's 365 are taken out first and put back on the forecasts).
#pragma once

#include <span>
#include <vector>

namespace brandlens {

// The autocorrelation test of the M4 benchmarks: seasonal when the
// autocorrelation at lag `period` exceeds 1.645 × its standard error
// (Bartlett, from the autocorrelations below it). Needs 3 seasons.
bool IsSeasonal(std::span<const double> y, int period);

// Multiplicative classical decomposition's seasonal indices (mean 1), one
// per position of the season, aligned so index[t % period] belongs to y[t].
// Falls back to additive (mean 0, `additive` set) when a value is not
// positive.
struct SeasonalIndices {
  std::vector<double> index;
  bool additive = false;
  double Adjust(double y, size_t t) const;   // take the season out
  double Restore(double y, size_t t) const;  // put it back
};
SeasonalIndices DecomposeSeason(std::span<const double> y, int period);

}  // namespace brandlens
