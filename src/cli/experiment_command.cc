// brandlens experiment --input F.csv --arm-column A --control NAME --metrics m1,m2 [--covariate X]
//                      [--alpha 0.05] [--output r.json]
// brandlens experiment size --baseline P --mde R | --sd S --mde D [--alpha 0.05] [--power 0.8]
// A/B test results as JSON (campaigns/experiments.h): `results`, one
// object per (arm, metric) with arm, metric, control_mean, arm_mean,
// lift_abs, lift_abs_low, lift_abs_high, lift_rel, p_value — a contract
// for outside scripts — plus the corrected p-value, the sequential
// (always-valid) p-value and interval, and the sample-ratio check.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

#include "campaigns/experiments.h"
#include "cli/cells.h"
#include "cli/commands.h"

namespace brandlens {

namespace {

nlohmann::json ResultJson(const ExperimentResult& r, double alpha) {
  nlohmann::json out;
  out["alpha"] = alpha;
  out["correction"] = r.correction;
  out["cuped"] = r.cuped;
  out["results"] = nlohmann::json::array();
  for (const MetricResult& m : r.results)
    out["results"].push_back({{"arm", m.arm},
                              {"metric", m.metric},
                              {"test", m.test},
                              {"control_n", m.control_n},
                              {"arm_n", m.arm_n},
                              {"control_mean", m.control_mean},
                              {"arm_mean", m.arm_mean},
                              {"lift_abs", m.lift_abs},
                              {"lift_abs_low", m.lift_abs_low},
                              {"lift_abs_high", m.lift_abs_high},
                              {"lift_rel", m.lift_rel},
                              {"lift_rel_low", m.lift_rel_low},
                              {"lift_rel_high", m.lift_rel_high},
                              {"p_value", m.p_value},
                              {"p_adjusted", m.p_adjusted},
                              {"significant", m.significant},
                              {"variance_reduction", m.variance_reduction},
                              {"p_sequential", m.p_sequential},
                              {"lift_abs_low_sequential", m.lift_abs_low_sequential},
                              {"lift_abs_high_sequential", m.lift_abs_high_sequential}});
  out["sample_ratio"] = {{"users", r.sample_ratio.users},
                         {"chi_square", r.sample_ratio.chi_square},
                         {"p_value", r.sample_ratio.p_value},
                         {"mismatch", r.sample_ratio.mismatch}};
  return out;
}

}  // namespace

CommandAction AddExperimentCommand(CLI::App& app) {
  struct Args {
    std::string input, arm_column, control, metrics, covariate, output, encoding = "auto";
    double alpha = 0.05, baseline = 0, mde = 0, sd = 0, power = 0.8;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("experiment", "A/B test results (lifts, intervals, p-values) as JSON");
  cmd->add_option("--input", a->input, "CSV with one row per user: arm and outcomes");
  cmd->add_option("--arm-column", a->arm_column, "Column naming each user's arm");
  cmd->add_option("--control", a->control, "The control arm");
  cmd->add_option("--metrics", a->metrics, "Outcome columns, comma-separated (0/1 or numbers)");
  cmd->add_option("--covariate", a->covariate, "A pre-period column for CUPED variance reduction");
  cmd->add_option("--alpha", a->alpha, "Significance level")->capture_default_str();
  cmd->add_option("--output", a->output, "Also write the JSON here");
  cmd->add_option("--encoding", a->encoding, "auto, utf-8, gbk, ...");
  auto* size = cmd->add_subcommand("size", "Users per arm to detect an effect");
  size->add_option("--baseline", a->baseline, "Baseline conversion rate (for 0/1 metrics)");
  size->add_option("--sd", a->sd, "Standard deviation (for other metrics)");
  size->add_option("--mde", a->mde, "Minimum detectable effect: relative with --baseline, absolute with --sd")->required();
  size->add_option("--alpha", a->alpha, "Significance level")->capture_default_str();
  size->add_option("--power", a->power, "Power")->capture_default_str();
  return [a, size]() -> Status {
    if (size->parsed()) {
      if ((a->baseline > 0) == (a->sd > 0)) return Status::InvalidInput("give either --baseline or --sd");
      auto n = a->baseline > 0 ? SampleSizeForRate(a->baseline, a->mde, a->alpha, a->power)
                               : SampleSizeForMean(a->sd, a->mde, a->alpha, a->power);
      if (!n.ok()) return n.status();
      fmt::print("{}\n", nlohmann::json({{"users_per_arm", *n}, {"alpha", a->alpha}, {"power", a->power}}).dump());
      return Status::Ok();
    }
    for (const auto& [flag, value] : {std::pair<const char*, const std::string*>{"--input", &a->input},
                                      {"--arm-column", &a->arm_column}, {"--control", &a->control},
                                      {"--metrics", &a->metrics}})
      if (value->empty()) return Status::InvalidInput(fmt::format("{} is required", flag));
    const std::vector<std::string> metrics = SplitList(a->metrics);
    std::vector<std::string> columns = {a->arm_column};
    columns.insert(columns.end(), metrics.begin(), metrics.end());
    if (!a->covariate.empty()) columns.push_back(a->covariate);
    ExperimentData data;
    Status read = ForEachStrictCsvRow(
        a->input, columns,
        [&](int64_t line, std::span<const std::string_view> f) -> Status {
          data.arm.emplace_back(f[0]);
          for (size_t m = 0; m < metrics.size(); ++m) {
            auto v = ParseOutcomeCell(f[m + 1], a->input, line, metrics[m]);
            if (!v.ok()) return v.status();
            data.metrics[metrics[m]].push_back(*v);
          }
          if (!a->covariate.empty()) {
            auto v = ParseNumberCell(f.back(), a->input, line, a->covariate);
            if (!v.ok()) return v.status();
            data.covariate.push_back(*v);
          }
          return Status::Ok();
        },
        a->encoding);
    BRANDLENS_RETURN_IF_ERROR(read);
    ExperimentOptions options;
    options.control = a->control;
    options.alpha = a->alpha;
    auto result = AnalyzeExperiment(data, metrics, options);
    if (!result.ok()) return result.status().WithPrefix(a->input + ": ");
    const std::string json = ResultJson(*result, a->alpha).dump(2);
    if (!a->output.empty()) BRANDLENS_RETURN_IF_ERROR(WriteJsonFile(a->output, json));
    fmt::print("{}\n", json);
    return Status::Ok();
  };
}

}  // namespace brandlens
