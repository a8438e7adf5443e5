#include "text/workspace_spam.h"

#include <chrono>
#include <string>
#include <vector>


namespace brandlens {

Result<WorkspaceSpamReport> DetectWorkspaceSpam(Store& store, const SpamDetector& detector, unsigned threads) {
  const auto start = std::chrono::steady_clock::now();
  // The posts, with their strings in one arena each (millions of mentions:
  // no allocation per row).
  std::vector<int64_t> ids;
  std::string texts, authors;
  std::vector<std::pair<size_t, size_t>> text_spans, author_spans;
  std::vector<int64_t> times;
  const std::string_view columns[] = {"id", "author", "posted_at", "text"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mentions", columns, {}, [&](RowView& row) {
    ids.push_back(row.Int(0));
    const std::string_view author = row.IsNull(1) ? std::string_view() : row.Text(1), text = row.Text(3);
    author_spans.emplace_back(authors.size(), author.size());
    authors.append(author);
    text_spans.emplace_back(texts.size(), text.size());
    texts.append(text);
    times.push_back(row.Int(2));
    return Status::Ok();
  }));
  std::vector<SpamPost> posts(ids.size());
  for (size_t i = 0; i < ids.size(); ++i)
    posts[i] = {std::string_view(texts).substr(text_spans[i].first, text_spans[i].second),
                std::string_view(authors).substr(author_spans[i].first, author_spans[i].second), times[i]};
  const SpamReport found = detector.Detect(posts, threads);

  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  // The table holds one run's verdicts: the previous run is any row's.
  int64_t previous = 0;
  const std::string_view run_column[] = {"run"};
  ScanFilter any_row;
  any_row.limit = 1;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "mention_spam", run_column, any_row, [&](RowView& row) {
    previous = row.Int(0);
    return Status::Ok();
  }));
  const int64_t run = previous + 1;
  if (previous > 0) {
    const ColumnEquals of_previous[] = {{"run", previous}};
    ScanFilter filter;
    filter.equals = of_previous;
    BRANDLENS_RETURN_IF_ERROR(store.DeleteRows("mention_spam", filter));
  }
  const std::string_view spam_columns[] = {"run", "mention_id", "kind", "reason", "cluster"};
  auto writer = store.PrepareInsert("mention_spam", spam_columns, InsertMode::kAllNew);
  if (!writer.ok()) return writer.status();
  for (size_t i = 0; i < ids.size(); ++i) {
    const SpamVerdict& v = found.verdicts[i];
    if (v.kind == SpamKind::kNone) continue;
    const Value row[] = {run, ids[i], SpamKindName(v.kind), std::string_view(v.reason),
                         v.cluster >= 0 ? Value(int64_t{v.cluster}) : Value(std::monostate{})};
    auto inserted = (*writer)->Insert(static_cast<uint64_t>(ids[i]), row);
    if (!inserted.ok()) return inserted.status();
  }
  writer->reset();
  BRANDLENS_RETURN_IF_ERROR(txn->Commit());
  WorkspaceSpamReport report;
  report.mentions = static_cast<int64_t>(ids.size());
  report.advertising = found.advertising;
  report.coordinated = found.coordinated;
  report.clusters = static_cast<int64_t>(found.clusters.size());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace brandlens
