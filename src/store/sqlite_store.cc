// SQLite implementation of the workspace store. Every sqlite3_bind_* and
// sqlite3_step result is checked: a step that is neither a row nor done is an
// error, never the end of the data.
#include <sqlite3.h>
#include <unistd.h>

#include <absl/container/flat_hash_set.h>

#include <fmt/format.h>

#include <chrono>
#include <string>
#include <thread>

#include "store/store.h"

namespace brandlens {

namespace {

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

Status CheckIdentifiers(std::string_view table, std::span<const std::string_view> columns) {
  if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
  for (auto c : columns)
    if (!IsIdentifier(c)) return Status::Internal(fmt::format("bad column name '{}'", c));
  return Status::Ok();
}

// Owns one prepared statement.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    std::swap(stmt_, o.stmt_);
    return *this;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  static Result<Statement> Prepare(sqlite3* db, std::string_view sql) {
    Statement s;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &s.stmt_, nullptr) != SQLITE_OK)
      return Status::Internal(fmt::format("SQL error: {} in: {}", sqlite3_errmsg(db), sql));
    return s;
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

Status Bind(sqlite3_stmt* stmt, int index, const Value& v) {
  int rc = SQLITE_OK;
  if (std::holds_alternative<std::monostate>(v)) {
    rc = sqlite3_bind_null(stmt, index);
  } else if (auto* i = std::get_if<int64_t>(&v)) {
    rc = sqlite3_bind_int64(stmt, index, *i);
  } else if (auto* d = std::get_if<double>(&v)) {
    rc = sqlite3_bind_double(stmt, index, *d);
  } else {
    const auto s = std::get<std::string_view>(v);
    // SQLITE_STATIC: the view outlives the step that reads it.
    rc = sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  return rc == SQLITE_OK ? Status::Ok() : Status::Internal(fmt::format("binding value {} failed: {}", index, sqlite3_errstr(rc)));
}

Status BindAll(sqlite3_stmt* stmt, int first_index, std::span<const Value> values) {
  for (size_t i = 0; i < values.size(); ++i)
    BRANDLENS_RETURN_IF_ERROR(Bind(stmt, first_index + static_cast<int>(i), values[i]));
  return Status::Ok();
}

// SQLite's message, and why when the connection cannot write.
std::string ErrorMessage(sqlite3* db) {
  std::string msg = sqlite3_errmsg(db);
  if (sqlite3_db_readonly(db, "main") == 1) msg += " (the workspace is open read-only: the file is not writable)";
  return msg;
}

// Runs a statement that returns no rows.
Status StepDone(sqlite3* db, sqlite3_stmt* stmt, std::string_view what) {
  const int rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) return Status::IoError(fmt::format("{} failed: {}", what, ErrorMessage(db)));
  return Status::Ok();
}

// A WHERE clause with `?` for each value of `equals`, bound from `first`.
Result<std::string> WhereClause(const ScanFilter& filter) {
  std::vector<std::string> conditions;
  if (!filter.unreferenced_by_table.empty()) {
    if (!IsIdentifier(filter.unreferenced_by_table) || !IsIdentifier(filter.unreferenced_by_column))
      return Status::Internal("bad scan filter");
    conditions.push_back(
        fmt::format("id NOT IN (SELECT {} FROM {})", filter.unreferenced_by_column, filter.unreferenced_by_table));
  }
  if (!filter.ids.empty()) conditions.push_back(fmt::format("id IN ({})", fmt::join(filter.ids, ",")));
  if (filter.after_id > 0) conditions.push_back(fmt::format("id > {}", filter.after_id));
  for (const auto& [column, value] : filter.equals) {
    if (!IsIdentifier(column)) return Status::Internal(fmt::format("bad column name '{}'", column));
    conditions.push_back(fmt::format("{} IS ?", column));
  }
  if (conditions.empty()) return std::string();
  return fmt::format(" WHERE {}", fmt::join(conditions, " AND "));
}

Status BindEquals(sqlite3_stmt* stmt, int first_index, const ScanFilter& filter) {
  int index = first_index;
  for (const auto& [column, value] : filter.equals) BRANDLENS_RETURN_IF_ERROR(Bind(stmt, index++, value));
  return Status::Ok();
}

// Keeps dedup keys unique per table with an in-memory set of the table's
// keys, loaded once when the writer is prepared. That is sound because the
// writer lives inside a BEGIN IMMEDIATE transaction: no other connection can
// add rows until it commits.
class SqliteRowWriter final : public RowWriter {
 public:
  SqliteRowWriter(sqlite3* db, Statement stmt, std::string table, absl::flat_hash_set<uint64_t> keys, bool check_keys)
      : db_(db), stmt_(std::move(stmt)), table_(std::move(table)), keys_(std::move(keys)), check_keys_(check_keys) {}

