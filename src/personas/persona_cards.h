// Persona cards: what a marketer reads about each segment — its size and
// worth, what sets it apart (standardized differences of its mean from the
// overall mean, per feature), a Chinese name and description from
// templates, and a target score (value × growth × reachability).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "personas/feature_scaling.h"
#include "personas/user_features.h"

namespace brandlens {

struct FeatureDifference {
  std::string name, label;
  double z = 0;  // (segment mean − overall mean) / overall spread, in scaled units
  double segment_value = 0, overall_value = 0;  // raw units: the medians
};

struct PersonaCard {
  int32_t id = 0;
  std::string name, description, lineage;
  int64_t size = 0;
  int64_t outliers = 0;     // members outside every dense region (DBSCAN noise)
  double user_share = 0, revenue_share = 0, value_per_user = 0;
  double growth = 1;        // orders in the last 90 days / the 90 before
  double reachability = 0;  // share of members active or opening messages in the last 90 days
  double target_score = 0;  // 0..100, the best segment for a campaign 100
  std::vector<FeatureDifference> distinguishing;  // strongest first
  std::vector<std::string> examples;              // members nearest the centre
  double map_x = 0, map_y = 0;                    // the centre on the first two principal components
};

inline constexpr size_t kDistinguishingFeatures = 6;

// One card per cluster (labels 0..k-1, per user row); `ids` are the stable
// segment ids of the clusters. Cards come sorted by target score.
std::vector<PersonaCard> BuildCards(const UserFeatures& features, const ScaledFeatures& scaled,
                                    const std::vector<int32_t>& labels, const std::vector<int32_t>& ids);

}  // namespace brandlens
