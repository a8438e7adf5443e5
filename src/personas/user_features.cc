#include "personas/user_features.h"

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "core/local_days.h"

namespace brandlens {

namespace {

// Debian's Abseil has its own string_view: heterogeneous look-ups take it.
absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr double kSecondsPerMonth = 30.44 * 86400;
constexpr size_t kMaxCategories = 10, kMaxChannels = 8;
constexpr int64_t kGrowthSeconds = 90 * 86400;

// Event types by what they say about engagement; exports name them in
// several ways (compiled from common tracking-plan and CRM export names).
enum class EventKind : uint8_t { kOther, kView, kOpen, kClick, kReview };
EventKind KindOf(std::string_view type) {
  static const std::map<std::string_view, EventKind, std::less<>> kKinds = {
      {"view", EventKind::kView},         {"pv", EventKind::kView},        {"page_view", EventKind::kView},
      {"browse", EventKind::kView},       {"浏览", EventKind::kView},      {"open", EventKind::kOpen},
      {"email_open", EventKind::kOpen},   {"push_open", EventKind::kOpen}, {"打开", EventKind::kOpen},
      {"click", EventKind::kClick},       {"点击", EventKind::kClick},     {"review", EventKind::kReview},
      {"comment", EventKind::kReview},    {"评价", EventKind::kReview},
  };
  const auto it = kKinds.find(type);
  return it == kKinds.end() ? EventKind::kOther : it->second;
}

struct Product {
  int32_t category = -1;
  double price = 0;
};

struct Order {
  uint32_t user;
  int64_t at;
  int32_t product;  // -1: unknown
  int32_t channel;  // -1: none
  double quantity;  // 0: not given
  double amount;
};

struct Event {
  uint32_t user;
  int64_t at;
  EventKind kind;
};

// Interns strings to small ids, counting how often each occurs.
struct Vocabulary {
  absl::flat_hash_map<std::string, int32_t> ids;
  std::vector<std::string> names;
  std::vector<int64_t> counts;
  int32_t Add(std::string_view name) {
    auto [it, inserted] = ids.try_emplace(Key(name), static_cast<int32_t>(names.size()));
    if (inserted) names.emplace_back(name), counts.push_back(0);
    return it->second;
  }
  // The ids of the `limit` most frequent names (ties: first seen), then -1
  // for the rest; `top` receives the kept names in rank order.
  std::vector<int32_t> Rank(size_t limit, std::vector<std::string>& top) const {
    std::vector<int32_t> order(names.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return counts[static_cast<size_t>(a)] > counts[static_cast<size_t>(b)]; });
    std::vector<int32_t> slot(names.size(), -1);
    for (size_t r = 0; r < order.size() && r < limit; ++r) {
      if (counts[static_cast<size_t>(order[r])] == 0) break;
      slot[static_cast<size_t>(order[r])] = static_cast<int32_t>(top.size());
      top.push_back(names[static_cast<size_t>(order[r])]);
    }
    return slot;
  }
};

struct Workspace {
  absl::flat_hash_map<std::string, uint32_t> user_index;
  std::vector<std::string> user_ids;
  std::vector<int64_t> signup;  // 0: unknown
  std::vector<double> age, female;
  std::vector<Product> products;
  Vocabulary categories, channels;
  std::vector<Order> orders;
  std::vector<Event> events;
  std::vector<double> reviews, review_score_sum, reviews_scored;
  int64_t last_activity = std::numeric_limits<int64_t>::min();

