// Regression tests for the defects found when the import and analysis were
// tried with hostile input (issue: "Ready to grow", defects list). Each test
// names the defect it pins down.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <thread>

#include "ingest/import_log.h"
#include "ingest/importer.h"
#include "listening/facts.h"
#include "project/project.h"
#include "test_util.h"
#include "text/workspace_analysis.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;
using testing::WriteFile;

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "workspace.db";
    store_ = std::move(OpenWorkspace(db_).value());
  }
  Result<ImportReport> Import(const std::string& name, const std::string& bytes, ImportOptions options = {}) {
    options.defaults["platform"] = "weibo";
    return ImportFile(*store_, "mentions", WriteFile(dir_ / name, bytes), options);
  }

  TempDir dir_;
  std::filesystem::path db_;
  std::unique_ptr<Store> store_;
};

// Defect: likes + shares + comments overflowing 64 bits made every later
// run abort (std::bad_variant_access) until the row was deleted by hand.
TEST_F(HostileInputTest, ImplausibleCountsAreRejectedAtImport) {
  auto r = Import("m.csv",
                  "id,text,time,likes,shares\n"
                  "1,山茶集很好喝,2025-06-18 10:00,9223372036854775807,9223372036854775807\n"
                  "2,山茶集一般,2025-06-18 11:00,1.5,0\n"
                  "3,山茶集不错,2025-06-18 12:00,1.2万,3\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 1);
  EXPECT_EQ(r->rows_rejected, 2);
  ASSERT_EQ(r->errors.size(), 2u);
  EXPECT_NE(r->errors[0].find("plausible"), std::string::npos) << r->errors[0];
  EXPECT_NE(r->errors[1].find("whole number"), std::string::npos) << r->errors[1];  // not silently rounded
}

TEST_F(HostileInputTest, AStoredRowWithHugeCountsNeverCrashesAJob) {
  // A workspace written by an older version (or by hand) may already hold
  // such a row: reading facts must cope.
  ASSERT_TRUE(Import("m.csv", "id,text,time\n1,山茶集很好喝,2025-06-18 10:00\n").ok());
  {
    sqlite3* raw = nullptr;
    sqlite3_open(db_.c_str(), &raw);
    sqlite3_exec(raw, "UPDATE mentions SET likes = 9223372036854775807, shares = 9223372036854775807", nullptr,
                 nullptr, nullptr);
    sqlite3_close(raw);
  }
  auto analyzer = std::move(TextAnalyzer::Create({"food_and_drink", {{"山茶集", true, {}}}, {}}).value());
  ASSERT_TRUE(AnalyzeWorkspace(*store_, *analyzer, SentimentModel(), 1).ok());
  auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  auto facts = LoadListeningFacts(*store_, {"山茶集"}, *time);
  ASSERT_TRUE(facts.ok()) << facts.status().message();
  ASSERT_EQ(facts->mentions.size(), 1u);
  EXPECT_EQ(facts->mentions[0].engagement, 3'000'000'000'000);  // capped where sums still fit
}

// Defect: NUL bytes were accepted into text and ids.
TEST_F(HostileInputTest, NulBytesAreRejected) {
  auto r = Import("m.csv", std::string("id,text,time\n1,山茶集\0好喝,2025-06-18 10:00\n2,ok,2025-06-18 10:00\n", 69));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_NE(r->errors[0].find("NUL"), std::string::npos) << r->errors[0];
}

// Defect: only the first 20 rejected rows were printed and the rest stored
// nowhere.
TEST_F(HostileInputTest, EveryRejectedRowIsKept) {
  std::string csv = "id,text,time\n";
  for (int i = 0; i < 30; ++i) csv += fmt::format("{},山茶集,not a time\n", i);
  csv += "ok,山茶集,2025-06-18 10:00\n";
  auto r = Import("m.csv", csv);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows_rejected, 30);
  EXPECT_EQ(r->errors.size(), 20u);  // printed
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM import_errors"), 30);  // kept
  EXPECT_EQ(QueryInt(db_, "SELECT min(line) FROM import_errors"), 2);
  EXPECT_NE(QueryText(db_, "SELECT message FROM import_errors WHERE line = 31").find("m.csv:31: field 'posted_at'"),
            std::string::npos);
}

