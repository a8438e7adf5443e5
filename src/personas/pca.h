// Principal component analysis of a (scaled) feature matrix, through the
// eigen-decomposition of its covariance (Eigen): the components that
// explain most of the variance, for clustering in fewer dimensions and for
// the 2-D map of the segments.
#pragma once

#include <vector>

#include "personas/point_matrix.h"

namespace brandlens {

struct Pca {
  size_t input_dims = 0;
  std::vector<double> mean;                // input_dims
  std::vector<double> components;          // kept × input_dims, strongest first
  std::vector<double> explained_variance;  // share of the total, per kept component
  size_t kept() const { return explained_variance.size(); }
};

// Keeps the fewest components explaining at least `variance_share` of the
// variance (at least one and at most `max_components`, 0: no limit).
// Constant data keeps one zero component.
Pca FitPca(const PointMatrix& points, double variance_share, size_t max_components = 0);

// The points in the kept components' coordinates.
PointMatrix Project(const Pca& pca, const PointMatrix& points);

}  // namespace brandlens
