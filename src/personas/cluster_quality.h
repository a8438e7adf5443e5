// How good and how stable a clustering is, for choosing k and for tests.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "personas/point_matrix.h"

namespace brandlens {

// The adjusted Rand index (Hubert & Arabie 1985) of two labelings of the
// same points: 1 for identical partitions (up to renaming), ~0 for chance
// agreement. Negative labels (noise) count as one more group.
double AdjustedRandIndex(std::span<const int32_t> a, std::span<const int32_t> b);

// The mean silhouette (Rousseeuw 1987) of the points at `sample` (indices):
// for each, (b - a) / max(a, b) with a its mean distance to the rest of its
// own cluster and b the smallest mean distance to another cluster, both
// measured over the sample. Points alone in their cluster score 0. Noise
// labels (-1) are skipped. O(sample² · dims).
double SampledSilhouette(const PointMatrix& points, std::span<const int32_t> labels, std::span<const size_t> sample);

// Up to `count` distinct indices in [0, n), the same for the same seed.
std::vector<size_t> SampleIndices(size_t n, size_t count, uint64_t seed);

}  // namespace brandlens
