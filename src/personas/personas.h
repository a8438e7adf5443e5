// The personas job: segments of the workspace's customers from their
// behaviour (user_features.h), with stable ids across runs and persona
// cards, stored in the workspace (tables.h).
//
// Steps: features over the window → scaling (feature_scaling.h) → PCA
// keeping 95% of the variance → k-means (k-means++, restarts; k chosen by
// silhouette and stability unless configured), with users outside every
// dense region flagged by DBSCAN (up to 500k users); or DBSCAN segments with
// those users in segment 0 (algorithm = "dbscan") → ids matched to the
// previous run (segment_ids.h) → cards (persona_cards.h) → stored.
//
// Contract:
//  - never prints;
//  - a workspace without users with orders or events is not an error: the
//    result says `built = false` and why, and nothing is written;
//  - with fewer distinct users than the k asked, k is lowered to what the
//    data holds (one segment for one user or identical users);
//  - what is written (a persona_runs row, its persona_segments, every
//    user's user_segments row replacing the previous run's) is written in
//    one transaction: a failed run leaves the previous segments in place.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/timestamp.h"
#include "personas/choose_k.h"
#include "personas/feature_scaling.h"
#include "personas/persona_cards.h"
#include "personas/personas_config.h"
#include "store/store.h"

namespace brandlens {

// The segment of users outside every dense region under DBSCAN.
inline constexpr int32_t kOutlierSegment = 0;

struct PersonasResult {
  bool built = false;
  std::string skipped_reason;  // when !built
  int64_t users = 0;
  int64_t users_without_activity = 0;
  std::string algorithm;  // "kmeans" or "dbscan"
  int k = 0;
  double silhouette = 0, stability = 0;
  double eps = 0;        // the DBSCAN radius used (scaled units), 0 when none ran
  int64_t outliers = 0;  // users outside every dense region (DBSCAN noise)
  std::vector<KCandidate> candidates;   // when k was chosen automatically
  std::vector<FeatureScale> features;   // missing counts and which were used
  size_t components = 0;                // principal components clustered on
  double map_variance = 0;              // variance share of the 2-D map
  std::vector<PersonaCard> segments;    // by target score
  std::vector<std::string> user_ids;    // every user ...
  std::vector<int32_t> user_segment;    // ... and their segment id
  int64_t run_id = 0;
  double seconds = 0;
  // The matrix the users were clustered in (principal components, one row
  // per user), kept only when asked: for comparing with other tools.
  PointMatrix points;
};

// Each user's segment from the latest run (empty before the first run).
Result<std::unordered_map<std::string, int32_t>> LoadUserSegments(Store& store);

Result<PersonasResult> BuildPersonas(Store& store, const TimestampParser& time, const PersonasConfig& config,
                                     unsigned threads = 0, bool keep_points = false);

}  // namespace brandlens
