// The linguistic resources of the text engine, parsed from the embedded
// lexicon files (data/lexicon): polarity words, negators, degree adverbs,
// clause markers, emoji, context-dependent adjectives, stop words, aspect
// seed terms and ambiguous words. Immutable once built; shared by threads.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

// Debian's Abseil has its own string_view type; heterogeneous lookups need it.
inline absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }

enum class NegatorScope : uint8_t { kFull, kWeak };
enum class ClauseRole : uint8_t { kContrast, kConcession, kSummary, kWish, kRhetorical };

struct ClauseMarker {
  ClauseRole role;
  float weight;
};

struct AspectTerm {
  std::string aspect;  // aspect id, e.g. "price"
};

class Lexicon {
 public:
  // The built-in lexicon for `industry` (general aspects plus the industry's).
  static const Lexicon& Builtin(const std::string& industry = "general");

  const float* Polarity(std::string_view word) const { return Find(polarity_, word); }
  const NegatorScope* Negator(std::string_view word) const { return Find(negators_, word); }
  const float* Degree(std::string_view word) const { return Find(degree_, word); }
  const ClauseMarker* Marker(std::string_view word) const { return Find(markers_, word); }
  const float* Emoji(std::string_view symbol) const { return Find(emoji_, symbol); }
  // Polarity of `adjective` when it describes `target` (价格 + 高 → −1).
  const float* Contextual(std::string_view target, std::string_view adjective) const;
  bool IsContextTarget(std::string_view word) const { return context_targets_.contains(AbslView(word)); }
  bool IsContextAdjective(std::string_view word) const { return context_adjectives_.contains(AbslView(word)); }
  const std::string* AspectOf(std::string_view term) const { return Find(aspect_terms_, term); }
  bool IsStopWord(std::string_view word) const { return stopwords_.contains(AbslView(word)); }

  // Every multi-character word the segmenter should keep whole.
  const std::vector<std::string>& DictionaryWords() const { return dictionary_words_; }
  // The aspect ids known for this industry, in file order.
  const std::vector<std::string>& Aspects() const { return aspects_; }

 private:
  explicit Lexicon(const std::string& industry);
  template <typename Map>
  static const typename Map::mapped_type* Find(const Map& map, std::string_view key) {
    auto it = map.find(AbslView(key));
    return it == map.end() ? nullptr : &it->second;
  }

  absl::flat_hash_map<std::string, float> polarity_, degree_, emoji_;
  absl::flat_hash_map<std::string, NegatorScope> negators_;
  absl::flat_hash_map<std::string, ClauseMarker> markers_;
  absl::flat_hash_map<std::string, float> contextual_;  // "target\x1Fadjective"
  absl::flat_hash_set<std::string> context_targets_, context_adjectives_, stopwords_;
  absl::flat_hash_map<std::string, std::string> aspect_terms_;
  std::vector<std::string> aspects_;
  std::vector<std::string> dictionary_words_;
};

}  // namespace brandlens
