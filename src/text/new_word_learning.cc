#include "text/new_word_learning.h"

#include <fmt/format.h>

#include <fstream>

#include "core/utf8.h"

namespace brandlens {

Result<std::vector<NewWord>> FindNewWordsInUnanalysed(Store& store, const TextAnalyzer& analyzer,
                                                      const NewWordLearning& options) {
  const std::string_view columns[] = {"text"};
  ScanFilter unanalysed;
  unanalysed.unreferenced_by_table = "mention_analysis";
  unanalysed.unreferenced_by_column = "mention_id";
  unanalysed.limit = options.max_texts;
  NewWordFinder finder(4, options.min_count);
  NormalizedText normalized;
  // The finder needs two passes over the same texts: counts, then the
  // characters around each candidate.
  for (const bool counting : {true, false}) {
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, unanalysed, [&](const std::vector<Value>& row) {
      const auto* text = std::get_if<std::string_view>(&row[0]);
      if (!text || !IsValidUtf8(*text)) return Status::Ok();  // analysis reports such rows
      analyzer.normalizer().Normalize(*text, normalized);
      if (counting) {
        finder.Count(normalized.text);
      } else {
        finder.Neighbours(normalized.text);
      }
      return Status::Ok();
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
