// Keywords and new words (`brandlens keywords`): TF-IDF keywords overall
// and per brand, and words the dictionaries lack (PMI + branching entropy),
// over a CSV column or the workspace's mentions. Reads only; saving new
// words to the user dictionary is the caller's choice
// (text/new_word_learning.h: AppendToUserDictionary).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"
#include "text/keywords.h"
#include "text/new_words.h"

namespace brandlens {

struct KeywordsOptions {
  std::filesystem::path input;  // a CSV file; empty: the workspace's mentions
  std::string text_column, encoding = "auto";
  size_t top = 30;        // keywords per group
  size_t new_words = 30;  // new words at most
};

struct KeywordsResult {
  int64_t documents = 0;
  // "all" first, then one group per configured brand, in config order.
  std::vector<std::pair<std::string, std::vector<Keyword>>> groups;
  std::vector<NewWord> new_words;
};

// `store` is read when options.input is empty (and may be null otherwise).
Result<KeywordsResult> FindKeywords(const TextAnalyzer& analyzer, Store* store, const KeywordsOptions& options);

}  // namespace brandlens
