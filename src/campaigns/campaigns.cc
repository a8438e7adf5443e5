#include "campaigns/campaigns.h"

namespace brandlens {

Result<CampaignsResult> AnalyzeCampaigns(Store& store, const CampaignsConfig& config) {
  CampaignsResult out;
  auto kpis = LoadCampaignKpis(store);
  if (!kpis.ok()) return kpis.status();
  out.kpis = std::move(*kpis);
  auto attribution = AttributeOrders(store, config.attribution_lookback_days);
  if (!attribution.ok()) return attribution.status();
  out.attribution = std::move(*attribution);
  return out;
}

}  // namespace brandlens
