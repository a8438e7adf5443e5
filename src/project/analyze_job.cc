#include "project/analyze_job.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <unordered_map>

#include "core/parallel.h"
#include "project/workspace_sentiment.h"
#include "ingest/csv_columns.h"
#include "text/analysis_json.h"

namespace brandlens {

namespace {

struct PendingRow {
  int64_t line;
  std::string id, text;
  std::string json;  // filled by a worker
  bool failed = false;
};

// Analyses a batch on `threads` threads; output order is input order.
void AnalyzeBatch(const TextAnalyzer& analyzer, const SentimentModel& model,
                  const std::unordered_map<int64_t, SpamVerdict>& spam, std::vector<PendingRow>& batch,
                  unsigned threads, bool explain) {
  static const SpamVerdict kClean;
  std::vector<Analysis> scratch(std::max(1u, threads));
  ParallelFor(batch.size(), threads, [&](unsigned worker, size_t i) {
    PendingRow& row = batch[i];
    if (!row.json.empty()) return;  // a malformed row, already reported
    Analysis& analysis = scratch[worker];
    const Status status = analyzer.Analyze(row.text, analysis);
    if (status.ok()) {
      const auto verdict = spam.find(row.line);
      AppendAnalysisJson(row.json, analysis, model.Predict(analysis), verdict == spam.end() ? kClean : verdict->second,
                         analyzer.brands(), row.line, row.id, explain);
    } else {
      AppendErrorJson(row.json, row.line, row.id, status.message());
      row.failed = true;
    }
  });
}

// What the first pass over the file learns: the first texts, for
// self-training, and which rows are spam (judged over all of them).
struct FirstPass {
  std::vector<std::string> to_learn_from;
  std::unordered_map<int64_t, SpamVerdict> spam;  // by line; clean rows absent
};

Result<FirstPass> ReadFirstPass(const AnalyzeFileOptions& options, bool learn) {
  FirstPass pass;
  std::vector<int64_t> lines;
  std::string arena;  // every text, end to end: one allocation per few rows, not per row
  std::vector<std::pair<size_t, size_t>> spans;
  BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
      options.input.string(), {options.text_column},
      [&](int64_t line, std::span<const std::string_view> f) {
        if (learn && static_cast<int64_t>(pass.to_learn_from.size()) < kSelfTrainTexts)
          pass.to_learn_from.emplace_back(f[0]);
        lines.push_back(line);
        spans.emplace_back(arena.size(), f[0].size());
        arena.append(f[0]);
        return Status::Ok();
      },
      [](int64_t, const std::string&) {}, options.encoding));
  // A file has no authors or times: coordination shows only as size.
  std::vector<SpamPost> posts(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) posts[i].text = std::string_view(arena).substr(spans[i].first, spans[i].second);
  SpamReport report = SpamDetector().Detect(posts, options.threads);
  for (size_t i = 0; i < lines.size(); ++i)
    if (report.verdicts[i].kind != SpamKind::kNone) pass.spam.emplace(lines[i], std::move(report.verdicts[i]));
  return pass;
}

// An output file written under a temporary name beside its destination and
// renamed over it only when complete.
class AtomicOutput {
 public:
  explicit AtomicOutput(std::filesystem::path destination)
      : destination_(std::move(destination)),
        temporary_(destination_.string() + fmt::format(".tmp-{}", ::getpid())) {}
  ~AtomicOutput() {
    if (!committed_) {
      file_.close();
      std::error_code ec;
      std::filesystem::remove(temporary_, ec);
    }
  }
  Status Open() {
    file_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!file_) return Status::IoError(fmt::format("{}: cannot write", destination_.string()));
    return Status::Ok();
  }
  std::ostream& stream() { return file_; }
  Status Commit() {
    file_.close();
    if (!file_) return Status::IoError(fmt::format("{}: write failed", destination_.string()));
    std::error_code ec;
    std::filesystem::rename(temporary_, destination_, ec);
    if (ec) return Status::IoError(fmt::format("{}: cannot replace: {}", destination_.string(), ec.message()));
    committed_ = true;
    return Status::Ok();
  }

 private:
  std::filesystem::path destination_, temporary_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace

