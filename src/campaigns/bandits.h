// Thompson sampling for re-allocating traffic or budget among ad variants or
// channels while a campaign runs: given each arm's results so far, the share
// each arm should get next.
//
//  - Posteriors: a rate (clicks or conversions per trial) is Beta(1 + s,
//    1 + n − s). Revenue per trial is rate × mean order value, the order
//    value modelled as exponential with a Gamma prior on its rate worth one
//    order at the pooled mean value (conjugate: Gamma(1 + s, m̄ + revenue)),
//    so an arm with few orders is pulled towards the pooled value.
//  - Allocation: the probability that each arm is best, from `draws` joint
//    posterior draws (batch Thompson sampling: a share equal to that
//    probability is what per-impression Thompson sampling converges to),
//    mixed with a floor so that every arm keeps `min_share` (exploration),
//    then moved at most `max_change` from the arm's current share (a
//    bidding system needs time to adapt; the floor wins when both cannot
//    hold).
//  - Stopping: "value remaining" (the 95th percentile of how much better,
//    relatively, the best draw is than the leading arm) below 1% means no
//    arm is likely to beat the leader by more than 1%: the test can end.
//
// Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace brandlens {

enum class BanditReward {
  kRate,     // successes per trial (CTR, CVR)
  kRevenue,  // revenue per trial
};

struct BanditArm {
  std::string name;
  double trials = 0;     // impressions, sends or visits so far
  double successes = 0;  // clicks or conversions (orders for kRevenue)
  double revenue = 0;    // kRevenue only: total revenue of those orders
  double share = -1;     // the arm's share now; < 0 when not known (no speed cap)
};

struct BanditOptions {
  BanditReward reward = BanditReward::kRate;
  double min_share = 0.05;   // every arm keeps at least this share
  double max_change = 0.2;   // absolute change of a share per allocation
  int draws = 20000;
  uint64_t seed = 1;
};

struct BanditArmResult {
  std::string name;
  double mean = 0, low = 0, high = 0;  // posterior mean and 95% interval of the reward per trial
  double prob_best = 0;
  double share = 0;  // the next allocation; shares sum to 1
};

struct BanditAllocation {
  std::vector<BanditArmResult> arms;  // in input order
  int leader = 0;                     // index of the arm most likely best
  double value_remaining = 0;         // relative, 95th percentile
  bool can_stop = false;
};

// Errors: fewer than two arms, a repeated or empty name, negative or
// non-finite counts, successes above trials (kRate), revenue with no orders,
// min_share × arms above 1, max_change ≤ 0.
Result<BanditAllocation> AllocateBandit(const std::vector<BanditArm>& arms, const BanditOptions& options);

}  // namespace brandlens
