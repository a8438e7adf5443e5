// The linguistic resources of the text engine, parsed from the embedded
// lexicon files (data/lexicon): polarity words, negators, degree adverbs,
// clause markers, emoji, context-dependent adjectives, stop words, aspect
// seed terms and ambiguous words. Immutable once built; shared by threads.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

// Debian's Abseil has its own string_view type; heterogeneous lookups need it.
inline absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }

enum class NegatorScope : uint8_t { kFull, kWeak };
// kReply: a header such as 商家回复: or 宾馆反馈2008年5月6日: where the
// business's answer begins; what follows is not the author's opinion.
enum class ClauseRole : uint8_t { kContrast, kReservation, kConcession, kSummary, kWish, kExpectation, kRhetorical, kReply };

struct ClauseMarker {
  ClauseRole role;
  float weight;
};

// Everything the lexicon knows about one word, found with one lookup (the
// hot path reads each token once).
struct WordInfo {
  bool has_polarity = false;
  float polarity = 0;
  float degree = 0;  // 0: not a degree adverb
  bool is_negator = false;
  NegatorScope negator = NegatorScope::kFull;
  bool is_marker = false;
  ClauseMarker marker{};
  bool context_target = false;
  bool context_adjective = false;
  bool stop_word = false;
  const std::string* aspect = nullptr;  // aspect id (price, taste, ...)
};

class Lexicon {
 public:
  // The built-in lexicon for `industry` (general aspects plus the industry's).
  static const Lexicon& Builtin(const std::string& industry = "general");
  // The industries with an aspect vocabulary (the first column of
  // data/lexicon/aspects.txt), "general" first: the one list of industries.
  static const std::vector<std::string>& Industries();

  // All about `word`, or null when the lexicon does not know it.
  const WordInfo* Lookup(std::string_view word) const {
    auto it = words_.find(AbslView(word));
    return it == words_.end() ? nullptr : &it->second;
  }
  const float* Polarity(std::string_view word) const {
    const WordInfo* w = Lookup(word);
    return w && w->has_polarity ? &w->polarity : nullptr;
  }
  bool IsStopWord(std::string_view word) const {
    const WordInfo* w = Lookup(word);
    return w && w->stop_word;
  }
  const float* Emoji(std::string_view symbol) const {
    auto it = emoji_.find(AbslView(symbol));
    return it == emoji_.end() ? nullptr : &it->second;
  }
  // True when a multi-word entry (never again, highly recommend) starts
  // with this word.
  bool StartsPhrase(std::string_view word) const { return phrase_starts_.contains(AbslView(word)); }
  // True when some negator or degree word starts with this character (不太, 非常).
  bool StartsModifier(std::string_view first_char) const { return modifier_starts_.contains(AbslView(first_char)); }

  // Polarity of `adjective` when it describes `target` (价格 + 高 → −1).
  const float* Contextual(std::string_view target, std::string_view adjective) const;

  // Every multi-character word the segmenter should keep whole.
  const std::vector<std::string>& DictionaryWords() const { return dictionary_words_; }

 private:
  explicit Lexicon(const std::string& industry);

  absl::flat_hash_map<std::string, WordInfo> words_;
  absl::flat_hash_set<std::string> modifier_starts_;
  absl::flat_hash_set<std::string> phrase_starts_;
  absl::flat_hash_map<std::string, float> emoji_;
  absl::flat_hash_map<std::string, float> contextual_;  // "target\x1Fadjective"
  // Aspect ids, owned here so WordInfo can point at them (node-stable).
  std::vector<std::unique_ptr<std::string>> aspect_names_;
  std::vector<std::string> dictionary_words_;
};

}  // namespace brandlens