Result<ChosenModel> ChooseSentimentModel(const TextAnalyzer& analyzer, const ModelChoice& choice,
                                         const std::vector<std::string>& texts, unsigned threads) {
  if (!choice.trained_model.empty() && choice.lexicon_only)
    return Status::InvalidInput("--model and --lexicon-only: choose one");
  if (!choice.trained_model.empty()) {
    auto loaded = FastTextClassifier::Load(choice.trained_model.string());
    if (!loaded.ok()) return loaded.status();
    return ChosenModel{SentimentModel(std::move(loaded.value())), "trained: " + choice.trained_model.string(), ""};
  }
  if (choice.lexicon_only) return ChosenModel{SentimentModel(), "lexicon", ""};
  auto trained = SentimentModel::SelfTrain(analyzer, texts, threads);
  if (!trained.ok())
    return ChosenModel{SentimentModel(), "lexicon",
                       fmt::format("self-training skipped ({}): the lexicon alone decides", trained.status().message())};
  return ChosenModel{SentimentModel(std::make_shared<const HashedClassifier>(std::move(trained.value()))),
                     fmt::format("self-trained on {} texts", texts.size()), ""};
}

Result<AnalyzeFileResult> AnalyzeFile(const TextAnalyzer& analyzer, const AnalyzeFileOptions& options,
                                      std::ostream& stream_output) {
  if (options.text_column.empty()) return Status::InvalidInput("analyze --input needs --text-column");
  std::error_code ec;
  if (std::filesystem::exists(options.input, ec) && !std::filesystem::is_regular_file(options.input, ec))
    return Status::InvalidInput(fmt::format("{}: analyze reads its input twice (to learn from it and to find spam): "
                                            "give a file, not a pipe or a device",
                                            options.input.string()));
  auto first = ReadFirstPass(options, options.model.trained_model.empty() && !options.model.lexicon_only);
  if (!first.ok()) return first.status();
  auto chosen = ChooseSentimentModel(analyzer, options.model, first->to_learn_from, options.threads);
  if (!chosen.ok()) return chosen.status();
  first->to_learn_from = {};

  std::optional<AtomicOutput> file;
  std::ostream* out = &stream_output;
  if (!options.output.empty()) {
    file.emplace(options.output);
    BRANDLENS_RETURN_IF_ERROR(file->Open());
    out = &file->stream();
  }
  AnalyzeFileResult result;
  result.model = chosen->description;
  result.warning = chosen->warning;
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> columns = {options.text_column};
  if (!options.id_column.empty()) columns.push_back(options.id_column);
  // Output in batches; the first pass holds every text once (spam is
  // judged over all rows), about the size of the input's text column.
  constexpr size_t kBatch = 4096;
  std::vector<PendingRow> batch;
  auto flush = [&] {
    AnalyzeBatch(analyzer, chosen->model, first->spam, batch, options.threads, options.explain);
    for (const auto& r : batch) {
      *out << r.json << '\n';
      result.errors += r.failed;
    }
    result.rows += static_cast<int64_t>(batch.size());
    batch.clear();
  };
  BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
      options.input.string(), columns,
      [&](int64_t line, std::span<const std::string_view> f) {
        batch.push_back({line, f.size() > 1 ? std::string(f[1]) : std::string(), std::string(f[0]), {}, false});
        if (batch.size() >= kBatch) flush();
        return Status::Ok();
      },
      [&](int64_t line, const std::string& why) {
        batch.push_back({line, {}, {}, {}, true});
        AppendErrorJson(batch.back().json, line, "", why);
        if (batch.size() >= kBatch) flush();
      },
      options.encoding));
  flush();
  if (file) {
    BRANDLENS_RETURN_IF_ERROR(file->Commit());
  } else {
    out->flush();
    if (!*out) return Status::IoError("writing the output failed");
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

Result<ProjectAnalysisResult> AnalyzeProjectMentions(Project& project, const TextAnalyzer& analyzer,
                                                       const ModelChoice& choice, unsigned threads,
                                                       const std::function<void(int64_t)>& on_batch) {
  auto chosen = WorkspaceSentimentModel(project, analyzer, choice, threads);
  if (!chosen.ok()) return chosen.status();
  auto report = AnalyzeWorkspace(*project.store, analyzer, chosen->model, threads, on_batch);
  if (!report.ok()) return report.status();
  auto spam = DetectWorkspaceSpam(*project.store, SpamDetector(), threads);
  if (!spam.ok()) return spam.status();
  return ProjectAnalysisResult{*report, *spam, chosen->description, chosen->warning};
}

}  // namespace brandlens
