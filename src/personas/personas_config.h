// The personas module's part of the project config:
//
//   [personas]
//   window_days = 365   # behaviour window, ending at the data's last activity
//   k = 0               # segments; 0: chosen automatically
//   max_k = 8           # the largest k tried automatically
//   restarts = 4        # k-means restarts
//   seed = 1
//   algorithm = "kmeans"  # or "dbscan": density-shaped segments, outliers apart
//   min_points = 10     # DBSCAN: neighbours (self included) of a core user
//   eps = 0             # DBSCAN radius in scaled units; 0: read off the data
#pragma once

#include <cstdint>
#include <string>

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct PersonasConfig {
  int window_days = 365;
  int k = 0;  // 0: automatic
  int max_k = 8;
  int restarts = 4;
  uint64_t seed = 1;
  std::string algorithm = "kmeans";
  int min_points = 10;
  double eps = 0;  // 0: SuggestEps
};

Result<PersonasConfig> ReadPersonasConfig(const ProjectConfig& config);

}  // namespace brandlens
