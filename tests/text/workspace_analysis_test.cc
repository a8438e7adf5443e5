#include "text/workspace_analysis.h"

#include <gtest/gtest.h>

#include "ingest/importer.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;
using testing::WriteFile;

// Imports `csv` (written to `file`) into the store as weibo mentions.
bool ImportMentions(Store& store, const std::filesystem::path& file, const std::string& csv) {
  ImportOptions o;
  o.defaults["platform"] = "weibo";
  return ImportFile(store, "mentions", WriteFile(file, csv), o).ok();
}

TEST(WorkspaceAnalysisTest, AnalysesOnlyNewMentionsAndWritesEveryTable) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  ASSERT_TRUE(ImportMentions(*store, dir / "a.csv", "id,time,text\n"
                                   "1,2025-06-18,山茶集的奶盖很好喝，但是价格太贵了\n"
                                   "2,2025-06-18,青柠社比山茶集便宜多了\n"
                                   "3,2025-06-18,今天下雨\n"));
  TextAnalyzer::Options options;
  options.industry = "food_and_drink";
  options.brands = {{"山茶集", true, {"ShanCha"}}, {"青柠社", false, {}}};
  auto analyzer = std::move(TextAnalyzer::Create(options).value());
  const SentimentModel model;

  auto first = AnalyzeWorkspace(*store, *analyzer, model, 2);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->analysed, 3);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_analysis"), 3);
  EXPECT_EQ(QueryText(db, "SELECT label FROM mention_analysis a JOIN mentions m ON m.id = a.mention_id WHERE m.source_id = '1'"),
            "negative");  // the clause after 但是 decides
  EXPECT_EQ(QueryText(db, "SELECT group_concat(aspect || ':' || label) FROM (SELECT * FROM mention_aspects ORDER BY aspect) "
                          "WHERE mention_id = (SELECT id FROM mentions WHERE source_id = '1')"),
            "price:negative,taste:positive");
  EXPECT_EQ(QueryText(db, "SELECT winner || '>' || loser FROM mention_comparisons"), "青柠社>山茶集");
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_brands"), 3);

  // New mentions only, on a second run.
  ASSERT_TRUE(ImportMentions(*store, dir / "b.csv", "id,time,text\n4,2025-06-19,ShanCha yyds\n"));
  auto second = AnalyzeWorkspace(*store, *analyzer, model, 2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->analysed, 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_analysis"), 4);
  auto third = AnalyzeWorkspace(*store, *analyzer, model, 2);
  EXPECT_EQ(third->analysed, 0);
}

TEST(WorkspaceAnalysisTest, AMentionWithThousandsOfComparisonsKeepsKeysUnique) {
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "青柠社不如山茶集。";
  ASSERT_TRUE(ImportMentions(*store, dir / "a.csv", "id,time,text\n1,2025-06-18," + text +
                                                      "\n2,2025-06-18,青柠社不如山茶集\n"));
  auto analyzer = std::move(TextAnalyzer::Create({"food_and_drink", {{"山茶集", true, {}}, {"青柠社", false, {}}}, {}}).value());
  ASSERT_TRUE(AnalyzeWorkspace(*store, *analyzer, SentimentModel(), 1).ok());
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_comparisons WHERE mention_id = 1"), 1024);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_comparisons WHERE mention_id = 2"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(DISTINCT dedup_key) FROM mention_comparisons"),
            QueryInt(db, "SELECT count(*) FROM mention_comparisons"));
}

TEST(WorkspaceAnalysisTest, MentionsHoldingALearnedWordAreAnalysedAgainWithIt) {
  // 杯套 (a cup sleeve) is not in the dictionary: segmentation splits it,
  // so keywords miss it until the word is learned; mentions analysed
  // before must then be read again, and only those.
  TempDir dir;
  const auto db = dir / "w.db";
  auto store = std::move(OpenWorkspace(db).value());
  ASSERT_TRUE(ImportMentions(*store, dir / "a.csv", "id,time,text\n"
                                   "1,2025-06-18,山茶集的杯套很好看\n"
                                   "2,2025-06-18,奶盖很好喝\n"
                                   "3,2025-06-18,杯套又换了新图案\n"));
  auto before = std::move(TextAnalyzer::Create({"food_and_drink", {{"山茶集", true, {}}}, {}}).value());
  ASSERT_TRUE(AnalyzeWorkspace(*store, *before, SentimentModel(), 1).ok());
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_analysis WHERE keywords LIKE '%杯套%'"), 0);
  // A mention imported after the analysis is not "analysed before".
  ASSERT_TRUE(ImportMentions(*store, dir / "b.csv", "id,time,text\n4,2025-06-19,杯套好评\n"));

  const std::vector<std::string> learned = {"杯套"};
  auto queued = ForgetAnalysesHolding(*store, learned);
  ASSERT_TRUE(queued.ok()) << queued.status().message();
  EXPECT_EQ(*queued, 2);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_analysis"), 1);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_brands"), 0);  // mention 1's rows went with it
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_aspects WHERE mention_id IN (1, 3)"), 0);

  auto after = std::move(TextAnalyzer::Create({"food_and_drink", {{"山茶集", true, {}}}, {"杯套"}}).value());
  auto again = AnalyzeWorkspace(*store, *after, SentimentModel(), 1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->analysed, 3);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_analysis WHERE keywords LIKE '%\"杯套\"%'"), 3);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mention_brands"), 1);
  EXPECT_EQ(*ForgetAnalysesHolding(*store, std::vector<std::string>{}), 0);
}

}  // namespace
}  // namespace brandlens
