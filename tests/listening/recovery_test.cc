// Recovery on the demo world: what `brandlens run` reports against the truth
// the world was generated from. Tolerances are stated in each check.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "demo/demo_world.h"
#include "ingest/csv_columns.h"
#include "ingest/project_import.h"
#include "listening/facts.h"
#include "listening/metrics.h"
#include "listening/spikes.h"
#include "project/project.h"
#include "test_util.h"
#include "text/workspace_analysis.h"
#include "text/workspace_spam.h"

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
    ASSERT_TRUE(DetectWorkspaceSpam(*store_, SpamDetector(), 2).ok());
    truth_mentions_ = world->truth.parent_path() / "mentions.csv";
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
  static inline std::filesystem::path truth_mentions_;
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

TEST_F(RecoveryTest, SpamAndTheCoordinatedCampaignsAreFoundAndLeftOut) {
  // The planted kinds, by source id: advertising (spam) and the two 水军
  // campaigns (spam|coordinated).
  std::map<std::string, std::string> planted;
  ASSERT_TRUE(ForEachCsvRow(
                  truth_mentions_.string(), {"source_id", "flags"},
                  [&](int64_t, std::span<const std::string_view> f) {
                    if (f[1].find("coordinated") != std::string_view::npos) planted[std::string(f[0])] = "coordinated";
                    else if (f[1].find("spam") != std::string_view::npos) planted[std::string(f[0])] = "advertising";
                    return Status::Ok();
                  },
                  [](int64_t, const std::string&) {}, "utf-8")
                  .ok());
  std::map<int64_t, std::string> kind_of_mention;
  const std::string_view spam_columns[] = {"mention_id", "kind"};
  ASSERT_TRUE(ForEachRow(*store_, "mention_spam", spam_columns, {}, [&](RowView& row) {
    kind_of_mention[row.Int(0)] = std::string(row.Text(1));
    return Status::Ok();
  }).ok());
  std::vector<int64_t> ids;
  for (const auto& [id, kind] : kind_of_mention) ids.push_back(id);
  std::map<std::string, std::string> found;
  const std::string_view mention_columns[] = {"id", "source_id"};
  ScanFilter of_spam;
  of_spam.ids = ids;
  ASSERT_TRUE(ForEachRow(*store_, "mentions", mention_columns, of_spam, [&](RowView& row) {
    found[std::string(row.Text(1))] = kind_of_mention[row.Int(0)];
    return Status::Ok();
  }).ok());
  for (const std::string kind : {"advertising", "coordinated"}) {
    int64_t truth_n = 0, found_n = 0, both = 0;
    for (const auto& [id, k] : planted) truth_n += k == kind;
    for (const auto& [id, k] : found) {
      found_n += k == kind;
      auto it = planted.find(id);
      both += k == kind && it != planted.end() && it->second == kind;
    }
    ASSERT_GT(truth_n, 0) << kind;
    // Precision and recall at least 0.95 each (measured: 1.0 and 1.0).
    EXPECT_GE(static_cast<double>(both), 0.95 * static_cast<double>(found_n)) << kind;
    EXPECT_GE(static_cast<double>(both), 0.95 * static_cast<double>(truth_n)) << kind;
  }
  // …and listening leaves them out.
  int64_t coordinated_left_out = 0;
  for (const SpamFact& f : facts_->spam) coordinated_left_out += f.coordinated;
  EXPECT_GT(static_cast<int64_t>(facts_->spam.size()) - coordinated_left_out, 0);
  EXPECT_GT(coordinated_left_out, 0);
  for (const MentionFact& m : facts_->mentions) ASSERT_FALSE(kind_of_mention.contains(m.mention_id)) << m.mention_id;
}

}  // namespace
}  // namespace brandlens
