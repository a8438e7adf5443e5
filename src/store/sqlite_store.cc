// SQLite implementation of the workspace store.
#include <sqlite3.h>

#include <absl/container/flat_hash_set.h>

#include <fmt/format.h>

#include <cctype>
#include <string>

#include "store/migrations.h"
#include "store/store.h"

namespace brandlens {

namespace {

bool IsIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
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
  return rc == SQLITE_OK ? Status::Ok() : Status::Internal(fmt::format("bind failed: code {}", rc));
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
    sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(dedup_key));
    for (size_t i = 0; i < values.size(); ++i) BRANDLENS_RETURN_IF_ERROR(Bind(s, static_cast<int>(i + 2), values[i]));
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE)
      return Status::IoError(fmt::format("writing to {} failed: {}", table_, sqlite3_errmsg(db_)));
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
  SqliteRowReader(sqlite3* db, Statement stmt) : db_(db), stmt_(std::move(stmt)) {}

  Result<bool> Next(std::vector<Value>& row) override {
    sqlite3_stmt* s = stmt_.get();
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) return false;
    if (rc != SQLITE_ROW) return Status::IoError(fmt::format("reading the workspace failed: {}", sqlite3_errmsg(db_)));
    const int n = sqlite3_column_count(s);
    row.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER: row[static_cast<size_t>(i)] = static_cast<int64_t>(sqlite3_column_int64(s, i)); break;
        case SQLITE_FLOAT: row[static_cast<size_t>(i)] = sqlite3_column_double(s, i); break;
        case SQLITE_NULL: row[static_cast<size_t>(i)] = std::monostate{}; break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
          row[static_cast<size_t>(i)] = std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(s, i)));
        }
      }
    }
    return true;
  }

 private:
  sqlite3* db_;
  Statement stmt_;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Exec(std::string_view sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IoError(fmt::format("workspace: {}", msg));
    }
    return Status::Ok();
  }

  Result<int64_t> QueryInt(std::string_view sql) {
    auto stmt = Statement::Prepare(db_, sql);
    if (!stmt.ok()) return stmt.status();
    if (sqlite3_step(stmt->get()) != SQLITE_ROW) return Status::Internal(fmt::format("no result for: {}", sql));
    return static_cast<int64_t>(sqlite3_column_int64(stmt->get(), 0));
  }

  Status Configure() {
    // WAL lets readers (the dashboard) run beside a writer; NORMAL sync in WAL
    // mode keeps every committed transaction across a process kill. A large
    // import is one transaction: with SQLite's default 2 MiB page cache its
    // random-order unique-key index spills to the WAL on every insert (8x
    // slower at 1M rows, measured in bench/import_bench), so the cache may
    // grow to 256 MiB; it is only ever used up to the workspace's size.
    BRANDLENS_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                   "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; "
                                   "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"));
    return Migrate();
  }

  Status Migrate() {
    auto version = QueryInt("PRAGMA user_version");
    if (!version.ok()) return version.status();
    const auto migrations = SqliteMigrations();
    if (*version > static_cast<int64_t>(migrations.size()))
      return Status::InvalidInput(fmt::format(
          "the workspace has schema version {}, newer than this brandlens ({}): upgrade brandlens", *version,
          migrations.size()));
    for (auto v = static_cast<size_t>(*version); v < migrations.size(); ++v) {
      BRANDLENS_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Status s = Exec(migrations[v]);
      if (s.ok()) s = Exec(fmt::format("PRAGMA user_version = {}", v + 1));
      if (!s.ok()) {
        (void)Exec("ROLLBACK");
        return Status::Corruption(fmt::format("migration to schema version {} failed: {}", v + 1, s.message()));
      }
      BRANDLENS_RETURN_IF_ERROR(Exec("COMMIT"));
    }
    return Status::Ok();
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }

  Result<int64_t> StartImport(const ImportRecord& r) override {
    auto stmt = Statement::Prepare(
        db_, "INSERT INTO imports (kind, path, encoding, fingerprint, started_at) VALUES (?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    const Value values[] = {std::string_view(r.kind), std::string_view(r.path), std::string_view(r.encoding),
                            std::string_view(r.fingerprint), r.started_at};
    for (int i = 0; i < 5; ++i) BRANDLENS_RETURN_IF_ERROR(Bind(stmt->get(), i + 1, values[i]));
    if (sqlite3_step(stmt->get()) != SQLITE_DONE)
      return Status::IoError(fmt::format("recording the import failed: {}", sqlite3_errmsg(db_)));
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status FinishImport(int64_t import_id, const ImportRecord& r) override {
    auto stmt = Statement::Prepare(db_,
                                   "UPDATE imports SET rows_read = ?, rows_inserted = ?, rows_duplicate = ?, "
                                   "rows_rejected = ? WHERE id = ?");
    if (!stmt.ok()) return stmt.status();
    const int64_t values[] = {r.rows_read, r.rows_inserted, r.rows_duplicate, r.rows_rejected, import_id};
    for (int i = 0; i < 5; ++i) sqlite3_bind_int64(stmt->get(), i + 1, values[i]);
    if (sqlite3_step(stmt->get()) != SQLITE_DONE)
      return Status::IoError(fmt::format("recording the import failed: {}", sqlite3_errmsg(db_)));
    return Status::Ok();
  }

  Result<bool> HasImported(std::string_view path, std::string_view fingerprint) override {
    auto stmt = Statement::Prepare(db_, "SELECT count(*) FROM imports WHERE path = ? AND fingerprint = ?");
    if (!stmt.ok()) return stmt.status();
    BRANDLENS_RETURN_IF_ERROR(Bind(stmt->get(), 1, path));
    BRANDLENS_RETURN_IF_ERROR(Bind(stmt->get(), 2, fingerprint));
    if (sqlite3_step(stmt->get()) != SQLITE_ROW) return Status::IoError(sqlite3_errmsg(db_));
    return sqlite3_column_int64(stmt->get(), 0) > 0;
  }

  Result<std::unique_ptr<RowWriter>> PrepareInsert(std::string_view table, std::span<const std::string_view> columns,
                                                   InsertMode mode) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    std::string cols = "dedup_key", marks = "?";
    for (auto c : columns) {
      if (!IsIdentifier(c)) return Status::Internal(fmt::format("bad column name '{}'", c));
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

  Result<absl::flat_hash_set<uint64_t>> LoadKeys(std::string_view table) {
    auto count = CountRows(table);
    if (!count.ok()) return count.status();
    auto stmt = Statement::Prepare(db_, fmt::format("SELECT dedup_key FROM {}", table));
    if (!stmt.ok()) return stmt.status();
    absl::flat_hash_set<uint64_t> keys;
    keys.reserve(static_cast<size_t>(*count));
    while (sqlite3_step(stmt->get()) == SQLITE_ROW)
      keys.insert(static_cast<uint64_t>(sqlite3_column_int64(stmt->get(), 0)));
    return keys;
  }

  Result<int64_t> CountRows(std::string_view table) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    return QueryInt(fmt::format("SELECT count(*) FROM {}", table));
  }

  Result<std::unique_ptr<RowReader>> Scan(std::string_view table, std::span<const std::string_view> columns,
                                          const ScanFilter& filter) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    std::string cols;
    for (auto c : columns) {
      if (!IsIdentifier(c)) return Status::Internal(fmt::format("bad column name '{}'", c));
      cols += fmt::format("{}{}", cols.empty() ? "" : ", ", c);
    }
    std::string sql = fmt::format("SELECT {} FROM {}", cols, table);
    if (!filter.unreferenced_by_table.empty()) {
      if (!IsIdentifier(filter.unreferenced_by_table) || !IsIdentifier(filter.unreferenced_by_column))
        return Status::Internal("bad scan filter");
      sql += fmt::format(" WHERE id NOT IN (SELECT {} FROM {})", filter.unreferenced_by_column,
                         filter.unreferenced_by_table);
    }
    bool where = !filter.unreferenced_by_table.empty();
    if (!filter.ids.empty()) {
      sql += fmt::format("{} id IN ({})", where ? " AND" : " WHERE", fmt::join(filter.ids, ","));
      where = true;
    }
    if (filter.after_id > 0) sql += fmt::format("{} id > {}", where ? " AND" : " WHERE", filter.after_id);
    sql += " ORDER BY id";
    if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
    auto stmt = Statement::Prepare(db_, sql);
    if (!stmt.ok()) return stmt.status();
    return std::unique_ptr<RowReader>(new SqliteRowReader(db_, std::move(stmt.value())));
  }

  Result<std::vector<std::string>> Columns(std::string_view table) override {
    if (!IsIdentifier(table)) return Status::Internal(fmt::format("bad table name '{}'", table));
    auto stmt = Statement::Prepare(db_, fmt::format("SELECT name FROM pragma_table_info('{}')", table));
    if (!stmt.ok()) return stmt.status();
    std::vector<std::string> out;
    while (sqlite3_step(stmt->get()) == SQLITE_ROW)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt->get(), 0)));
    return out;
  }

  Status SyncBrands(const std::vector<BrandConfig>& brands) override {
    auto txn = Transaction::Begin(*this);
    if (!txn.ok()) return txn.status();
    auto upsert = Statement::Prepare(
        db_, "INSERT INTO brands (name, is_own) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET is_own = excluded.is_own "
             "RETURNING id");
    auto alias = Statement::Prepare(db_, "INSERT OR IGNORE INTO brand_aliases (brand_id, alias) VALUES (?, ?)");
    if (!upsert.ok()) return upsert.status();
    if (!alias.ok()) return alias.status();
    BRANDLENS_RETURN_IF_ERROR(Exec("CREATE TEMP TABLE IF NOT EXISTS kept_brands (id INTEGER PRIMARY KEY); "
                                   "DELETE FROM kept_brands;"));
    for (const auto& b : brands) {
      sqlite3_stmt* u = upsert->get();
      sqlite3_bind_text(u, 1, b.name.data(), static_cast<int>(b.name.size()), SQLITE_STATIC);
      sqlite3_bind_int(u, 2, b.own ? 1 : 0);
      if (sqlite3_step(u) != SQLITE_ROW) return Status::IoError(fmt::format("saving brand {}: {}", b.name, sqlite3_errmsg(db_)));
      const int64_t id = sqlite3_column_int64(u, 0);
      sqlite3_reset(u);
      BRANDLENS_RETURN_IF_ERROR(Exec(fmt::format("INSERT INTO kept_brands VALUES ({0}); "
                                                 "DELETE FROM brand_aliases WHERE brand_id = {0};", id)));
      for (const auto& a : b.aliases) {
        sqlite3_stmt* s = alias->get();
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, a.data(), static_cast<int>(a.size()), SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE) return Status::IoError(fmt::format("saving alias {}: {}", a, sqlite3_errmsg(db_)));
        sqlite3_reset(s);
      }
    }
    BRANDLENS_RETURN_IF_ERROR(Exec("DELETE FROM brands WHERE id NOT IN (SELECT id FROM kept_brands)"));
    return txn->Commit();
  }

  int SchemaVersion() override {
    auto v = QueryInt("PRAGMA user_version");
    return v.ok() ? static_cast<int>(*v) : -1;
  }

 private:
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError(fmt::format("{}: cannot open workspace: {}", path.string(), msg));
  }
  auto store = std::make_unique<SqliteStore>(db);
  Status s = store->Configure();
  if (!s.ok()) return s.WithPrefix(path.string() + ": ");
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace brandlens
