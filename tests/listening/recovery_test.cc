// Recovery on the demo world: what `brandlens run` reports against the truth
// the world was generated from. Tolerances are stated in each check.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "demo/demo_world.h"
#include "ingest/project_import.h"
#include "listening/facts.h"
#include "listening/metrics.h"
#include "listening/spikes.h"
#include "project/project.h"
#include "test_util.h"
#include "text/workspace_analysis.h"

namespace brandlens {
namespace {

class RecoveryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    auto world = demo::WriteDemoWorld(dir_->path(), {20261129, 0.5});
    ASSERT_TRUE(world.ok());
    truth_ = nlohmann::json::parse(testing::ReadFile(world->truth));
    auto config = LoadConfig(world->config);
    ASSERT_TRUE(config.ok());
    store_ = std::move(OpenWorkspace(config->WorkspacePath()).value());
    // Mentions only: the rest of the world is not needed here.
    auto sources = std::move(ReadSourcesConfig(*config).value());
    std::erase_if(sources.sources, [](const SourceConfig& s) { return s.kind != "mentions"; });
    for (const auto& i : ImportSources(*store_, *config, sources)) ASSERT_TRUE(i.error.ok()) << i.error.message();
    auto analyzer = std::move(TextAnalyzer::Create(TextAnalyzer::OptionsFor(*config).value()).value());
    ASSERT_TRUE(AnalyzeWorkspace(*store_, *analyzer, SentimentModel(), 2).ok());
    auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
    facts_ = new ListeningFacts(std::move(LoadListeningFacts(*store_, {"山茶集", "青柠社", "蜜桃堂", "茶小满"}, *time).value()));
  }
  static void TearDownTestSuite() {
    delete facts_;
    store_.reset();
    delete dir_;
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline nlohmann::json truth_;
  static inline std::unique_ptr<Store> store_;
  static inline ListeningFacts* facts_ = nullptr;
};

TEST_F(RecoveryTest, ShareOfVoiceWithinTwoPointsAndNetSentimentWithinPointZeroEight) {
  const auto totals = BrandTotals(*facts_, facts_->first_day, facts_->last_day);
  for (const auto& b : truth_["brands"]) {
    const auto it = std::find_if(totals.begin(), totals.end(), [&](const BrandMetrics& m) { return m.brand == b["name"]; });
    ASSERT_NE(it, totals.end());
    EXPECT_NEAR(it->share_of_voice.value, b["share_of_voice"].get<double>(), 0.02) << it->brand;
    EXPECT_NEAR(it->net_sentiment.value, b["net_sentiment"].get<double>(), 0.08) << it->brand;
  }
}

TEST_F(RecoveryTest, CrisesFoundInTheirWindowsWithAtMostOneFalseAlarm) {
  const auto spikes = DetectSpikes(*facts_);
  int found = 0, false_alarms = 0;
  for (const auto& s : spikes) {
    bool matches = false;
    for (const auto& c : truth_["crises"]) {
      const int32_t start = DayNumber(c["start"].get<std::string>()), end = DayNumber(c["end"].get<std::string>());
      if (s.brand == c["brand"] && s.first_day <= end && s.last_day >= start) {
        matches = true;
        EXPECT_EQ(s.aspects.front().first, c["aspect"]) << s.brand;
      }
    }
    found += matches;
    false_alarms += !matches;
  }
  EXPECT_EQ(found, 2);
  EXPECT_LE(false_alarms, 1);
}

TEST_F(RecoveryTest, PlantedStrengthsAndWeaknessesFound) {
  const auto contrasts = CompareAspects(*facts_, AspectMatrix(*facts_));
  int planted = 0, found = 0, reversed = 0;
  for (const auto& sw : truth_["strengths_weaknesses"]) {
    ++planted;
    for (const auto& c : contrasts)
      if (c.competitor == sw["competitor"] && c.aspect == sw["aspect"]) {
        found += VerdictName(c.verdict) == sw["verdict"].get<std::string>();
        reversed += c.verdict != Verdict::kNone && VerdictName(c.verdict) != sw["verdict"].get<std::string>();
      }
  }
  EXPECT_GE(found, planted * 3 / 4) << found << " of " << planted;
  EXPECT_EQ(reversed, 0);
}

}  // namespace
}  // namespace brandlens
