#include "core/text_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <thread>

#include "core/encoding_detection.h"
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
  EXPECT_EQ(DecideEncoding(GatherEncodingEvidence(sample)).encoding, "utf-8");
  EXPECT_EQ(DecideEncoding(GatherEncodingEvidence(kGb18030 + kGb18030)).encoding, "gb18030");
  EXPECT_EQ(DecideEncoding(GatherEncodingEvidence("plain ascii")).encoding, "utf-8");
}

TEST(TextFileTest, StrayBytesFarIntoAUtf8FileDoNotMakeItGb18030) {
  // The regression: 64 KiB of ASCII, then a few Chinese rows with two stray
  // cp1252 bytes (é, ü). Judged on the first 64 KiB this became GB18030 and
  // the Chinese was stored as mojibake (山茶集 → 灞辫尪闆嗙殑).
  TempDir dir;
  std::string bytes = "id,text\n";
  while (bytes.size() < 70000) bytes += "r,plain ascii review\n";
  bytes += "x1,山茶集的奶茶 caf\xE9" "\n";
  bytes += "x2,山茶集 gr\xFC\xDF" "e\n";
  bytes += "x3,很好喝\n";
  auto f = TextFile::Open(WriteFile(dir / "a.csv", bytes).string());
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ((*f)->encoding(), "utf-8");
  EXPECT_NE((*f)->encoding_reason().find("invalid UTF-8"), std::string::npos) << (*f)->encoding_reason();
  const std::string text = ReadAll(**f, 4096);
  EXPECT_NE(text.find("x1,山茶集的奶茶"), std::string::npos);
}

TEST(TextFileTest, GbkFarIntoAFileIsStillFound) {
  TempDir dir;
  std::string bytes = "id,text\n";
  while (bytes.size() < 70000) bytes += "r,plain ascii review\n";
  for (int i = 0; i < 20; ++i) bytes += "g," + kGb18030;
  auto f = TextFile::Open(WriteFile(dir / "a.csv", bytes).string());
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)->encoding(), "gb18030");
  EXPECT_TRUE((*f)->converted());
}

TEST(TextFileTest, ReadsUtf16WithItsByteOrderMarkAndBareCarriageReturns) {
  TempDir dir;
  // "id,text\r1,好\r" in UTF-16LE with a BOM, lines ending in CR only.
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("i\0d\0,\0t\0e\0x\0t\0\r\0" "1\0,\0", 20) +
                            std::string("\x7D\x59\r\0", 4);
  auto f = TextFile::Open(WriteFile(dir / "u.csv", utf16).string());
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ((*f)->encoding(), "utf-16le");
  EXPECT_EQ(ReadAll(**f, 4096), "id,text\n1,好\n");
  // A UTF-8 file with CR-only line ends reads as lines too.
  auto cr = TextFile::Open(WriteFile(dir / "cr.csv", "id,text\r1,好\r").string());
  ASSERT_TRUE(cr.ok());
  EXPECT_EQ(ReadAll(**cr, 4096), "id,text\n1,好\n");
}

TEST(TextFileTest, ACrlfSplitAtAChunkEndIsNotMistakenForBareCr) {
  TempDir dir;
  // The first read ends between the CR and the LF of a long first line.
  const std::string crlf = std::string(63, 'a') + "\r\nb\r\n";
  auto f = TextFile::Open(WriteFile(dir / "long.csv", crlf).string());
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(ReadAll(**f, 64), crlf);
}

TEST(TextFileTest, APipeLongerThanTheSampleIsDetectedFromItsStart) {
  // A pipe cannot be read twice: its first 64 KiB decide.
  TempDir dir;
  const auto fifo = dir / "pipe.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string bytes = "id,text\n";
  while (bytes.size() < 100000) bytes += "1,山茶集很好喝\n";
  std::thread writer([&] { WriteFile(fifo, bytes); });
  auto f = TextFile::Open(fifo.string());
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ((*f)->encoding(), "utf-8");
  EXPECT_EQ(ReadAll(**f, 4096), bytes);
  writer.join();
}

TEST(TextFileTest, ReadsFromMemory) {
  auto f = TextFile::FromMemory("a,b\n1,中文\n", "body.csv");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(ReadAll(**f, 64), "a,b\n1,中文\n");
  auto empty = TextFile::FromMemory("", "empty.csv");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(ReadAll(**empty, 64), "");
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
