// From raw features to the matrix that clustering reads: log1p for heavy
// tails, missing values imputed with the feature's median (and counted),
// winsorized to the 1st–99th percentile so a few whales do not stretch a
// dimension, centred on the median and divided by the standard deviation.
// Constant features are left out (they separate nothing).
#pragma once

#include <cstdint>
#include <vector>

#include "personas/point_matrix.h"
#include "personas/user_features.h"

namespace brandlens {

struct FeatureScale {
  std::string name;
  int64_t missing = 0;        // users without a value (imputed)
  double median = 0;          // of the transformed values
  double low = 0, high = 0;   // winsorizing bounds (transformed)
  double scale = 1;           // the divisor
  bool used = false;          // false: constant, left out
};

struct ScaledFeatures {
  PointMatrix points;                 // users × used features
  std::vector<FeatureScale> scales;   // one per raw feature
  std::vector<size_t> used;           // raw feature index of each matrix column
};

ScaledFeatures ScaleFeatures(const UserFeatures& features);

// One raw value (NaN: missing) as the matrix would hold it.
double ScaleValue(const FeatureScale& scale, FeatureShape shape, double raw);

}  // namespace brandlens
