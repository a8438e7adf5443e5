// A dense matrix of points, one row per point, row-major float32: the
// layout every clustering kernel here reads (a 10M × 32 feature matrix is
// 1.3 GB, half of what doubles would take; sums are kept in double).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace brandlens {

struct PointMatrix {
  size_t rows = 0, cols = 0;
  std::vector<float> values;         // rows × cols
  std::vector<std::string> columns;  // names, when known

  std::span<const float> Row(size_t i) const { return {values.data() + i * cols, cols}; }
  std::span<float> Row(size_t i) { return {values.data() + i * cols, cols}; }
};

// Squared Euclidean distance of two points of the same dimension. Summed in
// float lanes (they vectorise: the k-means hot loop); a sum that overflows
// (coordinates past ~1e19 — a fuzzed CSV found it, and inputs come in any
// units) is summed again in double.
inline double SquaredDistance(const float* a, const float* b, size_t dims) {
  float sum = 0;
  for (size_t j = 0; j < dims; ++j) {
    const float d = a[j] - b[j];
    sum += d * d;
  }
  if (sum <= 3e38f) return sum;
  double wide = 0;
  for (size_t j = 0; j < dims; ++j) {
    const double d = static_cast<double>(a[j]) - static_cast<double>(b[j]);
    wide += d * d;
  }
  return wide;
}

}  // namespace brandlens
