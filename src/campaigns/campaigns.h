// The campaigns job of `brandlens run`: KPIs by channel and campaign with
// their weekly trend (kpis.h) and the attribution of orders to touches
// (attribution.h). Reads only; never prints. A workspace without spend or
// events gives empty parts, not an error.
#pragma once

#include "campaigns/attribution.h"
#include "campaigns/campaigns_config.h"
#include "campaigns/kpis.h"
#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct CampaignsResult {
  CampaignKpis kpis;
  Attribution attribution;
};

Result<CampaignsResult> AnalyzeCampaigns(Store& store, const CampaignsConfig& config);

}  // namespace brandlens
