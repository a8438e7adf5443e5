#include "campaigns/campaigns_config.h"

#include <fmt/format.h>

namespace brandlens {

Result<CampaignsConfig> ReadCampaignsConfig(const ProjectConfig& config) {
  CampaignsConfig out;
  const ConfigSection s = config.Section("campaigns");
  BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"attribution_lookback_days"}));
  auto lookback = s.Int("attribution_lookback_days", out.attribution_lookback_days);
  if (!lookback.ok()) return lookback.status();
  if (*lookback < 1 || *lookback > 365)
    return Status::InvalidInput(
        fmt::format("{}: [campaigns] attribution_lookback_days must be between 1 and 365", config.file.string()));
  out.attribution_lookback_days = static_cast<int>(*lookback);
  return out;
}

}  // namespace brandlens
