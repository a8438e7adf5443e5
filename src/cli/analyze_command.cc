// brandlens analyze [-p PROJECT]      the workspace's new mentions → tables (learning new words)
// brandlens analyze --input F.csv --text-column C --output out.jsonl
//   One JSON object per input row, in input order: the analysis, or
//   {"line": N, "error": "..."} for a row that cannot be analysed
//   (project/analyze_job.h).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "project/analyze_job.h"
#include "project/workspace_analyzer.h"

namespace brandlens {

CommandAction AddAnalyzeCommand(CLI::App& app) {
  struct Args {
    AnalyzeFileOptions file;
    std::string output = "-", project = ".", industry;
  };
  auto args = std::make_shared<Args>();
  args->file.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* cmd = app.add_subcommand("analyze", "Analyse text: sentiment, aspects, brands, keywords");
  cmd->add_option("--input", args->file.input, "CSV file to analyse (without it: the workspace)");
  cmd->add_option("--text-column", args->file.text_column, "Column holding the text (with --input)");
  cmd->add_option("--id-column", args->file.id_column, "Column copied into each result as \"id\"");
  cmd->add_option("--output", args->output, "JSON Lines output (with --input; - for stdout)");
  cmd->add_option("-p,--project", args->project, "Project directory (brands and industry from its config)");
  cmd->add_option("--industry", args->industry, "Aspect vocabulary, overriding the project's");
  cmd->add_option("--encoding", args->file.encoding, "Input encoding: auto, utf-8, gbk, ...");
  cmd->add_option("--threads", args->file.threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_flag("--explain", args->file.explain, "Include tokens and scored opinions");
  cmd->add_option("--model", args->file.model.trained_model, "A sentiment model from `brandlens sentiment train`");
  cmd->add_flag("--lexicon-only", args->file.model.lexicon_only,
                "The lexicon alone: do not learn the domain from up to 50k of the texts themselves first");
  cmd->add_flag("--self-train")->description("The default (learn the domain from the texts); kept for older scripts");
  return [args]() -> Status {
    auto config = LoadProjectConfig(args->project);
    if (!config.ok()) return config.status();
    auto options = ProjectTextOptions(*config);
    if (!options.ok()) return options.status();
    if (!args->industry.empty()) options->industry = args->industry;
    auto analyzer = TextAnalyzer::Create(*options);
    if (!analyzer.ok()) return analyzer.status();

    if (args->file.input.empty()) {
      ProjectOpenOptions open;
      open.store.on_wait = WaitingForWorkspace;
      auto project = OpenProject(args->project, open);
      if (!project.ok()) return project.status();
      LearnedWords learned;
      if (project->config) {  // the project's dictionary learns, as in `brandlens run`
        auto learning = CreateWorkspaceAnalyzer(*project->store, *project->config, *options, learned);
        if (!learning.ok()) return learning.status();
        analyzer = std::move(learning);
      }
      PrintLearnedWords(learned);
      auto done = AnalyzeProjectMentions(*project, **analyzer, args->file.model, args->file.threads,
                                         [](int64_t n) { spdlog::info("analysed {} mentions", n); });
      if (!done.ok()) return done.status();
      if (!done->warning.empty()) spdlog::warn("{}", done->warning);
      fmt::print("{}: analysed {} new mentions ({} could not be read) in {:.1f} s with {}\n",
                 project->workspace.string(), done->report.analysed, done->report.errors, done->report.seconds,
                 done->model);
      return Status::Ok();
    }
    if (args->output != "-") args->file.output = args->output;
    auto done = AnalyzeFile(**analyzer, args->file, std::cout);
    if (!done.ok()) return done.status();
    if (!done->warning.empty()) spdlog::warn("{}", done->warning);
    spdlog::info("analysed {} rows ({} with errors) in {:.3f} s: {:.0f} docs/s ({})", done->rows, done->errors,
                 done->seconds, done->seconds > 0 ? static_cast<double>(done->rows) / done->seconds : 0.0, done->model);
    return Status::Ok();
  };
}

}  // namespace brandlens
