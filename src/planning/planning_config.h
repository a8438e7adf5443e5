// The planning module's part of the project config:
//
//   [planning]
//   horizon_days = 28   # how far the main job forecasts
//   history_days = 180  # history shown before the forecast
#pragma once

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct PlanningConfig {
  int horizon_days = 28;
  int history_days = 180;
};

Result<PlanningConfig> ReadPlanningConfig(const ProjectConfig& config);

}  // namespace brandlens
