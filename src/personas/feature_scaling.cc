#include "personas/feature_scaling.h"

#include <algorithm>
#include <cmath>

namespace brandlens {

namespace {

double Transform(FeatureShape shape, double raw) {
  return shape == FeatureShape::kHeavyTail ? std::log1p(std::max(0.0, raw)) : raw;
}

double Quantile(std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  return sorted[static_cast<size_t>(q * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

double ScaleValue(const FeatureScale& scale, FeatureShape shape, double raw) {
  const double x = std::isnan(raw) ? scale.median : std::clamp(Transform(shape, raw), scale.low, scale.high);
  return (x - scale.median) / scale.scale;
}

ScaledFeatures ScaleFeatures(const UserFeatures& features) {
  ScaledFeatures out;
  const size_t n = features.rows(), f = features.cols();
  std::vector<double> column;
  for (size_t j = 0; j < f; ++j) {
    FeatureScale s;
    s.name = features.features[j].name;
    column.clear();
    for (size_t u = 0; u < n; ++u) {
      const double raw = features.At(u, j);
      if (std::isnan(raw)) ++s.missing;
      else column.push_back(Transform(features.features[j].shape, raw));
    }
    std::sort(column.begin(), column.end());
    if (!column.empty()) {
      s.median = Quantile(column, 0.5);
      s.low = Quantile(column, 0.01);
      s.high = Quantile(column, 0.99);
      // The spread of the winsorized, imputed column.
      double sum = 0, sum2 = 0;
      for (double x : column) {
        const double c = std::clamp(x, s.low, s.high) - s.median;
        sum += c;
        sum2 += c * c;
      }
      const double m = static_cast<double>(n);  // imputed values add zeros
      const double variance = sum2 / m - (sum / m) * (sum / m);
      if (variance > 1e-12) {
        s.scale = std::sqrt(variance);
        s.used = true;
      }
    }
    if (s.used) out.used.push_back(j);
    out.scales.push_back(std::move(s));
  }
  out.points.rows = n;
  out.points.cols = out.used.size();
  out.points.values.resize(n * out.used.size());
  for (size_t c = 0; c < out.used.size(); ++c) out.points.columns.push_back(features.features[out.used[c]].name);
  for (size_t u = 0; u < n; ++u)
    for (size_t c = 0; c < out.used.size(); ++c) {
      const size_t j = out.used[c];
      out.points.values[u * out.used.size() + c] =
          static_cast<float>(ScaleValue(out.scales[j], features.features[j].shape, features.At(u, j)));
    }
  return out;
}

}  // namespace brandlens
