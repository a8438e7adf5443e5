// Importing one export file of one kind into the workspace.
//
// Contract:
//  - every row is validated (required fields, types, timestamps, UTF-8,
//    sizes); a bad row is reported with file, line and field;
//  - by default bad rows are skipped and the rest imported; with `strict`,
//    the first bad row aborts the file and nothing of it is written;
//  - one transaction per file: a crash or kill mid-import leaves the
//    workspace exactly as it was before;
//  - idempotent: rows are keyed by their natural key (platform + source id,
//    order id, ...) or else by their content, so importing a file again adds
//    nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "ingest/row_source.h"
#include "store/store.h"

namespace brandlens {

struct ImportProgress {
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;
  int64_t rows = 0;
};

struct ImportOptions {
  std::string encoding = "auto";  // or utf-8, gbk, gb18030, ...
  ColumnMapping mapping;          // field -> column
  std::map<std::string, std::string> defaults;  // field -> value when the file has none (e.g. platform)
  bool strict = false;
  // Skip the file when it was imported before with the same size and
  // modification time (what `brandlens run` does with project files).
  bool skip_unchanged = false;
  std::string time_zone = "Asia/Shanghai";
  size_t max_errors_kept = 20;
  // Called every few thousand rows; may be empty.
  std::function<void(const ImportProgress&)> on_progress;
};

struct ImportReport {
  std::string path;
  std::string encoding;
  int64_t rows_read = 0;
  int64_t rows_inserted = 0;
  int64_t rows_duplicate = 0;
  int64_t rows_rejected = 0;
  int64_t lines_read = 0;  // physical lines, header included (quoted line breaks make records span several)
  bool unchanged = false;  // skipped: imported before and not modified since
  std::vector<std::string> errors;  // the first max_errors_kept, "file:line: field 'x': why"
                                    // (all of them are in the import_errors table)
  std::vector<std::string> warnings;  // about the file as a whole: the encoding chosen and why, ...
};

// Imports `path` as records of `kind` (see ingest/kinds.h). A non-ok result
// means nothing from this file was written.
Result<ImportReport> ImportFile(Store& store, const std::string& kind, const std::filesystem::path& path,
                                const ImportOptions& options);

}  // namespace brandlens
