#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

struct Row {
  int64_t line;
  std::vector<std::string> fields;
  std::string error;
};

// Reads every record, with a tiny chunk size so that records straddle chunks.
std::vector<Row> ReadAll(const std::string& bytes, size_t chunk = 7) {
  TempDir dir;
  auto file = TextFile::Open(WriteFile(dir / "t.csv", bytes).string());
  EXPECT_TRUE(file.ok());
  CsvReader reader(**file, 0, chunk);
  CsvRecord rec;
  std::vector<Row> rows;
  for (;;) {
    auto got = reader.Next(rec);
    EXPECT_TRUE(got.ok()) << got.status().message();
    if (!got.ok() || !*got) break;
    rows.push_back({rec.line, std::vector<std::string>(rec.fields.begin(), rec.fields.end()), rec.error});
  }
  return rows;
}

TEST(CsvReaderTest, QuotedFieldsEmbeddedNewlinesAndDoubledQuotes) {
  const auto rows = ReadAll("id,text\n1,\"好喝, 但是\"\"贵\"\"\n第二行\"\n2,plain\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "好喝, 但是\"贵\"\n第二行"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4);  // the embedded newline counts as a line
  EXPECT_EQ(rows[2].fields[1], "plain");
}

TEST(CsvReaderTest, CrlfEmptyFieldsAndNoFinalNewline) {
  const auto rows = ReadAll("a,b,c\r\n1,,3\r\n,\"\",\r\nx,y,z");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "", "3"}));
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"x", "y", "z"}));
}

TEST(CsvReaderTest, DetectsTabAndSemicolonDelimiters) {
  EXPECT_EQ(ReadAll("a\tb\n1,5\t2\n")[1].fields, (std::vector<std::string>{"1,5", "2"}));
  EXPECT_EQ(ReadAll("a;b\n1;2\n")[1].fields, (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  const auto rows = ReadAll("a\n\n\nx\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].line, 4);
}

TEST(CsvReaderTest, AStrayQuoteSpoilsOneRowOnly) {
  const auto rows = ReadAll("a,b\n1,5\"screen\n2,ok\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[1].error.find("quote inside unquoted field 2"), std::string::npos);
  EXPECT_EQ(rows[2].error, "");
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"2", "ok"}));
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsAnError) {
  const auto rows = ReadAll("a,b\n\"x\"y,1\n2,3\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[1].error.find("after a closing quote"), std::string::npos);
  EXPECT_EQ(rows[2].fields[0], "2");
}

TEST(CsvReaderTest, AnUnclosedQuoteIsReportedWithItsLine) {
  const auto rows = ReadAll("a,b\n1,ok\n2,\"never closed\n3,x\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_NE(rows[2].error.find("opened on line 3"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
