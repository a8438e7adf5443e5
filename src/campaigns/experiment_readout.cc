#include "campaigns/experiment_readout.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "store/row_view.h"

namespace brandlens {

namespace {

std::string ChooseControl(const std::vector<std::string>& arms) {
  for (std::string_view name : {"control", "Control", "ctrl", "baseline", "对照", "对照组", "A"})
    if (std::find(arms.begin(), arms.end(), name) != arms.end()) return std::string(name);
  return *std::min_element(arms.begin(), arms.end());
}

std::string Shown(const MetricResult& m, double v) {
  return m.metric == "converted" ? fmt::format("{:.2f}%", 100 * v) : fmt::format("{:.2f}", v);
}

}  // namespace

std::string VerdictSentence(const MetricResult& m, const std::string& control) {
  const char* what = m.metric == "converted" ? "转化率" : "人均收入";
  std::string sentence = fmt::format("{} 的{} {}，对照 {} 为 {}", m.arm, what, Shown(m, m.arm_mean), control,
                                     Shown(m, m.control_mean));
  if (m.control_mean != 0)
    sentence += fmt::format("，相对变化 {:+.1f}%（95% 区间 {:+.1f}% 至 {:+.1f}%）", 100 * m.lift_rel,
                            100 * m.lift_rel_low, 100 * m.lift_rel_high);
  sentence += m.significant ? fmt::format("：差异显著（校正后 p = {:.3g}），{}。", m.p_adjusted,
                                          m.lift_abs > 0 ? "可以采用" : "不宜采用")
                            : fmt::format("：没有可靠差异（校正后 p = {:.3g}），不能据此下结论。", m.p_adjusted);
  return sentence;
}

Result<std::vector<ExperimentReadout>> ReadWorkspaceExperiments(Store& store, double alpha) {
  struct Rows {
    std::vector<std::string> arm;
    std::vector<double> converted, revenue;
    bool has_revenue = false;
  };
  std::map<std::string, Rows> tests;
  static constexpr std::array<std::string_view, 4> kColumns = {"experiment", "arm", "converted", "revenue"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "experiment_exposures", kColumns, {}, [&](RowView& row) {
    Rows& t = tests[std::string(row.Text(0))];
    t.arm.emplace_back(row.Text(1));
    t.converted.push_back(static_cast<double>(row.Int(2)));
    const auto revenue = row.OptionalReal(3);
    t.revenue.push_back(revenue.value_or(0));
    t.has_revenue = t.has_revenue || revenue.has_value();
    return row.status();
  }));
  std::vector<ExperimentReadout> out;
  for (auto& [name, rows] : tests) {
    std::vector<std::string> arms = rows.arm;
    std::sort(arms.begin(), arms.end());
    arms.erase(std::unique(arms.begin(), arms.end()), arms.end());
    if (arms.size() < 2) {
      out.push_back({name, arms[0], {}, {}, fmt::format("only one arm ({}) was exposed", arms[0])});
      continue;
    }
    ExperimentData data;
    data.arm = std::move(rows.arm);
    data.metrics["converted"] = std::move(rows.converted);
    std::vector<std::string> metrics = {"converted"};
    if (rows.has_revenue) {
      data.metrics["revenue"] = std::move(rows.revenue);
      metrics.emplace_back("revenue");
    }
    ExperimentOptions options;
    options.control = ChooseControl(arms);
    options.alpha = alpha;
    auto result = AnalyzeExperiment(data, metrics, options);
    if (!result.ok()) {
      out.push_back({name, options.control, {}, {}, result.status().message()});
      continue;
    }
    ExperimentReadout readout{name, options.control, std::move(*result), {}, {}};
    for (const MetricResult& m : readout.result.results) readout.verdicts.push_back(VerdictSentence(m, readout.control));
    out.push_back(std::move(readout));
  }
  return out;
}

}  // namespace brandlens
