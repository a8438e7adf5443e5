// The workspace store: where everything imported and computed lives.
//
// The interface speaks in tables, columns and values only; it knows no
// module's tables. Domain operations (recording an import, syncing brands)
// live in the modules that own those tables and are written with these
// primitives, so that a ClickHouse implementation can stand beside the
// SQLite one without growing with every module. SQL dialect details
// (INSERT OR IGNORE, PRAGMAs, DDL) stay inside the implementation.
//
// Invariants kept by every implementation:
//  - every data row carries a 64-bit dedup key, unique within its table:
//    inserting a row whose key exists is a no-op reported as a duplicate;
//  - writes happen inside a transaction, and an uncommitted transaction
//    leaves the store as it was (including after a crash or kill);
//  - the schema is versioned and migrated forward on open (schema.h);
//  - a read error is an error: no scan ever ends early as if the table had
//    ended, and no value of the wrong type is handed out (row_view.h).
// A Store is used by one thread at a time (open one per thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/status.h"
#include "store/row_view.h"
#include "store/schema.h"

namespace brandlens {

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
  // False when no rows are left; an error (never false) when reading failed.
  virtual Result<bool> Next(std::vector<Value>& row) = 0;
};

// `column = value`, a condition of a filter.
using ColumnEquals = std::pair<std::string_view, Value>;

// Which rows a scan, update or delete touches: all, or those meeting every
// condition given.
struct ScanFilter {
  // Rows whose `id` is not referenced by `unreferenced_by_column` of
  // `unreferenced_by_table`: the anti-join of incremental work ("mentions
  // without an analysis yet"), which every engine we target runs natively.
  std::string_view unreferenced_by_table;
  std::string_view unreferenced_by_column;
  int64_t limit = 0;              // positive: at most this many rows (scans only)
  std::span<const int64_t> ids;   // non-empty: only rows with these ids
  int64_t after_id = 0;           // only rows with a larger id (keyset paging)
  // Only rows where each column has its value. Text values are viewed, not
  // copied: they must outlive the scan's reader.
  std::span<const ColumnEquals> equals;
  bool order_by_id = true;        // scans: in id order (tables without an id column: false)
};

// How a RowWriter treats dedup keys.
enum class InsertMode {
  kSkipKnownKeys,  // rows whose key the table holds are skipped (imports)
  kAllNew,         // the caller guarantees new rows; no keys are loaded
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Prepares inserts of `columns` into `table`; the dedup key is implicit.
  virtual Result<std::unique_ptr<RowWriter>> PrepareInsert(std::string_view table,
                                                           std::span<const std::string_view> columns,
                                                           InsertMode mode = InsertMode::kSkipKnownKeys) = 0;

  // Inserts one row into a table without dedup keys (audit and settings
  // tables such as imports or brands) and returns its id.
  virtual Result<int64_t> InsertRow(std::string_view table, std::span<const std::string_view> columns,
                                    std::span<const Value> values) = 0;
  // Sets `columns` to `values` in the rows the filter selects (an empty
  // filter updates none: say which rows).
  virtual Status UpdateRows(std::string_view table, const ScanFilter& filter,
                            std::span<const std::string_view> columns, std::span<const Value> values) = 0;
  // Deletes the rows the filter selects (an empty filter deletes none: say
  // which rows).
  virtual Status DeleteRows(std::string_view table, const ScanFilter& filter) = 0;

  virtual Result<int64_t> CountRows(std::string_view table) = 0;

  // Reads `columns` of `table` (in id order unless the filter says not to).
  // Finish (destroy) the reader before writing through the same Store.
  virtual Result<std::unique_ptr<RowReader>> Scan(std::string_view table, std::span<const std::string_view> columns,
                                                  const ScanFilter& filter = {}) = 0;

  // Column names of a table, in declaration order (for checks and docs).
  virtual Result<std::vector<std::string>> Columns(std::string_view table) = 0;

  virtual int SchemaVersion() = 0;
};

// Calls visit(row) for each row of a scan; stops at the first non-ok Status
// (a read error, a value of the wrong type read through the view, or visit's
// own), which it returns.
Status ForEachRow(Store& store, std::string_view table, std::span<const std::string_view> columns,
                  const ScanFilter& filter, const std::function<Status(RowView& row)>& visit);

struct StoreOptions {
  // How long a command waits for another process's write transaction (an
  // import, a run) before giving up.
  int busy_timeout_seconds = 600;
  // Called about every 5 s while waiting, with the seconds waited so far,
  // so a front end can say what it is waiting for. May be empty.
  std::function<void(int seconds_waited)> on_wait;
  // Open read-only even when the file is writable (a reporting process that
  // must never change the workspace). A file this process may not write is
  // always opened read-only.
  bool read_only = false;
};

// Opens (creating if needed) a SQLite workspace file and migrates it to the
// schema `migrations` describe (schema.h). A file the process may not write
// is opened read-only: reading works, writing fails with a clear error, and
// a schema older than `migrations` is an error that says so.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path,
                                               std::span<const Migration> migrations,
                                               const StoreOptions& options = {});

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
