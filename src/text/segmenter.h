// Word segmentation over ICU's CJK dictionary plus a dictionary of our own.
//
// ICU's word break iterator splits names and domain words it does not know
// (华为 → 华|为, 性价比 → 性|价|比) and its dictionary walk was 40% of the
// whole analysis (measured with perf). So segmentation reads ICU's own CJK
// word list (cjdict, ~316k words with costs, through ICU's public data API)
// once per process, and finds the cheapest split of each run of word
// characters itself, in UTF-8, where words of our dictionary (brands,
// aspects, lexicon phrases, slang, the user dictionary) cost less than any
// general word so they stay whole. Latin letters and digits form one token
// each run; other characters are punctuation tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/codepoint_trie.h"

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

  // Adds a word to our dictionary (a brand alias, a discovered new word).
  void AddWord(std::string_view word);
  // Lays the dictionary out for fast walks; call after the last AddWord.
  void Freeze() { own_.Freeze(); }

  // Appends the tokens of `text` to `out`. Thread-safe.
  void Segment(std::string_view text, std::vector<Token>& out) const;

 private:
  // Splits one run of word characters: its code points `cps`, their byte
  // offsets in `text` in `pos`, plus one for the run's end.
  void SegmentRun(std::string_view text, const std::vector<char32_t>& cps, const std::vector<size_t>& pos,
                  std::vector<Token>& out) const;

  static constexpr int kMaxWordChars = 12;
  CodepointTrie own_;  // value 0 marks a word
};

}  // namespace brandlens
