// The workspace's self-trained sentiment model: learned on the first run,
// kept and reused, learned again when the corpus has doubled, and one flag
// (or one config key) away from the lexicon alone.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "project/main_job.h"
#include "project/workspace_sentiment.h"
#include "test_util.h"
#include "text/hashed_classifier.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

// `n` reviews of a tea shop, half praise and half complaints, ids from `first`.
std::string Reviews(int first, int n) {
  const char* texts[] = {"奶茶很好喝，非常满意", "太甜了，很失望，不推荐", "服务很好，环境也不错",
                         "排队太久，态度很差"};
  std::string csv;
  for (int i = first; i < first + n; ++i)
    csv += fmt::format("m{},\"{}{}\",2025-06-{:02} 12:00\n", i, texts[i % 4], i, 1 + i % 28);
  return csv;
}

void WriteProject(const TempDir& dir, int reviews, const std::string& text_section = "") {
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, reviews));
  WriteFile(dir / "brandlens.toml", R"([project]
name = "test"
industry = "food_and_drink"
[[brands]]
name = "山茶集"
own = true
)" + text_section + R"(
[[sources]]
kind = "mentions"
path = "mentions.csv"
platform = "dianping"
)");
}

Result<MainJobResult> RunJob(const TempDir& dir, bool lexicon_only = false) {
  MainJobOptions options;
  options.project_dir = dir.path();
  options.threads = 2;
  options.lexicon_only = lexicon_only;
  return RunMainJob(options);
}

TEST(WorkspaceSentimentTest, LearnedOnceKeptThenLearnedAgainWhenTheCorpusDoubles) {
  TempDir dir;
  WriteProject(dir, 1000);
  auto first = RunJob(dir);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_TRUE(first->imports[0].error.ok()) << first->imports[0].error.message();
  EXPECT_EQ(first->sentiment_model, "self-trained on 1000 texts");
  EXPECT_TRUE(first->warnings.empty());
  ASSERT_TRUE(std::filesystem::exists(dir / "workspace.db.sentiment.bin"));
  EXPECT_NE(testing::ReadFile(dir / "workspace.db.sentiment.json").find("\"mentions\": 1000"), std::string::npos);

  // 50% more mentions: the kept model scores them.
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, 1500));
  auto second = RunJob(dir);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->analysis.analysed, 500);
  EXPECT_EQ(second->sentiment_model, "self-trained on 1000 texts (kept from an earlier run)");

  // Twice the mentions it learned from: it learns again, from all of them.
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, 2000));
  auto third = RunJob(dir);
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_EQ(third->sentiment_model, "self-trained on 2000 texts");
}

TEST(WorkspaceSentimentTest, AnUnreadableKeptModelIsLearnedAgain) {
  TempDir dir;
  WriteProject(dir, 1000);
  ASSERT_TRUE(RunJob(dir).ok());
  WriteFile(dir / "workspace.db.sentiment.bin", "garbage");
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, 1100));
  auto again = RunJob(dir);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->sentiment_model, "self-trained on 1100 texts");
  // A well-formed model of another shape (another build's feature width)
  // is not used either.
  HashedClassifier::TrainOptions narrow;
  narrow.bits = 10;
  auto other = HashedClassifier::Train({{1, 2}, {3, 4}}, {0, 1}, 2, narrow);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(other->Save(dir / "workspace.db.sentiment.bin").ok());
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, 1200));
  auto third = RunJob(dir);
  ASSERT_TRUE(third.ok()) << third.status().message();
  EXPECT_EQ(third->sentiment_model, "self-trained on 1200 texts");
}

TEST(WorkspaceSentimentTest, AModelTaughtByAnotherLexiconIsLearnedAgain) {
  // After an upgrade whose lexicon differs, the kept model's teacher is gone.
  TempDir dir;
  WriteProject(dir, 1000);
  ASSERT_TRUE(RunJob(dir).ok());
  const auto info_path = dir / "workspace.db.sentiment.json";
  auto info = nlohmann::json::parse(testing::ReadFile(info_path));
  ASSERT_TRUE(info["lexicon"].is_string());
  info["lexicon"] = "0000000000000000";
  WriteFile(info_path, info.dump());
  WriteFile(dir / "mentions.csv", "id,text,time\n" + Reviews(0, 1100));
  auto again = RunJob(dir);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->sentiment_model, "self-trained on 1100 texts");
}

TEST(WorkspaceSentimentTest, TheLexiconAloneIsOneFlagOrOneKeyAway) {
  TempDir by_flag;
  WriteProject(by_flag, 1000);
  auto flagged = RunJob(by_flag, /*lexicon_only=*/true);
  ASSERT_TRUE(flagged.ok()) << flagged.status().message();
  EXPECT_EQ(flagged->sentiment_model, "lexicon");
  EXPECT_FALSE(std::filesystem::exists(by_flag / "workspace.db.sentiment.bin"));

  TempDir by_config;
  WriteProject(by_config, 1000, "[text]\nself_train = false\n");
  auto configured = RunJob(by_config);
  ASSERT_TRUE(configured.ok()) << configured.status().message();
  EXPECT_EQ(configured->sentiment_model, "lexicon");
}

TEST(WorkspaceSentimentTest, TooFewTextsKeepTheLexiconAndSayWhy) {
  TempDir dir;
  WriteProject(dir, 100);
  auto run = RunJob(dir);
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->sentiment_model, "lexicon");
  ASSERT_EQ(run->warnings.size(), 1u);
  EXPECT_NE(run->warnings[0].find("200 of each needed"), std::string::npos) << run->warnings[0];
}

}  // namespace
}  // namespace brandlens
