// The campaigns section of the report: KPIs by channel (table and ROAS
// bars), weekly ROAS per channel, the top campaigns, and order revenue by
// channel under last-touch, first-touch and position-based attribution,
// the A/B tests' verdicts with their intervals, and the recommender's
// offline quality against best-sellers.
#pragma once

#include "campaigns/campaigns.h"
#include "report/report.h"

namespace brandlens {

void AddCampaignsSection(const CampaignsResult& campaigns, Report& report);

}  // namespace brandlens
