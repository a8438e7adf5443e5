#include <gtest/gtest.h>

#include "test_util.h"
#include "text/sentiment_model.h"

namespace brandlens {
namespace {

// A small labelled domain the lexicon knows nothing about: 回购 and 退货
// carry the sentiment of these made-up product reviews.
std::pair<std::vector<std::string>, std::vector<std::string>> Corpus() {
  std::vector<std::string> texts, labels;
  const char* goods[] = {"已经回购第三次", "会一直回购", "第二次回购了", "家里人让我再回购"};
  const char* bads[] = {"申请退货了", "准备退货", "已经退货", "客服同意退货"};
  for (int i = 0; i < 60; ++i) {
    texts.push_back(std::string(goods[i % 4]) + "，这款面霜" + std::to_string(i));
    labels.push_back("1");
    texts.push_back(std::string(bads[i % 4]) + "，这款面霜" + std::to_string(i));
    labels.push_back("0");
  }
  return {texts, labels};
}

TEST(FastTextTest, TrainsSavesLoadsAndPredicts) {
  auto analyzer = std::move(TextAnalyzer::Create({"beauty", {}}).value());
  auto [texts, labels] = Corpus();
  auto classifier = SentimentModel::TrainSupervised(*analyzer, texts, labels);
  ASSERT_TRUE(classifier.ok()) << classifier.status().message();
  EXPECT_EQ((*classifier)->labels(), (std::vector<std::string>{"0", "1"}));

  testing::TempDir dir;
  const std::string path = (dir / "model.bin").string();
  ASSERT_TRUE((*classifier)->Save(path).ok());
  auto loaded = FastTextClassifier::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const SentimentModel model(std::move(loaded.value()));
  Analysis a;
  ASSERT_TRUE(analyzer->Analyze("这个面霜我会回购", a).ok());
  EXPECT_EQ(model.Predict(a).label, SentimentLabel::kPositive);
  ASSERT_TRUE(analyzer->Analyze("面霜已经退货", a).ok());
  EXPECT_EQ(model.Predict(a).label, SentimentLabel::kNegative);
}

TEST(FastTextTest, LoadingGarbageIsAClearError) {
  testing::TempDir dir;
  const auto path = testing::WriteFile(dir / "bad.bin", "not a model");
  auto loaded = FastTextClassifier::Load(path.string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("bad.bin"), std::string::npos);
  EXPECT_FALSE(FastTextClassifier::Load("/nonexistent/model.bin").ok());
}

TEST(FastTextTest, SelfTrainingNeedsConfidentTextsOfBothPolarities) {
  auto analyzer = std::move(TextAnalyzer::Create({"general", {}}).value());
  std::vector<std::string> only_positive(500, "非常好，很满意");
  EXPECT_FALSE(SentimentModel::SelfTrain(*analyzer, only_positive).ok());
}

TEST(FastTextTest, SelfTrainingLearnsANeutralClassWhenTextsOftenTakeNoSide) {
  auto analyzer = std::move(TextAnalyzer::Create({"general", {}}).value());
  std::vector<std::string> texts;
  for (int i = 0; i < 250; ++i) {
    texts.push_back("非常好，很满意" + std::to_string(i));
    texts.push_back("太差了，很失望" + std::to_string(i));
  }
  auto binary = SentimentModel::SelfTrain(*analyzer, texts);
  ASSERT_TRUE(binary.ok()) << binary.status().message();
  EXPECT_EQ((*binary)->labels().size(), 2u);  // reviews: every text takes a side
  for (int i = 0; i < 60; ++i) texts.push_back("今天去了门店" + std::to_string(i));  // 60 of 560: over 5%
  auto three = SentimentModel::SelfTrain(*analyzer, texts);
  ASSERT_TRUE(three.ok()) << three.status().message();
  EXPECT_EQ((*three)->labels().size(), 3u);
  const SentimentModel model(std::move(three.value()), SentimentModel::Features::kTokensOnly);
  Analysis a;
  ASSERT_TRUE(analyzer->Analyze("今天去了门店", a).ok());
  EXPECT_EQ(model.Predict(a).label, SentimentLabel::kNeutral);
}

}  // namespace
}  // namespace brandlens
