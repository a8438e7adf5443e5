// The planning module's part of the project config:
//
//   [planning]
//   horizon_days = 28   # how far the main job forecasts
//   history_days = 180  # history shown before the forecast
//   mix = true                # fit a marketing-mix model on the spend table
//   mix_bootstrap = 100       # its bootstrap replicates (the intervals)
//   budget_max_change = 0.5   # the recommended plan keeps each channel within ±50%
#pragma once

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct PlanningConfig {
  int horizon_days = 28;
  int history_days = 180;
  bool mix = true;
  int mix_bootstrap = 100;
  double budget_max_change = 0.5;
};

Result<PlanningConfig> ReadPlanningConfig(const ProjectConfig& config);

}  // namespace brandlens
