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
  EXPECT_EQ(SentimentModel().Predict(a).label, SentimentLabel::kNeutral);
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

}  // namespace
}  // namespace brandlens
