#include "planning/planning.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <chrono>
#include <ctime>
#include <map>

#include "core/local_days.h"
#include "core/parallel.h"
#include "planning/tables.h"

namespace brandlens {

namespace {

constexpr size_t kMinDays = 14;
constexpr size_t kMaxChannels = 8;

// An export cut during the day leaves its last day short: a day whose
// latest record is before this local hour is left out as incomplete.
constexpr int kCompleteFromHour = 18;

// Sums per local day, then a dense series from the first day to the last
// complete one.
struct DailySums {
  std::map<int32_t, double> by_day;
  int64_t latest = INT64_MIN, latest_local = 0;  // the latest record's time, and local time
  void Add(int32_t day, double value) { by_day[day] += value; }
  void AddAt(LocalDays& days, int64_t at, double value) {
    Add(days.DayOf(at), value);
    if (at > latest) latest = at, latest_local = at + days.OffsetAt(at);
  }
  bool LastDayIncomplete() const {
    if (latest == INT64_MIN) return false;
    const int64_t seconds_into_day = (latest_local % 86400 + 86400) % 86400;
    return seconds_into_day < kCompleteFromHour * 3600;
  }
  PlannedSeries Dense(std::string id, std::string title) const {
    PlannedSeries s;
    s.id = std::move(id);
    s.title = std::move(title);
    if (by_day.empty()) return s;
    s.first_day = by_day.begin()->first;
    const int32_t last = by_day.rbegin()->first - (LastDayIncomplete() ? 1 : 0);
    if (last < s.first_day) return s;
    s.daily.assign(static_cast<size_t>(last - s.first_day + 1), 0.0);
    for (const auto& [day, value] : by_day)
      if (day <= last) s.daily[static_cast<size_t>(day - s.first_day)] = value;
    return s;
  }
};

Result<std::vector<PlannedSeries>> LoadSeries(Store& store, const TimestampParser& time) {
  LocalDays days(time);
  DailySums sales, mentions;
  static constexpr std::array<std::string_view, 2> kOrderColumns = {"ordered_at", "amount"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "orders", kOrderColumns, {}, [&](RowView& row) {
    sales.AddAt(days, row.Int(0), row.Real(1));
    return row.status();
  }));
  static constexpr std::array<std::string_view, 1> kMentionColumns = {"posted_at"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", kMentionColumns, {}, [&](RowView& row) {
    mentions.AddAt(days, row.Int(0), 1);
    return row.status();
  }));
  std::map<std::string, DailySums> revenue;
  std::map<std::string, double> channel_total;
  static constexpr std::array<std::string_view, 3> kSpendColumns = {"day", "channel", "revenue"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "channel_daily", kSpendColumns, {}, [&](RowView& row) {
    const std::string_view day = row.Text(0);
    const auto value = row.OptionalReal(2);
    if (!value || day.size() != 10) return row.status();
    const int32_t d = DayNumber(day);
    const std::string channel(row.Text(1));
    revenue[channel].Add(d, *value);
    channel_total[channel] += *value;
    return row.status();
  }));
  std::vector<PlannedSeries> out;
  out.push_back(sales.Dense("sales", "销售额（订单）"));
  out.push_back(mentions.Dense("mentions", "声量（提及数）"));
  // The channels that bring the most revenue, at most eight.
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [channel, total] : channel_total)
    if (total > 0) ranked.emplace_back(total, channel);
  std::sort(ranked.rbegin(), ranked.rend());
  for (size_t i = 0; i < ranked.size() && i < kMaxChannels; ++i)
    out.push_back(revenue[ranked[i].second].Dense("revenue:" + ranked[i].second, "渠道收入·" + ranked[i].second));
  return out;
}

// Lifts the forecast (and its bands) on the festival days in the horizon
// by the lift each festival showed in this series' history.
void AdjustForFestivals(PlannedSeries& s) {
  const auto last = static_cast<int32_t>(s.first_day + static_cast<int32_t>(s.daily.size()) - 1);
  const auto horizon = static_cast<int32_t>(s.forecast.mean.size());
  for (const FestivalWindow& w : FestivalsBetween(last + 1, last + horizon)) {
    const auto effect = std::find_if(s.festivals.begin(), s.festivals.end(),
                                     [&](const FestivalEffect& e) { return e.name == w.name; });
    if (effect == s.festivals.end()) continue;
    for (int32_t d = std::max(w.first_day, last + 1); d <= std::min(w.last_day, last + horizon); ++d) {
      const auto i = static_cast<size_t>(d - last - 1);
      s.forecast.mean[i] *= effect->lift;
      for (auto& band : s.forecast.bands) band.lower[i] *= effect->lift, band.upper[i] *= effect->lift;
    }
    s.adjusted_for.push_back(fmt::format("{}（×{:.2f}）", w.name, effect->lift));
  }
}

