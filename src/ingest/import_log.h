// The imports table: one audit row per imported file (what was read, added,
// skipped as duplicate or rejected, and the file's fingerprint so unchanged
// files can be skipped), and import_errors: every rejected row with its
// line and reason. Owned by ingest; written inside the import's transaction,
// so a failed import leaves no trace here either.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/store.h"

namespace brandlens {

// What one import did.
struct ImportRecord {
  std::string kind;
  std::string path;
  std::string encoding;
  std::string fingerprint;  // the file's size and modification time
  int64_t started_at = 0;   // Unix seconds
  int64_t rows_read = 0;
  int64_t rows_inserted = 0;
  int64_t rows_duplicate = 0;
  int64_t rows_rejected = 0;
};

// Starts the audit row of an import (inside the current transaction) and
// returns its id, which data rows reference.
Result<int64_t> StartImport(Store& store, const ImportRecord& record);
// Stores the counts of a finished import.
Status FinishImport(Store& store, int64_t import_id, const ImportRecord& record);
// True when `path` was imported completely with this fingerprint before.
Result<bool> HasImported(Store& store, std::string_view path, std::string_view fingerprint);

// Keeps a rejected row's line and reason (the message names file, line and
// field) for `brandlens status` and later inspection.
class RejectLog {
 public:
  static Result<RejectLog> Prepare(Store& store);
  Status Add(int64_t import_id, int64_t line, std::string_view message);
  void Close() { writer_.reset(); }  // before the transaction commits

 private:
  explicit RejectLog(std::unique_ptr<RowWriter> writer) : writer_(std::move(writer)) {}
  std::unique_ptr<RowWriter> writer_;
};

}  // namespace brandlens