  uint32_t User(std::string_view id) {
    auto [it, inserted] = user_index.try_emplace(Key(id), static_cast<uint32_t>(user_ids.size()));
    if (inserted) {
      user_ids.emplace_back(id);
      signup.push_back(0);
      age.push_back(kMissing);
      female.push_back(kMissing);
    }
    return it->second;
  }
};

double FemaleFrom(std::string_view gender) {
  static const std::array<std::string_view, 5> kFemale = {"female", "f", "女", "woman", "w"};
  static const std::array<std::string_view, 4> kMale = {"male", "m", "男", "man"};
  std::string lower(gender);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (std::find(kFemale.begin(), kFemale.end(), lower) != kFemale.end()) return 1;
  if (std::find(kMale.begin(), kMale.end(), lower) != kMale.end()) return 0;
  return kMissing;
}

Status LoadRows(Store& store, Workspace& w) {
  absl::flat_hash_map<std::string, int32_t> product_index;
  static constexpr std::array<std::string_view, 3> kProductColumns = {"product_id", "category", "price"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "products", kProductColumns, {}, [&](RowView& row) {
    Product p;
    if (auto c = row.OptionalText(1); c && !c->empty()) p.category = w.categories.Add(*c);
    p.price = row.OptionalReal(2).value_or(0);
    product_index.try_emplace(Key(row.Text(0)), static_cast<int32_t>(w.products.size()));
    w.products.push_back(p);
    return row.status();
  }));
  static constexpr std::array<std::string_view, 4> kUserColumns = {"user_id", "signup_at", "gender", "age"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "users", kUserColumns, {}, [&](RowView& row) {
    const uint32_t u = w.User(row.Text(0));
    w.signup[u] = row.OptionalInt(1).value_or(0);
    if (auto g = row.OptionalText(2)) w.female[u] = FemaleFrom(*g);
    if (auto a = row.OptionalInt(3)) w.age[u] = static_cast<double>(*a);
    return row.status();
  }));
  static constexpr std::array<std::string_view, 6> kOrderColumns = {"user_id",  "ordered_at", "product_id",
                                                                    "quantity", "amount",     "channel"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "orders", kOrderColumns, {}, [&](RowView& row) {
    Order o{w.User(row.Text(0)), row.Int(1), -1, -1, 0, row.Real(4)};
    if (auto p = row.OptionalText(2)) {
      const auto it = product_index.find(Key(*p));
      if (it != product_index.end()) o.product = it->second;
    }
    o.quantity = static_cast<double>(row.OptionalInt(3).value_or(0));
    if (auto c = row.OptionalText(5); c && !c->empty()) o.channel = w.channels.Add(*c);
    w.last_activity = std::max(w.last_activity, o.at);
    w.orders.push_back(o);
    return row.status();
  }));
  static constexpr std::array<std::string_view, 3> kEventColumns = {"user_id", "occurred_at", "type"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "events", kEventColumns, {}, [&](RowView& row) {
    const uint32_t u = w.User(row.Text(0));
    const int64_t at = row.Int(1);
    w.last_activity = std::max(w.last_activity, at);
    const EventKind kind = KindOf(row.Text(2));
    if (kind != EventKind::kOther) w.events.push_back({u, at, kind});
    return row.status();
  }));
  // Reviews: mentions whose author is a known user id, with their sentiment.
  w.reviews.assign(w.user_ids.size(), 0);
  w.review_score_sum.assign(w.user_ids.size(), 0);
  w.reviews_scored.assign(w.user_ids.size(), 0);
  absl::flat_hash_map<int64_t, uint32_t> author_of;
  static constexpr std::array<std::string_view, 2> kMentionColumns = {"id", "author"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", kMentionColumns, {}, [&](RowView& row) {
    if (auto a = row.OptionalText(1)) {
      const auto it = w.user_index.find(Key(*a));
      if (it != w.user_index.end()) author_of.emplace(row.Int(0), it->second);
    }
    return row.status();
  }));
  if (author_of.empty()) return Status::Ok();
  static constexpr std::array<std::string_view, 2> kAnalysisColumns = {"mention_id", "score"};
  return ForEachRow(store, "mention_analysis", kAnalysisColumns, {}, [&](RowView& row) {
    const auto it = author_of.find(row.Int(0));
    if (it != author_of.end()) {
      w.reviews[it->second] += 1;
      w.review_score_sum[it->second] += row.Real(1);
      w.reviews_scored[it->second] += 1;
    }
    return row.status();
  });
}

// Accumulates per user while walking orders and events.
struct Totals {
  double recent = 0, prior = 0;  // orders in the last 90 days and the 90 before
  double orders = 0, spend = 0, items = 0, quantified = 0, discounted = 0, priced = 0;
  double price_index_sum = 0, price_indexed = 0, weekend = 0, views = 0, opens = 0, clicks = 0;
  int64_t first_seen = std::numeric_limits<int64_t>::max(), last_order = std::numeric_limits<int64_t>::min();
  std::array<double, 5> dayparts{};
};

int Daypart(int hour) {
  if (hour >= 5 && hour < 11) return 0;
  if (hour >= 11 && hour < 14) return 1;
  if (hour >= 14 && hour < 17) return 2;
  if (hour >= 17 && hour < 23) return 3;
  return 4;
}

