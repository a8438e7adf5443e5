// The analyzer that analyses a project's workspace, shared by `brandlens
// run` and `brandlens analyze -p`. With [text] learn_new_words, the words
// discovered in the mentions about to be analysed first join the user
// dictionary (and so this analyzer), and the mentions analysed before that
// hold one of them are queued to be analysed again: every mention then
// reads a learned word whole, in its keywords, aspects and sentiment.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"

namespace brandlens {

struct LearnedWords {
  std::vector<std::string> words;  // appended to `dictionary`
  std::filesystem::path dictionary;
  int64_t reanalysed = 0;          // mentions analysed earlier, queued again because they hold one
};

// `options` are the project's (TextAnalyzer::OptionsFor), possibly with the
// caller's overrides; the learned words are added to them.
Result<std::unique_ptr<TextAnalyzer>> CreateWorkspaceAnalyzer(Store& store, const ProjectConfig& config,
                                                              TextAnalyzer::Options options, LearnedWords& learned);

}  // namespace brandlens
