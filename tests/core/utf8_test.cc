#include "core/utf8.h"

#include <gtest/gtest.h>

#include "core/hash.h"

namespace brandlens {
namespace {

TEST(Utf8Test, FindsTheFirstInvalidByte) {
  EXPECT_TRUE(IsValidUtf8("山茶集 ShanCha 😍"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_EQ(FindInvalidUtf8("ok\xFFok"), 2u);
  EXPECT_EQ(FindInvalidUtf8("好\xE5\xA5"), 3u);           // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);             // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);        // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xD6\xD0\xCE\xC4"), 0u);     // GBK 中文
  EXPECT_EQ(FindInvalidUtf8("好\xE5\x41\x80"), 3u);       // ASCII where a continuation byte belongs
  EXPECT_EQ(FindInvalidUtf8("好好\xE5"), 6u);             // lead byte at the very end
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);         // overlong three-byte '/'
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBC\x8C\xE9\xBE\x98"), std::string_view::npos);  // ，龘
}

TEST(Utf8Test, CountsCodePointsAndSpotsHan) {
  EXPECT_EQ(CountCodePoints("山茶a😍"), 4u);
  EXPECT_TRUE(IsOneCodePoint("山"));
  EXPECT_TRUE(IsOneCodePoint("😍"));
  EXPECT_TRUE(IsOneCodePoint("a"));
  EXPECT_FALSE(IsOneCodePoint("山茶"));
  EXPECT_FALSE(IsOneCodePoint("ab"));
  EXPECT_FALSE(IsOneCodePoint(""));
  EXPECT_TRUE(ContainsHan("Tried 山茶集"));
  EXPECT_TRUE(ContainsHan("這個"));
  EXPECT_FALSE(ContainsHan("Tried ShanCha 😍"));
  EXPECT_FALSE(ContainsHan("こんにちは"));
}

TEST(StableHashTest, IsStableAndSeparatesParts) {
  // Stored dedup keys depend on this value never changing.
  EXPECT_EQ(StableHash({"weibo", "4900000000"}), StableHash({"weibo", "4900000000"}));
  EXPECT_NE(StableHash({"ab", "c"}), StableHash({"a", "bc"}));
  EXPECT_EQ(StableHash({}), 14695981039346656037ULL);
  EXPECT_EQ(StableHash({"a"}), 0x089BE907B544FDC9ULL);
}

}  // namespace
}  // namespace brandlens
