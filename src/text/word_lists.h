// The closed word lists the construction rules read (comparisons in
// analyzer.cc, timing.h, return_intent.h), from
// data/lexicon/constructions.txt: grammar words kept as data beside the
// other lexicons, so they can be read and extended without touching code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace brandlens {

class WordList {
 public:
  // The list named `name`. An unknown name is a programming error: it
  // aborts with the name at first use (every list is read by some test).
  static const WordList& Named(std::string_view name);

  bool Contains(std::string_view w) const {
    for (const auto& x : words_)
      if (w == x) return true;
    return false;
  }
  const std::vector<std::string>& words() const { return words_; }

 private:
  friend struct WordListRegistry;
  std::vector<std::string> words_;  // few words each: a linear scan beats hashing
};

}  // namespace brandlens
