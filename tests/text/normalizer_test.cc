#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

class NormalizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { normalizer_ = std::move(Normalizer::Create().value()); }
  NormalizedText N(std::string_view s) {
    NormalizedText out;
    normalizer_->Normalize(s, out);
    return out;
  }
  static inline std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(NormalizerTest, FullWidthAndCaseFold) {
  EXPECT_EQ(N("ＳｈａｎＣｈａ １２３，好喝！").text, "shancha 123,好喝!");
  EXPECT_EQ(N("iPhone 15 PRO").text, "iphone 15 pro");
}

TEST_F(NormalizerTest, TypographicApostrophesBecomeAscii) {
  EXPECT_EQ(N("I don’t like it").text, "i don't like it");
  EXPECT_EQ(N("‘良心’价格").text, "'良心'价格");
  EXPECT_EQ(N("“引号”不变").text, "“引号”不变");
}

TEST_F(NormalizerTest, TraditionalToSimplified) {
  const auto n = N("這個價格太貴了，服務態度很好");
  EXPECT_EQ(n.text, "这个价格太贵了,服务态度很好");
  EXPECT_TRUE(n.had_traditional);
  EXPECT_FALSE(N("这个价格太贵了").had_traditional);
  // Only the clauses holding traditional characters go through OpenCC; the
  // result is the same as converting the whole text.
  EXPECT_EQ(N("简体开头，這個價格太貴了。中间简体！後來服務態度很好，结尾简体").text,
            "简体开头,这个价格太贵了。中间简体!后来服务态度很好,结尾简体");
  EXPECT_EQ(N("頭髮").text, "头发");
}

TEST_F(NormalizerTest, UrlsMentionsTopicsAndEmojiBecomeFeatures) {
  const auto n = N("转发//@小鱼: #山茶集新品# 太好喝了😍😍 [赞] 链接 https://t.cn/A6abc");
  EXPECT_EQ(n.mentions, std::vector<std::string>{"小鱼"});
  EXPECT_EQ(n.topics, std::vector<std::string>{"山茶集新品"});
  EXPECT_EQ(n.urls, std::vector<std::string>{"https://t.cn/A6abc"});
  // Each emoji counts on its own; [赞] is a platform code.
  EXPECT_EQ(n.emoji, (std::vector<std::string>{"[赞]", "😍", "😍"}));
  EXPECT_NE(n.text.find("山茶集新品"), std::string::npos);  // topic words stay as content
  EXPECT_EQ(n.text.find("http"), std::string::npos);
  EXPECT_EQ(n.text.find("小鱼"), std::string::npos);
}

TEST_F(NormalizerTest, ZwjEmojiSequencesStayOne) {
  const auto n = N("好评👨‍👩‍👧哈");
  ASSERT_EQ(n.emoji.size(), 1u);
  EXPECT_EQ(n.text, "好评 哈");
}

TEST_F(NormalizerTest, ElongationIsCollapsedAndCounted) {
  const auto n = N("好好好好喝!!!! sooooo goood");
  EXPECT_EQ(n.text, "好喝! soo good");
  EXPECT_EQ(n.elongations, 4);
  EXPECT_EQ(n.exclamations, 4);
  EXPECT_EQ(N("好好学习").text, "好好学习");  // a double is a word, not elongation
}

TEST_F(NormalizerTest, HtmlEntities) {
  EXPECT_EQ(N("价格&gt;100 &amp; 服务&#22909;").text, "价格>100 & 服务好");
}

TEST_F(NormalizerTest, EmptyAndPureEmoji) {
  EXPECT_EQ(N("").text, "");
  const auto n = N("😡😡😡");
  EXPECT_EQ(n.emoji.size(), 3u);
  EXPECT_EQ(n.text, "");
}

}  // namespace
}  // namespace brandlens
