// Word segmentation: ICU's word break iterator, with a dictionary layer of
// our own on top. ICU splits names and domain words it does not know (华为 →
// 华|为, 性价比 → 性|价|比); within each run of word characters a shortest-path
// search over ICU's words, dictionary words and single characters keeps
// dictionary words (brands, aspects, lexicon phrases, slang) whole, and
// prefers ICU's words on ties.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  std::string_view text;  // a view into the segmented text
  TokenKind kind;
};

class Segmenter {
 public:
  // `words` are kept whole; they are matched on normalized (case-folded,
  // simplified) text, so pass them normalized.
  explicit Segmenter(const std::vector<std::string>& words);

  // Adds a word to the dictionary (a brand alias, a discovered new word).
  void AddWord(std::string_view word);

  // Appends the tokens of `text` to `out`. Thread-safe.
  void Segment(std::string_view text, std::vector<Token>& out) const;

 private:
  void SegmentRun(std::string_view text, size_t begin, size_t end, const std::vector<size_t>& icu_ends,
                  std::vector<Token>& out) const;

  static constexpr uint8_t kIsWord = 1, kIsPrefix = 2;
  static constexpr int kMaxWordChars = 12;
  // Every dictionary word and every proper prefix of one, so a lookup can
  // stop as soon as no longer word is possible.
  absl::flat_hash_map<std::string, uint8_t> entries_;
};

}  // namespace brandlens
