// Campaign KPIs from the spend table (channel_daily): spend, impressions,
// clicks, conversions and revenue by channel, by campaign and in total,
// with the ratios a marketer reads — CTR, CVR (conversions per click), CPC,
// CPA, ROAS (revenue / spend) and ROI ((revenue − spend) / spend) — and
// each channel's weekly ROAS for trends. A ratio whose denominator is zero
// is absent (nullopt), never a division by zero. Rows without spend (an
// `organic` baseline) count in revenue totals but carry no ratios of spend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct KpiRow {
  std::string key;  // channel, "channel / campaign", or "all"
  double spend = 0, impressions = 0, clicks = 0, conversions = 0, revenue = 0;
  std::optional<double> ctr, cvr, cpc, cpa, roas, roi;
};

struct CampaignKpis {
  KpiRow total;                        // paid channels only
  std::vector<KpiRow> channels;        // by spend, largest first
  std::vector<KpiRow> campaigns;       // by spend, largest first
  std::vector<std::string> weeks;      // Mondays, YYYY-MM-DD
  std::vector<std::vector<std::optional<double>>> weekly_roas;  // per channel (as `channels`), per week
  double unpaid_revenue = 0;           // revenue on rows without spend (organic)
};

// Empty (no rows) is not an error: `channels` is then empty.
Result<CampaignKpis> LoadCampaignKpis(Store& store);

// Fills the ratios of a row from its sums.
void ComputeRatios(KpiRow& row);

}  // namespace brandlens