  Result<bool> Insert(uint64_t dedup_key, std::span<const Value> values) override {
    if (check_keys_ && !keys_.insert(dedup_key).second) return false;
    sqlite3_stmt* s = stmt_.get();
    // SQLite integers are signed: the key is stored as its two's-complement.
    Status bound = Bind(s, 1, static_cast<int64_t>(dedup_key));
    if (bound.ok()) bound = BindAll(s, 2, values);
    const int rc = bound.ok() ? sqlite3_step(s) : SQLITE_MISUSE;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (!bound.ok() || rc != SQLITE_DONE) {
      if (check_keys_) keys_.erase(dedup_key);  // not written after all
      if (!bound.ok()) return bound.WithPrefix(fmt::format("writing to {}: ", table_));
      return Status::IoError(fmt::format("writing to {} failed: {}", table_, ErrorMessage(db_)));
    }
    return true;
  }

 private:
  sqlite3* db_;
  Statement stmt_;
  std::string table_;
  absl::flat_hash_set<uint64_t> keys_;
  bool check_keys_;
};

class SqliteRowReader final : public RowReader {
 public:
  SqliteRowReader(sqlite3* db, Statement stmt, std::string table)
      : db_(db), stmt_(std::move(stmt)), table_(std::move(table)) {}

  Result<bool> Next(std::vector<Value>& row) override {
    sqlite3_stmt* s = stmt_.get();
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW)
      return Status::IoError(fmt::format("reading {} from the workspace failed: {}", table_, sqlite3_errmsg(db_)));
    const int n = sqlite3_column_count(s);
    row.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER: row[static_cast<size_t>(i)] = static_cast<int64_t>(sqlite3_column_int64(s, i)); break;
        case SQLITE_FLOAT: row[static_cast<size_t>(i)] = sqlite3_column_double(s, i); break;
        case SQLITE_NULL: row[static_cast<size_t>(i)] = std::monostate{}; break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
          if (!text) return Status::IoError(fmt::format("reading {}: out of memory", table_));
          row[static_cast<size_t>(i)] = std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(s, i)));
        }
      }
    }
    return true;
  }

 private:
  sqlite3* db_;
  Statement stmt_;
  std::string table_;
};

// Waits for another connection's write lock with a long timeout, telling
// the caller every ~5 s (SQLite's own busy_timeout cannot report progress).
struct BusyWait {
  int timeout_ms = 0;
  std::function<void(int)> on_wait;
  std::chrono::steady_clock::time_point started;
  int last_report_s = 0;

