#include "planning/media_mix.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>
#include <map>

#include "core/timestamp.h"
#include "planning/tables.h"

namespace brandlens {

namespace {

constexpr size_t kMinDays = 56;

struct SpendTable {
  std::map<int32_t, double> revenue;                        // every row, by day
  std::map<std::string, std::map<int32_t, double>> spend;   // paid channels, by day
};

Result<SpendTable> LoadSpend(Store& store) {
  SpendTable t;
  static constexpr std::array<std::string_view, 4> kColumns = {"day", "channel", "spend", "revenue"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "channel_daily", kColumns, {}, [&](RowView& row) {
    const std::string_view day = row.Text(0);
    if (day.size() != 10) return row.status();
    const int32_t d = DayNumber(day);
    if (const auto revenue = row.OptionalReal(3)) t.revenue[d] += *revenue;
    if (const auto spend = row.OptionalReal(2); spend && *spend > 0) t.spend[std::string(row.Text(1))][d] += *spend;
    return row.status();
  }));
  return t;
}

// Every day from the first to the last with revenue; days without a row
// have no revenue and no spend.
MmmInput DailyInput(const SpendTable& t);

// Whole weeks (Monday to Sunday) when there are enough of them for every
// channel's four parameters and the seasons: the marketing-mix models of
// practice are weekly, and a fit costs a seventh of the daily one. Partial
// first and last weeks are left out. Otherwise the days as they are.
MmmInput WeeklyOrDailyInput(const SpendTable& t) {
  MmmInput daily = DailyInput(t);
  const size_t channels = daily.channels.size();
  const int32_t first_monday = daily.days.front() + ((4 - daily.days.front() % 7) % 7 + 7) % 7;  // 1970-01-05 was a Monday
  const size_t weeks = daily.days.back() >= first_monday + 6
                           ? static_cast<size_t>((daily.days.back() - first_monday + 1) / 7) : 0;
  if (weeks < 3 * (4 * channels + 2) + 30) return daily;
  MmmInput weekly;
  weekly.channels = daily.channels;
  weekly.spend.assign(channels, std::vector<double>(weeks, 0.0));
  weekly.target.assign(weeks, 0.0);
  for (size_t w = 0; w < weeks; ++w) weekly.days.push_back(first_monday + static_cast<int32_t>(7 * w));
  for (size_t i = 0; i < daily.days.size(); ++i) {
    const int32_t offset = daily.days[i] - first_monday;
    if (offset < 0 || static_cast<size_t>(offset / 7) >= weeks) continue;
    const auto w = static_cast<size_t>(offset / 7);
    weekly.target[w] += daily.target[i];
    for (size_t c = 0; c < channels; ++c) weekly.spend[c][w] += daily.spend[c][i];
  }
  return weekly;
}

MmmInput DailyInput(const SpendTable& t) {
  MmmInput in;
  const int32_t first = t.revenue.begin()->first, last = t.revenue.rbegin()->first;
  for (int32_t d = first; d <= last; ++d) {
    in.days.push_back(d);
    const auto it = t.revenue.find(d);
    in.target.push_back(it == t.revenue.end() ? 0.0 : it->second);
  }
  for (const auto& [channel, by_day] : t.spend) {
    std::vector<double> spend(in.days.size(), 0.0);
    for (const auto& [d, v] : by_day)
      if (d >= first && d <= last) spend[static_cast<size_t>(d - first)] = v;
    in.channels.push_back(channel);
    in.spend.push_back(std::move(spend));
  }
  return in;
}

Status Save(Store& store, const MediaMixResult& r) {
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  BRANDLENS_RETURN_IF_ERROR(DeleteAllRows(store, "planning_mix"));
  static constexpr std::array<std::string_view, 13> kColumns = {
      "created_at",    "channel", "spend",           "contribution", "roas",          "roas_low",    "roas_high",
      "marginal_roas", "decay",   "half_saturation", "shape",        "current_spend", "planned_spend"};
  const auto now = static_cast<int64_t>(std::time(nullptr));
  if (r.model)
    for (size_t c = 0; c < r.model->channels.size(); ++c) {
      const MmmChannel& ch = r.model->channels[c];
      const double current = r.plan ? r.plan->channels[c].current : 0, planned = r.plan ? r.plan->channels[c].planned : 0;
      const std::array<Value, 13> row = {
          Value{now},         Value{std::string_view(ch.name)}, Value{ch.spend},
          Value{ch.contribution}, Value{ch.roas},               Value{ch.roas_interval.low},
          Value{ch.roas_interval.high}, Value{ch.marginal_roas}, Value{ch.response.decay},
          Value{ch.response.half_saturation}, Value{ch.response.shape}, Value{current},
          Value{planned}};
      auto inserted = store.InsertRow("planning_mix", kColumns, row);
      if (!inserted.ok()) return inserted.status();
    }
  return tx->Commit();
}

}  // namespace

Result<MediaMixResult> BuildMediaMix(Store& store, const PlanningConfig& config, unsigned threads) {
  MediaMixResult result;
  auto table = LoadSpend(store);
  if (!table.ok()) return table.status();
  if (table->spend.empty() || table->revenue.empty()) {
    result.skipped = "花费表中没有带花费的渠道";
  } else if (const MmmInput in = WeeklyOrDailyInput(*table);
             in.days.size() < 2 || in.days.back() - in.days.front() + (in.days[1] - in.days[0]) < static_cast<int32_t>(kMinDays)) {
    result.skipped = "花费数据不足 8 周";
  } else {
    MmmOptions options;
    options.bootstrap = config.mix_bootstrap;
    options.threads = threads;
    auto model = FitMmm(in, options);
    if (!model.ok()) {
      result.skipped = model.status().message();
    } else {
      BudgetRequest request;
      request.periods = std::max(1, static_cast<int>(std::lround(static_cast<double>(config.horizon_days) /
                                                                  model->diagnostics.period_days)));
      request.max_change = config.budget_max_change;
      auto plan = OptimizeBudget(*model, request);
      if (!plan.ok()) return plan.status();
      result.model = std::move(*model);
      result.plan = std::move(*plan);
    }
  }
  BRANDLENS_RETURN_IF_ERROR(Save(store, result));
  return result;
}

}  // namespace brandlens
