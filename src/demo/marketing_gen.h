// Synthetic marketing: daily spend and outcomes per channel from a known
// adstock + saturation process, and A/B experiments with known lift.
#pragma once

#include <string>
#include <vector>

#include "demo/rng.h"

namespace brandlens::demo {

// The true response of one paid channel: revenue on day t is
//   beta * hill(adstock_t),   adstock_t = spend_t + decay * adstock_{t-1},
//   hill(x) = x^shape / (x^shape + half_saturation^shape),
// added to the seasonal organic baseline (the additive data-generating
// process of the public MMM simulators). Each channel runs its own flights
// (weeks on at varying levels, weeks dark) and pushes into shopping
// festivals by its own amount, as real media plans do — which is what lets
// a model tell the channels and the festivals apart.
struct ChannelTruth {
  std::string_view name;
  double daily_budget;     // typical spend on an ordinary day
  double decay;            // geometric adstock carry-over per day
  double half_saturation;  // adstock at which half the maximum effect is reached
  double shape;            // Hill exponent (>1: S-shaped)
  double beta;             // maximum daily revenue from the channel
  double cpm;              // cost per thousand impressions
  double ctr;              // clicks per impression
  double festival_push;    // extra spend share at the depth of a shopping festival
};
const std::vector<ChannelTruth>& PaidChannels();

// Organic (baseline) revenue per day before seasonality.
inline constexpr double kBaselineRevenue = 60000;

struct ChannelDay {
  int day;
  std::string channel, campaign;
  double spend, revenue;
  int64_t impressions, clicks, conversions;
};

struct Experiment {
  std::string_view id;
  std::string_view description;
  double control_rate;  // conversion rate of arm A
  double relative_lift; // arm B = control_rate * (1 + lift)
  double average_order;
  int users_per_arm;
};
const std::vector<Experiment>& Experiments();

struct Exposure {
  std::string_view experiment;
  char arm;  // 'A' or 'B'
  int user;  // audience index: a customer when below their count, else an app user who never ordered
  int64_t at;
  bool converted;
  double revenue;
};

// Spend and outcomes per channel and day; "organic" rows carry the baseline.
// `expected_revenue` (if not null) receives each paid channel's revenue
// summed over the days without the noise: the truth a model should find.
std::vector<ChannelDay> GenerateChannelDays(Rng& rng, std::vector<double>* expected_revenue = nullptr);
std::vector<Exposure> GenerateExposures(Rng& rng, double scale);

// Seasonal multiplier of demand on `day` (weekly, annual, festivals).
double DemandSeasonality(int day);

}  // namespace brandlens::demo
