#include <gtest/gtest.h>

#include "test_util.h"
#include "text/sentiment_model.h"

namespace brandlens {
namespace {

// A labelled domain the lexicon cannot know: made-up words (zorbly for
// praise, gronkish for complaints) carry the sentiment, so only a classifier
// that really learned can tell the classes apart.
std::pair<std::vector<std::string>, std::vector<std::string>> Corpus() {
  std::vector<std::string> texts, labels;
  const char* contexts[] = {"这款面霜", "the cream", "包装和质地", "用了一周"};
  for (int i = 0; i < 60; ++i) {
    texts.push_back(std::string(contexts[i % 4]) + " zorbly " + std::to_string(i));
    labels.push_back("1");
    texts.push_back(std::string(contexts[i % 4]) + " gronkish " + std::to_string(i));
    labels.push_back("0");
  }
  return {texts, labels};
}

// The classifier's own probability of `label` for a text it never saw.
float Probability(const FastTextClassifier& c, const TextAnalyzer& analyzer, const std::string& text,
                  const std::string& label) {
  Analysis a;
  EXPECT_TRUE(analyzer.Analyze(text, a).ok());
  for (const auto& [l, p] : c.Predict(ModelDocument(a, /*lexicon_features=*/true)))
    if (l == label) return p;
  return 0;
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
  // Held-out texts: the lexicon alone reads them as neutral.
  Analysis a;
  ASSERT_TRUE(analyzer->Analyze("朋友说 zorbly", a).ok());
  EXPECT_EQ(SentimentModel(nullptr).Predict(a).label, SentimentLabel::kNeutral);
  EXPECT_GT(Probability(**loaded, *analyzer, "朋友说 zorbly", "1"), 0.8f);
  EXPECT_GT(Probability(**loaded, *analyzer, "朋友说 gronkish", "0"), 0.8f);
  const SentimentModel model(std::move(loaded.value()));
  EXPECT_EQ(model.Predict(a).label, SentimentLabel::kPositive);
  ASSERT_TRUE(analyzer->Analyze("朋友说 gronkish", a).ok());
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
