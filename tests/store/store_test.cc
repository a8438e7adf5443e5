#include "store/store.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "ingest/import_log.h"
#include "ingest/kinds.h"
#include "project/brands.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;

TEST(StoreTest, CreatesAMigratedWalWorkspace) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = OpenWorkspace(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->SchemaVersion(), *SchemaVersionOf(WorkspaceMigrations()));
  EXPECT_EQ(QueryText(db, "PRAGMA journal_mode"), "wal");
  // Reopening an up-to-date workspace changes nothing.
  store.value().reset();
  auto again = OpenWorkspace(db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->SchemaVersion(), *SchemaVersionOf(WorkspaceMigrations()));
}

TEST(StoreTest, RefusesAWorkspaceFromANewerVersion) {
  TempDir dir;
  const auto db = dir / "w.db";
  {
    auto store = OpenWorkspace(db);
    ASSERT_TRUE(store.ok());
  }
  {
    sqlite3* raw = nullptr;
    sqlite3_open(db.c_str(), &raw);
    sqlite3_exec(raw, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto store = OpenWorkspace(db);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer than this brandlens"), std::string::npos);
  EXPECT_NE(store.status().message().find("w.db"), std::string::npos);
}

TEST(StoreTest, EveryImportFieldHasItsColumn) {
  TempDir dir;
  auto store = OpenWorkspace(dir / "w.db");
  ASSERT_TRUE(store.ok());
  for (const auto& kind : AllKinds()) {
    auto columns = (*store)->Columns(kind.table);
    ASSERT_TRUE(columns.ok());
    const std::set<std::string> have(columns->begin(), columns->end());
    for (const auto& f : kind.fields) EXPECT_TRUE(have.count(std::string(f.name))) << kind.table << "." << f.name;
    for (const char* c : {"id", "dedup_key", "import_id"}) EXPECT_TRUE(have.count(c)) << kind.table << "." << c;
  }
}

TEST(StoreTest, DuplicateKeysAreIgnoredAndReported) {
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  auto txn = Transaction::Begin(*store);
  ASSERT_TRUE(txn.ok());
  auto import_id = StartImport(*store, {.kind = "products", .path = "p.csv", .encoding = "utf-8"});
  ASSERT_TRUE(import_id.ok());
  const std::string_view cols[] = {"product_id", "name", "import_id"};
  auto writer = store->PrepareInsert("products", cols);
  ASSERT_TRUE(writer.ok()) << writer.status().message();
  const Value row[] = {std::string_view("P1"), std::string_view("鲜奶茶"), *import_id};
  EXPECT_TRUE(*(*writer)->Insert(42, row));
  EXPECT_FALSE(*(*writer)->Insert(42, row));
  writer->reset();
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(*store->CountRows("products"), 1);
}

TEST(StoreTest, AnUncommittedTransactionRollsBack) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  {
    auto txn = Transaction::Begin(*store);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(StartImport(*store, {.kind = "mentions", .path = "x.csv", .encoding = "utf-8"}).ok());
  }  // no Commit
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM imports"), 0);
  // A data row pointing at a missing import breaks the foreign key.
  auto txn = Transaction::Begin(*store);
  const std::string_view cols[] = {"product_id", "name", "import_id"};
  auto writer = store->PrepareInsert("products", cols);
  const Value row[] = {std::string_view("P1"), std::string_view("x"), int64_t{777}};
  EXPECT_FALSE((*writer)->Insert(1, row).ok());
}

TEST(StoreTest, RejectsUnsafeIdentifiers) {
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  const std::string_view cols[] = {"name; DROP TABLE mentions"};
  EXPECT_FALSE(store->PrepareInsert("products", cols).ok());
  EXPECT_FALSE(store->CountRows("mentions; --").ok());
}

TEST(StoreTest, SyncBrandsFollowsTheConfig) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  std::vector<BrandConfig> brands = {{"山茶集", true, {"ShanCha", "山查集"}}, {"青柠社", false, {"Qingning"}}};
  ASSERT_TRUE(SyncBrands(*store, brands).ok());
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM brand_aliases"), 3);
  EXPECT_EQ(QueryText(db, "SELECT name FROM brands WHERE is_own = 1"), "山茶集");
  const int64_t own_id = QueryInt(db, "SELECT id FROM brands WHERE name = '山茶集'");

  brands[0].aliases = {"ShanCha"};
  brands.pop_back();
  brands.push_back({"蜜桃堂", false, {}});
  ASSERT_TRUE(SyncBrands(*store, brands).ok());
  EXPECT_EQ(QueryInt(db, "SELECT id FROM brands WHERE name = '山茶集'"), own_id);  // ids are stable
  EXPECT_EQ(QueryText(db, "SELECT group_concat(name) FROM brands ORDER BY id"), "山茶集,蜜桃堂");
  EXPECT_EQ(QueryText(db, "SELECT group_concat(alias) FROM brand_aliases"), "ShanCha");
}

