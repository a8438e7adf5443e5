#include "text/casefold_table.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <random>

namespace brandlens {
namespace {

std::string Utf8(UChar32 c) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, c);
  return std::string(buf, static_cast<size_t>(len));
}

std::string IcuFold(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc_cf->normalizeUTF8(0, s, sink, nullptr, err);
  EXPECT_TRUE(U_SUCCESS(err));
  return out;
}

TEST(CasefoldTableTest, AgreesWithIcuOnEveryBmpCodePoint) {
  const CasefoldTable& table = CasefoldTable::Get();
  int folded_alone = 0;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const std::string s = Utf8(c);
    std::string out;
    if (!table.Fold(s, out)) continue;
    ++folded_alone;
    ASSERT_EQ(out, IcuFold(s)) << "U+" << std::hex << c;
  }
  EXPECT_GT(folded_alone, 60000);  // nearly all of the BMP folds alone
}

TEST(CasefoldTableTest, AgreesWithIcuOnMixedTexts) {
  // Characters that interact under normalization (combining marks, Hangul
  // jamo, kana sound marks) mixed with ones that do not.
  const std::vector<UChar32> pool = {'a', 'E', 'z', '1', ' ', ',', 0x0301, 0x0308, 0x00C5, 0x1100, 0x1161, 0x11A8,
                                     0xAC00, 0x304B, 0x3099, 0x309A, 0x30AB, 0xFF21, 0xFF41, 0xFF0C, 0xFF01, 0x3002,
                                     0x4E2D, 0x534E, 0x2163, 0xFB01, 0x00DF, 0x0130, 0x03A3, 0x1E9E, 0x00AD, 0x200B,
                                     0x3000, 0x1F600, 0x2460, 0x33A1};
  std::mt19937 rng(7);
  const CasefoldTable& table = CasefoldTable::Get();
  int fast = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s;
    const int len = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < len; ++k) s += Utf8(pool[rng() % pool.size()]);
    std::string out;
    if (!table.Fold(s, out)) continue;
    ++fast;
    ASSERT_EQ(out, IcuFold(s)) << s;
  }
  EXPECT_GT(fast, 100);
}

TEST(CasefoldTableTest, FoldsChineseReviewsAlone) {
  const std::string review = "房间很干净，服务ＧＯＯＤ！早餐一般。iPhone充电器没有（前台借的）";
  std::string out;
  ASSERT_TRUE(CasefoldTable::Get().Fold(review, out));
  EXPECT_EQ(out, "房间很干净,服务good!早餐一般。iphone充电器没有(前台借的)");
  EXPECT_EQ(out, IcuFold(review));
}

TEST(CasefoldTableTest, LeavesInteractingCharactersAndBadBytesToIcu) {
  std::string out;
  EXPECT_FALSE(CasefoldTable::Get().Fold("cafe\xCC\x81", out));  // e + combining acute composes to é
  EXPECT_FALSE(CasefoldTable::Get().Fold("\xE3\x81\x8B\xE3\x82\x99", out));  // か + voiced mark → が
  EXPECT_FALSE(CasefoldTable::Get().Fold("ok\xFF", out));
}

}  // namespace
}  // namespace brandlens
