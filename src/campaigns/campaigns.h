// The campaigns job of `brandlens run`: KPIs by channel and campaign with
// their weekly trend (kpis.h), the attribution of orders to touches
// (attribution.h), the workspace's A/B tests read out (experiment_readout.h)
// the recommender's offline evaluation (recommend.h) and, when journeys are
// configured, a dry run of them with their delivery history (journeys.h).
// Reads only (the dry run rolls back); never sends, never prints. A workspace without spend, events or tests gives empty parts, not
// an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "campaigns/attribution.h"
#include "campaigns/campaigns_config.h"
#include "campaigns/experiment_readout.h"
#include "campaigns/journeys.h"
#include "campaigns/kpis.h"
#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct CampaignsResult {
  CampaignKpis kpis;
  Attribution attribution;
  std::vector<ExperimentReadout> experiments;
  std::optional<RecommendEvaluation> recommendations;
  std::string recommendations_skipped;  // why there is no evaluation
  std::optional<JourneysOverview> journeys;  // as of the latest activity; absent without [[journeys]]
};

Result<CampaignsResult> AnalyzeCampaigns(Store& store, const CampaignsConfig& config, const JourneysConfig& journeys,
                                         const std::string& time_zone);

}  // namespace brandlens
