#include "campaigns/attribution.h"

#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace brandlens {

namespace {

absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

struct Touch {
  int64_t at;
  uint32_t channel;
};

}  // namespace

Result<Attribution> AttributeOrders(Store& store, int lookback_days) {
  if (lookback_days < 1 || lookback_days > 365)
    return Status::InvalidInput(fmt::format("attribution lookback must be 1–365 days (got {})", lookback_days));
  Attribution out;
  out.lookback_days = lookback_days;
  absl::flat_hash_map<std::string, uint32_t> user_index, channel_index;
  std::vector<std::string> channels;
  std::vector<std::vector<Touch>> touches;
  static constexpr std::array<std::string_view, 4> kEventColumns = {"user_id", "occurred_at", "type", "channel"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "events", kEventColumns, {}, [&](RowView& row) {
    const auto channel = row.OptionalText(3);
    if (!channel || channel->empty() || row.Text(2) == "purchase") return row.status();
    auto [u, new_user] = user_index.try_emplace(Key(row.Text(0)), static_cast<uint32_t>(touches.size()));
    if (new_user) touches.emplace_back();
    auto [c, new_channel] = channel_index.try_emplace(Key(*channel), static_cast<uint32_t>(channels.size()));
    if (new_channel) channels.emplace_back(*channel);
    touches[u->second].push_back({row.Int(1), c->second});
    return row.status();
  }));
  for (auto& t : touches) std::sort(t.begin(), t.end(), [](const Touch& a, const Touch& b) { return a.at < b.at; });
  std::vector<ChannelCredit> credit(channels.size());
  for (size_t c = 0; c < channels.size(); ++c) credit[c].channel = channels[c];
  const int64_t lookback = int64_t{lookback_days} * 86400;
  static constexpr std::array<std::string_view, 3> kOrderColumns = {"user_id", "ordered_at", "amount"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "orders", kOrderColumns, {}, [&](RowView& row) {
    const int64_t at = row.Int(1);
    const double amount = row.Real(2);
    ++out.orders;
    out.revenue += amount;
    const auto u = user_index.find(Key(row.Text(0)));
    if (u == user_index.end()) return row.status();
    const auto& list = touches[u->second];
    const auto first = std::lower_bound(list.begin(), list.end(), at - lookback,
                                        [](const Touch& t, int64_t v) { return t.at < v; });
    const auto last = std::upper_bound(list.begin(), list.end(), at, [](int64_t v, const Touch& t) { return v < t.at; });
    const auto n = last - first;
    if (n <= 0) return row.status();
    ++out.attributed_orders;
    out.attributed_revenue += amount;
    credit[first->channel].first_touch += amount;
    credit[(last - 1)->channel].last_touch += amount;
    if (n == 1) {
      credit[first->channel].position_based += amount;
    } else if (n == 2) {
      credit[first->channel].position_based += amount / 2;
      credit[(last - 1)->channel].position_based += amount / 2;
    } else {
      credit[first->channel].position_based += 0.4 * amount;
      credit[(last - 1)->channel].position_based += 0.4 * amount;
      for (auto it = first + 1; it != last - 1; ++it) credit[it->channel].position_based += 0.2 * amount / static_cast<double>(n - 2);
    }
    return row.status();
  }));
  std::stable_sort(credit.begin(), credit.end(), [](const auto& a, const auto& b) { return a.last_touch > b.last_touch; });
  out.channels = std::move(credit);
  return out;
}

}  // namespace brandlens
