// The campaigns module's part of the project config:
//
//   [campaigns]
//   attribution_lookback_days = 7   # touches this long before an order share its credit
#pragma once

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct CampaignsConfig {
  int attribution_lookback_days = 7;
};

Result<CampaignsConfig> ReadCampaignsConfig(const ProjectConfig& config);

}  // namespace brandlens
