#include "campaigns/recommend.h"

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "store/row_view.h"

namespace brandlens {

namespace {

constexpr float kPurchaseWeight = 5, kIntentWeight = 3, kViewWeight = 1;

bool IsPurchaseEvent(std::string_view type) {
  return type == "purchase" || type == "order" || type == "pay" || type == "buy";
}

float EventWeight(std::string_view type) {
  if (IsPurchaseEvent(type)) return kPurchaseWeight;
  if (type == "cart" || type == "add_to_cart" || type == "favorite" || type == "favourite" || type == "collect" ||
      type == "wishlist")
    return kIntentWeight;
  return kViewWeight;
}

// Interns strings into dense ids.
class Interner {
 public:
  explicit Interner(std::vector<std::string>& names) : names_(names) {}
  uint32_t Id(std::string_view name) {
    auto [it, added] = index_.try_emplace(std::string(name), static_cast<uint32_t>(names_.size()));
    if (added) names_.emplace_back(name);
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  absl::flat_hash_map<std::string, uint32_t> index_;
};

uint64_t PairKey(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }

}  // namespace

Result<FeedbackLog> LoadFeedback(Store& store) {
  FeedbackLog log;
  Interner users(log.users), items(log.items);
  static constexpr std::array<std::string_view, 3> kOrderColumns = {"user_id", "ordered_at", "product_id"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "orders", kOrderColumns, {}, [&](RowView& row) {
    const auto item = row.OptionalText(2);
    if (item && !item->empty())
      log.touches.push_back({users.Id(row.Text(0)), items.Id(*item), kPurchaseWeight, true, row.Int(1)});
    return row.status();
  }));
  const bool orders_name_items = !log.touches.empty();
  static constexpr std::array<std::string_view, 4> kEventColumns = {"user_id", "occurred_at", "type", "item_id"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "events", kEventColumns, {}, [&](RowView& row) {
    const auto item = row.OptionalText(3);
    const std::string_view type = row.Text(2);
    if (!item || item->empty() || (orders_name_items && IsPurchaseEvent(type))) return row.status();
    log.touches.push_back(
        {users.Id(row.Text(0)), items.Id(*item), EventWeight(type), IsPurchaseEvent(type), row.Int(1)});
    return row.status();
  }));
  std::stable_sort(log.touches.begin(), log.touches.end(),
                   [](const FeedbackLog::Touch& a, const FeedbackLog::Touch& b) { return a.at < b.at; });
  return log;
}