TEST(StoreTest, SyncBrandsWritesNothingWhenTheTablesMatch) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  const std::vector<BrandConfig> brands = {{"山茶集", true, {"ShanCha", "ShanCha"}}, {"青柠社", false, {}}};
  ASSERT_TRUE(SyncBrands(*store, brands).ok());
  // Another connection holds the write lock (a long import): syncing the
  // same brands again must not wait for it.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_TRUE(SyncBrands(*store, brands).ok());
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
}

// Found in review: two processes opening a new project at once both read
// an empty brands table and the second insert failed on the unique name.
TEST(StoreTest, TwoConnectionsSyncTheSameBrandsAtOnce) {
  for (int trial = 0; trial < 5; ++trial) {
    TempDir dir;
    const auto db = dir / "w.db";
    const std::vector<BrandConfig> brands = {{"山茶集", true, {"ShanCha"}}, {"青柠社", false, {}}};
    Status status[2];
    auto sync = [&](int which) {
      auto store = OpenWorkspace(db);
      status[which] = store.ok() ? SyncBrands(**store, brands) : store.status();
    };
    std::thread a(sync, 0), b(sync, 1);
    a.join();
    b.join();
    ASSERT_TRUE(status[0].ok()) << status[0].message();
    ASSERT_TRUE(status[1].ok()) << status[1].message();
    EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM brands"), 2);
  }
}

TEST(StoreTest, UpdatesAndDeletesNeedAFilter) {
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  const std::string_view columns[] = {"is_own"};
  const Value values[] = {int64_t{0}};
  EXPECT_FALSE(store->UpdateRows("brands", {}, columns, values).ok());
  EXPECT_FALSE(store->DeleteRows("brands", {}).ok());
}

TEST(StoreTest, SchemaVersionsMustRunWithoutGaps) {
  const Migration gap[] = {{1, "a", "CREATE TABLE a (id INTEGER PRIMARY KEY);"}, {3, "b", "SELECT 1;"}};
  EXPECT_FALSE(SchemaVersionOf(gap).ok());
  const Migration parts[] = {{2, "b", ""}, {1, "a", ""}, {1, "c", ""}};
  ASSERT_TRUE(SchemaVersionOf(parts).ok());
  EXPECT_EQ(*SchemaVersionOf(parts), 2);
  const auto first = PartsOfVersion(parts, 1);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].owner, "a");  // parts keep the order given
  EXPECT_EQ(first[1].owner, "c");
}

TEST(StoreTest, AReadOnlyWorkspaceCanBeRead) {
  TempDir dir;
  const auto db = dir / "w.db";
  {
    auto store = std::move(OpenWorkspace(db).value());
    ASSERT_TRUE(SyncBrands(*store, {{"山茶集", true, {}}}).ok());
  }
  // What a file without write permission gets (root could write any file,
  // so the test asks for it directly).
  StoreOptions read_only;
  read_only.read_only = true;
  auto store = OpenWorkspace(db, read_only);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(*(*store)->CountRows("brands"), 1);
  EXPECT_TRUE(SyncBrands(**store, {{"山茶集", true, {}}}).ok());  // in sync: no write needed
  const auto failed = SyncBrands(**store, {{"别的", true, {}}});
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.message().find("read-only"), std::string::npos) << failed.message();
}

}  // namespace
}  // namespace brandlens
