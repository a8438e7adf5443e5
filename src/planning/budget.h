// Budget allocation over a fitted marketing-mix model: how to split a total
// budget across channels over the next `periods` periods to maximize the
// expected return, within per-channel bounds.
//
// Each channel spends its share evenly over the horizon, starting from the
// adstock the data left it with (so the plan looks forward, not only at
// history). The optimum is searched three ways and the best kept: SLSQP
// (NLopt) with the budget as an equality constraint, for smooth concave
// curves; particle swarm and a genetic algorithm (pagmo2) over a
// parametrization in which every point spends exactly the budget within
// the bounds, for S-shaped curves; each global result is polished by
// SLSQP. Expected returns and the uplift carry 95% intervals from the
// model's bootstrap draws.
//
// Contract: the whole budget is spent and every bound holds (to 1e-6 of the
// budget), or the request is an error saying which bounds make it
// infeasible. Deterministic: same model and request, same plan.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "planning/mmm.h"

namespace brandlens {

struct SpendBounds {
  double min = 0;
  double max = -1;  // < 0: no upper bound
};

struct BudgetRequest {
  double total = 0;  // over the horizon; <= 0: keep the current rate of spend
  int periods = 0;   // horizon in the model's periods; 0: 90 days' worth
  std::map<std::string, SpendBounds> bounds;  // per channel, over the horizon
  // Each channel within ±max_change of its current spend (0.3 = ±30%); < 0: unbounded.
  double max_change = -1;
};

struct ChannelPlan {
  std::string name;
  double current = 0, planned = 0;             // spend over the horizon
  double current_return = 0, planned_return = 0;
  double marginal_roas = 0;                    // at the planned spend
  bool at_bound = false;
};

struct BudgetPlan {
  int periods = 0;
  double total = 0;
  std::vector<ChannelPlan> channels;
  double current_return = 0, planned_return = 0;  // media-driven, over the horizon
  Interval current_interval, planned_interval;
  double uplift = 0;  // planned - current
  Interval uplift_interval;
  std::string method;  // which search found the plan
};

Result<BudgetPlan> OptimizeBudget(const MmmModel& model, const BudgetRequest& request);

struct GoalPlan {
  double goal = 0;          // total target over the horizon (baseline + media)
  double budget = 0;        // the smallest total whose optimal plan expects the goal
  double probability = 0;   // share of bootstrap draws reaching the goal with that plan
  BudgetPlan plan;
};

// The inverse question: the budget needed to reach `goal` (the model's
// target summed over the horizon, baseline included). Not reachable within
// 100x the current spend rate is an error that says the most it can reach.
Result<GoalPlan> BudgetForGoal(const MmmModel& model, double goal, BudgetRequest request);

}  // namespace brandlens
