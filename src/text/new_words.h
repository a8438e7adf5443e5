// New-word discovery: strings of 2–4 Chinese characters that behave like
// words in this corpus though no dictionary has them (slang, product
// nicknames, new dish names). A word holds together inside (high pointwise
// mutual information between its parts) and moves freely outside (high
// entropy of the characters to its left and right).
//
// Two passes over the corpus: Count() every text, then Neighbours() every
// text again, then Find().
#pragma once

#include <absl/container/flat_hash_map.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

struct NewWord {
  std::string word;
  int64_t count;
  double pmi;            // min over split points of log p(w) / (p(a) p(b))
  double left_entropy;   // of the characters before it (text edges count as distinct)
  double right_entropy;
  double score;          // pmi-weighted, entropy-gated, frequency-weighted
};

class NewWordFinder {
 public:
  explicit NewWordFinder(int max_chars = 4, int64_t min_count = 5) : max_chars_(max_chars), min_count_(min_count) {}

  void Count(std::string_view normalized_text);
  void Neighbours(std::string_view normalized_text);
  // The best `n` candidates that `known` does not already know.
  std::vector<NewWord> Find(size_t n, const std::function<bool(std::string_view)>& known) const;

 private:
  struct Sides {
    absl::flat_hash_map<char32_t, int64_t> left, right;
    int64_t left_edges = 0, right_edges = 0;
  };
  // Runs of Han characters of a text, as code point offsets.
  template <typename Visit>
  void ForEachHanRun(std::string_view text, Visit&& visit) const;

  int max_chars_;
  int64_t min_count_;
  int64_t characters_ = 0;
  absl::flat_hash_map<std::string, int64_t> counts_;  // n-grams of 1..max_chars
  absl::flat_hash_map<std::string, Sides> sides_;      // candidates only
};

}  // namespace brandlens
