// Analysing the workspace's mentions: every mention without a row in
// mention_analysis is analysed (sentiment, aspects, brands, comparisons,
// keywords) and its results written to the text module's tables. Re-running
// does only new work; each batch is one transaction, so an interrupted run
// keeps what it finished and resumes after it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"
#include "text/sentiment_model.h"

namespace brandlens {

struct WorkspaceAnalysisReport {
  int64_t analysed = 0;
  int64_t errors = 0;  // mentions whose text could not be analysed (kept with their error)
  double seconds = 0;
};

// Calls visit(text) for up to `limit` mentions not analysed yet (the texts
// the next AnalyzeWorkspace will read), in id order.
Status ForEachUnanalysedText(Store& store, int64_t limit, const std::function<void(std::string_view text)>& visit);

// Calls visit(text) for every mention of the workspace, in id order.
Status ForEachMentionText(Store& store, const std::function<void(std::string_view text)>& visit);

// Drops the analysis of every mention whose text holds one of `words`, so
// that the next AnalyzeWorkspace reads it again: after a word joins the
// dictionary, mentions analysed before read it whole too. Words are found
// as written (a traditional-script text holding the simplified form is
// missed). Returns how many mentions were analysed and are now queued.
Result<int64_t> ForgetAnalysesHolding(Store& store, std::span<const std::string> words);

Result<WorkspaceAnalysisReport> AnalyzeWorkspace(Store& store, const TextAnalyzer& analyzer,
                                                 const SentimentModel& model, unsigned threads,
                                                 const std::function<void(int64_t done)>& on_batch = {});

}  // namespace brandlens
