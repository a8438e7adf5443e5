// brandlens run [-p PROJECT]: the main job (project/main_job.h). This file
// parses flags, shows progress and prints the outcome; the work is the
// library's.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "cli/progress.h"
#include "project/main_job.h"

namespace brandlens {

void PrintLearnedWords(const LearnedWords& learned) {
  if (learned.words.empty()) return;
  fmt::print("learned {} new words into {}: {}{}\n", learned.words.size(), learned.dictionary.filename().string(),
             fmt::join(learned.words, " "),
             learned.reanalysed > 0 ? fmt::format(" ({} mentions analysed before hold them: analysed again)",
                                                  learned.reanalysed)
                                    : "");
}

namespace {

void PrintImports(const std::vector<SourceImport>& imports) {
  fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}\n", "file", "read", "new", "dup", "rejected");
  for (const auto& i : imports) {
    const std::string name = std::filesystem::path(i.source.path).filename().string();
    if (!i.error.ok()) {
      fmt::print("{:<40} {:>9}\n", name, "FAILED");
      spdlog::warn("{} was not imported: {}", i.source.path, i.error.message());
      continue;
    }
    const ImportReport& r = *i.report;
    if (r.unchanged) {
      fmt::print("{:<40} {:>9}\n", name, "unchanged");
      continue;
    }
    fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}   {}\n", name, r.rows_read, r.rows_inserted, r.rows_duplicate,
               r.rows_rejected, r.encoding);
    for (const auto& e : r.errors) spdlog::warn("{}", e);
    for (const auto& w : r.warnings) spdlog::warn("{}", w);
  }
}

}  // namespace

Status RunMainJobAndPrint(MainJobOptions options) {
  std::unique_ptr<ProgressBar> bar;
  options.import_progress = [&bar](const SourceConfig& source) {
    bar = std::make_unique<ProgressBar>(source.path);
    return [&bar](const ImportProgress& p) { bar->Update(p.bytes_done, p.bytes_total, p.rows); };
  };
  options.store.on_wait = WaitingForWorkspace;
  auto result = RunMainJob(options);
  bar.reset();
  if (!result.ok()) return result.status();
  PrintImports(result->imports);
  PrintLearnedWords(result->learned);
  int64_t imported = 0, rejected = 0, failed = 0;
  for (const auto& i : result->imports) {
    failed += !i.error.ok();
    if (i.report) imported += i.report->rows_inserted, rejected += i.report->rows_rejected;
  }
  for (const auto& w : result->warnings) spdlog::warn("{}", w);
  fmt::print("imported {} new rows ({} rejected{}), analysed {} new mentions ({}), {} brand mentions in the report "
             "({:.1f} s)\n",
             imported, rejected, failed ? fmt::format(", {} file(s) failed", failed) : "", result->analysis.analysed,
             result->sentiment_model, result->brand_mentions, result->seconds);
  fmt::print("spam: {} advertising and {} coordinated posts in {} clusters ({:.1f} s)\n",
             result->spam.advertising, result->spam.coordinated, result->spam.clusters, result->spam.seconds);
  if (result->personas.built)
    fmt::print("personas: {} users in {} segments ({:.1f} s)\n", result->personas.users, result->personas.k,
               result->personas.seconds);
  fmt::print("report: {}\n", result->report_html.string());
  fmt::print("data:   {}\n", result->report_json.string());
  return Status::Ok();
}

CommandAction AddRunCommand(CLI::App& app) {
  auto options = std::make_shared<MainJobOptions>();
  auto* cmd = app.add_subcommand("run", "The main job: import what is new, analyse it, write report.html/.json");
  cmd->add_option("-p,--project", options->project_dir, "Project directory (with brandlens.toml)");
  cmd->add_option("-o,--out", options->out_dir, "Where to write the report (default: the project directory)");
  cmd->add_option("--from", options->from, "First day the report covers (default: the first mention)");
  cmd->add_option("--to", options->to, "Last day the report covers (default: the last mention)");
  cmd->add_option("--threads", options->threads, "Analysis threads (default: one per core)");
  cmd->add_flag("--lexicon-only", options->lexicon_only,
                "Sentiment from the lexicon alone, without learning the domain from the mentions first");
  return [options]() -> Status { return RunMainJobAndPrint(*options); };
}

}  // namespace brandlens
