// The campaigns module's part of the project config:
//
//   [campaigns]
//   attribution_lookback_days = 7   # touches this long before an order share its credit
//   recommend_k = 10                 # items per recommendation list
//   recommend_holdout_days = 30      # the evaluation holds out this last stretch
//   recommend_repeat = "auto"        # "auto", "yes" or "no": may bought items be recommended?
#pragma once

#include "campaigns/recommend.h"
#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct CampaignsConfig {
  int attribution_lookback_days = 7;
  int recommend_k = 10;
  int recommend_holdout_days = 30;
  RecommenderOptions recommender;
};

Result<CampaignsConfig> ReadCampaignsConfig(const ProjectConfig& config);

}  // namespace brandlens
