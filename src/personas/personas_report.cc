#include "personas/personas_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/charts.h"

namespace brandlens {

namespace {

std::string Label(const PersonaCard& card) { return fmt::format("#{} {}", card.id, card.name); }

ReportChart SharesChart(const PersonasResult& p) {
  std::vector<std::string> names;
  ChartSeries users{"用户占比 %"}, revenue{"收入占比 %"}, score{"目标分"};
  ReportTable table{"segments", {"segment", "users %", "revenue %", "target score"}, {}};
  for (const auto& card : p.segments) {
    names.push_back(Label(card));
    users.values.push_back(RoundTo(100 * card.user_share, 1));
    revenue.values.push_back(RoundTo(100 * card.revenue_share, 1));
    score.values.push_back(RoundTo(card.target_score, 1));
    table.rows.push_back({Label(card), RoundTo(100 * card.user_share, 1), RoundTo(100 * card.revenue_share, 1),
                          RoundTo(card.target_score, 1)});
  }
  return BarChart("personas-shares", "各客群的用户、收入占比与目标分", names, {users, revenue, score}, table);
}

ReportChart MapChart(const PersonasResult& p) {
  std::vector<ScatterPoint> points;
  ReportTable table{"map", {"segment", "PC1", "PC2", "users"}, {}};
  for (const auto& card : p.segments) {
    points.push_back({Label(card), RoundTo(card.map_x), RoundTo(card.map_y)});
    table.rows.push_back({Label(card), RoundTo(card.map_x), RoundTo(card.map_y), card.size});
  }
  return ScatterChart("personas-map",
                      fmt::format("客群地图（主成分 1–2，解释 {:.0f}% 的差异）", 100 * p.map_variance), "PC1", "PC2",
                      points, table);
}

ReportChart DistinguishingChart(const PersonaCard& card) {
  std::vector<std::string> labels;
  ChartSeries z{"标准化差异"};
  ReportTable table{"features", {"feature", "z", "segment median", "overall median"}, {}};
  for (const auto& d : card.distinguishing) {
    labels.push_back(d.label);
    z.values.push_back(RoundTo(d.z, 2));
    table.rows.push_back({d.label, RoundTo(d.z, 2), RoundTo(d.segment_value), RoundTo(d.overall_value)});
  }
  BarChartOptions options;
  options.horizontal = true;
  return BarChart(fmt::format("personas-features-{}", card.id), fmt::format("{} 的区分特征", Label(card)), labels,
                  {z}, table, options);
}

}  // namespace

void AddPersonasSection(const PersonasResult& p, Report& report) {
  ReportSection section{"personas", "用户画像与目标客群", {}, {}, {}};
  if (!p.built) {
    section.summary.push_back(fmt::format("未生成客群：{}。", p.skipped_reason));
    report.sections.push_back(std::move(section));
    return;
  }
  if (p.algorithm == "dbscan")
    section.summary.push_back(fmt::format("{} 名用户分为 {} 个密度客群（DBSCAN，{} 个主成分；轮廓系数 {:.2f}）。", p.users,
                                          p.k, p.components, p.silhouette));
  else
    section.summary.push_back(fmt::format("{} 名用户分为 {} 个客群（k-means，{} 个主成分；轮廓系数 {:.2f}，重启间一致性 {:.2f}）。",
                                          p.users, p.k, p.components, p.silhouette, p.stability));
  if (p.outliers > 0)
    section.summary.push_back(fmt::format(
        "{} 名用户（{:.1f}%）不在任何密集区域内（DBSCAN 噪声，半径 {:.2f}）：行为极端或稀少，投放前宜单独核查{}。",
        p.outliers, 100.0 * static_cast<double>(p.outliers) / static_cast<double>(std::max<int64_t>(1, p.users)), p.eps,
        p.algorithm == "dbscan" ? "（归入 0 号客群）" : ""));
  if (p.users_without_activity > 0)
    section.summary.push_back(fmt::format("{} 名用户在窗口内没有订单或行为，按缺失值处理。", p.users_without_activity));
  if (!p.segments.empty()) {
    const PersonaCard& top = p.segments.front();
    section.summary.push_back(fmt::format("最值得投放：{}（目标分 100：人均消费 {:.0f}，增长 ×{:.2f}，可触达 {:.0f}%）。",
                                          Label(top), top.value_per_user, top.growth, 100 * top.reachability));
    report.AddHighlight(60, fmt::format("目标客群：{}，占用户 {:.0f}%、收入 {:.0f}%。", Label(top),
                                        100 * top.user_share, 100 * top.revenue_share));
  }
  ReportTable cards{"persona cards",
                    {"id", "name", "users", "outliers", "users %", "revenue %", "value per user", "growth", "reach %",
                     "target score", "lineage", "examples", "description"},
                    {}};
  for (const auto& card : p.segments)
    cards.rows.push_back({card.id, card.name, card.size, card.outliers, RoundTo(100 * card.user_share, 1),
                          RoundTo(100 * card.revenue_share, 1), RoundTo(card.value_per_user, 1), RoundTo(card.growth, 2),
                          RoundTo(100 * card.reachability, 1), RoundTo(card.target_score, 1), card.lineage,
                          fmt::format("{}", fmt::join(card.examples, " ")), card.description});
  section.tables.push_back(std::move(cards));
  section.charts.push_back(SharesChart(p));
  section.charts.push_back(MapChart(p));
  for (const auto& card : p.segments) section.charts.push_back(DistinguishingChart(card));
  report.sections.push_back(std::move(section));
}

}  // namespace brandlens