// Defect: a stray quote swallowed three rows silently, even with --strict.
TEST_F(HostileInputTest, AStrayQuoteThatSwallowsRowsIsReported) {
  const std::string csv =
      "id,text,time\n"
      "1,山茶集好喝,2025-06-18 10:00\n"
      "2,\"山茶集 12寸,2025-06-18 10:00\n"
      "3,还行,2025-06-18 10:00\n"
      "4,一般,2025-06-18 10:00\n"
      "5,不错\",2025-06-18 10:00\n"
      "6,好评,2025-06-18 10:00\n";
  auto r = Import("m.csv", csv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_read, 3);
  EXPECT_EQ(r->lines_read, 7);  // header + 6 physical lines: 3 of them swallowed
  bool warned = false;
  for (const auto& w : r->warnings) warned |= w.find("m.csv:3") != std::string::npos && w.find("quote") != std::string::npos;
  EXPECT_TRUE(warned);
  // When the swallowed lines leave the record malformed, the rejection
  // says why.
  std::string unbalanced = csv;
  unbalanced.replace(unbalanced.find("不错\","), 8, "不错,");
  unbalanced.replace(unbalanced.find("10:00\n6"), 5, "10:00\"");
  auto u = Import("m3.csv", unbalanced);
  ASSERT_TRUE(u.ok());
  ASSERT_EQ(u->rows_rejected, 1);
  EXPECT_NE(u->errors[0].find("quote"), std::string::npos) << u->errors[0];
  // A later malformed row gets its own reason, not the earlier row's warning.
  auto later = Import("m4.csv", csv + "7,\"a\"b,2025-06-18 10:00\n");
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->errors.size(), 1u);
  EXPECT_EQ(later->errors[0].find("lines 3-"), std::string::npos) << later->errors[0];
  ImportOptions strict;
  strict.strict = true;
  auto s = Import("m2.csv", csv, strict);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("quote"), std::string::npos) << s.status().message();
}

// Defect: invalid bytes in a GBK file became U+FFFD with 0 rejected.
TEST_F(HostileInputTest, UndecodableBytesInAGbkFileRejectTheirRow) {
  // 山茶集 in GBK, then a row with a lead byte followed by a control byte.
  const std::string gbk = "id,text,time\n1,\xC9\xBD\xB2\xE8\xBC\xAF,2025-06-18 10:00\n2,\x81\x05x,2025-06-18 10:00\n";
  ImportOptions o;
  o.encoding = "gbk";
  auto r = Import("g.csv", gbk, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 1);
  ASSERT_EQ(r->rows_rejected, 1);
  EXPECT_NE(r->errors[0].find("not valid gbk"), std::string::npos) << r->errors[0];
  EXPECT_EQ(QueryText(db_, "SELECT text FROM mentions"), "山茶集");
}

// Defect: JSONL had no line-length limit (a 256 MiB line took 1 GB).
TEST_F(HostileInputTest, AnOverlongJsonLineIsOneRejectedRow) {
  std::string jsonl = R"({"id":"1","text":"山茶集好喝","time":"2025-06-18 10:00"})" "\n";
  jsonl += R"({"id":"2","text":")" + std::string(17u << 20, 'x') + "\"}\n";
  jsonl += R"({"id":"3","text":"山茶集一般","time":"2025-06-18 11:00"})" "\n";
  auto r = Import("m.jsonl", jsonl);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 2);
  ASSERT_EQ(r->rows_rejected, 1);
  EXPECT_NE(r->errors[0].find("m.jsonl:2: line longer than 16 MiB"), std::string::npos) << r->errors[0];
}

// Defect: two imports started at once on a fresh workspace failed at once
// with "database is locked", or with "table imports already exists".
TEST(ConcurrentImportTest, TwoImportsIntoAFreshWorkspaceBothSucceed) {
  for (int trial = 0; trial < 6; ++trial) {
    TempDir dir;
    const auto db = dir / "workspace.db";
    std::string a = "id,text,time\n", b = "id,text,time\n";
    for (int i = 0; i < 3000; ++i) {
      a += fmt::format("a{},山茶集好喝,2025-06-18 10:00\n", i);
      b += fmt::format("b{},青柠社一般,2025-06-18 10:00\n", i);
    }
    const auto file_a = WriteFile(dir / "a.csv", a), file_b = WriteFile(dir / "b.csv", b);
    Status status[2];
    auto run = [&](int which, const std::filesystem::path& file) {
      auto store = OpenWorkspace(db);
      if (!store.ok()) {
        status[which] = store.status();
        return;
      }
      ImportOptions o;
      o.defaults["platform"] = "weibo";
      auto r = ImportFile(**store, "mentions", file, o);
      status[which] = r.ok() ? Status::Ok() : r.status();
    };
    std::thread first(run, 0, file_a), second(run, 1, file_b);
    first.join();
    second.join();
    ASSERT_TRUE(status[0].ok()) << "trial " << trial << ": " << status[0].message();
    ASSERT_TRUE(status[1].ok()) << "trial " << trial << ": " << status[1].message();
    EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mentions"), 6000);
  }
}

}  // namespace
}  // namespace brandlens
