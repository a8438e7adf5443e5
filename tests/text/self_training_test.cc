// Self-training: the hashed linear classifier and what SentimentModel makes
// of it on unlabelled texts.
#include <gtest/gtest.h>

#include <fstream>

#include "test_util.h"
#include "text/hashed_classifier.h"
#include "text/sentiment_model.h"

namespace brandlens {
namespace {

std::unique_ptr<TextAnalyzer> Analyzer() { return std::move(TextAnalyzer::Create({"general", {}}).value()); }

Result<HashedClassifier> SelfTrain(const TextAnalyzer& analyzer, const std::vector<std::string>& texts,
                                   unsigned threads = 0) {
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  return SentimentModel::SelfTrain(analyzer, views, threads);
}

SentimentLabel Verdict(const SentimentModel& model, const TextAnalyzer& analyzer, std::string_view text) {
  Analysis a;
  EXPECT_TRUE(analyzer.Analyze(text, a).ok());
  return model.Predict(a).label;
}

// A domain whose own words carry sentiment the lexicon does not know: in
// confident reviews, 有型 (holds its shape) sits beside praise and 扎人
// (itchy) beside complaints.
std::vector<std::string> KnitwearReviews() {
  const char* praise[] = {"非常好，很满意，", "质量很好，喜欢，", "太棒了，推荐，"};
  const char* complaints[] = {"太差了，很失望，", "质量很差，后悔，", "非常糟糕，不推荐，"};
  std::vector<std::string> texts;
  for (int i = 0; i < 300; ++i) {
    texts.push_back(std::string(praise[i % 3]) + "上身有型，第" + std::to_string(i) + "件");
    texts.push_back(std::string(complaints[i % 3]) + "穿上就扎人" + std::to_string(i));
  }
  return texts;
}

TEST(SelfTrainingTest, NeedsConfidentTextsOfBothPolarities) {
  auto analyzer = Analyzer();
  std::vector<std::string> only_positive(500, "非常好，很满意");
  auto trained = SelfTrain(*analyzer, only_positive);
  ASSERT_FALSE(trained.ok());
  EXPECT_NE(trained.status().message().find("0 negative"), std::string::npos) << trained.status().message();
}

TEST(SelfTrainingTest, LearnsTheDomainsOwnOpinionWords) {
  auto analyzer = Analyzer();
  auto trained = SelfTrain(*analyzer, KnitwearReviews(), 2);
  ASSERT_TRUE(trained.ok()) << trained.status().message();
  EXPECT_EQ(trained->classes(), 2);  // reviews: every text takes a side
  const SentimentModel model(std::make_shared<const HashedClassifier>(std::move(trained.value())));
  // Neither sentence has a word the lexicon scores.
  EXPECT_EQ(Verdict(SentimentModel(), *analyzer, "这件毛衣扎人"), SentimentLabel::kNeutral);
  EXPECT_EQ(Verdict(SentimentModel(), *analyzer, "这件毛衣上身有型"), SentimentLabel::kNeutral);
  EXPECT_EQ(Verdict(model, *analyzer, "这件毛衣扎人"), SentimentLabel::kNegative);
  EXPECT_EQ(Verdict(model, *analyzer, "这件毛衣上身有型"), SentimentLabel::kPositive);
}

TEST(SelfTrainingTest, LearnsANeutralClassWhenTextsOftenTakeNoSide) {
  auto analyzer = Analyzer();
  std::vector<std::string> texts;
  for (int i = 0; i < 250; ++i) {
    texts.push_back("非常好，很满意" + std::to_string(i));
    texts.push_back("太差了，很失望" + std::to_string(i));
  }
  for (int i = 0; i < 60; ++i) texts.push_back("今天去了门店" + std::to_string(i));  // 60 of 560: over 5%
  auto three = SelfTrain(*analyzer, texts);
  ASSERT_TRUE(three.ok()) << three.status().message();
  EXPECT_EQ(three->classes(), 3);
  const SentimentModel model(std::make_shared<const HashedClassifier>(std::move(three.value())));
  EXPECT_EQ(Verdict(model, *analyzer, "今天去了门店"), SentimentLabel::kNeutral);
}

TEST(SelfTrainingTest, TrainingIsDeterministicWhateverTheThreads) {
  auto analyzer = Analyzer();
  auto one = SelfTrain(*analyzer, KnitwearReviews(), 1);
  auto two = SelfTrain(*analyzer, KnitwearReviews(), 2);
  ASSERT_TRUE(one.ok() && two.ok());
  std::vector<uint32_t> features;
  Analysis a;
  ASSERT_TRUE(analyzer->Analyze("穿上就扎人，但是上身有型", a).ok());
  HashedClassifier::Features(a.tokens, a.normalized.emoji, one->bits(), features);
  float p1[2], p2[2];
  one->Predict(features, p1);
  two->Predict(features, p2);
  EXPECT_EQ(p1[0], p2[0]);
  EXPECT_EQ(p1[1], p2[1]);
}

TEST(HashedClassifierTest, ASavedModelPredictsExactlyAsBefore) {
  testing::TempDir dir;
  std::vector<std::vector<uint32_t>> examples = {{1, 2, 3}, {4, 5, 6}, {1, 3, 7}, {4, 6, 8}};
  std::vector<int> labels = {1, 0, 1, 0};
  HashedClassifier::TrainOptions options;
  options.bits = 10;
  options.epochs = 50;
  auto model = HashedClassifier::Train(examples, labels, 2, options);
  ASSERT_TRUE(model.ok()) << model.status().message();
  ASSERT_TRUE(model->Save(dir / "m.bin").ok());
  auto loaded = HashedClassifier::Load(dir / "m.bin");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const std::vector<uint32_t> unseen = {1, 7, 9};
  float before[2], after[2];
  model->Predict(unseen, before);
  loaded->Predict(unseen, after);
  EXPECT_GT(before[1], 0.8f);  // features 1 and 7 were only ever seen in class 1
  EXPECT_EQ(before[0], after[0]);
  EXPECT_EQ(before[1], after[1]);
}

TEST(HashedClassifierTest, BadInputAndBadFilesAreClearErrors) {
  EXPECT_FALSE(HashedClassifier::Train({}, {}, 2, {}).ok());
  EXPECT_FALSE(HashedClassifier::Train({{1}}, {2}, 2, {}).ok());  // label out of range
  testing::TempDir dir;
  const auto garbage = testing::WriteFile(dir / "garbage.bin", "not a model at all");
  auto loaded = HashedClassifier::Load(garbage);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), Status::Code::kCorruption);
  EXPECT_NE(loaded.status().message().find("garbage.bin"), std::string::npos);
  // A model cut short in the middle of a weight row.
  HashedClassifier::TrainOptions options;
  options.bits = 10;
  auto model = HashedClassifier::Train({{1, 2}, {3, 4}}, {0, 1}, 2, options);
  ASSERT_TRUE(model.ok());
  ASSERT_TRUE(model->Save(dir / "whole.bin").ok());
  const std::string bytes = testing::ReadFile(dir / "whole.bin");
  testing::WriteFile(dir / "cut.bin", bytes.substr(0, bytes.size() - 3));
  auto cut = HashedClassifier::Load(dir / "cut.bin");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos) << cut.status().message();
  EXPECT_EQ(HashedClassifier::Load(dir / "missing.bin").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace brandlens
