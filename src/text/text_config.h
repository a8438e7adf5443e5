// The text engine's part of the project config: the industry (which picks
// the aspect vocabulary; [project] industry, validated against the
// lexicon's industries) and the [text] section:
//
//   [text]
//   user_dictionary = "dictionary.txt"  # words kept whole, one per line
//   learn_new_words = true              # `brandlens run` appends new words
//   self_train = true                   # learn the domain's sentiment from the
//                                       # mentions (false: the lexicon alone)
//
// Configs written before [text] existed kept both keys in [project]; they
// are still read from there when [text] does not set them.
#pragma once

#include <filesystem>
#include <string>

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct TextConfig {
  std::string industry = "general";
  std::filesystem::path user_dictionary;  // absolute or relative to the working directory
  bool learn_new_words = true;
  bool self_train = true;
};

Result<TextConfig> ReadTextConfig(const ProjectConfig& config);

}  // namespace brandlens
