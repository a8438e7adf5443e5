// The lexicon files of data/lexicon, embedded at build time.
#pragma once

#include <string_view>

namespace brandlens {

// The text of data/lexicon/NAME.txt, or empty if there is no such file.
std::string_view EmbeddedLexicon(std::string_view name);

}  // namespace brandlens
