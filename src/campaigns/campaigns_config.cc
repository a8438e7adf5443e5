#include "campaigns/campaigns_config.h"

#include <fmt/format.h>

namespace brandlens {

Result<CampaignsConfig> ReadCampaignsConfig(const ProjectConfig& config) {
  CampaignsConfig out;
  const ConfigSection s = config.Section("campaigns");
  BRANDLENS_RETURN_IF_ERROR(
      s.CheckKeys({"attribution_lookback_days", "recommend_k", "recommend_holdout_days", "recommend_repeat"}));
  auto whole = [&](std::string_view key, int& value, int64_t lo, int64_t hi) -> Status {
    auto v = s.Int(key, value);
    if (!v.ok()) return v.status();
    if (*v < lo || *v > hi)
      return Status::InvalidInput(
          fmt::format("{}: [campaigns] {} must be between {} and {}", config.file.string(), key, lo, hi));
    value = static_cast<int>(*v);
    return Status::Ok();
  };
  BRANDLENS_RETURN_IF_ERROR(whole("attribution_lookback_days", out.attribution_lookback_days, 1, 365));
  BRANDLENS_RETURN_IF_ERROR(whole("recommend_k", out.recommend_k, 1, 1000));
  BRANDLENS_RETURN_IF_ERROR(whole("recommend_holdout_days", out.recommend_holdout_days, 1, 365));
  auto repeat = s.String("recommend_repeat", "auto");
  if (!repeat.ok()) return repeat.status();
  if (*repeat == "yes") out.recommender.repeat = RepeatPolicy::kInclude;
  else if (*repeat == "no") out.recommender.repeat = RepeatPolicy::kExclude;
  else if (*repeat != "auto")
    return Status::InvalidInput(fmt::format("{}: [campaigns] recommend_repeat must be \"auto\", \"yes\" or \"no\" (got \"{}\")",
                                            config.file.string(), *repeat));
  return out;
}

}  // namespace brandlens
