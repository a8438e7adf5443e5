// The main job (`brandlens run`, and the end of `brandlens demo`): import
// the project's sources that are new or changed, learn new words from the
// mentions not yet analysed, analyse them, segment the customers into
// personas, forecast sales, mentions and channels, measure the campaigns,
// and write report.html and report.json. Re-running does only new work.
//
// Contract:
//  - never prints: progress goes to the callbacks, the outcome to the result;
//  - every config section is read before any work: a typo stops the job
//    before anything is imported;
//  - a source that cannot be imported (missing file, bad header, even a
//    workspace error while importing it) does not stop the job: it is
//    listed in `imports` with its error, nothing of it is written, and the
//    report is still built from everything else;
//  - a non-ok result means the job stopped there (config, analysis or
//    report error, or a workspace error outside the imports); what earlier
//    steps committed stays (each import and each analysis batch is its own
//    transaction).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "campaigns/campaigns.h"
#include "ingest/project_import.h"
#include "personas/personas.h"
#include "planning/planning.h"
#include "project/workspace_analyzer.h"
#include "store/store.h"
#include "text/workspace_spam.h"
#include "text/workspace_analysis.h"

namespace brandlens {

struct MainJobOptions {
  std::filesystem::path project_dir = ".";
  std::filesystem::path out_dir;  // where the report goes; empty: the project directory
  std::string from, to;           // the report's date range (any timestamp form); empty: all
  unsigned threads = 0;           // analysis threads; 0: one per core
  bool lexicon_only = false;      // sentiment from the lexicon alone, whatever [text] self_train says
  SourceProgressFactory import_progress;  // may be empty
  StoreOptions store;                     // lock waits and how they are reported
};

struct MainJobResult {
  std::vector<SourceImport> imports;
  LearnedWords learned;  // new words added to the user dictionary before analysing
  WorkspaceAnalysisReport analysis;
  std::string sentiment_model;  // how new mentions were scored (ChosenModel::description)
  WorkspaceSpamReport spam;
  std::vector<std::string> warnings;  // what the user should know but did not stop the job
  int64_t brand_mentions = 0;  // (mention, brand) pairs the report covers
  PersonasResult personas;     // segments (built = false when there are no customers)
  PlanningResult planning;     // forecasts of sales, mentions and channel revenue
  CampaignsResult campaigns;   // KPIs by channel and campaign, attribution
  std::filesystem::path report_html, report_json;
  double seconds = 0;
};

Result<MainJobResult> RunMainJob(const MainJobOptions& options);

}  // namespace brandlens
