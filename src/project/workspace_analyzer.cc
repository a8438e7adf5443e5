#include "project/workspace_analyzer.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

#include "text/new_word_learning.h"
#include "text/text_config.h"
#include "text/workspace_analysis.h"

namespace brandlens {

Result<std::unique_ptr<TextAnalyzer>> CreateWorkspaceAnalyzer(Store& store, const ProjectConfig& config,
                                                              TextAnalyzer::Options options, LearnedWords& learned) {
  auto text = ReadTextConfig(config);
  if (!text.ok()) return text.status();
  auto analyzer = TextAnalyzer::Create(options);
  if (!analyzer.ok() || !text->learn_new_words) return analyzer;
  auto found = FindNewWordsInUnanalysed(store, **analyzer, NewWordLearning{});
  if (!found.ok()) return found.status();
  if (found->empty()) return analyzer;
  learned.dictionary = text->user_dictionary;
  BRANDLENS_RETURN_IF_ERROR(AppendToUserDictionary(
      learned.dictionary, *found,
      fmt::format("learned by brandlens on {:%Y-%m-%d}", fmt::localtime(std::time(nullptr)))));
  for (const auto& w : *found) {
    learned.words.push_back(w.word);
    options.extra_words.push_back(w.word);
  }
  auto queued = ForgetAnalysesHolding(store, learned.words);
  if (!queued.ok()) return queued.status();
  learned.reanalysed = *queued;
  return TextAnalyzer::Create(options);
}

}  // namespace brandlens
