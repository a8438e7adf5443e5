#include "planning/planning_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/timestamp.h"
#include "report/charts.h"

namespace brandlens {

namespace {

ReportChart SeriesChart(const PlannedSeries& s, int history_days) {
  const size_t shown = std::min(s.daily.size(), static_cast<size_t>(history_days));
  const size_t from = s.daily.size() - shown, horizon = s.forecast.mean.size();
  const int64_t first = static_cast<int64_t>(s.first_day) + static_cast<int64_t>(from);
  std::vector<std::string> days;
  ChartSeries actual{"实际"}, mean{"预测"}, low80{"80% 下限"}, high80{"80% 上限"}, low95{"95% 下限"}, high95{"95% 上限"};
  ReportTable table{"history and forecast", {"day", "actual", "mean", "lo80", "hi80", "lo95", "hi95"}, {}};
  for (size_t i = 0; i < shown + horizon; ++i) {
    days.push_back(CivilFromDays(first + static_cast<int64_t>(i)));
    const bool future = i >= shown;
    const size_t f = future ? i - shown : 0;
    actual.values.push_back(future ? nlohmann::json() : nlohmann::json(RoundTo(s.daily[from + i], 2)));
    mean.values.push_back(future ? nlohmann::json(RoundTo(s.forecast.mean[f], 2)) : nlohmann::json());
    low80.values.push_back(future ? nlohmann::json(RoundTo(s.forecast.bands[0].lower[f], 2)) : nlohmann::json());
    high80.values.push_back(future ? nlohmann::json(RoundTo(s.forecast.bands[0].upper[f], 2)) : nlohmann::json());
    low95.values.push_back(future ? nlohmann::json(RoundTo(s.forecast.bands[1].lower[f], 2)) : nlohmann::json());
    high95.values.push_back(future ? nlohmann::json(RoundTo(s.forecast.bands[1].upper[f], 2)) : nlohmann::json());
    table.rows.push_back({days.back(), actual.values.back(), mean.values.back(), low80.values.back(),
                          high80.values.back(), low95.values.back(), high95.values.back()});
  }
  // Festival windows in the horizon, shaded on the forecast.
  const int64_t last = static_cast<int64_t>(s.first_day) + static_cast<int64_t>(s.daily.size()) - 1;
  for (const auto& w : FestivalsBetween(static_cast<int32_t>(last + 1), static_cast<int32_t>(last + static_cast<int64_t>(horizon))))
    mean.marked_ranges.emplace_back(CivilFromDays(std::max<int64_t>(w.first_day, last + 1)),
                                    CivilFromDays(std::min<int64_t>(w.last_day, last + static_cast<int64_t>(horizon))));
  LineChartOptions options;
  options.zoom = true;
  return LineChart("planning-" + s.id, fmt::format("{}：历史与未来 {} 天预测（{}）", s.title, horizon, s.forecast.method),
                   days, {actual, mean, low80, high80, low95, high95}, table, options);
}

// The marketing-mix model's reading: what each channel returned, how sure
// the model is, and where the next horizon's money should go.
void AddMixParts(const MediaMixResult& mix, int horizon_days, ReportSection& section, Report& report) {
  if (!mix.model) {
    if (!mix.skipped.empty()) section.summary.push_back(fmt::format("营销组合模型未拟合：{}。", mix.skipped));
    return;
  }
  const MmmModel& m = *mix.model;
  const MmmDiagnostics& d = m.diagnostics;
  section.summary.push_back(fmt::format(
      "营销组合模型（{} {}）：R² {:.3f}，MAPE {:.1f}%；留出最后 {} {}检验，MAPE {:.1f}%。ROAS 区间为 95% 自助法区间。",
      d.periods, d.period_days == 7 ? "周" : "天", d.r2, d.mape, d.holdout_periods, d.period_days == 7 ? "周" : "天",
      d.holdout_mape));
  for (const std::string& w : d.warnings) section.summary.push_back("注意：" + w + "。");
  std::vector<std::string> names;
  ChartSeries roas{"ROAS"}, low{"95% 下限"}, high{"95% 上限"}, marginal{"边际 ROAS"};
  ReportTable table{"channel returns",
                    {"channel", "spend", "contribution", "share", "roas", "roas_low", "roas_high", "marginal_roas",
                     "decay", "half_saturation", "shape"},
                    {}};
  for (const MmmChannel& ch : m.channels) {
    names.push_back(ch.name);
    roas.values.push_back(RoundTo(ch.roas, 3));
    low.values.push_back(RoundTo(ch.roas_interval.low, 3));
    high.values.push_back(RoundTo(ch.roas_interval.high, 3));
    marginal.values.push_back(RoundTo(ch.marginal_roas, 3));
    table.rows.push_back({ch.name, RoundTo(ch.spend, 2), RoundTo(ch.contribution, 2), RoundTo(ch.contribution_share, 3),
                          RoundTo(ch.roas, 3), RoundTo(ch.roas_interval.low, 3), RoundTo(ch.roas_interval.high, 3),
                          RoundTo(ch.marginal_roas, 3), RoundTo(ch.response.decay, 3),
                          RoundTo(ch.response.half_saturation, 2), RoundTo(ch.response.shape, 3)});
  }
  section.charts.push_back(BarChart("planning-mix-roas", "各渠道 ROAS（贡献 ÷ 花费）与 95% 区间、当前边际 ROAS", names,
                                    {roas, low, high, marginal}, table));
  if (!mix.plan) return;
  const BudgetPlan& plan = *mix.plan;
  ChartSeries current{"当前"}, planned{"建议"};
  ReportTable alloc{"budget plan", {"channel", "current", "planned", "planned_return", "marginal_roas"}, {}};
  std::vector<std::string> moves;
  for (const ChannelPlan& c : plan.channels) {
    current.values.push_back(RoundTo(c.current, 2));
    planned.values.push_back(RoundTo(c.planned, 2));
    alloc.rows.push_back({c.name, RoundTo(c.current, 2), RoundTo(c.planned, 2), RoundTo(c.planned_return, 2),
                          RoundTo(c.marginal_roas, 3)});
    if (c.current > 0 && std::abs(c.planned / c.current - 1) >= 0.1)
      moves.push_back(fmt::format("{} {:+.0f}%", c.name, 100 * (c.planned / c.current - 1)));
  }
  section.charts.push_back(BarChart("planning-budget", fmt::format("未来 {} 天预算：当前节奏与建议分配", horizon_days),
                                    names, {current, planned}, alloc));
  section.summary.push_back(fmt::format(
      "按当前节奏（{} 天共 {:.0f}）重新分配预算，媒体带来的收入预计由 {:.0f} 增至 {:.0f}，增量 {:.0f}（95% 区间 {:.0f}–{:.0f}）{}。",
      horizon_days, plan.total, plan.current_return, plan.planned_return, plan.uplift, plan.uplift_interval.low,
      plan.uplift_interval.high, moves.empty() ? "" : "：" + fmt::format("{}", fmt::join(moves, "，"))));
  if (plan.uplift_interval.low > 0 && plan.current_return > 0 && plan.uplift / plan.current_return >= 0.03)
    report.AddHighlight(60, fmt::format("重新分配同样的预算，未来 {} 天媒体收入预计可提高 {:.0f}%。", horizon_days,
                                        100 * plan.uplift / plan.current_return));
}

}  // namespace

void AddPlanningSection(const PlanningResult& p, int history_days, Report& report) {
  ReportSection section{"planning", "预测与规划", {}, {}, {}};
  if (p.series.empty()) {
    section.summary.push_back("没有足够的日数据（至少 14 天的订单、提及或渠道数据）可供预测。");
    report.sections.push_back(std::move(section));
    return;
  }
  for (const PlannedSeries& s : p.series) {
    const double change = s.recent_total > 0 ? s.forecast_total / s.recent_total - 1 : 0;
    std::string line = fmt::format("{}：未来 {} 天预计 {:.0f}（80% 区间 {:.0f}–{:.0f}），较前 {} 天 {:+.1f}%。", s.title,
                                   p.horizon_days, s.forecast_total, s.forecast_low80, s.forecast_high80,
                                   p.horizon_days, 100 * change);
    if (!s.adjusted_for.empty()) line += fmt::format("预测已计入：{}。", fmt::join(s.adjusted_for, "、"));
    section.summary.push_back(std::move(line));
    if (s.id == "sales" && std::abs(change) >= 0.1)
      report.AddHighlight(55, fmt::format("销售额预计未来 {} 天{} {:.0f}%。", p.horizon_days, change > 0 ? "增长" : "下降",
                                          100 * std::abs(change)));
    section.charts.push_back(SeriesChart(s, history_days));
  }
  ReportTable festivals{"festival lifts", {"series", "festival", "lift", "times measured"}, {}};
  for (const PlannedSeries& s : p.series)
    for (const auto& f : s.festivals) festivals.rows.push_back({s.title, f.name, RoundTo(f.lift, 2), f.occurrences});
  if (!festivals.rows.empty()) section.tables.push_back(std::move(festivals));
  if (!p.too_short.empty())
    section.summary.push_back(fmt::format("数据不足 14 天，未预测：{}。", fmt::join(p.too_short, "、")));
  AddMixParts(p.mix, p.horizon_days, section, report);
  report.sections.push_back(std::move(section));
}

}  // namespace brandlens
