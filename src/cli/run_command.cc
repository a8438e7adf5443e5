// brandlens run [-p PROJECT]: the main job. Imports what is new, analyses
// what is unanalysed, computes the positioning picture and writes
// report.html and report.json. Re-running does only new work.
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/project_context.h"
#include "ingest/project_import.h"
#include "listening/facts.h"
#include "listening/listening_report.h"
#include "report/report.h"
#include "text/new_word_learning.h"
#include "text/workspace_analysis.h"

namespace brandlens {

namespace {

// The project's analyzer; with learn_new_words, first the words discovered
// in the mentions about to be analysed join the user dictionary (and so
// this analyzer's segmentation).
Result<std::unique_ptr<TextAnalyzer>> CreateAnalyzerLearningNewWords(Store& store, const ProjectConfig& config) {
  auto options = TextAnalyzer::OptionsFor(config);
  if (!options.ok()) return options.status();
  auto analyzer = TextAnalyzer::Create(*options);
  if (!analyzer.ok() || !config.learn_new_words) return analyzer;
  auto learned = FindNewWordsInUnanalysed(store, **analyzer, NewWordLearning{});
  if (!learned.ok()) return learned.status();
  if (learned->empty()) return analyzer;
  const auto path = config.UserDictionaryPath();
  BRANDLENS_RETURN_IF_ERROR(AppendToUserDictionary(
      path, *learned, fmt::format("learned by brandlens run on {:%Y-%m-%d}", fmt::localtime(std::time(nullptr)))));
  std::string list;
  for (const auto& w : *learned) list += (list.empty() ? "" : " ") + w.word;
  fmt::print("learned {} new words into {}: {}\n", learned->size(), path.filename().string(), list);
  for (const auto& w : *learned) options->extra_words.push_back(w.word);
  return TextAnalyzer::Create(*options);
}

}  // namespace

Status RunMainJob(const std::string& project, const std::string& out_dir, const std::string& from, const std::string& to) {
  const auto start = std::chrono::steady_clock::now();
  auto ctx = OpenProject(project, "");
  if (!ctx.ok()) return ctx.status();
  if (!ctx->config)
    return Status::NotFound(fmt::format("{}: no {} (create one with `brandlens init`)", project, kConfigFileName));
  const ProjectConfig& config = *ctx->config;

  std::unique_ptr<ProgressBar> bar;
  auto reports = ImportSources(*ctx->store, config, [&bar](const SourceConfig& source) {
    bar = std::make_unique<ProgressBar>(source.path);
    return [&bar](const ImportProgress& p) { bar->Update(p.bytes_done, p.bytes_total, p.rows); };
  });
  bar.reset();
  if (!reports.ok()) return reports.status();
  int64_t imported = 0, rejected = 0;
  fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}\n", "file", "read", "new", "dup", "rejected");
  for (const auto& r : *reports) {
    if (r.unchanged) {
      fmt::print("{:<40} {:>9}\n", std::filesystem::path(r.path).filename().string(), "unchanged");
      continue;
    }
    fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}   {}\n", std::filesystem::path(r.path).filename().string(), r.rows_read,
               r.rows_inserted, r.rows_duplicate, r.rows_rejected, r.encoding);
    imported += r.rows_inserted;
    rejected += r.rows_rejected;
    for (const auto& e : r.errors) spdlog::warn("{}", e);
  }

  auto analyzer = CreateAnalyzerLearningNewWords(*ctx->store, config);
  if (!analyzer.ok()) return analyzer.status();
  auto analysed = AnalyzeWorkspace(*ctx->store, **analyzer, SentimentModel(nullptr),
                                   std::max(1u, std::thread::hardware_concurrency()));
  if (!analysed.ok()) return analysed.status();

  auto time = TimestampParser::Create(config.time_zone);
  if (!time.ok()) return time.status();
  std::vector<std::string> brands;
  const BrandConfig* own = config.OwnBrand();
  brands.push_back(own->name);
  for (const auto& b : config.brands)
    if (!b.own) brands.push_back(b.name);
  auto facts = LoadListeningFacts(*ctx->store, brands, **time);
  if (!facts.ok()) return facts.status();
  if (!from.empty() || !to.empty()) {
    auto day = [&](const std::string& date, int32_t fallback) -> Result<int32_t> {
      if (date.empty()) return fallback;
      auto t = (*time)->Parse(date);
      if (!t.ok()) return t.status().WithPrefix("--from/--to: ");
      return DayNumber((*time)->LocalDate(*t));
    };
    auto first = day(from, facts->first_day), last = day(to, facts->last_day);
    if (!first.ok()) return first.status();
    if (!last.ok()) return last.status();
    RestrictToDays(*facts, *first, *last);
  }

  Report report;
  report.title = fmt::format("{} · brandlens", config.name.empty() ? own->name : config.name);
  BRANDLENS_RETURN_IF_ERROR(AddListeningSections(*facts, *ctx->store, report));
  const std::filesystem::path dir = out_dir.empty() ? config.dir : std::filesystem::path(out_dir);
  BRANDLENS_RETURN_IF_ERROR(WriteReport(report, dir));

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("imported {} new rows ({} rejected), analysed {} new mentions, {} brand mentions in the report ({:.1f} s)\n",
             imported, rejected, analysed->analysed, facts->mentions.size(), seconds);
  fmt::print("report: {}\n", std::filesystem::absolute(dir / "report.html").lexically_normal().string());
  fmt::print("data:   {}\n", std::filesystem::absolute(dir / "report.json").lexically_normal().string());
  return Status::Ok();
}

CommandAction AddRunCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", out, from, to;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("run", "The main job: import what is new, analyse it, write report.html/.json");
  cmd->add_option("-p,--project", args->project, "Project directory (with brandlens.toml)");
  cmd->add_option("-o,--out", args->out, "Where to write the report (default: the project directory)");
  cmd->add_option("--from", args->from, "First day the report covers (default: the first mention)");
  cmd->add_option("--to", args->to, "Last day the report covers (default: the last mention)");
  return [args]() -> Status { return RunMainJob(args->project, args->out, args->from, args->to); };
}

}  // namespace brandlens
