#include "core/text_file.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

std::string ReadAll(TextFile& f, size_t chunk) {
  std::string out, buf(chunk, '\0');
  for (;;) {
    auto n = f.Read(buf.data(), buf.size());
    EXPECT_TRUE(n.ok()) << n.status().message();
    if (!n.ok() || *n == 0) break;
    out.append(buf.data(), *n);
  }
  return out;
}

// "评论,很好喝😍\n" in GB18030 (emoji as a four-byte sequence).
const std::string kGb18030 = "\xC6\xC0\xC2\xDB,\xBA\xDC\xBA\xC3\xBA\xC8\x94\x39\xFD\x39\n";

TEST(TextFileTest, PassesUtf8ThroughAndDropsTheBom) {
  TempDir dir;
  auto f = TextFile::Open(WriteFile(dir / "a.csv", "\xEF\xBB\xBFtext\n好喝\n").string());
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->encoding(), "utf-8");
  EXPECT_EQ(ReadAll(**f, 64), "text\n好喝\n");
}

TEST(TextFileTest, DetectsAndConvertsGb18030InSmallChunks) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 2000; ++i) body += kGb18030;  // larger than the detection sample
  auto f = TextFile::Open(WriteFile(dir / "dianping.csv", body).string());
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->encoding(), "gb18030");
  const std::string text = ReadAll(**f, 64);
  std::string expected;
  for (int i = 0; i < 2000; ++i) expected += "评论,很好喝😍\n";
  EXPECT_EQ(text, expected);
}

TEST(TextFileTest, ExplicitGbkEncoding) {
  TempDir dir;
  auto f = TextFile::Open(WriteFile(dir / "a.csv", "\xD6\xD0\xCE\xC4\n").string(), "GBK");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(ReadAll(**f, 4096), "中文\n");
}

TEST(TextFileTest, Utf8WithACorruptRowStaysUtf8) {
  // One bad byte among many valid Chinese characters: a damaged UTF-8 export,
  // to be reported per row, not re-decoded as GBK.
  std::string sample;
  for (int i = 0; i < 50; ++i) sample += "山茶集的奶茶很好喝\n";
  sample += "bad \xFF row\n";
  EXPECT_EQ(DetectEncoding(sample), "utf-8");
  EXPECT_EQ(DetectEncoding(kGb18030 + kGb18030), "gb18030");
  EXPECT_EQ(DetectEncoding("plain ascii"), "utf-8");
}

TEST(TextFileTest, ErrorsNameTheFile) {
  auto missing = TextFile::Open("/nonexistent/x.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/x.csv"), std::string::npos);
  TempDir dir;
  auto bad = TextFile::Open(WriteFile(dir / "a.csv", "x").string(), "klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("klingon"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