  static int Handler(void* self_ptr, int attempt) {
    auto& self = *static_cast<BusyWait*>(self_ptr);
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0) {
      self.started = now;
      self.last_report_s = 0;
    }
    const auto waited_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - self.started).count();
    if (waited_ms >= self.timeout_ms) return 0;
    const int waited_s = static_cast<int>(waited_ms / 1000);
    if (self.on_wait && waited_s >= self.last_report_s + 5) {
      self.last_report_s = waited_s;
      self.on_wait(waited_s);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(attempt < 10 ? 5 : 50));
    return 1;
  }
};

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, bool read_only, const StoreOptions& options) : db_(db), read_only_(read_only) {
    busy_.timeout_ms = options.busy_timeout_seconds * 1000;
    busy_.on_wait = options.on_wait;
    sqlite3_busy_handler(db_, &BusyWait::Handler, &busy_);
  }
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Exec(std::string_view sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      if (read_only_) msg += " (the workspace is open read-only: the file is not writable)";
      return Status::IoError(fmt::format("workspace: {}", msg));
    }
    return Status::Ok();
  }

  Result<int64_t> QueryInt(std::string_view sql) {
    auto stmt = Statement::Prepare(db_, sql);
    if (!stmt.ok()) return stmt.status();
    const int rc = sqlite3_step(stmt->get());
    if (rc != SQLITE_ROW)
      return rc == SQLITE_DONE ? Status::Internal(fmt::format("no result for: {}", sql))
                               : Status::IoError(fmt::format("workspace: {}", sqlite3_errmsg(db_)));
    return static_cast<int64_t>(sqlite3_column_int64(stmt->get(), 0));
  }

  Status Configure(std::span<const Migration> migrations) {
    // WAL lets readers (status, the dashboard) run beside a writer without
    // its lock; NORMAL sync in WAL mode keeps every committed transaction
    // across a process kill. A large import is one transaction: with
    // SQLite's default 2 MiB page cache its random-order unique-key index
    // spills to the WAL on every insert (8x slower at 1M rows, measured in
    // bench/import_bench), so the cache may grow to 256 MiB; it is only ever
    // used up to the workspace's size.
    if (!read_only_) BRANDLENS_RETURN_IF_ERROR(EnableWal());
    BRANDLENS_RETURN_IF_ERROR(
        Exec("PRAGMA foreign_keys=ON; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"));
    return Migrate(migrations);
  }

  // Switching a new file to WAL takes an exclusive lock, and SQLite returns
  // SQLITE_BUSY for it without calling the busy handler when another
  // connection opens the same new file at that moment: retry here, within
  // the same time limit.
  Status EnableWal() {
    const auto started = std::chrono::steady_clock::now();
    for (;;) {
      Status s = Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
      if (s.ok() || sqlite3_errcode(db_) != SQLITE_BUSY) return s;
      if (std::chrono::steady_clock::now() - started > std::chrono::milliseconds(busy_.timeout_ms)) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // Safe when several processes open a new workspace at once: the version
  // is read again inside the write transaction, so a migration another
  // process applied meanwhile is not applied twice.
  Status Migrate(std::span<const Migration> migrations) {
    auto target = SchemaVersionOf(migrations);
    if (!target.ok()) return target.status();
    auto version = QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (*version > *target)
      return Status::InvalidInput(fmt::format(
          "the workspace has schema version {}, newer than this brandlens ({}): upgrade brandlens", *version, *target));
    if (*version == *target) return Status::Ok();
    if (read_only_)
      return Status::InvalidInput(fmt::format(
          "the workspace has schema version {} and needs version {}, but the file is read-only: open it once with "
          "write access to upgrade it",
          *version, *target));
    BRANDLENS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    version = QueryInt("PRAGMA user_version");
    if (!version.ok()) {
      (void)Exec("ROLLBACK");
      return version.status();
    }
    for (auto v = static_cast<int>(*version) + 1; v <= *target; ++v) {
      Status s;
      for (const auto& part : PartsOfVersion(migrations, v)) {
        s = Exec(part.sql);
        if (!s.ok()) {
          s = s.WithPrefix(fmt::format("{}'s tables: ", part.owner));
          break;
        }
      }
      if (s.ok()) s = Exec(fmt::format("PRAGMA user_version = {}", v));
      if (!s.ok()) {
        (void)Exec("ROLLBACK");
        return Status::Corruption(fmt::format("migration to schema version {} failed: {}", v, s.message()));
      }
    }
    return Exec("COMMIT");
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }

  Result<std::unique_ptr<RowWriter>> PrepareInsert(std::string_view table, std::span<const std::string_view> columns,
                                                   InsertMode mode) override {
    BRANDLENS_RETURN_IF_ERROR(CheckIdentifiers(table, columns));
    std::string cols = "dedup_key", marks = "?";
    for (auto c : columns) {
      cols += fmt::format(", {}", c);
      marks += ", ?";
    }
    auto stmt = Statement::Prepare(db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, cols, marks));
    if (!stmt.ok()) return stmt.status();
    const bool check_keys = mode == InsertMode::kSkipKnownKeys;
    absl::flat_hash_set<uint64_t> keys;
    if (check_keys) {
      auto loaded = LoadKeys(table);
      if (!loaded.ok()) return loaded.status();
      keys = std::move(loaded.value());
    }
    return std::unique_ptr<RowWriter>(
        new SqliteRowWriter(db_, std::move(stmt.value()), std::string(table), std::move(keys), check_keys));
  }

  Result<int64_t> InsertRow(std::string_view table, std::span<const std::string_view> columns,
                            std::span<const Value> values) override {
    BRANDLENS_RETURN_IF_ERROR(CheckIdentifiers(table, columns));
    if (columns.size() != values.size()) return Status::Internal("InsertRow: columns and values differ in number");
    std::string marks;
    for (size_t i = 0; i < columns.size(); ++i) marks += i ? ", ?" : "?";
    auto stmt = Statement::Prepare(db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fmt::join(columns, ", "), marks));
    if (!stmt.ok()) return stmt.status();
    BRANDLENS_RETURN_IF_ERROR(BindAll(stmt->get(), 1, values));
    BRANDLENS_RETURN_IF_ERROR(StepDone(db_, stmt->get(), fmt::format("writing to {}", table)));
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status UpdateRows(std::string_view table, const ScanFilter& filter, std::span<const std::string_view> columns,
                    std::span<const Value> values) override {
    BRANDLENS_RETURN_IF_ERROR(CheckIdentifiers(table, columns));
    if (columns.empty() || columns.size() != values.size())
      return Status::Internal("UpdateRows: columns and values differ in number");
    auto where = WhereClause(filter);
    if (!where.ok()) return where.status();
    if (where->empty()) return Status::Internal(fmt::format("UpdateRows on {} without a filter", table));
    std::string sets;
    for (auto c : columns) sets += fmt::format("{}{} = ?", sets.empty() ? "" : ", ", c);
    auto stmt = Statement::Prepare(db_, fmt::format("UPDATE {} SET {}{}", table, sets, *where));
    if (!stmt.ok()) return stmt.status();
    BRANDLENS_RETURN_IF_ERROR(BindAll(stmt->get(), 1, values));
    BRANDLENS_RETURN_IF_ERROR(BindEquals(stmt->get(), static_cast<int>(values.size()) + 1, filter));
    return StepDone(db_, stmt->get(), fmt::format("updating {}", table));
  }

  Status DeleteRows(std::string_view table, const ScanFilter& filter) override {
    BRANDLENS_RETURN_IF_ERROR(CheckIdentifiers(table, {}));
    auto where = WhereClause(filter);
    if (!where.ok()) return where.status();
    if (where->empty()) return Status::Internal(fmt::format("DeleteRows on {} without a filter", table));
    auto stmt = Statement::Prepare(db_, fmt::format("DELETE FROM {}{}", table, *where));
    if (!stmt.ok()) return stmt.status();
    BRANDLENS_RETURN_IF_ERROR(BindEquals(stmt->get(), 1, filter));
    return StepDone(db_, stmt->get(), fmt::format("deleting from {}", table));
  }

  Result<absl::flat_hash_set<uint64_t>> LoadKeys(std::string_view table) {
    auto count = CountRows(table);
    if (!count.ok()) return count.status();
    auto stmt = Statement::Prepare(db_, fmt::format("SELECT dedup_key FROM {}", table));
    if (!stmt.ok()) return stmt.status();
    absl::flat_hash_set<uint64_t> keys;
    keys.reserve(static_cast<size_t>(*count));
    for (;;) {
      const int rc = sqlite3_step(stmt->get());
      if (rc == SQLITE_DONE) return keys;
      // Anything else than a row ends the load with an error: a partial key
      // set would let duplicates in silently.
      if (rc != SQLITE_ROW)
        return Status::IoError(fmt::format("reading the keys of {} failed: {}", table, sqlite3_errmsg(db_)));
      keys.insert(static_cast<uint64_t>(sqlite3_column_int64(stmt->get(), 0)));
    }
  }

  Result<int64_t> CountRows(std::string_view table) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    return QueryInt(fmt::format("SELECT count(*) FROM {}", table));
  }

  Result<std::unique_ptr<RowReader>> Scan(std::string_view table, std::span<const std::string_view> columns,
                                          const ScanFilter& filter) override {
    BRANDLENS_RETURN_IF_ERROR(CheckIdentifiers(table, columns));
    auto where = WhereClause(filter);
    if (!where.ok()) return where.status();
    std::string sql = fmt::format("SELECT {} FROM {}{}", fmt::join(columns, ", "), table, *where);
    if (filter.order_by_id) sql += " ORDER BY id";
    if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
    auto stmt = Statement::Prepare(db_, sql);
    if (!stmt.ok()) return stmt.status();
    BRANDLENS_RETURN_IF_ERROR(BindEquals(stmt->get(), 1, filter));
    return std::unique_ptr<RowReader>(new SqliteRowReader(db_, std::move(stmt.value()), std::string(table)));
  }

  Result<std::vector<std::string>> Columns(std::string_view table) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    auto stmt = Statement::Prepare(db_, fmt::format("SELECT name FROM pragma_table_info('{}')", table));
    if (!stmt.ok()) return stmt.status();
    std::vector<std::string> out;
    for (;;) {
      const int rc = sqlite3_step(stmt->get());
      if (rc == SQLITE_DONE) return out;
      if (rc != SQLITE_ROW) return Status::IoError(fmt::format("reading the columns of {}: {}", table, sqlite3_errmsg(db_)));
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt->get(), 0)));
    }
  }

  int SchemaVersion() override {
    auto v = QueryInt("PRAGMA user_version");
    return v.ok() ? static_cast<int>(*v) : -1;
  }

 private:
  sqlite3* db_;
  bool read_only_;
  BusyWait busy_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path, std::span<const Migration> migrations,
                                               const StoreOptions& options) {
  // An existing file this process may not write is opened read-only, so
  // `status` and reports work on a workspace shared read-only.
  const bool read_only =
      std::filesystem::exists(path) && (options.read_only || ::access(path.c_str(), W_OK) != 0);
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError(fmt::format("{}: cannot open workspace: {}", path.string(), msg));
  }
  auto store = std::make_unique<SqliteStore>(db, read_only, options);
  Status s = store->Configure(migrations);
  if (!s.ok()) return s.WithPrefix(path.string() + ": ");
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace brandlens
