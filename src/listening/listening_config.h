// The listening module's part of the project config:
//
//   [listening]
//   crisis_min_z = 4.0           # robust z of a day's negatives to alert at
//   crisis_min_negatives = 8     # negatives a day needs to alert
//   crisis_max_p = 1e-5          # Poisson tail probability to fall below
//   crisis_baseline_days = 28    # the trailing window of the baseline
//   include_spam = false         # count advertising and coordinated posts too
#pragma once

#include "core/config.h"
#include "core/status.h"
#include "listening/spikes.h"

namespace brandlens {

struct ListeningConfig {
  SpikeOptions spikes;
  bool include_spam = false;
};

Result<ListeningConfig> ReadListeningConfig(const ProjectConfig& config);

}  // namespace brandlens