Status Save(Store& store, const PlanningResult& result) {
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  BRANDLENS_RETURN_IF_ERROR(DeleteAllRows(store, "planning_forecasts"));
  static constexpr std::array<std::string_view, 9> kColumns = {"created_at", "series", "day",  "method", "mean",
                                                               "lo80",       "hi80",   "lo95", "hi95"};
  const auto now = static_cast<int64_t>(std::time(nullptr));
  for (const PlannedSeries& s : result.series) {
    const auto last = static_cast<int64_t>(s.first_day) + static_cast<int64_t>(s.daily.size()) - 1;
    for (size_t i = 0; i < s.forecast.mean.size(); ++i) {
      const std::string day = CivilFromDays(last + 1 + static_cast<int64_t>(i));
      const auto& b80 = s.forecast.bands[0];
      const auto& b95 = s.forecast.bands[1];
      const std::array<Value, 9> row = {Value{now},           Value{std::string_view(s.id)}, Value{std::string_view(day)},
                                        Value{std::string_view(s.forecast.method)}, Value{s.forecast.mean[i]},
                                        Value{b80.lower[i]},  Value{b80.upper[i]},       Value{b95.lower[i]},
                                        Value{b95.upper[i]}};
      auto inserted = store.InsertRow("planning_forecasts", kColumns, row);
      if (!inserted.ok()) return inserted.status();
    }
  }
  return tx->Commit();
}

}  // namespace

Result<PlanningResult> BuildPlanning(Store& store, const TimestampParser& time, const PlanningConfig& config,
                                     unsigned threads) {
  const auto start = std::chrono::steady_clock::now();
  PlanningResult result;
  result.horizon_days = config.horizon_days;
  auto loaded = LoadSeries(store, time);
  if (!loaded.ok()) return loaded.status();
  for (auto& s : *loaded) {
    if (s.daily.size() >= kMinDays) result.series.push_back(std::move(s));
    else if (!s.daily.empty()) result.too_short.push_back(s.id);
  }
  std::vector<Status> errors(result.series.size());
  ParallelFor(result.series.size(), ThreadsOrCores(threads),
              [&](unsigned, size_t i) {
                PlannedSeries& s = result.series[i];
                ForecastOptions options{config.horizon_days, 7, {80, 95}, std::nullopt};
                options.long_period = 365;  // the year, once three are in the history
                auto f = ForecastSeries(s.daily, options);
                if (!f.ok()) {
                  errors[i] = f.status().WithPrefix(s.id + ": ");
                  return;
                }
                s.forecast = std::move(*f);
                // Sales, counts and revenue never go below zero; neither do their bands.
                if (*std::min_element(s.daily.begin(), s.daily.end()) >= 0) {
                  for (double& v : s.forecast.mean) v = std::max(v, 0.0);
                  for (auto& band : s.forecast.bands)
                    for (double& v : band.lower) v = std::max(v, 0.0);
                }
                s.festivals = MeasureFestivals(s.daily, s.first_day);
                AdjustForFestivals(s);
                const size_t h = std::min(s.daily.size(), static_cast<size_t>(config.horizon_days));
                for (size_t d = s.daily.size() - h; d < s.daily.size(); ++d) s.recent_total += s.daily[d];
                for (size_t d = 0; d < s.forecast.mean.size(); ++d) {
                  s.forecast_total += s.forecast.mean[d];
                  s.forecast_low80 += s.forecast.bands[0].lower[d];
                  s.forecast_high80 += s.forecast.bands[0].upper[d];
                }
              });
  for (const Status& e : errors) BRANDLENS_RETURN_IF_ERROR(e);
  BRANDLENS_RETURN_IF_ERROR(Save(store, result));
  if (config.mix) {
    auto mix = BuildMediaMix(store, config, threads);
    if (!mix.ok()) return mix.status();
    result.mix = std::move(*mix);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace brandlens
