// Analysing text outside the main job (`brandlens analyze`): a CSV file to
// JSON Lines, or the workspace's mentions not analysed yet, with the
// sentiment model the caller chose.
//
// Contract of AnalyzeFile:
//  - one JSON object per input row, in input order (the analysis, or
//    {"line", "error"} for a row that is malformed or not UTF-8);
//  - the output file is written beside itself under a temporary name and
//    renamed into place at the end, so it may even be the input file, and a
//    failed run leaves any earlier output as it was;
//  - output is identical whatever the number of threads;
//  - the input is read once and held (self-training and spam detection
//    look at all rows before any is written), so it may be a pipe, and the
//    memory needed grows with the size of its text and id columns;
//  - a non-ok result means no output file was written.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "project/project.h"
#include "text/analyzer.h"
#include "text/sentiment_model.h"
#include "text/workspace_analysis.h"
#include "text/workspace_spam.h"

namespace brandlens {

// Which sentiment model: a trained one (`brandlens sentiment train`), the
// lexicon alone, or by default one self-trained on the texts about to be
// analysed (the lexicon's confident verdicts, never labels) — the lexicon
// alone when they are too few (SentimentModel::SelfTrain).
struct ModelChoice {
  std::filesystem::path trained_model;
  bool lexicon_only = false;
};

// Self-training learns from at most this many of the texts to be analysed.
inline constexpr int64_t kSelfTrainTexts = 50000;

struct ChosenModel {
  SentimentModel model;
  std::string description;  // "lexicon", "self-trained on N texts", "trained: PATH"
  std::string warning;      // why self-training was skipped, when it was
};

// `texts` are what self-training learns from (ignored otherwise).
Result<ChosenModel> ChooseSentimentModel(const TextAnalyzer& analyzer, const ModelChoice& choice,
                                         std::span<const std::string_view> texts, unsigned threads);

struct AnalyzeFileOptions {
  std::filesystem::path input;
  std::string text_column, id_column;  // id_column optional: copied into each result as "id"
  std::string encoding = "auto";
  std::filesystem::path output;  // empty: write to the stream given to AnalyzeFile
  unsigned threads = 1;
  bool explain = false;  // add tokens, raw score and scored opinions
  ModelChoice model;
};

struct AnalyzeFileResult {
  int64_t rows = 0;
  int64_t errors = 0;  // rows written as {"line", "error"}
  double seconds = 0;
  std::string model;    // ChosenModel::description
  std::string warning;  // ChosenModel::warning
};

Result<AnalyzeFileResult> AnalyzeFile(const TextAnalyzer& analyzer, const AnalyzeFileOptions& options,
                                      std::ostream& stream_output);

struct ProjectAnalysisResult {
  WorkspaceAnalysisReport report;
  WorkspaceSpamReport spam;  // every mention judged again
  std::string model;    // ChosenModel::description
  std::string warning;  // ChosenModel::warning
};

// The workspace's mentions without an analysis yet (a non-ok result keeps
// the batches already committed), then spam detection over all mentions.
Result<ProjectAnalysisResult> AnalyzeProjectMentions(Project& project, const TextAnalyzer& analyzer,
                                                       const ModelChoice& choice, unsigned threads,
                                                       const std::function<void(int64_t done)>& on_batch = {});

}  // namespace brandlens
