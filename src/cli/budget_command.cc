// brandlens budget --model model.json [--total B | --total +20%] [--bound ch=min:max]...
//                  [--horizon periods] [--max-change 0.3] [--goal G]
// Splits a budget over the channels of a fitted model (planning/budget.h):
// prints a table and then the plan as JSON. Scenarios are flags: "+20%
// budget" is --total +20%, "cut TV" is --bound tv=0:0. With --goal, finds
// the budget whose best plan is expected to reach the goal.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "planning/budget.h"
#include "planning/mmm_json.h"

namespace brandlens {

namespace {

struct BudgetArgs {
  std::string model, total;
  std::vector<std::string> bounds;
  int horizon = 0;
  double max_change = -1, goal = 0;
};

Result<double> ParseAmount(std::string_view text, const std::string& flag) {
  const std::string_view original = text;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);  // "+20%"
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
    return Status::InvalidInput(fmt::format("{}: '{}' is not a number", flag, std::string(original)));
  return v;
}

Status ParseBound(const std::string& text, BudgetRequest& request) {
  const size_t eq = text.find('='), colon = text.find(':', eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || eq == 0 || colon == std::string::npos)
    return Status::InvalidInput(fmt::format("--bound '{}': write channel=min:max (either side may be empty)", text));
  SpendBounds b;
  const std::string_view lo = std::string_view(text).substr(eq + 1, colon - eq - 1), hi = std::string_view(text).substr(colon + 1);
  if (!lo.empty()) {
    auto v = ParseAmount(lo, "--bound");
    if (!v.ok()) return v.status();
    b.min = *v;
  }
  if (!hi.empty()) {
    auto v = ParseAmount(hi, "--bound");
    if (!v.ok()) return v.status();
    b.max = *v;
  }
  if (b.min < 0 || (b.max >= 0 && b.max < b.min))
    return Status::InvalidInput(fmt::format("--bound '{}': need 0 <= min <= max", text));
  request.bounds[text.substr(0, eq)] = b;
  return Status::Ok();
}

nlohmann::json PlanJson(const BudgetPlan& p) {
  nlohmann::json channels = nlohmann::json::array();
  for (const ChannelPlan& c : p.channels)
    channels.push_back({{"name", c.name}, {"current", c.current}, {"planned", c.planned},
                        {"current_return", c.current_return}, {"planned_return", c.planned_return},
                        {"marginal_roas", c.marginal_roas}, {"at_bound", c.at_bound}});
  return {{"periods", p.periods},
          {"total", p.total},
          {"method", p.method},
          {"channels", channels},
          {"current_return", p.current_return},
          {"current_return_low", p.current_interval.low},
          {"current_return_high", p.current_interval.high},
          {"planned_return", p.planned_return},
          {"planned_return_low", p.planned_interval.low},
          {"planned_return_high", p.planned_interval.high},
          {"uplift", p.uplift},
          {"uplift_low", p.uplift_interval.low},
          {"uplift_high", p.uplift_interval.high}};
}

void PrintPlan(const BudgetPlan& p) {
  fmt::print("{:<16} {:>14} {:>14} {:>14} {:>9}\n", "channel", "current", "planned", "return", "mROAS");
  for (const ChannelPlan& c : p.channels)
    fmt::print("{:<16} {:>14.2f} {:>14.2f} {:>14.2f} {:>9.3f}{}\n", c.name, c.current, c.planned, c.planned_return,
               c.marginal_roas, c.at_bound ? "  (at a bound)" : "");
  fmt::print("over {} periods: return {:.2f} → {:.2f}, uplift {:.2f} (95% {:.2f} to {:.2f}); found by {}\n", p.periods,
             p.current_return, p.planned_return, p.uplift, p.uplift_interval.low, p.uplift_interval.high, p.method);
}

}  // namespace

CommandAction AddBudgetCommand(CLI::App& app) {
  auto a = std::make_shared<BudgetArgs>();
  CLI::App* cmd = app.add_subcommand("budget", "Split a budget across channels to maximize the expected return");
  cmd->add_option("--model", a->model, "model.json written by brandlens mmm")->required();
  cmd->add_option("--total", a->total, "Budget over the horizon, or a change such as +20% (default: current rate)");
  cmd->add_option("--bound", a->bounds, "Per-channel limits over the horizon: channel=min:max (repeatable)");
  cmd->add_option("--horizon", a->horizon, "Periods to plan (default: 90 days' worth)");
  cmd->add_option("--max-change", a->max_change, "Keep each channel within ± this share of its current spend");
  cmd->add_option("--goal", a->goal, "Find the budget that reaches this target total over the horizon");
  return [a]() -> Status {
    std::ifstream file(a->model, std::ios::binary);
    if (!file) return Status::IoError(fmt::format("{}: cannot open the model", a->model));
    std::stringstream text;
    text << file.rdbuf();
    auto model = ParseMmmModel(text.str(), a->model);
    if (!model.ok()) return model.status();
    BudgetRequest request;
    request.periods = a->horizon;
    request.max_change = a->max_change;
    for (const std::string& b : a->bounds) BRANDLENS_RETURN_IF_ERROR(ParseBound(b, request));
    if (!a->total.empty()) {
      const bool relative = a->total.back() == '%';
      auto v = ParseAmount(relative ? std::string_view(a->total).substr(0, a->total.size() - 1) : a->total, "--total");
      if (!v.ok()) return v.status();
      if (relative) {
        const int periods = a->horizon > 0 ? a->horizon : std::max(1, static_cast<int>(90 / model->diagnostics.period_days));
        double current = 0;
        for (const MmmChannel& ch : model->channels) current += ch.mean_spend * periods;
        request.total = current * (1 + *v / 100);
      } else {
        request.total = *v;
      }
      if (request.total <= 0) return Status::InvalidInput("--total: the budget must be positive");
    }
    if (a->goal > 0) {
      auto goal = BudgetForGoal(*model, a->goal, request);
      if (!goal.ok()) return goal.status();
      PrintPlan(goal->plan);
      fmt::print("to reach {:.2f}: budget {:.2f}, probability {:.0f}%\n", goal->goal, goal->budget, 100 * goal->probability);
      nlohmann::json out = PlanJson(goal->plan);
      out["goal"] = goal->goal;
      out["budget_for_goal"] = goal->budget;
      out["probability"] = goal->probability;
      fmt::print("{}\n", out.dump(2));
      return Status::Ok();
    }
    auto plan = OptimizeBudget(*model, request);
    if (!plan.ok()) return plan.status();
    PrintPlan(*plan);
    fmt::print("{}\n", PlanJson(*plan).dump(2));
    return Status::Ok();
  };
}

}  // namespace brandlens
