// The facts listening works on, read once from the workspace into compact
// arrays: one per (mention, brand) and one per (aspect opinion, brand).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/timestamp.h"
#include "store/store.h"
#include "text/sentiment.h"

namespace brandlens {

struct MentionFact {
  int64_t mention_id;
  int32_t day;        // local calendar day, days since 1970-01-01
  uint16_t brand;     // index into ListeningFacts::brands
  uint16_t platform;  // index into ListeningFacts::platforms
  SentimentLabel label;
  float score;
  int64_t engagement;  // likes + shares + comments
};

struct AspectFact {
  int64_t mention_id;
  int32_t day;
  uint16_t brand;
  uint16_t aspect;  // index into ListeningFacts::aspects
  SentimentLabel label;
  std::string opinions;  // JSON array as stored
};

struct SpamFact {
  int64_t mention_id;
  int32_t day;
  bool coordinated;  // else advertising
};

struct ComparisonFact {
  uint16_t winner, loser;
};

struct ListeningFacts {
  std::vector<std::string> brands, platforms, aspects;
  std::vector<MentionFact> mentions;
  std::vector<AspectFact> aspect_opinions;
  std::vector<ComparisonFact> comparisons;
  // Keywords (JSON arrays) of each mention, for keyword rankings and for
  // explaining spikes.
  std::unordered_map<int64_t, std::string> keywords;
  int32_t first_day = 0, last_day = -1;
  // Brand mentions left out as spam (text/workspace_spam.h), one per
  // mention; empty when spam was included.
  std::vector<SpamFact> spam;
  bool spam_included = false;
};

// Reads the analysed mentions. `brands` fixes the brand order (own first);
// brands met in the data but not listed are appended. Mentions judged spam
// are left out unless `include_spam`.
Result<ListeningFacts> LoadListeningFacts(Store& store, const std::vector<std::string>& brands,
                                          const TimestampParser& time, bool include_spam = false);

// Keeps only the facts dated within [from_day, to_day].
void RestrictToDays(ListeningFacts& facts, int32_t from_day, int32_t to_day);

}  // namespace brandlens
