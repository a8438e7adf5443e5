// The store never reads an error as the end of the data: a workspace
// damaged in the middle of a table makes scans and key loads fail with an
// error, after some rows, instead of returning the rows before the damage as
// if they were all.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "ingest/import_log.h"
#include "project/project.h"
#include "store/store.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;

constexpr int kRows = 20000;

// A workspace whose products table spans a few hundred pages, closed (and
// so checkpointed: the WAL is folded into the file).
void WriteProducts(const std::filesystem::path& db) {
  auto store = std::move(OpenWorkspace(db).value());
  auto txn = std::move(Transaction::Begin(*store).value());
  const int64_t import_id = *StartImport(*store, {.kind = "products", .path = "p.csv", .encoding = "utf-8"});
  const std::string_view cols[] = {"product_id", "name", "import_id"};
  auto writer = std::move(store->PrepareInsert("products", cols).value());
  for (int i = 0; i < kRows; ++i) {
    // (fmt rather than operator+: GCC 12 warns falsely on the concatenation.)
    const std::string id = fmt::format("P{}", i);
    const std::string name = fmt::format("山茶集鲜奶茶 经典款 大杯 {}", i * 7919);
    const Value row[] = {std::string_view(id), std::string_view(name), import_id};
    ASSERT_TRUE(writer->Insert(static_cast<uint64_t>(i) + 1, row).ok());
  }
  writer.reset();
  ASSERT_TRUE(txn.Commit().ok());
}

// Overwrites pages in the second half of the file with garbage.
void DamageSecondHalf(const std::filesystem::path& db) {
  const auto size = std::filesystem::file_size(db);
  ASSERT_GT(size, 200u * 4096);
  std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
  const std::string garbage(4096 * 8, '\xA5');
  f.seekp(static_cast<std::streamoff>(size * 3 / 4 / 4096 * 4096));
  f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  ASSERT_TRUE(f.good());
}

TEST(StoreFailureTest, AScanOverDamagedPagesFailsInsteadOfEndingEarly) {
  TempDir dir;
  const auto db = dir / "w.db";
  WriteProducts(db);
  DamageSecondHalf(db);
  auto store = OpenWorkspace(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const std::string_view cols[] = {"id", "name"};
  int64_t rows = 0;
  const Status scanned = ForEachRow(**store, "products", cols, {}, [&](RowView& row) {
    row.Text(1);
    ++rows;
    return Status::Ok();
  });
  EXPECT_GT(rows, 0);
  EXPECT_LT(rows, kRows);
  ASSERT_FALSE(scanned.ok()) << "read " << rows << " rows and called it the end of the table";
  EXPECT_NE(scanned.message().find("products"), std::string::npos) << scanned.message();
}

TEST(StoreFailureTest, LoadingDedupKeysFromADamagedTableFails) {
  TempDir dir;
  const auto db = dir / "w.db";
  WriteProducts(db);
  DamageSecondHalf(db);
  auto store = std::move(OpenWorkspace(db).value());
  auto txn = Transaction::Begin(*store);
  ASSERT_TRUE(txn.ok());
  const std::string_view cols[] = {"product_id", "name", "import_id"};
  // A partial key set would let duplicates in silently.
  auto writer = store->PrepareInsert("products", cols);
  EXPECT_FALSE(writer.ok());
}

TEST(StoreFailureTest, AValueOfTheWrongTypeIsAnErrorNamingTheColumn) {
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  auto txn = std::move(Transaction::Begin(*store).value());
  const int64_t import_id = *StartImport(*store, {.kind = "products", .path = "p.csv", .encoding = "utf-8"});
  const std::string_view cols[] = {"product_id", "name", "price", "import_id"};
  auto writer = std::move(store->PrepareInsert("products", cols).value());
  const Value row[] = {std::string_view("P1"), std::string_view("奶茶"), Value(), import_id};
  ASSERT_TRUE(writer->Insert(1, row).ok());
  writer.reset();
  ASSERT_TRUE(txn.Commit().ok());
  const std::string_view read[] = {"product_id", "price"};
  const Status s = ForEachRow(*store, "products", read, {}, [](RowView& r) {
    r.Real(1);  // NULL where a number is required
    return Status::Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("price"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("NULL"), std::string::npos) << s.message();
  // Optional reads accept NULL.
  EXPECT_TRUE(ForEachRow(*store, "products", read, {}, [](RowView& r) {
                EXPECT_FALSE(r.OptionalReal(1).has_value());
                return Status::Ok();
              }).ok());
}

}  // namespace
}  // namespace brandlens
