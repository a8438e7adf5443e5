// Stable segment ids across runs. A new cluster takes the id of the
// previous segment most of its (previously segmented) members came from,
// when that is at least half of them; clusters of all-new users fall back
// to the nearest previous centroid. Each previous id goes to one cluster at
// most (the largest overlap first); the rest get new ids. A segment that
// splits or merges says so in its lineage.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace brandlens {

struct PreviousSegments {
  std::vector<int32_t> ids;                    // previous segment ids
  std::vector<std::vector<double>> centroids;  // per id, in the current run's scaled space
  // Per current user (row), the previous segment id, or -1.
  std::vector<int32_t> member_of;
};

struct SegmentIds {
  std::vector<int32_t> id_of_cluster;   // per new cluster (0..k-1)
  std::vector<std::string> lineage;     // per new cluster: "new", "continues 3", "split from 3", "merged 2+5"
};

// `labels` are the new clusters per user row; `centroids` k × dims in the
// same scaled space as the previous ones.
SegmentIds MatchSegments(const std::vector<int32_t>& labels, int k, const std::vector<double>& centroids,
                         const PreviousSegments& previous);

}  // namespace brandlens
