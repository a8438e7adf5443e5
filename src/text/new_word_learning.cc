#include "text/new_word_learning.h"

#include <fmt/format.h>

#include <fstream>

#include "core/utf8.h"
#include "text/spam.h"
#include "text/workspace_analysis.h"

namespace brandlens {

Result<std::vector<NewWord>> FindNewWordsInUnanalysed(Store& store, const TextAnalyzer& analyzer,
                                                      const NewWordLearning& options) {
  NewWordFinder finder(4, options.min_count);
  NormalizedText normalized;
  // The finder needs two passes over the same texts: counts, then the
  // characters around each candidate.
  for (const bool counting : {true, false}) {
    BRANDLENS_RETURN_IF_ERROR(ForEachUnanalysedText(store, options.max_texts, [&](std::string_view text) {
      if (!IsValidUtf8(text)) return;  // analysis reports such rows
      // Advertising would teach its own vocabulary (转发抽奖, contact ids)
      // as the customers' words.
      if (!SpamDetector::AdvertisingReason(text).empty()) return;
      analyzer.normalizer().Normalize(text, normalized);
      if (counting) {
        finder.Count(normalized.text);
      } else {
        finder.Neighbours(normalized.text);
      }
    }));
  }
  return finder.Find(options.max_words, [&](std::string_view w) { return !analyzer.IsNewWordCandidate(w); });
}

Status AppendToUserDictionary(const std::filesystem::path& path, const std::vector<NewWord>& words,
                              std::string_view note) {
  if (words.empty()) return Status::Ok();
  std::ofstream dict(path, std::ios::app | std::ios::binary);
  dict << "# " << note << '\n';
  for (const auto& w : words) dict << w.word << '\n';
  dict.flush();
  if (!dict) return Status::IoError(fmt::format("{}: cannot append to the user dictionary", path.string()));
  return Status::Ok();
}

}  // namespace brandlens
