#include "planning/seasonality.h"

#include <algorithm>
#include <cmath>

namespace brandlens {

namespace {

double Autocorrelation(std::span<const double> y, size_t lag, double mean, double variance) {
  double sum = 0;
  for (size_t t = lag; t < y.size(); ++t) sum += (y[t] - mean) * (y[t - lag] - mean);
  return variance > 0 ? sum / variance : 0;
}

}  // namespace

bool IsSeasonal(std::span<const double> y, int period) {
  if (period < 2 || y.size() < 3 * static_cast<size_t>(period)) return false;
  double mean = 0;
  for (double v : y) mean += v;
  mean /= static_cast<double>(y.size());
  double variance = 0;
  for (double v : y) variance += (v - mean) * (v - mean);
  double below = 0;  // sum of squared autocorrelations at lags 1..period-1
  for (int lag = 1; lag < period; ++lag) {
    const double r = Autocorrelation(y, static_cast<size_t>(lag), mean, variance);
    below += r * r;
  }
  const double at = Autocorrelation(y, static_cast<size_t>(period), mean, variance);
  const double limit = 1.645 * std::sqrt((1 + 2 * below) / static_cast<double>(y.size()));
  return std::abs(at) > limit;
}

double SeasonalIndices::Adjust(double y, size_t t) const {
  if (index.empty()) return y;
  const double s = index[t % index.size()];
  return additive ? y - s : y / s;
}

double SeasonalIndices::Restore(double y, size_t t) const {
  if (index.empty()) return y;
  const double s = index[t % index.size()];
  return additive ? y + s : y * s;
}

SeasonalIndices DecomposeSeason(std::span<const double> y, int period) {
  SeasonalIndices out;
  const auto m = static_cast<size_t>(period);
  if (period < 2 || y.size() < 2 * m) return out;
  out.additive = *std::min_element(y.begin(), y.end()) <= 0;
  std::vector<double> sum(m, 0), count(m, 0);
  const size_t half = m / 2;
  // Centred moving average of order m (2×m for even m), rolling.
  for (size_t t = half; t + half < y.size(); ++t) {
    double avg = 0;
    for (size_t j = t - half; j <= t + half; ++j)
      avg += (m % 2 == 0 && (j == t - half || j == t + half)) ? 0.5 * y[j] : y[j];
    avg /= static_cast<double>(m);
    const size_t pos = t % m;
    if (out.additive) sum[pos] += y[t] - avg, count[pos] += 1;
    else if (avg > 0) sum[pos] += y[t] / avg, count[pos] += 1;
  }
  out.index.resize(m);
  double mean = 0;
  for (size_t i = 0; i < m; ++i) {
    out.index[i] = count[i] > 0 ? sum[i] / count[i] : (out.additive ? 0.0 : 1.0);
    mean += out.index[i] / static_cast<double>(m);
  }
  for (double& s : out.index) s = out.additive ? s - mean : (mean > 0 ? s / mean : 1.0);
  return out;
}

}  // namespace brandlens
