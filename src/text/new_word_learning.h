// Feeding the user dictionary as the workspace grows. `brandlens run` looks
// for words no dictionary has (new_words.h) in the mentions it has not yet
// analysed, appends the best to the project's user dictionary, and then
// analyses those mentions with them kept whole. Mentions analysed earlier
// keep the segmentation they had.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"
#include "text/new_words.h"

namespace brandlens {

struct NewWordLearning {
  int64_t max_texts = 20000;  // unanalysed mentions read (bounds the time a large import adds)
  size_t max_words = 20;      // words learned per run at most
  int64_t min_count = 10;     // occurrences a word needs among the texts read
};

// The new-word candidates (TextAnalyzer::IsNewWordCandidate) among the
// workspace's unanalysed mentions that are not advertising, best first.
Result<std::vector<NewWord>> FindNewWordsInUnanalysed(Store& store, const TextAnalyzer& analyzer,
                                                      const NewWordLearning& options);

// Appends `words` to the dictionary file (created if missing), one per line,
// under a comment line `# <note>`. Nothing is written when `words` is empty.
Status AppendToUserDictionary(const std::filesystem::path& path, const std::vector<NewWord>& words,
                              std::string_view note);

}  // namespace brandlens
