// Reading a model.json for `brandlens budget`: any bytes give a model or a
// clear error, and a model that reads back can be planned on without a
// crash, a NaN or a plan that leaves budget unspent.
#include <cmath>
#include <numeric>
#include <string_view>

#include "fuzz_util.h"
#include "planning/budget.h"
#include "planning/mmm_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  auto model = ParseMmmModel(fuzz::AsText(data, size), "model.json");
  if (!model.ok() || model->channels.size() > 6) return 0;
  for (const MmmChannel& ch : model->channels)
    if (ch.draws.size() > 20 || ch.mean_spend > 1e12 || ch.adstock_end > 1e12) return 0;  // keep each run short
  BudgetRequest request;
  request.total = 1000;
  request.periods = 4;
  auto plan = OptimizeBudget(*model, request);
  if (!plan.ok()) return 0;
  double spent = 0;
  for (const ChannelPlan& c : plan->channels) {
    if (!std::isfinite(c.planned) || c.planned < -1e-9) __builtin_trap();
    spent += c.planned;
  }
  if (std::abs(spent - 1000) > 1e-6 * 1000) __builtin_trap();
  if (!std::isfinite(plan->planned_return)) __builtin_trap();
  return 0;
}
