#include "project/analyze_job.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <optional>

#include "core/parallel.h"
#include "project/workspace_sentiment.h"
#include "ingest/csv_columns.h"
#include "text/analysis_json.h"

namespace brandlens {

namespace {

// The input, read once and held: self-training, spam detection and the
// analysis all work from it, so the input may be a pipe. Texts and ids lie
// end to end in one buffer (one allocation per few rows, not per row).
struct HeldRows {
  struct Row {
    int64_t line;
    size_t text, text_size, id, id_size;  // offsets into `buffer`
    std::string error;  // why the row is malformed; empty for rows to analyse
  };
  std::string buffer;
  std::vector<Row> rows;
  std::string_view Text(const Row& r) const { return std::string_view(buffer).substr(r.text, r.text_size); }
  std::string_view Id(const Row& r) const { return std::string_view(buffer).substr(r.id, r.id_size); }
};

Result<HeldRows> ReadRows(const AnalyzeFileOptions& options) {
  HeldRows held;
  std::vector<std::string> columns = {options.text_column};
  if (!options.id_column.empty()) columns.push_back(options.id_column);
  BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
      options.input.string(), columns,
      [&](int64_t line, std::span<const std::string_view> f) {
        HeldRows::Row row{line, held.buffer.size(), f[0].size(), 0, 0, {}};
        held.buffer.append(f[0]);
        if (f.size() > 1) {
          row.id = held.buffer.size();
          row.id_size = f[1].size();
          held.buffer.append(f[1]);
        }
        held.rows.push_back(std::move(row));
        return Status::Ok();
      },
      [&](int64_t line, const std::string& why) { held.rows.push_back({line, 0, 0, 0, 0, why}); }, options.encoding));
  return held;
}

// Spam verdicts for every row, judged over all rows to analyse. A file has
// no authors or times: coordination shows only as size.
std::vector<SpamVerdict> JudgeSpam(const HeldRows& held, unsigned threads) {
  std::vector<SpamPost> posts;
  std::vector<size_t> row_of_post;
  for (size_t i = 0; i < held.rows.size(); ++i) {
    if (!held.rows[i].error.empty()) continue;
    posts.emplace_back().text = held.Text(held.rows[i]);
    row_of_post.push_back(i);
  }
  SpamReport report = SpamDetector().Detect(posts, threads);
  std::vector<SpamVerdict> verdicts(held.rows.size());
  for (size_t p = 0; p < posts.size(); ++p) verdicts[row_of_post[p]] = std::move(report.verdicts[p]);
  return verdicts;
}

// Analyses rows [first, last) on `threads` threads into JSON lines, in
// input order.
void AnalyzeRows(const TextAnalyzer& analyzer, const SentimentModel& model, const HeldRows& held,
                 const std::vector<SpamVerdict>& spam, size_t first, size_t last, unsigned threads, bool explain,
                 std::vector<std::string>& json, std::vector<char>& failed) {
  json.assign(last - first, {});
  failed.assign(last - first, 0);
  std::vector<Analysis> scratch(std::max(1u, threads));
  ParallelFor(last - first, threads, [&](unsigned worker, size_t k) {
    const HeldRows::Row& row = held.rows[first + k];
    if (!row.error.empty()) {
      AppendErrorJson(json[k], row.line, "", row.error);
      failed[k] = 1;
      return;
    }
    Analysis& analysis = scratch[worker];
    const Status status = analyzer.Analyze(held.Text(row), analysis);
    if (status.ok()) {
      AppendAnalysisJson(json[k], analysis, model.Predict(analysis), spam[first + k], analyzer.brands(), row.line,
                         held.Id(row), explain);
    } else {
      AppendErrorJson(json[k], row.line, held.Id(row), status.message());
      failed[k] = 1;
    }
  });
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
                                         std::span<const std::string_view> texts, unsigned threads) {
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
  auto held = ReadRows(options);
  if (!held.ok()) return held.status();
  const std::vector<SpamVerdict> spam = JudgeSpam(*held, options.threads);
  std::vector<std::string_view> to_learn_from;
  if (options.model.trained_model.empty() && !options.model.lexicon_only)
    for (const auto& row : held->rows) {
      if (static_cast<int64_t>(to_learn_from.size()) >= kSelfTrainTexts) break;
      if (row.error.empty()) to_learn_from.push_back(held->Text(row));
    }
  auto chosen = ChooseSentimentModel(analyzer, options.model, to_learn_from, options.threads);
  if (!chosen.ok()) return chosen.status();

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
  // Output in batches: the JSON of one batch is held at a time.
  constexpr size_t kBatch = 4096;
  std::vector<std::string> json;
  std::vector<char> failed;
  for (size_t first = 0; first < held->rows.size(); first += kBatch) {
    const size_t last = std::min(held->rows.size(), first + kBatch);
    AnalyzeRows(analyzer, chosen->model, *held, spam, first, last, options.threads, options.explain, json, failed);
    for (size_t k = 0; k < json.size(); ++k) {
      *out << json[k] << '\n';
      result.errors += failed[k];
    }
  }
  result.rows = static_cast<int64_t>(held->rows.size());
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
