#include "campaigns/kpis.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/timestamp.h"

namespace brandlens {

namespace {

std::optional<double> Ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

void Add(KpiRow& row, double spend, double impressions, double clicks, double conversions, double revenue) {
  row.spend += spend;
  row.impressions += impressions;
  row.clicks += clicks;
  row.conversions += conversions;
  row.revenue += revenue;
}

// The Monday of the week holding a YYYY-MM-DD day, as days since 1970.
int64_t WeekOf(std::string_view day) {
  const int64_t d = DayNumber(day);
  return d - (d + 3) % 7;  // 1970-01-01 was a Thursday
}

std::vector<KpiRow> Ranked(std::map<std::string, KpiRow>& rows) {
  std::vector<KpiRow> out;
  for (auto& [key, row] : rows) {
    ComputeRatios(row);
    out.push_back(row);
  }
  std::stable_sort(out.begin(), out.end(), [](const KpiRow& a, const KpiRow& b) { return a.spend > b.spend; });
  return out;
}

}  // namespace

void ComputeRatios(KpiRow& row) {
  row.ctr = Ratio(row.clicks, row.impressions);
  row.cvr = Ratio(row.conversions, row.clicks);
  row.cpc = Ratio(row.spend, row.clicks);
  row.cpa = Ratio(row.spend, row.conversions);
  row.roas = Ratio(row.revenue, row.spend);
  row.roi = row.spend > 0 ? std::optional<double>((row.revenue - row.spend) / row.spend) : std::nullopt;
}

Result<CampaignKpis> LoadCampaignKpis(Store& store) {
  CampaignKpis out;
  out.total.key = "all";
  std::map<std::string, KpiRow> channels, campaigns;
  std::map<std::string, std::map<int64_t, std::pair<double, double>>> weekly;  // channel → week → (spend, revenue)
  std::map<int64_t, bool> weeks;
  static constexpr std::array<std::string_view, 8> kColumns = {"day",         "channel", "campaign",    "spend",
                                                               "impressions", "clicks",  "conversions", "revenue"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "channel_daily", kColumns, {}, [&](RowView& row) {
    const std::string_view day = row.Text(0);
    const std::string channel(row.Text(1)), campaign(row.Text(2));
    const double spend = row.Real(3), impressions = static_cast<double>(row.OptionalInt(4).value_or(0)),
                 clicks = static_cast<double>(row.OptionalInt(5).value_or(0)),
                 conversions = static_cast<double>(row.OptionalInt(6).value_or(0)), revenue = row.OptionalReal(7).value_or(0);
    if (!row.status().ok()) return row.status();
    if (spend <= 0 && impressions == 0 && clicks == 0) {
      out.unpaid_revenue += revenue;
      return Status::Ok();
    }
    KpiRow& c = channels[channel];
    c.key = channel;
    Add(c, spend, impressions, clicks, conversions, revenue);
    KpiRow& k = campaigns[channel + " / " + (campaign.empty() ? "(none)" : campaign)];
    k.key = channel + " / " + (campaign.empty() ? "(none)" : campaign);
    Add(k, spend, impressions, clicks, conversions, revenue);
    Add(out.total, spend, impressions, clicks, conversions, revenue);
    if (day.size() == 10) {
      const int64_t week = WeekOf(day);
      weeks[week] = true;
      auto& w = weekly[channel][week];
      w.first += spend;
      w.second += revenue;
    }
    return Status::Ok();
  }));
  ComputeRatios(out.total);
  out.channels = Ranked(channels);
  out.campaigns = Ranked(campaigns);
  for (const auto& [week, unused] : weeks) out.weeks.push_back(CivilFromDays(week));
  for (const KpiRow& c : out.channels) {
    std::vector<std::optional<double>> series;
    for (const auto& [week, unused] : weeks) {
      const auto it = weekly[c.key].find(week);
      series.push_back(it != weekly[c.key].end() ? Ratio(it->second.second, it->second.first) : std::nullopt);
    }
    out.weekly_roas.push_back(std::move(series));
  }
  return out;
}

}  // namespace brandlens
