// The numeric CSV reader of `brandlens cluster`: what it accepts and the
// errors (file, line, column) for what it does not.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "personas/numeric_csv.h"

namespace brandlens {
namespace {

TEST(NumericCsvTest, ReadsHeaderRowsAndCommonShapes) {
  auto m = ParseNumericCsv("\xEF\xBB\xBFx, y\r\n1,2\r\n\r\n-3.5e2,\"+4\"\n 0.25 ,7", "p.csv");
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(m->rows, 3u);
  EXPECT_EQ(m->values, (std::vector<float>{1, 2, -350, 4, 0.25f, 7}));
}

TEST(NumericCsvTest, ErrorsNameLineAndColumn) {
  auto text = ParseNumericCsv("a,b\n1,2\n3,abc\n", "p.csv");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().message(), "p.csv:3: column 'b': 'abc' is not a number");
  auto nan = ParseNumericCsv("a,b\n1,nan\n", "p.csv");
  ASSERT_FALSE(nan.ok());
  EXPECT_EQ(nan.status().message(), "p.csv:2: column 'b': 'nan' is not a finite number");
  auto inf = ParseNumericCsv("a\n1\ninf\n", "p.csv");
  ASSERT_FALSE(inf.ok());
  EXPECT_NE(inf.status().message().find("p.csv:3:"), std::string::npos);
  auto short_row = ParseNumericCsv("a,b,c\n1,2\n", "p.csv");
  ASSERT_FALSE(short_row.ok());
  EXPECT_NE(short_row.status().message().find("p.csv:2: the row has 2 cells but the header has 3 columns (column 'c'"),
            std::string::npos)
      << short_row.status().message();
  auto long_row = ParseNumericCsv("a\n1,2\n", "p.csv");
  ASSERT_FALSE(long_row.ok());
  EXPECT_NE(long_row.status().message().find("p.csv:2: the row has more"), std::string::npos);
  auto empty_cell = ParseNumericCsv("a,b\n1,\n", "p.csv");
  ASSERT_FALSE(empty_cell.ok());
  EXPECT_NE(empty_cell.status().message().find("column 'b': the cell is empty"), std::string::npos);
}

TEST(NumericCsvTest, EmptyFilesAreClearErrors) {
  auto empty = ParseNumericCsv("", "e.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("e.csv:1: the file is empty"), std::string::npos);
  auto header_only = ParseNumericCsv("a,b\n", "h.csv");
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.status().message().find("no rows"), std::string::npos);
  EXPECT_FALSE(ReadNumericCsv("/nonexistent/file.csv").ok());
}

TEST(NumericCsvTest, ParallelSlicesAgreeWithOneAndNumberLinesRight) {
  // Over 1 MiB so the reader splits it across threads.
  std::string csv = "a,b,c\n";
  for (int i = 0; i < 120000; ++i) csv += fmt::format("{},{},{}\n", i, i * 0.5, -i);
  auto one = ParseNumericCsv(csv, "big.csv", 1), two = ParseNumericCsv(csv, "big.csv", 2);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->rows, 120000u);
  EXPECT_EQ(one->values, two->values);
  csv += "1,2,x\n";  // line 120002, in the last slice
  auto bad = ParseNumericCsv(csv, "big.csv", 2);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "big.csv:120002: column 'c': 'x' is not a number");
}

}  // namespace
}  // namespace brandlens
