#include "text/workspace_analysis.h"

#include <absl/container/flat_hash_set.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/parallel.h"

namespace brandlens {

namespace {

constexpr int64_t kBatch = 20000;

struct Pending {
  int64_t mention_id;
  std::string text;
  Status status;
  SentimentPrediction prediction{SentimentLabel::kNeutral, 0};
  std::vector<AspectSentiment> aspects;
  std::vector<int> brands;
  std::vector<Comparison> comparisons;
  std::string keywords;  // JSON array
};

std::string_view LabelFor(float score) {
  return LabelName(score > LexiconSentiment::kNeutralBand    ? SentimentLabel::kPositive
                   : score < -LexiconSentiment::kNeutralBand ? SentimentLabel::kNegative
                                                             : SentimentLabel::kNeutral);
}

// Writes one analysed batch in one transaction.
Status WriteBatch(Store& store, const std::vector<Pending>& batch, const std::vector<BrandConfig>& brands) {
  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  const std::string_view analysis_cols[] = {"mention_id", "label", "score", "keywords", "error"};
  const std::string_view aspect_cols[] = {"mention_id", "aspect", "label", "score", "terms", "opinions"};
  const std::string_view brand_cols[] = {"mention_id", "brand"};
  const std::string_view comparison_cols[] = {"mention_id", "winner", "loser"};
  // The batch holds only unanalysed mentions, and a mention's rows are all
  // written in this transaction: every row is new (mention_analysis's
  // unique index on mention_id guards it), so no keys need loading.
  auto analysis = store.PrepareInsert("mention_analysis", analysis_cols, InsertMode::kAllNew);
  auto aspects = store.PrepareInsert("mention_aspects", aspect_cols, InsertMode::kAllNew);
  auto brand_rows = store.PrepareInsert("mention_brands", brand_cols, InsertMode::kAllNew);
  auto comparisons = store.PrepareInsert("mention_comparisons", comparison_cols, InsertMode::kAllNew);
  for (auto* w : {&analysis, &aspects, &brand_rows, &comparisons})
    if (!w->ok()) return w->status();
  // Child rows are keyed by mention and position, so a mention's rows are
  // written once however often the batch is retried. Keys stay unique only
  // while a mention has fewer than kMaxChildRows rows of a kind: a text
  // with more aspects, brands or comparisons than that (a pasted novel)
  // keeps its first kMaxChildRows of each.
  constexpr size_t kMaxChildRows = 1024;
  auto child_key = [](int64_t mention, size_t index) {
    return static_cast<uint64_t>(mention) * kMaxChildRows + index;
  };
  auto capped = [](size_t n) { return n < kMaxChildRows ? n : kMaxChildRows; };
  for (const Pending& p : batch) {
    const std::string error = p.status.ok() ? std::string() : p.status.message();
    const Value row[] = {p.mention_id, LabelName(p.prediction.label), static_cast<double>(p.prediction.score),
                         std::string_view(p.keywords),
                         error.empty() ? Value(std::monostate{}) : Value(std::string_view(error))};
    auto ok = (*analysis)->Insert(static_cast<uint64_t>(p.mention_id), row);
    if (!ok.ok()) return ok.status();
    for (size_t i = 0; i < capped(p.aspects.size()); ++i) {
      const AspectSentiment& a = p.aspects[i];
      const float score = std::tanh(a.score / 2.0f);
      const std::string terms = nlohmann::json(a.terms).dump(), opinions = nlohmann::json(a.opinions).dump();
      const Value arow[] = {p.mention_id, std::string_view(a.aspect), LabelFor(score), static_cast<double>(score),
                            std::string_view(terms), std::string_view(opinions)};
      auto r = (*aspects)->Insert(child_key(p.mention_id, i), arow);
      if (!r.ok()) return r.status();
    }
    for (size_t i = 0; i < capped(p.brands.size()); ++i) {
      const Value brow[] = {p.mention_id, std::string_view(brands[static_cast<size_t>(p.brands[i])].name)};
      auto r = (*brand_rows)->Insert(child_key(p.mention_id, i), brow);
      if (!r.ok()) return r.status();
    }
    for (size_t i = 0; i < capped(p.comparisons.size()); ++i) {
      const Value crow[] = {p.mention_id, std::string_view(brands[static_cast<size_t>(p.comparisons[i].winner)].name),
                            std::string_view(brands[static_cast<size_t>(p.comparisons[i].loser)].name)};
      auto r = (*comparisons)->Insert(child_key(p.mention_id, i), crow);
      if (!r.ok()) return r.status();
    }
  }
  for (auto* w : {&analysis, &aspects, &brand_rows, &comparisons}) w->value().reset();
  return txn->Commit();
}

}  // namespace

Status ForEachUnanalysedText(Store& store, int64_t limit, const std::function<void(std::string_view text)>& visit) {
  const std::string_view columns[] = {"text"};
  const ScanFilter unanalysed{"mention_analysis", "mention_id", limit};
  return ForEachRow(store, "mentions", columns, unanalysed, [&](RowView& row) {
    visit(row.Text(0));
    return Status::Ok();
  });
}

Status ForEachMentionText(Store& store, const std::function<void(std::string_view text)>& visit) {
  const std::string_view columns[] = {"text"};
  return ForEachRow(store, "mentions", columns, {}, [&](RowView& row) {
    visit(row.Text(0));
    return Status::Ok();
  });
}

Result<int64_t> ForgetAnalysesHolding(Store& store, std::span<const std::string> words) {
  if (words.empty()) return int64_t{0};
  absl::flat_hash_set<int64_t> unanalysed;  // nothing to forget for these
  const std::string_view id_column[] = {"id"};
  BRANDLENS_RETURN_IF_ERROR(
      ForEachRow(store, "mentions", id_column, ScanFilter{"mention_analysis", "mention_id"}, [&](RowView& row) {
        unanalysed.insert(row.Int(0));
        return Status::Ok();
      }));
  std::vector<int64_t> holding;
  const std::string_view columns[] = {"id", "text"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, {}, [&](RowView& row) {
    const std::string_view text = row.Text(1);
    if (!unanalysed.contains(row.Int(0)) &&
        std::any_of(words.begin(), words.end(), [&](const std::string& w) { return text.find(w) != text.npos; }))
      holding.push_back(row.Int(0));
    return Status::Ok();
  }));
  if (holding.empty()) return int64_t{0};
  // One transaction: a mention loses all of its rows or none.
  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  for (const int64_t id : holding) {
    const ColumnEquals mention[] = {{"mention_id", Value(id)}};
    ScanFilter filter;
    filter.equals = mention;
    for (const std::string_view table : {"mention_analysis", "mention_aspects", "mention_brands", "mention_comparisons"})
      BRANDLENS_RETURN_IF_ERROR(store.DeleteRows(table, filter));
  }
  BRANDLENS_RETURN_IF_ERROR(txn->Commit());
  return static_cast<int64_t>(holding.size());
}

