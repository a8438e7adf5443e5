// brandlens analyze [-p PROJECT]      the workspace's new mentions → tables
// brandlens analyze --input F.csv --text-column C --output out.jsonl
//   One JSON object per input row, in input order: the analysis, or
//   {"line": N, "error": "..."} for a row that cannot be analysed.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <cmath>
#include <thread>

#include "cli/commands.h"
#include "cli/project_context.h"
#include "ingest/csv_columns.h"
#include "text/analysis_json.h"
#include "core/parallel.h"
#include "text/analyzer.h"
#include "text/sentiment_model.h"
#include "text/workspace_analysis.h"

namespace brandlens {

namespace {

struct PendingRow {
  int64_t line;
  std::string id, text;
  std::string json;  // filled by a worker
  bool failed = false;
};

// Analyses a batch on `threads` threads; output order is input order.
void AnalyzeBatch(const TextAnalyzer& analyzer, const SentimentModel& model, std::vector<PendingRow>& batch,
                  unsigned threads, bool explain) {
  std::vector<Analysis> scratch(std::max(1u, threads));
  ParallelFor(batch.size(), threads, [&](unsigned worker, size_t i) {
    PendingRow& row = batch[i];
    if (!row.json.empty()) return;  // a malformed row, already reported
    Analysis& analysis = scratch[worker];
    const Status status = analyzer.Analyze(row.text, analysis);
    if (status.ok()) {
      AppendAnalysisJson(row.json, analysis, model.Predict(analysis), analyzer.brands(), row.line, row.id, explain);
    } else {
      AppendErrorJson(row.json, row.line, row.id, status.message());
      row.failed = true;
    }
  });
}

// --self-train learns from at most this many of the texts to be analysed.
constexpr int64_t kSelfTrainTexts = 50000;

// The model for this run: a trained one from --model, one self-trained on
// `texts` (the lexicon's confident verdicts, never labels) with
// --self-train, else the lexicon alone.
Result<SentimentModel> ModelForRun(const TextAnalyzer& analyzer, const std::string& model_path, bool self_train,
                                   const std::vector<std::string>& texts) {
  if (!model_path.empty()) {
    auto loaded = FastTextClassifier::Load(model_path);
    if (!loaded.ok()) return loaded.status();
    return SentimentModel(std::move(loaded.value()));
  }
  if (!self_train) return SentimentModel(nullptr);
  auto trained = SentimentModel::SelfTrain(analyzer, texts);
  if (!trained.ok()) {
    spdlog::warn("self-training skipped ({}): the lexicon alone decides", trained.status().message());
    return SentimentModel(nullptr);
  }
  spdlog::info("self-trained on the lexicon's confident verdicts over {} texts", texts.size());
  return SentimentModel(std::move(trained.value()), SentimentModel::Features::kTokensOnly);
}

// `brandlens analyze` without --input: the workspace's unanalysed mentions.
Status AnalyzeProjectWorkspace(const std::string& project, const TextAnalyzer& analyzer, const std::string& model_path,
                               bool self_train, unsigned threads) {
  auto ctx = OpenProject(project, "");
  if (!ctx.ok()) return ctx.status();
  std::vector<std::string> texts;
  if (self_train)
    BRANDLENS_RETURN_IF_ERROR(
        ForEachUnanalysedText(*ctx->store, kSelfTrainTexts, [&](std::string_view t) { texts.emplace_back(t); }));
  auto model = ModelForRun(analyzer, model_path, self_train, texts);
  if (!model.ok()) return model.status();
  auto report = AnalyzeWorkspace(*ctx->store, analyzer, *model, threads, [](int64_t done) {
    spdlog::info("analysed {} mentions", done);
  });
  if (!report.ok()) return report.status();
  fmt::print("{}: analysed {} new mentions ({} could not be read) in {:.1f} s\n", ctx->workspace.string(),
             report->analysed, report->errors, report->seconds);
  return Status::Ok();
}

}  // namespace

CommandAction AddAnalyzeCommand(CLI::App& app) {
  struct Args {
    std::string input, text_column, id_column, output = "-", project = ".", industry, encoding = "auto", model;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool explain = false, self_train = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("analyze", "Analyse text: sentiment, aspects, brands, keywords");
  cmd->add_option("--input", args->input, "CSV file to analyse (without it: the workspace)");
  cmd->add_option("--text-column", args->text_column, "Column holding the text (with --input)");
  cmd->add_option("--id-column", args->id_column, "Column copied into each result as \"id\"");
  cmd->add_option("--output", args->output, "JSON Lines output (with --input; - for stdout)");
  cmd->add_option("-p,--project", args->project, "Project directory (brands and industry from its config)");
  cmd->add_option("--industry", args->industry, "Aspect vocabulary, overriding the project's");
  cmd->add_option("--encoding", args->encoding, "Input encoding: auto, utf-8, gbk, ...");
  cmd->add_option("--threads", args->threads, "Worker threads")->capture_default_str();
  cmd->add_flag("--explain", args->explain, "Include tokens and scored opinions");
  cmd->add_option("--model", args->model, "A sentiment model from `brandlens sentiment train`");
  cmd->add_flag("--self-train", args->self_train,
                "Learn the domain first from up to 50k of the texts themselves (never labels), then analyse");
  return [args]() -> Status {
    auto project_options = ProjectTextOptions(args->project, nullptr);
    if (!project_options.ok()) return project_options.status();
    TextAnalyzer::Options options = std::move(project_options.value());
    if (!args->industry.empty()) options.industry = args->industry;
    auto analyzer = TextAnalyzer::Create(options);
    if (!analyzer.ok()) return analyzer.status();
    if (!args->model.empty() && args->self_train) return Status::InvalidInput("--model and --self-train: choose one");
    if (args->input.empty())
      return AnalyzeProjectWorkspace(args->project, **analyzer, args->model, args->self_train, args->threads);
    if (args->text_column.empty()) return Status::InvalidInput("analyze --input needs --text-column");
    std::vector<std::string> texts;  // a first pass over the file, for --self-train
    if (args->self_train) {
      // The pass stops (Aborted) once it holds enough texts.
      const Status read = ForEachCsvRow(
          args->input, {args->text_column},
          [&](int64_t, std::span<const std::string_view> f) {
            texts.emplace_back(f[0]);
            return static_cast<int64_t>(texts.size()) < kSelfTrainTexts ? Status::Ok()
                                                                          : Status::Aborted("enough texts to self-train");
          },
          [](int64_t, const std::string&) {}, args->encoding);
      if (!read.ok() && read.code() != Status::Code::kAborted) return read;
    }
    auto model_or = ModelForRun(**analyzer, args->model, args->self_train, texts);
    if (!model_or.ok()) return model_or.status();
    const SentimentModel& model = *model_or;
    texts = {};

    std::ofstream file;
    std::ostream* out = &std::cout;
    if (args->output != "-") {
      file.open(args->output, std::ios::binary);
      if (!file) return Status::IoError(fmt::format("{}: cannot write", args->output));
      out = &file;
    }
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> columns = {args->text_column};
    if (!args->id_column.empty()) columns.push_back(args->id_column);
    constexpr size_t kBatch = 4096;  // bounded memory however large the input
    std::vector<PendingRow> batch;
    int64_t rows = 0, errors = 0;
    auto flush = [&] {
      AnalyzeBatch(**analyzer, model, batch, args->threads, args->explain);
      for (const auto& r : batch) {
        *out << r.json << '\n';
        errors += r.failed;
      }
      rows += static_cast<int64_t>(batch.size());
      batch.clear();
    };
    BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
        args->input, columns,
        [&](int64_t line, std::span<const std::string_view> f) {
          batch.push_back({line, f.size() > 1 ? std::string(f[1]) : std::string(), std::string(f[0]), {}, false});
          if (batch.size() == kBatch) flush();
          return Status::Ok();
        },
        [&](int64_t line, const std::string& why) {
          batch.push_back({line, {}, {}, {}, true});
          AppendErrorJson(batch.back().json, line, "", why);
        },
        args->encoding));
    flush();
    out->flush();
    if (!*out) return Status::IoError(fmt::format("{}: write failed", args->output));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("analysed {} rows ({} with errors) in {:.3f} s: {:.0f} docs/s", rows, errors, seconds,
                 seconds > 0 ? static_cast<double>(rows) / seconds : 0.0);
    return Status::Ok();
  };
}

}  // namespace brandlens
