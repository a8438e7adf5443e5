// brandlens bandit --input arms.csv [--arm-column arm] [--trials-column trials]
//                  [--successes-column successes] [--revenue-column revenue]
//                  [--share-column share] [--reward rate|revenue] [--min-share 0.05]
//                  [--max-change 0.2] [--budget B] [--seed 1] [--output next.json]
// Reads each arm's results so far (one row per arm) and prints the next
// allocation (campaigns/bandits.h): a table, then JSON with `arms` (name,
// mean, low, high, prob_best, share and, with --budget, amount),
// `leader`, `value_remaining`, `can_stop`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>


#include "campaigns/bandits.h"
#include "cli/cells.h"
#include "cli/commands.h"

namespace brandlens {

namespace {

nlohmann::json AllocationJson(const BanditAllocation& a, double budget) {
  nlohmann::json arms = nlohmann::json::array();
  for (const BanditArmResult& r : a.arms) {
    nlohmann::json arm = {{"name", r.name}, {"mean", r.mean},           {"low", r.low},
                          {"high", r.high}, {"prob_best", r.prob_best}, {"share", r.share}};
    if (budget > 0) arm["amount"] = r.share * budget;
    arms.push_back(arm);
  }
  return {{"arms", arms},
          {"leader", a.arms[static_cast<size_t>(a.leader)].name},
          {"value_remaining", a.value_remaining},
          {"can_stop", a.can_stop}};
}

void PrintTable(const BanditAllocation& a, double budget) {
  fmt::print("{:<16} {:>12} {:>25} {:>9} {:>8}{}\n", "arm", "per trial", "95% interval", "P(best)", "share",
             budget > 0 ? fmt::format(" {:>12}", "amount") : "");
  for (const BanditArmResult& r : a.arms)
    fmt::print("{:<16} {:>12.5g} {:>25} {:>8.1f}% {:>7.1f}%{}\n", r.name, r.mean,
               fmt::format("[{:.5g}, {:.5g}]", r.low, r.high), 100 * r.prob_best, 100 * r.share,
               budget > 0 ? fmt::format(" {:>12.2f}", r.share * budget) : "");
  fmt::print("leader: {}; value remaining {:.2f}%: {}\n", a.arms[static_cast<size_t>(a.leader)].name,
             100 * a.value_remaining,
             a.can_stop ? "the test can stop" : "keep testing");
}

}  // namespace

CommandAction AddBanditCommand(CLI::App& app) {
  struct Args {
    std::string input, arm = "arm", trials = "trials", successes = "successes", revenue = "revenue", share,
                       reward = "rate", output, encoding = "auto";
    BanditOptions options;
    double budget = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("bandit", "Next traffic or budget shares by Thompson sampling");
  cmd->add_option("--input", a->input, "CSV with one row per arm: its results so far")->required();
  cmd->add_option("--arm-column", a->arm, "Column naming the arm")->capture_default_str();
  cmd->add_option("--trials-column", a->trials, "Impressions, sends or visits")->capture_default_str();
  cmd->add_option("--successes-column", a->successes, "Clicks or conversions (orders with --reward revenue)")
      ->capture_default_str();
  cmd->add_option("--revenue-column", a->revenue, "Revenue (with --reward revenue)")->capture_default_str();
  cmd->add_option("--share-column", a->share, "Each arm's current share (caps the change)");
  cmd->add_option("--reward", a->reward, "rate (successes per trial) or revenue (per trial)")
      ->check(CLI::IsMember({"rate", "revenue"}))
      ->capture_default_str();
  cmd->add_option("--min-share", a->options.min_share, "Share every arm keeps")->capture_default_str();
  cmd->add_option("--max-change", a->options.max_change, "Largest change of a share")->capture_default_str();
  cmd->add_option("--budget", a->budget, "Also split this budget");
  cmd->add_option("--seed", a->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--output", a->output, "Also write the JSON here");
  cmd->add_option("--encoding", a->encoding, "auto, utf-8, gbk, ...");
  return [a]() -> Status {
    a->options.reward = a->reward == "revenue" ? BanditReward::kRevenue : BanditReward::kRate;
    const bool with_revenue = a->options.reward == BanditReward::kRevenue;
    std::vector<std::string> columns = {a->arm, a->trials, a->successes};
    if (with_revenue) columns.push_back(a->revenue);
    if (!a->share.empty()) columns.push_back(a->share);
    std::vector<BanditArm> arms;
    Status read = ForEachStrictCsvRow(
        a->input, columns,
        [&](int64_t line, std::span<const std::string_view> f) -> Status {
          BanditArm arm;
          arm.name = std::string(f[0]);
          double* targets[] = {&arm.trials, &arm.successes, with_revenue ? &arm.revenue : nullptr,
                               a->share.empty() ? nullptr : &arm.share};
          size_t column = 1;
          for (double* target : targets) {
            if (target == nullptr) continue;
            auto v = ParseNumberCell(f[column], a->input, line, columns[column]);
            if (!v.ok()) return v.status();
            *target = *v;
            ++column;
          }
          arms.push_back(std::move(arm));
          return Status::Ok();
        },
        a->encoding);
    BRANDLENS_RETURN_IF_ERROR(read);
    auto allocation = AllocateBandit(arms, a->options);
    if (!allocation.ok()) return allocation.status().WithPrefix(a->input + ": ");
    PrintTable(*allocation, a->budget);
    const std::string json = AllocationJson(*allocation, a->budget).dump(2);
    if (!a->output.empty()) BRANDLENS_RETURN_IF_ERROR(WriteJsonFile(a->output, json));
    fmt::print("{}\n", json);
    return Status::Ok();
  };
}

}  // namespace brandlens
