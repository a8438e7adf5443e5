#include "personas/dbscan.h"

#include <fmt/format.h>
#include <nanoflann.hpp>

#include <algorithm>
#include <cmath>

#include "core/parallel.h"
#include "personas/cluster_quality.h"

namespace brandlens {

namespace {

// nanoflann's view of the matrix.
struct MatrixAdaptor {
  const PointMatrix& points;
  size_t kdtree_get_point_count() const { return points.rows; }
  float kdtree_get_pt(size_t i, size_t dim) const { return points.values[i * points.cols + dim]; }
  template <class Box>
  bool kdtree_get_bbox(Box&) const { return false; }
};

using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<float, MatrixAdaptor>, MatrixAdaptor,
                                                   -1, uint32_t>;

constexpr size_t kChunk = 1024;

}  // namespace

Result<Clustering> Dbscan(const PointMatrix& points, const DbscanOptions& options) {
  if (points.rows == 0 || points.cols == 0) return Status::InvalidInput("DBSCAN: there are no points to cluster");
  if (!(options.eps > 0) || !std::isfinite(options.eps))
    return Status::InvalidInput(fmt::format("DBSCAN: eps must be a positive number (got {})", options.eps));
  if (options.min_points < 1)
    return Status::InvalidInput(fmt::format("DBSCAN: min-points must be at least 1 (got {})", options.min_points));
  const unsigned threads = ThreadsOrCores(options.threads);
  const MatrixAdaptor adaptor{points};
  KdTree tree(static_cast<int>(points.cols), adaptor, nanoflann::KDTreeSingleIndexAdaptorParams(16));  // builds

  // Neighbour lists of core points only: border and noise points need none,
  // which keeps memory to what the clusters themselves hold.
  const auto radius = static_cast<float>(options.eps * options.eps);  // nanoflann's L2 is squared
  std::vector<std::vector<uint32_t>> neighbours(points.rows);
  std::vector<char> core(points.rows, 0);
  const size_t chunks = (points.rows + kChunk - 1) / kChunk;
  ParallelFor(chunks, threads, [&](unsigned, size_t c) {
    std::vector<std::pair<uint32_t, float>> matches;
    nanoflann::SearchParams params;
    params.sorted = false;
    const size_t end = std::min(points.rows, (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      matches.clear();
      const size_t found = tree.radiusSearch(points.Row(i).data(), radius, matches, params);
      if (found < static_cast<size_t>(options.min_points)) continue;
      core[i] = 1;
      auto& list = neighbours[i];
      list.reserve(found);
      for (const auto& m : matches) list.push_back(m.first);
      std::sort(list.begin(), list.end());
    }
  });

  Clustering out;
  out.labels.assign(points.rows, -1);
  out.iterations = 1;
  std::vector<uint32_t> frontier;
  for (size_t seed = 0; seed < points.rows; ++seed) {
    if (!core[seed] || out.labels[seed] >= 0) continue;
    const int32_t cluster = out.k++;
    out.labels[seed] = cluster;
    frontier.assign(1, static_cast<uint32_t>(seed));
    while (!frontier.empty()) {
      const uint32_t p = frontier.back();
      frontier.pop_back();
      for (uint32_t q : neighbours[p]) {
        if (out.labels[q] >= 0) continue;
        out.labels[q] = cluster;
        if (core[q]) frontier.push_back(q);
      }
    }
  }

  // Inertia around each cluster's mean, in the input's units.
  const size_t dims = points.cols, k = static_cast<size_t>(out.k);
  out.centroids.assign(k * dims, 0.0);
  std::vector<int64_t> counts(k, 0);
  for (size_t i = 0; i < points.rows; ++i) {
    if (out.labels[i] < 0) continue;
    const auto c = static_cast<size_t>(out.labels[i]);
    ++counts[c];
    for (size_t d = 0; d < dims; ++d) out.centroids[c * dims + d] += points.values[i * dims + d];
  }
  for (size_t c = 0; c < k; ++c)
    for (size_t d = 0; d < dims; ++d) out.centroids[c * dims + d] /= static_cast<double>(counts[c]);
  for (size_t i = 0; i < points.rows; ++i) {
    if (out.labels[i] < 0) continue;
    const auto c = static_cast<size_t>(out.labels[i]);
    for (size_t d = 0; d < dims; ++d) {
      const double delta = points.values[i * dims + d] - out.centroids[c * dims + d];
      out.inertia += delta * delta;
    }
  }
  return out;
}

double SuggestEps(const PointMatrix& points, int min_points, double quantile, uint64_t seed) {
  if (min_points < 1 || points.rows < static_cast<size_t>(min_points) || points.cols == 0) return 0;
  const MatrixAdaptor adaptor{points};
  KdTree tree(static_cast<int>(points.cols), adaptor, nanoflann::KDTreeSingleIndexAdaptorParams(16));
  const auto neighbours = static_cast<size_t>(min_points);
  std::vector<uint32_t> index(neighbours);
  std::vector<float> squared(neighbours);
  std::vector<double> distances;
  for (size_t i : SampleIndices(points.rows, 2000, seed)) {
    const size_t found = tree.knnSearch(points.Row(i).data(), neighbours, index.data(), squared.data());
    if (found == neighbours) distances.push_back(std::sqrt(static_cast<double>(squared[neighbours - 1])));
  }
  if (distances.empty()) return 0;
  const auto at = distances.begin() + static_cast<std::ptrdiff_t>(quantile * static_cast<double>(distances.size() - 1));
  std::nth_element(distances.begin(), at, distances.end());
  return *at;
}

}  // namespace brandlens
