#include "planning/planning_config.h"

#include <fmt/format.h>

namespace brandlens {

Result<PlanningConfig> ReadPlanningConfig(const ProjectConfig& config) {
  PlanningConfig out;
  const ConfigSection s = config.Section("planning");
  BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"horizon_days", "history_days"}));
  auto horizon = s.Int("horizon_days", out.horizon_days);
  auto history = s.Int("history_days", out.history_days);
  for (const Status* st : {&horizon.status(), &history.status()})
    if (!st->ok()) return *st;
  auto bad = [&](std::string_view what) {
    return Status::InvalidInput(fmt::format("{}: [planning] {}", config.file.string(), what));
  };
  if (*horizon < 1 || *horizon > 366) return bad("horizon_days must be between 1 and 366");
  if (*history < 7 || *history > 3660) return bad("history_days must be between 7 and 3660");
  out.horizon_days = static_cast<int>(*horizon);
  out.history_days = static_cast<int>(*history);
  return out;
}

}  // namespace brandlens
