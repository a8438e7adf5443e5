// Choosing k for k-means: each candidate k is clustered with several
// restarts; its silhouette (on a sample) says how well separated the
// clusters are and its stability (the mean adjusted Rand index between the
// restarts' partitions) whether they are real or an accident of seeding.
// The chosen k has the best silhouette among the stable candidates (ARI ≥
// 0.8; if none is, the most stable one). Candidates are compared on a
// sample of at most kChooseSample points; the chosen k is then clustered
// on all of them (so 10M users cost one full k-means, not one per k).
#pragma once

#include <vector>

#include "core/status.h"
#include "personas/kmeans.h"

namespace brandlens {

struct KCandidate {
  int k = 0;
  double inertia = 0, silhouette = 0, stability = 0;
};

struct KChoice {
  Clustering clustering;  // the best restart at the chosen k
  std::vector<KCandidate> candidates;
};

inline constexpr double kStableAri = 0.8;
inline constexpr size_t kSilhouetteSample = 2000;
inline constexpr size_t kChooseSample = 100000;

// Tries k = min_k..max_k (capped by the number of distinct points);
// `options.k` is ignored.
Result<KChoice> ChooseK(const PointMatrix& points, int min_k, int max_k, const KMeansOptions& options);

}  // namespace brandlens
