// The sentiment model a workspace learns from its own mentions (self-
// training, text/sentiment_model.h), kept beside the workspace file so that
// re-runs reuse it instead of learning again:
//
//   workspace.db.sentiment.bin    the HashedClassifier
//   workspace.db.sentiment.json   {"mentions": M, "texts": N, "lexicon": FINGERPRINT,
//                                  "trained_at": ...}
//
// It is learned again once the workspace holds kRelearnGrowth times the
// mentions it was learned on (a corpus that has doubled may have moved to
// new products and words, and learning costs about one analysis pass), and
// when the lexicon that taught it differs from this build's (an upgrade).
// Mentions analysed before keep the verdicts of the model of their day.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "project/analyze_job.h"
#include "project/project.h"
#include "text/analyzer.h"

namespace brandlens {

inline constexpr double kRelearnGrowth = 2.0;

// The model for analysing the workspace's mentions: `choice`'s trained
// model, the lexicon (lexicon_only), or the workspace's self-trained model —
// reused from disk when still fresh, else learned from up to
// kSelfTrainTexts mentions spread over the corpus and saved (a model that cannot be saved is still
// used; the warning says so).
Result<ChosenModel> WorkspaceSentimentModel(Project& project, const TextAnalyzer& analyzer, const ModelChoice& choice,
                                            unsigned threads);

// Where the workspace's model and its description are kept.
std::filesystem::path WorkspaceModelPath(const Project& project);
std::filesystem::path WorkspaceModelInfoPath(const Project& project);

}  // namespace brandlens
