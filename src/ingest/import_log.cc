#include "ingest/import_log.h"

namespace brandlens {

Result<int64_t> StartImport(Store& store, const ImportRecord& r) {
  const std::string_view columns[] = {"kind", "path", "encoding", "fingerprint", "started_at"};
  const Value values[] = {std::string_view(r.kind), std::string_view(r.path), std::string_view(r.encoding),
                          std::string_view(r.fingerprint), r.started_at};
  auto id = store.InsertRow("imports", columns, values);
  if (!id.ok()) return id.status().WithPrefix("recording the import: ");
  return id;
}

Status FinishImport(Store& store, int64_t import_id, const ImportRecord& r) {
  const std::string_view columns[] = {"rows_read", "rows_inserted", "rows_duplicate", "rows_rejected"};
  const Value values[] = {r.rows_read, r.rows_inserted, r.rows_duplicate, r.rows_rejected};
  const int64_t ids[] = {import_id};
  ScanFilter filter;
  filter.ids = ids;
  return store.UpdateRows("imports", filter, columns, values).WithPrefix("recording the import: ");
}

Result<bool> HasImported(Store& store, std::string_view path, std::string_view fingerprint) {
  const ColumnEquals equals[] = {{"path", path}, {"fingerprint", fingerprint}};
  ScanFilter filter;
  filter.equals = equals;
  filter.limit = 1;
  const std::string_view columns[] = {"id"};
  bool found = false;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "imports", columns, filter, [&](RowView&) {
    found = true;
    return Status::Ok();
  }));
  return found;
}

Result<RejectLog> RejectLog::Prepare(Store& store) {
  const std::string_view columns[] = {"import_id", "line", "message"};
  // Rows here are never deduplicated: each belongs to one import.
  auto writer = store.PrepareInsert("import_errors", columns, InsertMode::kAllNew);
  if (!writer.ok()) return writer.status();
  return RejectLog(std::move(writer.value()));
}

Status RejectLog::Add(int64_t import_id, int64_t line, std::string_view message) {
  const Value values[] = {import_id, line, message};
  // Unique per table: one rejected row per physical line of one import.
  const uint64_t key = (static_cast<uint64_t>(import_id) << 40) | (static_cast<uint64_t>(line) & ((1ULL << 40) - 1));
  auto written = writer_->Insert(key, values);
  return written.ok() ? Status::Ok() : written.status();
}

}  // namespace brandlens
