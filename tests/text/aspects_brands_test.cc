#include <gtest/gtest.h>

#include "text/analyzer.h"

namespace brandlens {
namespace {

const AspectSentiment* FindAspect(const Analysis& a, std::string_view aspect) {
  for (const auto& x : a.aspects)
    if (x.aspect == aspect) return &x;
  return nullptr;
}

TEST(AspectsTest, EachAspectGetsItsOwnPolarity) {
  auto analyzer = std::move(TextAnalyzer::Create({"electronics", {}}).value());
  Analysis a;
  ASSERT_TRUE(analyzer->Analyze("这款手机拍照很出色但价格有点贵", a).ok());
  const auto* camera = FindAspect(a, "camera");
  const auto* price = FindAspect(a, "price");
  ASSERT_NE(camera, nullptr);
  ASSERT_NE(price, nullptr);
  EXPECT_GT(camera->score, 0);
  EXPECT_LT(price->score, 0);
  EXPECT_EQ(price->terms, std::vector<std::string>{"价格"});
  EXPECT_EQ(price->opinions, std::vector<std::string>{"有点贵"});
}

TEST(AspectsTest, IndustryVocabularyDecidesTheAspect) {
  auto food = std::move(TextAnalyzer::Create({"food_and_drink", {}}).value());
  Analysis a;
  ASSERT_TRUE(food->Analyze("奶盖很好喝，外卖送得太慢了，店里卫生很差", a).ok());
  ASSERT_NE(FindAspect(a, "taste"), nullptr);
  EXPECT_GT(FindAspect(a, "taste")->score, 0);
  ASSERT_NE(FindAspect(a, "delivery"), nullptr);
  EXPECT_LT(FindAspect(a, "delivery")->score, 0);
  ASSERT_NE(FindAspect(a, "hygiene"), nullptr);  // not the general "environment"
  EXPECT_LT(FindAspect(a, "hygiene")->score, 0);
}

class BrandsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TextAnalyzer::Options o;
    o.industry = "electronics";
    o.brands = {{"小米", true, {"Xiaomi", "MI", "红米"}}, {"华为", false, {"Huawei", "华为mate60"}},
                {"苹果", false, {"Apple", "iPhone"}}};
    analyzer_ = std::move(TextAnalyzer::Create(o).value());
  }
  static std::vector<int> Brands(std::string_view text) {
    Analysis a;
    EXPECT_TRUE(analyzer_->Analyze(text, a).ok());
    return a.brands;
  }
  static inline std::unique_ptr<TextAnalyzer> analyzer_;
};

TEST_F(BrandsTest, AliasesFindTheirBrand) {
  EXPECT_EQ(Brands("刚买了红米，很流畅"), std::vector<int>{0});
  EXPECT_EQ(Brands("HUAWEI的信号真好"), std::vector<int>{1});
  EXPECT_EQ(Brands("华为mate60拍照不错"), std::vector<int>{1});
  EXPECT_EQ(Brands("iPhone和小米都用过"), (std::vector<int>{2, 0}));
}

TEST_F(BrandsTest, CommonWordsContainingANameAreNotTheBrand) {
  EXPECT_TRUE(Brands("早上喝了一碗小米粥").empty());
  EXPECT_TRUE(Brands("超市的苹果汁打折").empty());
}

TEST_F(BrandsTest, ComparisonsNameTheWinner) {
  Analysis a;
  ASSERT_TRUE(analyzer_->Analyze("小米比华为便宜多了", a).ok());
  ASSERT_EQ(a.comparisons.size(), 1u);
  EXPECT_EQ(a.comparisons[0].winner, 0);
  EXPECT_EQ(a.comparisons[0].loser, 1);
  ASSERT_TRUE(analyzer_->Analyze("小米的拍照不如华为", a).ok());
  ASSERT_EQ(a.comparisons.size(), 1u);
  EXPECT_EQ(a.comparisons[0].winner, 1);
  ASSERT_TRUE(analyzer_->Analyze("iPhone吊打小米", a).ok());
  ASSERT_EQ(a.comparisons.size(), 1u);
  EXPECT_EQ(a.comparisons[0].winner, 2);
}

}  // namespace
}  // namespace brandlens
