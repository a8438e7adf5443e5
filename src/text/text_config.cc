#include "text/text_config.h"

#include <fmt/format.h>

#include <algorithm>

#include "text/lexicon.h"

namespace brandlens {

Result<TextConfig> ReadTextConfig(const ProjectConfig& config) {
  TextConfig out;
  const auto& industries = Lexicon::Industries();
  if (std::find(industries.begin(), industries.end(), config.industry) == industries.end())
    return Status::InvalidInput(fmt::format("{}: [project] industry '{}' is not one of: {}", config.file.string(),
                                            config.industry, fmt::join(industries, ", ")));
  out.industry = config.industry;
  const ConfigSection text = config.Section("text");
  const ConfigSection legacy = config.Section("project");
  BRANDLENS_RETURN_IF_ERROR(text.CheckKeys({"user_dictionary", "learn_new_words", "self_train"}));
  const ConfigSection& dictionary_from = text.Has("user_dictionary") ? text : legacy;
  auto dictionary = dictionary_from.String("user_dictionary", "dictionary.txt");
  if (!dictionary.ok()) return dictionary.status();
  out.user_dictionary = config.dir / *dictionary;
  auto learn = (text.Has("learn_new_words") ? text : legacy).Bool("learn_new_words", true);
  if (!learn.ok()) return learn.status();
  out.learn_new_words = *learn;
  auto self_train = text.Bool("self_train", true);
  if (!self_train.ok()) return self_train.status();
  out.self_train = *self_train;
  return out;
}

}  // namespace brandlens
