#include "campaigns/campaigns_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "report/charts.h"

namespace brandlens {

namespace {

constexpr size_t kTopCampaigns = 10, kTrendChannels = 6;

nlohmann::json Shown(const std::optional<double>& v, int digits = 3) {
  return v ? nlohmann::json(RoundTo(*v, digits)) : nlohmann::json();
}

std::vector<nlohmann::json> KpiCells(const KpiRow& r) {
  return {r.key,          RoundTo(r.spend, 2), RoundTo(r.revenue, 2), static_cast<int64_t>(r.impressions),
          static_cast<int64_t>(r.clicks), static_cast<int64_t>(r.conversions), Shown(r.ctr, 4), Shown(r.cvr, 4),
          Shown(r.cpc, 2), Shown(r.cpa, 2), Shown(r.roas), Shown(r.roi)};
}

const std::vector<std::string> kKpiColumns = {"channel", "spend", "revenue", "impressions", "clicks", "conversions",
                                              "CTR",     "CVR",   "CPC",     "CPA",         "ROAS",   "ROI"};

void AddExperiments(const std::vector<ExperimentReadout>& experiments, ReportSection& section, Report& report) {
  if (experiments.empty()) return;
  ReportTable table{"A/B tests",
                    {"experiment", "arm", "metric", "control mean", "arm mean", "relative lift", "95% low", "95% high",
                     "p (Holm)", "verdict"},
                    {}};
  for (const ExperimentReadout& e : experiments) {
    if (!e.problem.empty()) {
      section.summary.push_back(fmt::format("实验 {} 无法读出：{}。", e.experiment, e.problem));
      continue;
    }
    for (size_t i = 0; i < e.result.results.size(); ++i) {
      const MetricResult& m = e.result.results[i];
      section.summary.push_back(fmt::format("实验 {}：{}", e.experiment, e.verdicts[i]));
      table.rows.push_back({e.experiment, m.arm, m.metric, RoundTo(m.control_mean, 4), RoundTo(m.arm_mean, 4),
                            RoundTo(m.lift_rel, 4), RoundTo(m.lift_rel_low, 4), RoundTo(m.lift_rel_high, 4),
                            RoundTo(m.p_adjusted, 4), m.significant ? "significant" : "no reliable difference"});
      if (m.metric == "converted" && m.significant)
        report.AddHighlight(45, fmt::format("实验 {}：{} 的转化率相对对照 {:+.1f}%，差异显著。", e.experiment, m.arm,
                                            100 * m.lift_rel));
    }
    if (e.result.sample_ratio.mismatch)
      section.summary.push_back(fmt::format("实验 {} 各组人数比例异常（SRM 检验 p = {:.2g}），结果可能有偏。",
                                            e.experiment, e.result.sample_ratio.p_value));
  }
  section.tables.push_back(std::move(table));
}

void AddRecommendations(const CampaignsResult& c, ReportSection& section) {
  if (!c.recommendations) {
    if (!c.recommendations_skipped.empty())
      section.summary.push_back(fmt::format("商品推荐未评估：{}。", c.recommendations_skipped));
    return;
  }
  const RecommendEvaluation& r = *c.recommendations;
  section.summary.push_back(fmt::format(
      "商品推荐（物品协同过滤）：留出最后 {} 天的 {} 位购买用户，前 {} 个推荐的命中率 {:.1f}%、召回率 {:.1f}%、NDCG "
      "{:.3f}；按销量推荐分别为 {:.1f}%、{:.1f}%、{:.3f}。{}",
      r.holdout_days, r.users, r.k, 100 * r.model.precision, 100 * r.model.recall, r.model.ndcg,
      100 * r.popularity.precision, 100 * r.popularity.recall, r.popularity.ndcg,
      r.repeats_purchases ? fmt::format("复购占购买的 {:.0f}%，已购商品保留在推荐中。", 100 * r.repeat_share)
                          : fmt::format("复购仅占 {:.0f}%，已购商品不再推荐。", 100 * r.repeat_share)));
  ReportTable table{"recommendation quality",
                    {"method", "precision@k", "recall@k", "NDCG@k"},
                    {{"item-item CF", RoundTo(r.model.precision, 4), RoundTo(r.model.recall, 4), RoundTo(r.model.ndcg, 4)},
                     {"popularity", RoundTo(r.popularity.precision, 4), RoundTo(r.popularity.recall, 4),
                      RoundTo(r.popularity.ndcg, 4)}}};
  section.tables.push_back(std::move(table));
}

void AddJourneys(const CampaignsResult& c, ReportSection& section) {
  if (!c.journeys) return;
  const JourneysOverview& j = *c.journeys;
  ReportTable table{"journeys (dry run)",
                    {"journey", "would send now", "after quiet hours", "waiting", "skipped", "new triggers", "sent so far",
                     "failed so far"},
                    {}};
  int64_t would_send = 0, quiet = 0;
  for (const auto& [name, counts] : j.preview.journeys) {
    const auto history = j.history.find(name);
    const auto past = [&](const char* status) -> int64_t {
      if (history == j.history.end()) return 0;
      const auto n = history->second.find(status);
      return n == history->second.end() ? 0 : n->second;
    };
    // The dry run counts what it would send as neither sent nor skipped.
    const std::string& journey = name;  // clang does not capture structured bindings in lambdas
    const int64_t sendable = static_cast<int64_t>(
        std::count_if(j.preview.would_send.begin(), j.preview.would_send.end(),
                      [&](const OutgoingMessage& m) { return m.journey == journey; }));
    would_send += sendable;
    quiet += counts.quiet;
    table.rows.push_back({name, sendable, counts.quiet, counts.waiting - counts.quiet, counts.skipped, counts.queued,
                          past("sent"), past("failed")});
  }
  std::string reasons;
  for (const auto& [reason, n] : j.preview.skip_reasons) reasons += fmt::format("{}{} {} 条", reasons.empty() ? "" : "、", reason, n);
  section.summary.push_back(fmt::format(
      "触达旅程（截至 {} 的试运行，未发送）：{} 条消息可立即发送，{} 条待免打扰时段结束后发送{}。"
      "`brandlens journeys run` 实际发送。",
      j.as_of_date, would_send, quiet, reasons.empty() ? "" : fmt::format("；跳过原因：{}", reasons)));
  section.tables.push_back(std::move(table));
}

}  // namespace

void AddCampaignsSection(const CampaignsResult& c, Report& report) {
  ReportSection section{"campaigns", "营销活动与归因", {}, {}, {}};
  const CampaignKpis& k = c.kpis;
  if (k.channels.empty() && c.attribution.orders == 0 && c.experiments.empty()) {
    section.summary.push_back("没有投放数据（spend）或订单，无法计算营销指标。");
    report.sections.push_back(std::move(section));
    return;
  }
  if (!k.channels.empty()) {
    section.summary.push_back(fmt::format("投放 {:.0f}，带来收入 {:.0f}：整体 ROAS {}，ROI {}。", k.total.spend,
                                          k.total.revenue, k.total.roas ? fmt::format("{:.2f}", *k.total.roas) : "—",
                                          k.total.roi ? fmt::format("{:+.0f}%", 100 * *k.total.roi) : "—"));
    const auto by_roas = [](const KpiRow& a, const KpiRow& b) { return a.roas.value_or(-1) < b.roas.value_or(-1); };
    const KpiRow& best = *std::max_element(k.channels.begin(), k.channels.end(), by_roas);
    const KpiRow& worst = *std::min_element(k.channels.begin(), k.channels.end(), by_roas);
    if (best.roas && worst.roas && best.key != worst.key) {
      section.summary.push_back(fmt::format("ROAS 最高：{}（{:.2f}）；最低：{}（{:.2f}）。", best.key, *best.roas,
                                            worst.key, *worst.roas));
      report.AddHighlight(50, fmt::format("投放效率：{} ROAS {:.2f}，{} 仅 {:.2f}。", best.key, *best.roas, worst.key,
                                          *worst.roas));
    }
    ReportTable table{"KPIs by channel", kKpiColumns, {}};
    std::vector<std::string> names;
    ChartSeries roas{"ROAS"}, roi{"ROI"};
    for (const KpiRow& r : k.channels) {
      table.rows.push_back(KpiCells(r));
      names.push_back(r.key);
      roas.values.push_back(Shown(r.roas));
      roi.values.push_back(Shown(r.roi));
    }
    table.rows.push_back(KpiCells(k.total));
    ReportTable chart_table{"ROAS and ROI by channel", {"channel", "ROAS", "ROI"}, {}};
    for (size_t i = 0; i < names.size(); ++i) chart_table.rows.push_back({names[i], roas.values[i], roi.values[i]});
    section.charts.push_back(BarChart("campaigns-roas", "各渠道 ROAS 与 ROI", names, {roas, roi}, chart_table));
    section.tables.push_back(std::move(table));

    std::vector<ChartSeries> trends;
    ReportTable trend_table{"weekly ROAS", {"week"}, {}};
    for (size_t i = 0; i < k.channels.size() && i < kTrendChannels; ++i) {
      ChartSeries s{k.channels[i].key};
      for (const auto& v : k.weekly_roas[i]) s.values.push_back(Shown(v));
      trend_table.columns.push_back(k.channels[i].key);
      trends.push_back(std::move(s));
    }
    for (size_t w = 0; w < k.weeks.size(); ++w) {
      std::vector<nlohmann::json> row = {k.weeks[w]};
      for (const auto& s : trends) row.push_back(s.values[w]);
      trend_table.rows.push_back(std::move(row));
    }
    LineChartOptions options;
    options.y_name = "ROAS";
    options.zoom = true;
    section.charts.push_back(LineChart("campaigns-trend", "各渠道每周 ROAS", k.weeks, trends, trend_table, options));

    ReportTable campaigns{"top campaigns by spend", kKpiColumns, {}};
    campaigns.columns[0] = "channel / campaign";
    for (size_t i = 0; i < k.campaigns.size() && i < kTopCampaigns; ++i) campaigns.rows.push_back(KpiCells(k.campaigns[i]));
    section.tables.push_back(std::move(campaigns));
  }
  const Attribution& a = c.attribution;
  if (a.attributed_orders > 0) {
    section.summary.push_back(fmt::format(
        "{} 笔订单中 {} 笔（{:.0f}%）在下单前 {} 天内有渠道触点，按末次、首次与位置归因分配收入。", a.orders,
        a.attributed_orders, 100.0 * static_cast<double>(a.attributed_orders) / static_cast<double>(a.orders),
        a.lookback_days));
    std::vector<std::string> names;
    ChartSeries last{"末次触点"}, first{"首次触点"}, position{"位置归因 40/20/40"};
    ReportTable table{"attributed revenue", {"channel", "last touch", "first touch", "position-based"}, {}};
    for (const auto& ch : a.channels) {
      names.push_back(ch.channel);
      last.values.push_back(RoundTo(ch.last_touch, 2));
      first.values.push_back(RoundTo(ch.first_touch, 2));
      position.values.push_back(RoundTo(ch.position_based, 2));
      table.rows.push_back({ch.channel, RoundTo(ch.last_touch, 2), RoundTo(ch.first_touch, 2),
                            RoundTo(ch.position_based, 2)});
    }
    section.charts.push_back(BarChart("campaigns-attribution", "订单收入的渠道归因（三种模型对比）", names,
                                      {last, first, position}, table));
  }
  AddExperiments(c.experiments, section, report);
  AddRecommendations(c, section);
  AddJourneys(c, section);
  report.sections.push_back(std::move(section));
}

}  // namespace brandlens