ItemRecommender ItemRecommender::Train(const FeedbackLog& log, int64_t until,
                                       const std::unordered_map<std::string, int32_t>& segment_of_user,
                                       const RecommenderOptions& options) {
  ItemRecommender r;
  r.items_ = log.items;
  r.segment_of_ = segment_of_user;
  const size_t item_count = log.items.size();
  // Per (user, item): the summed weight, and where the pair sits in the
  // user's list of touched items.
  struct PairState {
    float weight = 0;
    uint32_t slot = 0;
  };
  absl::flat_hash_map<uint64_t, PairState> pairs;
  absl::flat_hash_map<uint64_t, bool> bought;
  std::vector<double> purchases(item_count, 0);
  std::unordered_map<int32_t, std::vector<double>> segment_purchases;
  std::vector<uint32_t> local_of_user(log.users.size(), UINT32_MAX);
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> last_touch;  // per local user: item, time
  int64_t repeat = 0, all = 0;
  for (const FeedbackLog::Touch& t : log.touches) {
    if (t.at >= until) break;
    if (local_of_user[t.user] == UINT32_MAX) {
      local_of_user[t.user] = static_cast<uint32_t>(last_touch.size());
      r.user_index_.emplace(log.users[t.user], local_of_user[t.user]);
      last_touch.emplace_back();
      r.bought_.emplace_back();
    }
    const uint32_t u = local_of_user[t.user];
    const uint64_t key = PairKey(u, t.item);
    auto [pair, first] = pairs.try_emplace(key);
    pair->second.weight += t.weight;
    if (first) {
      pair->second.slot = static_cast<uint32_t>(last_touch[u].size());
      last_touch[u].push_back({t.item, t.at});
    } else {
      last_touch[u][pair->second.slot].second = t.at;
    }
    if (!t.purchase) continue;
    ++all;
    purchases[t.item] += 1;
    const auto segment = segment_of_user.find(log.users[t.user]);
    if (segment != segment_of_user.end()) {
      auto& counts = segment_purchases[segment->second];
      counts.resize(item_count, 0);
      counts[t.item] += 1;
    }
    auto [b, first_purchase] = bought.try_emplace(key, true);
    if (first_purchase) r.bought_[u].push_back(t.item);
    else ++repeat;
  }
  r.repeat_share_ = all > 0 ? static_cast<double>(repeat) / static_cast<double>(all) : 0;
  r.repeats_ = options.repeat == RepeatPolicy::kInclude || (options.repeat == RepeatPolicy::kAuto && r.repeat_share_ >= 0.2);

  auto by_count = [](const std::vector<double>& counts) {
    std::vector<uint32_t> order;
    for (uint32_t i = 0; i < counts.size(); ++i)
      if (counts[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
    return order;
  };
  r.popular_ = by_count(purchases);
  for (const auto& [segment, counts] : segment_purchases) r.segment_popular_[segment] = by_count(counts);

  // Histories (most recent first, capped) and the item-item dot products.
  std::vector<double> norm(item_count, 0);
  absl::flat_hash_map<uint64_t, std::pair<double, int32_t>> dot;  // (i < j) -> dot, co-users
  r.history_.resize(last_touch.size());
  for (uint32_t u = 0; u < last_touch.size(); ++u) {
    auto& touched = last_touch[u];
    std::stable_sort(touched.begin(), touched.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (touched.size() > static_cast<size_t>(options.max_history)) touched.resize(static_cast<size_t>(options.max_history));
    auto& history = r.history_[u];
    for (const auto& [item, at] : touched) history.push_back({item, std::log1p(pairs[PairKey(u, item)].weight)});
    for (size_t a = 0; a < history.size(); ++a) {
      norm[history[a].first] += static_cast<double>(history[a].second) * history[a].second;
      for (size_t b = a + 1; b < history.size(); ++b) {
        const uint32_t i = std::min(history[a].first, history[b].first), j = std::max(history[a].first, history[b].first);
        auto& [d, co] = dot[PairKey(i, j)];
        d += static_cast<double>(history[a].second) * history[b].second;
        ++co;
      }
    }
  }
  r.neighbours_.resize(item_count);
  for (const auto& [key, value] : dot) {
    const auto i = static_cast<uint32_t>(key >> 32), j = static_cast<uint32_t>(key & 0xFFFFFFFFU);
    const double co = value.second;
    const auto similarity =
        static_cast<float>(value.first / std::sqrt(norm[i] * norm[j]) * co / (co + options.shrinkage));
    r.neighbours_[i].push_back({j, similarity});
    r.neighbours_[j].push_back({i, similarity});
  }
  const auto keep = static_cast<size_t>(options.neighbours);
  for (auto& list : r.neighbours_) {
    auto stronger = [](const Neighbour& a, const Neighbour& b) {
      return a.similarity != b.similarity ? a.similarity > b.similarity : a.item < b.item;
    };
    if (list.size() > keep) {
      std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep), list.end(), stronger);
      list.resize(keep);
    }
  }
  return r;
}

int64_t ItemRecommender::UserIndex(const std::string& user_id) const {
  // Widened before the choice: `found ? -1 : uint32` would turn -1 into 2^32 - 1.
  const auto found = user_index_.find(user_id);
  return found == user_index_.end() ? int64_t{-1} : int64_t{found->second};
}

std::vector<bool> ItemRecommender::Allowed(int64_t user) const {
  std::vector<bool> allowed(items_.size(), true);
  if (!repeats_ && user >= 0)
    for (uint32_t item : bought_[static_cast<size_t>(user)]) allowed[item] = false;
  return allowed;
}

void ItemRecommender::Fill(std::vector<Recommendation>& out, const std::vector<uint32_t>& ranked,
                           std::vector<bool>& allowed, int k, std::string_view source) const {
  for (size_t rank = 0; rank < ranked.size() && out.size() < static_cast<size_t>(k); ++rank) {
    const uint32_t item = ranked[rank];
    if (!allowed[item]) continue;
    allowed[item] = false;
    // Fallback scores only order the list: 1/(rank + 2) stays below any
    // similarity-based score of a user with history.
    out.push_back({items_[item], 1.0 / static_cast<double>(rank + 2), source});
  }
}

std::vector<Recommendation> ItemRecommender::ForUser(const std::string& user_id, int k) const {
  std::vector<Recommendation> out;
  const int64_t user = UserIndex(user_id);
  std::vector<bool> allowed = Allowed(user);
  if (user >= 0) {
    std::vector<double> score(items_.size(), 0);
    for (const auto& [item, confidence] : history_[static_cast<size_t>(user)]) {
      for (const Neighbour& n : neighbours_[item]) score[n.item] += confidence * n.similarity;
      if (repeats_) score[item] += confidence;
    }
    std::vector<uint32_t> ranked;
    for (uint32_t i = 0; i < score.size(); ++i)
      if (score[i] > 0 && allowed[i]) ranked.push_back(i);
    std::stable_sort(ranked.begin(), ranked.end(), [&](uint32_t a, uint32_t b) { return score[a] > score[b]; });
    for (uint32_t item : ranked) {
      if (out.size() == static_cast<size_t>(k)) break;
      allowed[item] = false;
      out.push_back({items_[item], 1.0 + score[item], "similar items"});
    }
  }
  const auto segment = segment_of_.find(user_id);
  if (segment != segment_of_.end()) {
    const auto favourites = segment_popular_.find(segment->second);
    if (favourites != segment_popular_.end()) Fill(out, favourites->second, allowed, k, "segment favourites");
  }
  Fill(out, popular_, allowed, k, "popular");
  return out;
}

std::vector<Recommendation> ItemRecommender::PopularFor(const std::string& user_id, int k) const {
  std::vector<bool> allowed = Allowed(UserIndex(user_id));
  std::vector<Recommendation> out;
  Fill(out, popular_, allowed, k, "popular");
  return out;
}

namespace {

RankingMetrics Score(const std::vector<Recommendation>& list, const std::vector<std::string>& relevant, int k) {
  RankingMetrics m;
  double dcg = 0, ideal = 0;
  int hits = 0;
  for (size_t rank = 0; rank < list.size(); ++rank)
    if (std::find(relevant.begin(), relevant.end(), list[rank].item) != relevant.end()) {
      ++hits;
      dcg += 1 / std::log2(static_cast<double>(rank) + 2);
    }
  for (size_t rank = 0; rank < std::min(relevant.size(), static_cast<size_t>(k)); ++rank)
    ideal += 1 / std::log2(static_cast<double>(rank) + 2);
  m.precision = static_cast<double>(hits) / k;
  m.recall = static_cast<double>(hits) / static_cast<double>(relevant.size());
  m.ndcg = ideal > 0 ? dcg / ideal : 0;
  return m;
}

void Add(RankingMetrics& total, const RankingMetrics& one) {
  total.precision += one.precision;
  total.recall += one.recall;
  total.ndcg += one.ndcg;
}

}  // namespace

Result<RecommendEvaluation> EvaluateRecommender(const FeedbackLog& log,
                                                const std::unordered_map<std::string, int32_t>& segment_of_user,
                                                int k, int holdout_days, const RecommenderOptions& options) {
  if (k < 1 || holdout_days < 1)
    return Status::InvalidInput(fmt::format("k and the holdout days must be positive (got {} and {})", k, holdout_days));
  if (log.touches.empty()) return Status::InvalidInput("no events or orders name an item: nothing to recommend from");
  const int64_t cut = log.touches.back().at - int64_t{holdout_days} * 86400;
  std::unordered_map<uint32_t, std::vector<std::string>> relevant;
  for (const FeedbackLog::Touch& t : log.touches) {
    if (t.at < cut || !t.purchase) continue;
    auto& items = relevant[t.user];
    if (std::find(items.begin(), items.end(), log.items[t.item]) == items.end()) items.push_back(log.items[t.item]);
  }
  if (relevant.empty())
    return Status::InvalidInput(fmt::format("no purchases in the last {} days to evaluate on", holdout_days));
  const ItemRecommender model = ItemRecommender::Train(log, cut, segment_of_user, options);
  RecommendEvaluation e;
  e.k = k;
  e.holdout_days = holdout_days;
  e.repeats_purchases = model.repeats_purchases();
  e.repeat_share = model.repeat_share();
  // Users in id order, so the sums do not depend on hash order.
  std::vector<uint32_t> users;
  for (const auto& [user, items] : relevant) users.push_back(user);
  std::sort(users.begin(), users.end());
  for (uint32_t user : users) {
    const std::string& id = log.users[user];
    Add(e.model, Score(model.ForUser(id, k), relevant[user], k));
    Add(e.popularity, Score(model.PopularFor(id, k), relevant[user], k));
  }
  e.users = static_cast<int64_t>(users.size());
  for (RankingMetrics* m : {&e.model, &e.popularity}) {
    m->precision /= static_cast<double>(e.users);
    m->recall /= static_cast<double>(e.users);
    m->ndcg /= static_cast<double>(e.users);
  }
  return e;
}

}  // namespace brandlens
