// DBSCAN (Ester et al. 1996): points with at least `min_points` neighbours
// within `eps` (themselves included, as scikit-learn counts) are core
// points; core points within eps of each other share a cluster, other
// points within eps of a core point join its cluster (border points), the
// rest are noise (-1). Neighbour queries run on a k-d tree (nanoflann),
// in parallel.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "personas/kmeans.h"
#include "personas/point_matrix.h"

namespace brandlens {

struct DbscanOptions {
  double eps = 0.5;
  int min_points = 5;
  unsigned threads = 0;  // 0: one per core
};

// Clusters are numbered 0.. in the order of their first point; a border
// point reachable from two clusters joins the one numbered first. `k` is
// the number of clusters; `inertia` is that of the clusters around their
// means (noise excluded), for comparison with k-means.
Result<Clustering> Dbscan(const PointMatrix& points, const DbscanOptions& options);

// A radius for DBSCAN read off the data: the `quantile` of the distances
// from a sample of points to their `min_points`-th nearest neighbour (the
// k-distance "knee" of Ester et al., taken at a fixed quantile so that about
// 1 − quantile of the points fall outside dense regions). 0 when there are
// fewer than min_points points or all coincide.
double SuggestEps(const PointMatrix& points, int min_points, double quantile, uint64_t seed);

}  // namespace brandlens
