#include "demo/marketing_gen.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "demo/calendar.h"

namespace brandlens::demo {

const std::vector<ChannelTruth>& PaidChannels() {
  //  name, budget, decay, half-sat, shape, beta, cpm, ctr, festival push
  static const std::vector<ChannelTruth> kChannels = {
      {"douyin", 30000, 0.35, 45000, 1.6, 52000, 28, 0.018, 1.5},
      {"xiaohongshu", 18000, 0.55, 30000, 1.3, 30000, 45, 0.025, 0.8},
      {"wechat", 12000, 0.25, 20000, 1.1, 18000, 35, 0.012, 0.2},
      {"tmall_search", 20000, 0.10, 26000, 1.0, 34000, 60, 0.035, 2.0},
      {"outdoor", 15000, 0.75, 60000, 2.0, 20000, 12, 0.0, 0.0},
  };
  return kChannels;
}

const std::vector<Experiment>& Experiments() {
  static const std::vector<Experiment> kExperiments = {
      // Sized as a team would size them: 30k users per arm detects the
      // push test's +20% on 5% with power above 0.95 (at scale 1).
      {"push_copy_2025q2", "新品推送文案：A 原文案，B 口味卖点文案", 0.050, 0.20, 28, 30000},
      {"coupon_threshold_2025q4", "满减门槛：A 满30减5，B 满35减6（无真实差异）", 0.060, 0.0, 32, 30000},
  };
  return kExperiments;
}

double DemandSeasonality(int day) {
  const FestivalEffect fest = FestivalOn(day);
  const double annual = 1 + 0.25 * std::sin(2 * M_PI * (DayOfYearFraction(day) - 0.25));  // summer peak
  const double weekly = DayOfWeek(day) >= 5 ? 1.18 : 0.93;
  return annual * weekly * (1 + 0.6 * fest.shopping) * (1 - 0.5 * fest.spring_festival);
}

namespace {

// A channel's flight plan: runs of days either dark or on at a level.
class Flights {
 public:
  // Level of spend (relative to the daily budget) on the next day.
  double Next(Rng& rng) {
    if (days_left_ == 0) {
      const bool dark = rng.Chance(0.25);
      days_left_ = 7 * (dark ? 1 + static_cast<int>(rng.Index(3)) : 2 + static_cast<int>(rng.Index(5)));
      level_ = dark ? 0.0 : 0.4 + 1.4 * rng.Uniform();
    }
    --days_left_;
    return level_;
  }

 private:
  int days_left_ = 0;
  double level_ = 1;
};

}  // namespace

std::vector<ChannelDay> GenerateChannelDays(Rng& rng, std::vector<double>* expected_revenue) {
  std::vector<ChannelDay> rows;
  const auto& channels = PaidChannels();
  std::vector<double> adstock(channels.size(), 0);
  std::vector<Flights> flights(channels.size());
  if (expected_revenue) expected_revenue->assign(channels.size(), 0);
  for (int day = 0; day < kDays; ++day) {
    const double season = DemandSeasonality(day);
    const FestivalEffect fest = FestivalOn(day);
    const double trend = 1 + 0.15 * day / kDays;
    ChannelDay organic{day, "organic", "", 0, 0, 0, 0, 0};
    organic.revenue = std::max(0.0, kBaselineRevenue * trend * season * (1 + rng.Normal(0, 0.05)));
    organic.conversions = static_cast<int64_t>(organic.revenue / 25);
    rows.push_back(organic);
    for (size_t c = 0; c < channels.size(); ++c) {
      const ChannelTruth& ch = channels[c];
      // Flights, a push into festivals, a pause for Spring Festival, and daily wander.
      const double pulse = flights[c].Next(rng) * (1 - 0.7 * fest.spring_festival) + ch.festival_push * fest.shopping;
      const double spend = std::max(0.0, ch.daily_budget * pulse * rng.LogNormal(0, 0.2));
      adstock[c] = spend + ch.decay * adstock[c];
      const double saturation =
          std::pow(adstock[c], ch.shape) / (std::pow(adstock[c], ch.shape) + std::pow(ch.half_saturation, ch.shape));
      const double revenue = std::max(0.0, ch.beta * saturation * (1 + rng.Normal(0, 0.08)));
      if (expected_revenue) (*expected_revenue)[c] += ch.beta * saturation;
      ChannelDay row{day, std::string(ch.name), fest.shopping > 0 ? "festival_push" : "always_on", spend, revenue, 0, 0, 0};
      row.impressions = static_cast<int64_t>(spend / ch.cpm * 1000);
      row.clicks = static_cast<int64_t>(static_cast<double>(row.impressions) * ch.ctr * rng.LogNormal(0, 0.1));
      row.conversions = static_cast<int64_t>(revenue / 25);
      rows.push_back(row);
    }
  }
  return rows;
}

std::vector<Exposure> GenerateExposures(Rng& rng, double scale) {
  std::vector<Exposure> out;
  int start_day = 200;
  const int tests = static_cast<int>(Experiments().size());
  for (int x = 0; x < tests; ++x) {
    const Experiment& e = Experiments()[static_cast<size_t>(x)];
    // Each app user sees one test at most: the tests take turns over the
    // audience (customers first, then app users who never ordered).
    const int per_arm = std::max(200, static_cast<int>(e.users_per_arm * scale));
    // Each arm converts exactly its planted rate, the converters drawn at
    // random: the sample holds the planted effect (a null test's arms are
    // equal), so a readout is judged on its statistics, not on one draw's
    // luck (a null test drawn freely is called 5% of the time).
    std::array<std::vector<char>, 2> converts;
    for (int a = 0; a < 2; ++a) {
      const double rate = a == 0 ? e.control_rate : e.control_rate * (1 + e.relative_lift);
      auto& arm = converts[static_cast<size_t>(a)];
      arm.assign(static_cast<size_t>(per_arm), 0);
      std::fill_n(arm.begin(), std::lround(rate * per_arm), 1);
      for (size_t i = arm.size() - 1; i > 0; --i) std::swap(arm[i], arm[rng.Index(i + 1)]);
    }
    for (int i = 0; i < 2 * per_arm; ++i) {
      const char arm = i % 2 == 0 ? 'A' : 'B';
      const bool converted = converts[static_cast<size_t>(i % 2)][static_cast<size_t>(i / 2)] != 0;
      const int day = start_day + static_cast<int>(rng.Index(14));
      const int64_t at = DayToDaysSinceEpoch(day) * 86400 - 8 * 3600 + static_cast<int64_t>(rng.Index(86400));
      out.push_back({e.id, arm, i * tests + x, at, converted,
                     converted ? std::round(rng.LogNormal(std::log(e.average_order), 0.3) * 100) / 100 : 0.0});
    }
    start_day += 180;
  }
  return out;
}

}  // namespace brandlens::demo