Result<WorkspaceAnalysisReport> AnalyzeWorkspace(Store& store, const TextAnalyzer& analyzer,
                                                 const SentimentModel& model, unsigned threads,
                                                 const std::function<void(int64_t)>& on_batch) {
  const auto start = std::chrono::steady_clock::now();
  WorkspaceAnalysisReport report;
  const std::string_view columns[] = {"id", "text"};
  std::vector<Pending> batch;
  std::vector<Analysis> scratch(std::max(1u, threads));
  int64_t last_id = 0;  // batches continue after the last mention seen
  for (;;) {
    batch.clear();
    ScanFilter filter{"mention_analysis", "mention_id", kBatch};
    filter.after_id = last_id;
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, filter, [&](RowView& row) {
      batch.push_back({row.Int(0), std::string(row.Text(1)), {}});
      return Status::Ok();
    }));
    if (batch.empty()) break;
    last_id = batch.back().mention_id;
    ParallelFor(batch.size(), threads, [&](unsigned worker, size_t i) {
      Pending& p = batch[i];
      Analysis& a = scratch[worker];
      p.status = analyzer.Analyze(p.text, a);
      if (!p.status.ok()) return;
      p.prediction = model.Predict(a);
      p.aspects = a.aspects;
      p.brands = a.brands;
      p.comparisons = a.comparisons;
      p.keywords = nlohmann::json(a.keywords).dump();
    });
    BRANDLENS_RETURN_IF_ERROR(WriteBatch(store, batch, analyzer.brands()));
    report.analysed += static_cast<int64_t>(batch.size());
    for (const auto& p : batch) report.errors += !p.status.ok();
    if (on_batch) on_batch(report.analysed);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace brandlens
