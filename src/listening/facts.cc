#include "listening/facts.h"

#include <algorithm>
#include <unordered_map>

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

int8_t LabelValue(std::string_view label) { return label == "positive" ? 1 : label == "negative" ? -1 : 0; }

// Local day of a Unix time, with the zone's offset cached per UTC hour
// (offsets change on hour boundaries; ICU lookups are the slow part at a
// million rows).
class DayOf {
 public:
  explicit DayOf(const TimestampParser& time) : time_(time) {}
  int32_t operator()(int64_t unix_seconds) {
    const int64_t hour = unix_seconds >= 0 ? unix_seconds / 3600 : (unix_seconds - 3599) / 3600;
    auto it = offsets_.find(hour);
    if (it == offsets_.end()) it = offsets_.emplace(hour, time_.UtcOffsetSeconds(hour * 3600)).first;
    const int64_t local = unix_seconds + it->second;
    return static_cast<int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
  }

 private:
  const TimestampParser& time_;
  std::unordered_map<int64_t, int32_t> offsets_;
};

}  // namespace

void RestrictToDays(ListeningFacts& facts, int32_t from_day, int32_t to_day) {
  std::erase_if(facts.mentions, [&](const MentionFact& m) { return m.day < from_day || m.day > to_day; });
  std::erase_if(facts.aspect_opinions, [&](const AspectFact& a) { return a.day < from_day || a.day > to_day; });
  facts.first_day = std::max(facts.first_day, from_day);
  facts.last_day = std::min(facts.last_day, to_day);
}

int32_t DayNumber(const std::string& d) {
  return static_cast<int32_t>(DaysFromCivil(std::stoi(d.substr(0, 4)), static_cast<unsigned>(std::stoi(d.substr(5, 2))),
                                            static_cast<unsigned>(std::stoi(d.substr(8, 2)))));
}

Result<ListeningFacts> LoadListeningFacts(Store& store, const std::vector<std::string>& brands,
                                          const TimestampParser& time) {
  ListeningFacts facts;
  std::unordered_map<std::string, uint16_t> brand_index, platform_index, aspect_index;
  for (const auto& b : brands) IndexOf(facts.brands, brand_index, b);
  DayOf day_of(time);
  const std::string_view mention_columns[] = {"id", "brand", "platform", "posted_at", "engagement", "label", "score", "keywords"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_facts", mention_columns, {}, [&](const std::vector<Value>& row) {
    MentionFact f;
    f.mention_id = std::get<int64_t>(row[0]);
    f.brand = IndexOf(facts.brands, brand_index, std::get<std::string_view>(row[1]));
    f.platform = IndexOf(facts.platforms, platform_index, std::get<std::string_view>(row[2]));
    f.day = day_of(std::get<int64_t>(row[3]));
    f.engagement = std::get<int64_t>(row[4]);
    f.label = LabelValue(std::get<std::string_view>(row[5]));
    f.score = static_cast<float>(std::get<double>(row[6]));
    facts.keywords.try_emplace(f.mention_id, std::get<std::string_view>(row[7]));
    facts.mentions.push_back(f);
    return Status::Ok();
  }));
  const std::string_view aspect_columns[] = {"id", "brand", "aspect", "label", "opinions", "posted_at"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "aspect_facts", aspect_columns, {}, [&](const std::vector<Value>& row) {
    facts.aspect_opinions.push_back({std::get<int64_t>(row[0]), day_of(std::get<int64_t>(row[5])),
                                     IndexOf(facts.brands, brand_index, std::get<std::string_view>(row[1])),
                                     IndexOf(facts.aspects, aspect_index, std::get<std::string_view>(row[2])),
                                     LabelValue(std::get<std::string_view>(row[3])),
                                     std::string(std::get<std::string_view>(row[4]))});
    return Status::Ok();
  }));
  const std::string_view comparison_columns[] = {"id", "winner", "loser"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_comparisons", comparison_columns, {}, [&](const std::vector<Value>& row) {
    facts.comparisons.push_back({IndexOf(facts.brands, brand_index, std::get<std::string_view>(row[1])),
                                 IndexOf(facts.brands, brand_index, std::get<std::string_view>(row[2]))});
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
