#include "planning/planning_config.h"

#include <fmt/format.h>

namespace brandlens {

Result<PlanningConfig> ReadPlanningConfig(const ProjectConfig& config) {
  PlanningConfig out;
  const ConfigSection s = config.Section("planning");
  BRANDLENS_RETURN_IF_ERROR(
      s.CheckKeys({"horizon_days", "history_days", "mix", "mix_bootstrap", "budget_max_change"}));
  auto horizon = s.Int("horizon_days", out.horizon_days);
  auto history = s.Int("history_days", out.history_days);
  auto mix = s.Bool("mix", out.mix);
  auto bootstrap = s.Int("mix_bootstrap", out.mix_bootstrap);
  auto change = s.Number("budget_max_change", out.budget_max_change);
  for (const Status* st : {&horizon.status(), &history.status(), &mix.status(), &bootstrap.status(), &change.status()})
    if (!st->ok()) return *st;
  auto bad = [&](std::string_view what) {
    return Status::InvalidInput(fmt::format("{}: [planning] {}", config.file.string(), what));
  };
  if (*horizon < 1 || *horizon > 366) return bad("horizon_days must be between 1 and 366");
  if (*history < 7 || *history > 3660) return bad("history_days must be between 7 and 3660");
  if (*bootstrap < 0 || *bootstrap > 1000) return bad("mix_bootstrap must be between 0 and 1000");
  if (*change < 0 || *change > 10) return bad("budget_max_change must be between 0 and 10 (a share: 0.5 = ±50%)");
  out.mix = *mix;
  out.mix_bootstrap = static_cast<int>(*bootstrap);
  out.budget_max_change = *change;
  out.horizon_days = static_cast<int>(*horizon);
  out.history_days = static_cast<int>(*history);
  return out;
}

}  // namespace brandlens
