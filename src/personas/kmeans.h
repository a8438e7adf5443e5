// K-means on the full data: k-means++ seeding (greedy, several candidates
// per step as in Arthur & Vassilvitskii's follow-ups and scikit-learn), then
// Lloyd iterations until the centroids stop moving, over several restarts;
// the restart with the lowest inertia wins. Multi-threaded over points.
//
// Written here rather than taken from Faiss: Faiss seeds at random (no
// k-means++), subsamples by default and busy-waits in OpenMP on a shared
// 2-core box; this kernel is a few dozen readable lines and measured faster
// at equal inertia (bench/cluster_bench.sh).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "personas/point_matrix.h"

namespace brandlens {

struct KMeansOptions {
  int k = 8;
  int restarts = 4;
  int max_iterations = 300;
  // Stop when the centroids' total squared shift falls below tolerance ×
  // the mean variance of the features (scikit-learn's criterion), or no
  // label changes.
  double tolerance = 1e-4;
  uint64_t seed = 1;
  unsigned threads = 0;  // 0: one per core
};

struct Clustering {
  int k = 0;
  std::vector<int32_t> labels;   // per point: 0..k-1 (DBSCAN: -1 for noise)
  std::vector<double> centroids; // k × dims (k-means only)
  double inertia = 0;            // sum of squared distances to the assigned centroid
  int iterations = 0;            // of the winning restart (DBSCAN: 1)
  std::vector<double> restart_inertias;  // one per restart, in order
};

// Errors: no points, k < 1, or fewer distinct points than k (say how many
// there are, so the caller can lower k). Points must be finite.
Result<Clustering> KMeans(const PointMatrix& points, const KMeansOptions& options);

// Every restart's labels, for stability checks (KMeans keeps only the best).
Result<std::vector<Clustering>> KMeansRestarts(const PointMatrix& points, const KMeansOptions& options);

// Labels of each point under the nearest of `centroids` (k × dims).
std::vector<int32_t> AssignNearest(const PointMatrix& points, const std::vector<double>& centroids, unsigned threads);

}  // namespace brandlens
