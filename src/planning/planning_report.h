// The planning section of the report: per series, the recent history with
// the forecast and its 80% / 95% bands (festival windows in the horizon
// shaded), the next period against the last, and the festival lifts the
// history shows.
#pragma once

#include "planning/planning.h"
#include "report/report.h"

namespace brandlens {

void AddPlanningSection(const PlanningResult& planning, int history_days, Report& report);

}  // namespace brandlens
