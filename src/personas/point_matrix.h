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

// Squared Euclidean distance of two points of the same dimension.
inline double SquaredDistance(const float* a, const float* b, size_t dims) {
  float sum = 0;  // float lanes vectorise; inputs are scaled features
  for (size_t j = 0; j < dims; ++j) {
    const float d = a[j] - b[j];
    sum += d * d;
  }
  return sum;
}

}  // namespace brandlens
