#include "project/keywords_job.h"

#include <functional>

#include "core/utf8.h"
#include "ingest/csv_columns.h"
#include "text/workspace_analysis.h"

namespace brandlens {

namespace {

using TextVisitor = std::function<void(std::string_view text)>;

// Visits every text of the source: a CSV column, or the workspace's mentions.
Status ForEachText(Store* store, const KeywordsOptions& options, const TextVisitor& visit) {
  if (options.input.empty()) {
    if (!store) return Status::Internal("FindKeywords: no input and no workspace");
    return ForEachMentionText(*store, visit);
  }
  return ForEachCsvRow(
      options.input.string(), {options.text_column},
      [&](int64_t, std::span<const std::string_view> f) {
        visit(f[0]);
        return Status::Ok();
      },
      [](int64_t, const std::string&) {}, options.encoding);
}

}  // namespace

Result<KeywordsResult> FindKeywords(const TextAnalyzer& analyzer, Store* store, const KeywordsOptions& options) {
  if (!options.input.empty() && options.text_column.empty())
    return Status::InvalidInput("keywords --input needs --text-column");
  // Pass 1: keywords per brand, and n-gram counts for new words.
  KeywordIndex index;
  NewWordFinder finder;
  Analysis analysis;
  std::vector<std::string_view> groups;
  BRANDLENS_RETURN_IF_ERROR(ForEachText(store, options, [&](std::string_view text) {
    if (!analyzer.Analyze(text, analysis).ok()) return;
    groups.assign(1, "");
    for (int b : analysis.brands) groups.push_back(analyzer.brands()[static_cast<size_t>(b)].name);
    index.Add(groups, analysis.keywords);
    finder.Count(analysis.normalized.text);
  }));
  // Pass 2: the company new-word candidates keep.
  NormalizedText normalized;
  BRANDLENS_RETURN_IF_ERROR(ForEachText(store, options, [&](std::string_view text) {
    if (!IsValidUtf8(text)) return;
    analyzer.normalizer().Normalize(text, normalized);
    finder.Neighbours(normalized.text);
  }));

  KeywordsResult result;
  result.documents = index.documents();
  result.groups.emplace_back("all", index.Top("", options.top));
  for (const auto& b : analyzer.brands()) result.groups.emplace_back(b.name, index.Top(b.name, options.top));
  result.new_words = finder.Find(options.new_words, [&](std::string_view w) { return !analyzer.IsNewWordCandidate(w); });
  return result;
}

}  // namespace brandlens
