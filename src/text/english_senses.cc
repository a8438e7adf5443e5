#include "text/english_senses.h"

#include <algorithm>

namespace brandlens {

bool IsLikingVerb(const std::vector<Token>& tokens, size_t t) {
  // Subjects, auxiliaries and adverbs that stand before the verb.
  static constexpr std::string_view kBefore[] = {
      "i",      "we",     "you",     "they",   "he",     "she",      "kids",   "people", "everyone", "everybody",
      "really", "also",   "still",   "just",   "actually", "totally", "genuinely", "both", "all",  "do",
      "did",    "does",   "don't",   "didn't", "doesn't", "would",   "wouldn't", "i'd",  "we'd", "you'd",
      "they'd", "to",     "will",    "might",  "may",    "truly",    "definitely", "absolutely", "personally"};
  for (size_t k = t; k > 0;) {
    const Token& before = tokens[--k];
    if (before.kind != TokenKind::kWord) continue;  // spaces and punctuation between words
    return std::ranges::find(kBefore, before.text) != std::end(kBefore);
  }
  return false;  // "Like the first film, …": a preposition
}

bool IsExcessDegree(std::string_view word) {
  return word == "too" || word == "overly" || word == "过于" || word == "太过" || word == "过分地";
}

}  // namespace brandlens
