// Behaviour features per user from the workspace's users, orders, products,
// events and mentions, over a window that ends at the data's last activity
// (not the wall clock: an export analysed a month later means the same).
//
// Features (missing where undefined, e.g. order value without orders):
//  RFM         recency_days, orders_per_month, spend_per_month, order_value
//  basket      items_per_order
//  price       discount_share (orders paid under 98% of list price × qty),
//              price_index (unit price paid / the category's median)
//  affinity    cat:<category> shares of orders (top 10 categories)
//  channels    ch:<channel> shares of orders (top 8 channels)
//  rhythm      weekend_share, daypart shares (morning 5–11, midday 11–14,
//              afternoon 14–17, evening 17–23, night), tenure_days
//  engagement  views_per_order, opens_per_month, click_rate, reviews
//              (mentions whose author is the user id), review_sentiment
//  profile     age, female (when the users table has them)
// A user with no activity in the window keeps recency = window, zero rates
// and missing shares.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/timestamp.h"
#include "store/store.h"

namespace brandlens {

// How a feature is scaled before clustering.
enum class FeatureShape {
  kHeavyTail,  // counts, money, durations: log1p first
  kShare,      // a share in [0, 1]
  kPlain,      // anything else (age, an index, a sentiment)
};

struct FeatureInfo {
  std::string name;   // e.g. "orders_per_month", "cat:coffee"
  std::string label;  // Chinese, for persona cards (e.g. "月均订单", "品类·coffee")
  FeatureShape shape = FeatureShape::kPlain;
};

struct UserFeatures {
  std::vector<std::string> user_ids;  // one per row
  std::vector<FeatureInfo> features;  // one per column
  std::vector<double> values;         // users × features, NaN where missing
  std::vector<double> revenue;        // per user, in the window
  // Per user: orders in the window's last 90 days and in the 90 before
  // (a segment's growth).
  std::vector<double> recent_orders, prior_orders;
  int64_t first_day = 0, last_day = 0;  // the window, as Unix seconds (start, end)
  int64_t users_without_activity = 0;   // no order or event in the window

  size_t rows() const { return user_ids.size(); }
  size_t cols() const { return features.size(); }
  double At(size_t user, size_t feature) const { return values[user * features.size() + feature]; }
};

struct FeatureOptions {
  int window_days = 365;
};

// Users come from the users table and from anyone with orders or events.
// An empty result (no users at all) is not an error.
Result<UserFeatures> LoadUserFeatures(Store& store, const TimestampParser& time, const FeatureOptions& options);

}  // namespace brandlens
