#include "listening/facts.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <unordered_map>

#include "core/local_days.h"

namespace brandlens {

namespace {

// Index of `name` in `names`, appending it when new.
uint16_t IndexOf(std::vector<std::string>& names, std::unordered_map<std::string, uint16_t>& index,
                 std::string_view name) {
  auto it = index.find(std::string(name));
  if (it != index.end()) return it->second;
  const auto i = static_cast<uint16_t>(names.size());
  names.emplace_back(name);
  index.emplace(names.back(), i);
  return i;
}


}  // namespace

void RestrictToDays(ListeningFacts& facts, int32_t from_day, int32_t to_day) {
  std::erase_if(facts.mentions, [&](const MentionFact& m) { return m.day < from_day || m.day > to_day; });
  std::erase_if(facts.aspect_opinions, [&](const AspectFact& a) { return a.day < from_day || a.day > to_day; });
  std::erase_if(facts.spam, [&](const SpamFact& s) { return s.day < from_day || s.day > to_day; });
  facts.first_day = std::max(facts.first_day, from_day);
  facts.last_day = std::min(facts.last_day, to_day);
}

Result<ListeningFacts> LoadListeningFacts(Store& store, const std::vector<std::string>& brands,
                                          const TimestampParser& time, bool include_spam) {
  ListeningFacts facts;
  facts.spam_included = include_spam;
  absl::flat_hash_map<int64_t, bool> spam;  // mention -> coordinated
  if (!include_spam) {
    const std::string_view spam_columns[] = {"mention_id", "kind"};
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_spam", spam_columns, {}, [&](RowView& row) {
      spam.emplace(row.Int(0), row.Text(1) == "coordinated");
      return Status::Ok();
    }));
  }
  absl::flat_hash_set<int64_t> spam_seen;  // mention_facts has a row per brand
  std::unordered_map<std::string, uint16_t> brand_index, platform_index, aspect_index;
  for (const auto& b : brands) IndexOf(facts.brands, brand_index, b);
  LocalDays local_days(time);
  auto day_of = [&](int64_t t) { return local_days.DayOf(t); };
  const std::string_view mention_columns[] = {"id", "brand", "platform", "posted_at", "engagement", "label", "score", "keywords"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_facts", mention_columns, {}, [&](RowView& row) {
    MentionFact f;
    f.mention_id = row.Int(0);
    if (auto it = spam.find(f.mention_id); it != spam.end()) {
      if (spam_seen.insert(f.mention_id).second) facts.spam.push_back({f.mention_id, day_of(row.Int(3)), it->second});
      return Status::Ok();
    }
    f.brand = IndexOf(facts.brands, brand_index, row.Text(1));
    f.platform = IndexOf(facts.platforms, platform_index, row.Text(2));
    f.day = day_of(row.Int(3));
    // The view sums likes, shares and comments; SQLite turns a sum past the
    // 64-bit range into a real, so it is read as a number and capped where
    // sums over many mentions still fit (the import caps each count at a
    // trillion; older workspaces may hold more).
    constexpr double kMaxEngagement = 3e12;
    const double engagement = std::clamp(row.Real(4), 0.0, kMaxEngagement);
    f.engagement = static_cast<int64_t>(engagement);
    f.label = LabelFromName(row.Text(5));
    f.score = static_cast<float>(row.Real(6));
    facts.keywords.try_emplace(f.mention_id, row.Text(7));
    facts.mentions.push_back(f);
    return Status::Ok();
  }));
  const std::string_view aspect_columns[] = {"id", "brand", "aspect", "label", "opinions", "posted_at"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "aspect_facts", aspect_columns, {}, [&](RowView& row) {
    if (spam.contains(row.Int(0))) return Status::Ok();
    facts.aspect_opinions.push_back({row.Int(0), day_of(row.Int(5)), IndexOf(facts.brands, brand_index, row.Text(1)),
                                     IndexOf(facts.aspects, aspect_index, row.Text(2)), LabelFromName(row.Text(3)),
                                     std::string(row.Text(4))});
    return Status::Ok();
  }));
  const std::string_view comparison_columns[] = {"mention_id", "winner", "loser"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_comparisons", comparison_columns, {}, [&](RowView& row) {
    if (spam.contains(row.Int(0))) return Status::Ok();
    facts.comparisons.push_back(
        {IndexOf(facts.brands, brand_index, row.Text(1)), IndexOf(facts.brands, brand_index, row.Text(2))});
    return Status::Ok();
  }));
  if (!facts.mentions.empty()) {
    auto [lo, hi] = std::minmax_element(facts.mentions.begin(), facts.mentions.end(),
                                        [](const MentionFact& a, const MentionFact& b) { return a.day < b.day; });
    facts.first_day = lo->day;
    facts.last_day = hi->day;
  }
  return facts;
}

}  // namespace brandlens
