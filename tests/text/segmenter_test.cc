#include "text/segmenter.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

std::string Seg(const Segmenter& s, std::string_view text) {
  std::vector<Token> tokens;
  s.Segment(text, tokens);
  std::string out;
  for (const auto& t : tokens) out.append(t.text).push_back('|');
  return out;
}

TEST(SegmenterTest, DictionaryWordsStayWholeWhereIcuSplitsThem) {
  const Segmenter plain({});
  const Segmenter with_dict({"华为", "性价比", "山茶集", "华为mate60"});
  EXPECT_NE(Seg(plain, "华为手机").find("华|为"), std::string::npos) << Seg(plain, "华为手机");
  EXPECT_EQ(Seg(with_dict, "华为手机"), "华为|手机|");
  EXPECT_NE(Seg(with_dict, "这家店性价比很高").find("性价比|"), std::string::npos);
  EXPECT_NE(Seg(with_dict, "买了华为mate60很满意").find("|华为mate60|"), std::string::npos);
}

TEST(SegmenterTest, AmbiguousLongerWordsWin) {
  const Segmenter s({"小米", "小米粥"});
  EXPECT_EQ(Seg(s, "喝小米粥"), "喝|小米粥|");
  EXPECT_EQ(Seg(s, "小米手机"), "小米|手机|");
}

TEST(SegmenterTest, PunctuationNumbersAndLatin) {
  const Segmenter s({});
  std::vector<Token> tokens;
  s.Segment("价格 368元, great!", tokens);
  std::string kinds;
  for (const auto& t : tokens) kinds += t.kind == TokenKind::kPunct ? 'p' : t.kind == TokenKind::kNumber ? 'n' : 'w';
  EXPECT_EQ(kinds, "wnwpwp");
  EXPECT_EQ(tokens[1].text, "368");
}

TEST(SegmenterTest, EmptyAndHugeInput) {
  const Segmenter s({"好喝"});
  EXPECT_EQ(Seg(s, ""), "");
  std::string huge;
  for (int i = 0; i < 100000; ++i) huge += "好喝";
  std::vector<Token> tokens;
  s.Segment(huge, tokens);
  EXPECT_EQ(tokens.size(), 100000u);
}

}  // namespace
}  // namespace brandlens
