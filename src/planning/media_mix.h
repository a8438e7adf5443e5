// The marketing-mix part of the planning job: the workspace's spend table
// (channel_daily) becomes one row per week (per day when there are too few
// weeks for the channels) — the target is the revenue of every row (paid
// channels and any organic baseline); each paid channel's spend is a
// regressor — a model is fitted (planning/mmm.h), and the
// current rate of spend is re-split over the planning horizon
// (planning/budget.h) within ±budget_max_change of each channel's spend.
// The result replaces the previous run's rows of planning_mix.
//
// Contract: fewer than 8 weeks of daily data, or no channel with spend,
// is not an error: `skipped` says why and no
// model is fitted. Data the model refuses (a channel that never varies)
// are skipped the same way, with the model's own message.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "planning/budget.h"
#include "planning/mmm.h"
#include "planning/planning_config.h"
#include "store/store.h"

namespace brandlens {

struct MediaMixResult {
  std::optional<MmmModel> model;
  std::optional<BudgetPlan> plan;
  std::string skipped;  // why there is no model, when there is none
};

Result<MediaMixResult> BuildMediaMix(Store& store, const PlanningConfig& config, unsigned threads = 0);

}  // namespace brandlens
