// brandlens analyze --input F.csv --text-column C --output out.jsonl
//   One JSON object per input row, in input order: the analysis, or
//   {"line": N, "error": "..."} for a row that cannot be analysed.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/project_context.h"
#include "ingest/csv_columns.h"
#include "text/analysis_json.h"
#include "text/analyzer.h"

namespace brandlens {

namespace {

struct PendingRow {
  int64_t line;
  std::string id, text;
  std::string json;  // filled by a worker
};

// Analyses a batch on `threads` threads, each taking every threads-th row,
// so output order is input order.
void AnalyzeBatch(const TextAnalyzer& analyzer, std::vector<PendingRow>& batch, unsigned threads, bool explain) {
  auto work = [&](unsigned first) {
    Analysis analysis;
    for (size_t i = first; i < batch.size(); i += threads) {
      PendingRow& row = batch[i];
      if (!row.json.empty()) continue;  // a malformed row, already reported
      Status s = analyzer.Analyze(row.text, analysis);
      nlohmann::json j = s.ok() ? AnalysisToJson(analysis, analyzer.brands(), explain) : nlohmann::json{{"error", s.message()}};
      j["line"] = row.line;
      if (!row.id.empty()) j["id"] = row.id;
      row.json = j.dump();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
}

}  // namespace

CommandAction AddAnalyzeCommand(CLI::App& app) {
  struct Args {
    std::string input, text_column, id_column, output = "-", project = ".", industry, encoding = "auto";
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool explain = false;
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
  return [args]() -> Status {
    TextAnalyzer::Options options;
    const auto config_path = std::filesystem::path(args->project) / kConfigFileName;
    if (std::filesystem::exists(config_path)) {
      auto config = LoadConfig(config_path);
      if (!config.ok()) return config.status();
      options.industry = config->industry;
      options.brands = config->brands;
    }
    if (!args->industry.empty()) options.industry = args->industry;
    auto analyzer = TextAnalyzer::Create(options);
    if (!analyzer.ok()) return analyzer.status();
    if (args->input.empty()) return Status::InvalidInput("analyze needs --input (workspace analysis comes with `brandlens run`)");
    if (args->text_column.empty()) return Status::InvalidInput("analyze --input needs --text-column");

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
      AnalyzeBatch(**analyzer, batch, args->threads, args->explain);
      for (const auto& r : batch) {
        *out << r.json << '\n';
        errors += r.json.starts_with("{\"error\"");
      }
      rows += static_cast<int64_t>(batch.size());
      batch.clear();
    };
    BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
        args->input, columns,
        [&](int64_t line, std::span<const std::string_view> f) {
          batch.push_back({line, f.size() > 1 ? std::string(f[1]) : std::string(), std::string(f[0]), {}});
          if (batch.size() == kBatch) flush();
          return Status::Ok();
        },
        [&](int64_t line, const std::string& why) {
          batch.push_back({line, {}, {}, nlohmann::json{{"line", line}, {"error", why}}.dump()});
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
