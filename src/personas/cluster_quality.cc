#include "personas/cluster_quality.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <utility>

namespace brandlens {

namespace {

double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

double AdjustedRandIndex(std::span<const int32_t> a, std::span<const int32_t> b) {
  const size_t n = std::min(a.size(), b.size());
  if (n < 2) return 1.0;
  std::map<std::pair<int32_t, int32_t>, double> joint;
  std::map<int32_t, double> rows, cols;
  for (size_t i = 0; i < n; ++i) {
    ++joint[{a[i], b[i]}];
    ++rows[a[i]];
    ++cols[b[i]];
  }
  double index = 0, row_sum = 0, col_sum = 0;
  for (const auto& [cell, count] : joint) index += Pairs(count);
  for (const auto& [label, count] : rows) row_sum += Pairs(count);
  for (const auto& [label, count] : cols) col_sum += Pairs(count);
  const double expected = row_sum * col_sum / Pairs(static_cast<double>(n));
  const double maximum = (row_sum + col_sum) / 2;
  // Both partitions trivial (one group each, or all singletons): identical.
  if (maximum == expected) return 1.0;
  return (index - expected) / (maximum - expected);
}

double SampledSilhouette(const PointMatrix& points, std::span<const int32_t> labels, std::span<const size_t> sample) {
  std::vector<size_t> kept;
  int32_t max_label = -1;
  for (size_t i : sample)
    if (labels[i] >= 0) kept.push_back(i), max_label = std::max(max_label, labels[i]);
  if (kept.size() < 2 || max_label < 1) return 0;
  const auto k = static_cast<size_t>(max_label) + 1;
  std::vector<double> sizes(k, 0);
  for (size_t i : kept) ++sizes[static_cast<size_t>(labels[i])];
  double total = 0;
  std::vector<double> sums(k);
  for (size_t i : kept) {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (size_t j : kept)
      if (j != i) sums[static_cast<size_t>(labels[j])] += std::sqrt(SquaredDistance(points.Row(i).data(), points.Row(j).data(), points.cols));
    const auto own = static_cast<size_t>(labels[i]);
    if (sizes[own] < 2) continue;  // a singleton scores 0
    const double a = sums[own] / (sizes[own] - 1);
    double b = std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < k; ++c)
      if (c != own && sizes[c] > 0) b = std::min(b, sums[c] / sizes[c]);
    if (!std::isfinite(b)) continue;
    const double m = std::max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / static_cast<double>(kept.size());
}

std::vector<size_t> SampleIndices(size_t n, size_t count, uint64_t seed) {
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  if (count >= n) return all;
  std::mt19937_64 rng(seed);
  // A partial Fisher-Yates shuffle: the first `count` are the sample.
  for (size_t i = 0; i < count; ++i) std::swap(all[i], all[i + std::uniform_int_distribution<size_t>(0, n - i - 1)(rng)]);
  all.resize(count);
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace brandlens