double Median(std::vector<double> values) {
  if (values.empty()) return kMissing;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

Result<UserFeatures> LoadUserFeatures(Store& store, const TimestampParser& time, const FeatureOptions& options) {
  if (options.window_days < 7)
    return Status::InvalidInput(fmt::format("personas: the window must be at least 7 days (got {})", options.window_days));
  Workspace w;
  BRANDLENS_RETURN_IF_ERROR(LoadRows(store, w));
  UserFeatures out;
  out.user_ids = w.user_ids;
  const size_t n = w.user_ids.size();
  if (n == 0) return out;
  if (w.last_activity == std::numeric_limits<int64_t>::min())
    for (int64_t s : w.signup) w.last_activity = std::max(w.last_activity, s);
  out.last_day = w.last_activity;
  out.first_day = w.last_activity - int64_t{options.window_days} * 86400;

  // Category and channel counts in the window decide which get a column.
  std::vector<Totals> totals(n);
  for (const Order& o : w.orders) {
    if (o.at < out.first_day) continue;
    if (o.product >= 0 && w.products[static_cast<size_t>(o.product)].category >= 0)
      ++w.categories.counts[static_cast<size_t>(w.products[static_cast<size_t>(o.product)].category)];
    if (o.channel >= 0) ++w.channels.counts[static_cast<size_t>(o.channel)];
  }
  std::vector<std::string> top_categories, top_channels;
  const auto category_slot = w.categories.Rank(kMaxCategories, top_categories);
  const auto channel_slot = w.channels.Rank(kMaxChannels, top_channels);
  // The median unit price paid per category, for the price index.
  std::vector<std::vector<double>> unit_prices(w.categories.names.size());
  for (const Order& o : w.orders)
    if (o.at >= out.first_day && o.product >= 0 && o.quantity > 0) {
      const int32_t c = w.products[static_cast<size_t>(o.product)].category;
      if (c >= 0) unit_prices[static_cast<size_t>(c)].push_back(o.amount / o.quantity);
    }
  std::vector<double> category_median(unit_prices.size());
  for (size_t c = 0; c < unit_prices.size(); ++c) category_median[c] = Median(std::move(unit_prices[c]));

  std::vector<double> category_counts(n * std::max<size_t>(1, top_categories.size()), 0);
  std::vector<double> channel_counts(n * std::max<size_t>(1, top_channels.size()), 0);
  LocalDays local(time);
  out.revenue.assign(n, 0);
  out.recent_orders.assign(n, 0);
  out.prior_orders.assign(n, 0);
  for (const Order& o : w.orders) {
    Totals& t = totals[o.user];
    t.first_seen = std::min(t.first_seen, o.at);
    if (o.at < out.first_day) continue;
    t.orders += 1;
    t.spend += o.amount;
    if (o.at > out.last_day - kGrowthSeconds) t.recent += 1;
    else if (o.at > out.last_day - 2 * kGrowthSeconds) t.prior += 1;
    out.revenue[o.user] += o.amount;
    t.last_order = std::max(t.last_order, o.at);
    if (o.quantity > 0) t.items += o.quantity, t.quantified += 1;
    if (o.product >= 0) {
      const Product& p = w.products[static_cast<size_t>(o.product)];
      if (p.price > 0 && o.quantity > 0) {
        t.priced += 1;
        if (o.amount < 0.98 * p.price * o.quantity) t.discounted += 1;
      }
      if (p.category >= 0 && o.quantity > 0 && category_median[static_cast<size_t>(p.category)] > 0) {
        t.price_index_sum += o.amount / o.quantity / category_median[static_cast<size_t>(p.category)];
        t.price_indexed += 1;
      }
      if (p.category >= 0 && category_slot[static_cast<size_t>(p.category)] >= 0)
        category_counts[o.user * top_categories.size() + static_cast<size_t>(category_slot[static_cast<size_t>(p.category)])] += 1;
    }
    if (o.channel >= 0 && channel_slot[static_cast<size_t>(o.channel)] >= 0)
      channel_counts[o.user * top_channels.size() + static_cast<size_t>(channel_slot[static_cast<size_t>(o.channel)])] += 1;
    const int64_t local_seconds = o.at + local.OffsetAt(o.at);
    const int64_t day = local_seconds >= 0 ? local_seconds / 86400 : (local_seconds - 86399) / 86400;
    const int hour = static_cast<int>((local_seconds - day * 86400) / 3600);
    if ((day + 3) % 7 >= 5) t.weekend += 1;  // 1970-01-01 was a Thursday: Monday is 0
    t.dayparts[static_cast<size_t>(Daypart(hour))] += 1;
  }
  for (const Event& e : w.events) {
    Totals& t = totals[e.user];
    t.first_seen = std::min(t.first_seen, e.at);
    if (e.at < out.first_day) continue;
    if (e.kind == EventKind::kView) t.views += 1;
    if (e.kind == EventKind::kOpen) t.opens += 1;
    if (e.kind == EventKind::kClick) t.clicks += 1;
    if (e.kind == EventKind::kReview) w.reviews[e.user] += 1;
  }

  using S = FeatureShape;
  out.features = {
      {"recency_days", "距上次购买天数", S::kHeavyTail}, {"orders_per_month", "月均订单", S::kHeavyTail},
      {"spend_per_month", "月均消费", S::kHeavyTail},    {"order_value", "客单价", S::kHeavyTail},
      {"items_per_order", "每单件数", S::kHeavyTail},    {"discount_share", "折扣订单占比", S::kShare},
      {"price_index", "价格指数", S::kPlain},
  };
  for (const auto& c : top_categories) out.features.push_back({"cat:" + c, "品类·" + c, S::kShare});
  for (const auto& c : top_channels) out.features.push_back({"ch:" + c, "渠道·" + c, S::kShare});
  const std::array<std::pair<const char*, const char*>, 5> kDayparts = {
      {{"morning", "早上"}, {"midday", "午间"}, {"afternoon", "下午"}, {"evening", "晚间"}, {"night", "深夜"}}};
  out.features.push_back({"weekend_share", "周末订单占比", S::kShare});
  for (const auto& [name, label] : kDayparts)
    out.features.push_back({std::string("time:") + name, std::string("时段·") + label, S::kShare});
  out.features.push_back({"tenure_days", "注册天数", S::kHeavyTail});
  out.features.push_back({"views_per_order", "每单浏览", S::kHeavyTail});
  out.features.push_back({"opens_per_month", "月均打开", S::kHeavyTail});
  out.features.push_back({"click_rate", "点击率", S::kShare});
  out.features.push_back({"reviews", "评价数", S::kHeavyTail});
  out.features.push_back({"review_sentiment", "评价情感", S::kPlain});
  out.features.push_back({"age", "年龄", S::kPlain});
  out.features.push_back({"female", "女性", S::kShare});

  const size_t f = out.features.size();
  out.values.assign(n * f, kMissing);
  const double window_seconds = static_cast<double>(out.last_day - out.first_day);
  for (size_t u = 0; u < n; ++u) {
    const Totals& t = totals[u];
    double* row = out.values.data() + u * f;
    // Months the user could have been active in the window.
    int64_t since = std::max(out.first_day, std::min(t.first_seen, w.signup[u] > 0 ? w.signup[u] : t.first_seen));
    if (since == std::numeric_limits<int64_t>::max()) since = out.first_day;
    const double months = std::max(1.0, static_cast<double>(out.last_day - since) / kSecondsPerMonth);
    const bool bought = t.orders > 0;
    out.recent_orders[u] = t.recent;
    out.prior_orders[u] = t.prior;
    if (!bought && t.views == 0 && t.opens == 0 && t.clicks == 0) ++out.users_without_activity;
    size_t c = 0;
    row[c++] = bought ? static_cast<double>(out.last_day - t.last_order) / 86400 : window_seconds / 86400;
    row[c++] = t.orders / months;
    row[c++] = t.spend / months;
    row[c++] = bought ? t.spend / t.orders : kMissing;
    row[c++] = t.quantified > 0 ? t.items / t.quantified : kMissing;
    row[c++] = t.priced > 0 ? t.discounted / t.priced : kMissing;
    row[c++] = t.price_indexed > 0 ? t.price_index_sum / t.price_indexed : kMissing;
    for (size_t k = 0; k < top_categories.size(); ++k) {
      double sum = 0;
      for (size_t j = 0; j < top_categories.size(); ++j) sum += category_counts[u * top_categories.size() + j];
      row[c++] = sum > 0 ? category_counts[u * top_categories.size() + k] / sum : kMissing;
    }
    for (size_t k = 0; k < top_channels.size(); ++k) {
      double sum = 0;
      for (size_t j = 0; j < top_channels.size(); ++j) sum += channel_counts[u * top_channels.size() + j];
      row[c++] = sum > 0 ? channel_counts[u * top_channels.size() + k] / sum : kMissing;
    }
    row[c++] = bought ? t.weekend / t.orders : kMissing;
    for (double part : t.dayparts) row[c++] = bought ? part / t.orders : kMissing;
    const int64_t start = w.signup[u] > 0 ? std::min(w.signup[u], t.first_seen) : t.first_seen;
    row[c++] = start <= out.last_day ? static_cast<double>(out.last_day - start) / 86400 : kMissing;
    row[c++] = t.views / std::max(1.0, t.orders);
    row[c++] = t.opens / months;
    row[c++] = t.opens > 0 ? std::min(1.0, t.clicks / t.opens) : kMissing;
    row[c++] = w.reviews[u];
    row[c++] = w.reviews_scored[u] > 0 ? w.review_score_sum[u] / w.reviews_scored[u] : kMissing;
    row[c++] = w.age[u];
    row[c++] = w.female[u];
  }
  return out;
}

}  // namespace brandlens
