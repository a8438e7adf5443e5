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
  report.sections.push_back(std::move(section));
}

}  // namespace brandlens
