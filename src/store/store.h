// The workspace store: where everything imported and computed lives.
//
// The interface speaks in tables, columns and values; SQL dialect details
// (INSERT OR IGNORE, PRAGMAs, DDL) stay inside the implementation so that a
// ClickHouse implementation can stand beside the SQLite one.
//
// Invariants kept by every implementation:
//  - every data row carries a 64-bit dedup key, unique within its table:
//    inserting a row whose key exists is a no-op reported as a duplicate;
//  - writes happen inside a transaction, and an uncommitted transaction
//    leaves the store as it was (including after a crash or kill);
//  - the schema is versioned and migrated forward on open.
// A Store is used by one thread at a time (open one per thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

// A cell: NULL, integer, real or UTF-8 text (viewed, not owned).
using Value = std::variant<std::monostate, int64_t, double, std::string_view>;

// A prepared bulk insert into one table, valid inside the transaction that
// created it.
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  // `values` follow the column order given to PrepareInsert. Returns true when
  // the row was written, false when a row with `dedup_key` already exists.
  virtual Result<bool> Insert(uint64_t dedup_key, std::span<const Value> values) = 0;
};

// Reads rows of a scan; the values view storage valid until the next Next().
class RowReader {
 public:
  virtual ~RowReader() = default;
  // False when no rows are left.
  virtual Result<bool> Next(std::vector<Value>& row) = 0;
};

// Which rows a scan returns: all, or those whose `id` is not yet referenced
// by `unreferenced_by_column` of `unreferenced_by_table` (work not done
// yet); at most `limit` of them when it is positive.
struct ScanFilter {
  std::string_view unreferenced_by_table;
  std::string_view unreferenced_by_column;
  int64_t limit = 0;
  std::span<const int64_t> ids;  // non-empty: only rows with these ids
  int64_t after_id = 0;          // only rows with a larger id (keyset paging)
};

// How a RowWriter treats dedup keys.
enum class InsertMode {
  kSkipKnownKeys,  // rows whose key the table holds are skipped (imports)
  kAllNew,         // the caller guarantees new rows; no keys are loaded
};

// What one import did, kept in the `imports` table for audit.
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

class Store {
 public:
  virtual ~Store() = default;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Starts the audit row of an import (inside the current transaction) and
  // returns its id, which data rows reference.
  virtual Result<int64_t> StartImport(const ImportRecord& record) = 0;
  virtual Status FinishImport(int64_t import_id, const ImportRecord& record) = 0;
  // True when `path` was imported completely with this fingerprint before.
  virtual Result<bool> HasImported(std::string_view path, std::string_view fingerprint) = 0;

  // Prepares inserts of `columns` into `table`; the dedup key is implicit.
  virtual Result<std::unique_ptr<RowWriter>> PrepareInsert(std::string_view table,
                                                           std::span<const std::string_view> columns,
                                                           InsertMode mode = InsertMode::kSkipKnownKeys) = 0;

  virtual Result<int64_t> CountRows(std::string_view table) = 0;

  // Reads `columns` of `table` in id order. Finish (destroy) the reader
  // before writing through the same Store.
  virtual Result<std::unique_ptr<RowReader>> Scan(std::string_view table, std::span<const std::string_view> columns,
                                                  const ScanFilter& filter = {}) = 0;

  // Column names of a table, in declaration order (for checks and docs).
  virtual Result<std::vector<std::string>> Columns(std::string_view table) = 0;

  // Makes the brands and aliases tables match the config (own brand first).
  virtual Status SyncBrands(const std::vector<BrandConfig>& brands) = 0;

  virtual int SchemaVersion() = 0;
};

// Calls visit(row) for each row of a scan; stops at the first non-ok Status
// (a read error or visit's own), which it returns.
Status ForEachRow(Store& store, std::string_view table, std::span<const std::string_view> columns,
                  const ScanFilter& filter, const std::function<Status(const std::vector<Value>& row)>& visit);

// Opens (creating if needed) a SQLite workspace file and migrates it to the
// current schema version.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path);

// Rolls back on destruction unless committed: an early return or an error
// inside an import never leaves a half-written transaction behind.
class Transaction {
 public:
  static Result<Transaction> Begin(Store& store);
  Transaction(Transaction&& other) noexcept : store_(other.store_) { other.store_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Store& store) : store_(&store) {}
  Store* store_;  // null once committed or rolled back
};

}  // namespace brandlens
