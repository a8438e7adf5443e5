#include "demo/demo_world.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/config.h"
#include "core/utf8.h"
#include "ingest/project_import.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::ReadFile;
using testing::TempDir;

constexpr double kSmall = 0.05;  // ~1k mentions, 2.5k users: fast

std::vector<std::filesystem::path> FilesUnder(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(std::filesystem::relative(e.path(), dir));
  std::sort(files.begin(), files.end());
  return files;
}

TEST(DemoWorldTest, IsDeterministicFromItsSeed) {
  TempDir a, b, c;
  ASSERT_TRUE(demo::WriteDemoWorld(a.path(), {7, kSmall}).ok());
  ASSERT_TRUE(demo::WriteDemoWorld(b.path(), {7, kSmall}).ok());
  ASSERT_TRUE(demo::WriteDemoWorld(c.path(), {8, kSmall}).ok());
  const auto files = FilesUnder(a.path());
  ASSERT_EQ(files, FilesUnder(b.path()));
  EXPECT_GE(files.size(), 15u);
  for (const auto& f : files) EXPECT_EQ(ReadFile(a.path() / f), ReadFile(b.path() / f)) << f;
  EXPECT_NE(ReadFile(a.path() / "truth/mentions.csv"), ReadFile(c.path() / "truth/mentions.csv"));
}

TEST(DemoWorldTest, ImportsCleanlyThroughItsOwnConfig) {
  TempDir dir;
  auto world = demo::WriteDemoWorld(dir.path(), {7, kSmall});
  ASSERT_TRUE(world.ok()) << world.status().message();
  auto config = LoadConfig(world->config);
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->OwnBrand()->name, "山茶集");
  EXPECT_EQ(config->brands.size(), 4u);

  auto store = OpenWorkspace(config->WorkspacePath());
  ASSERT_TRUE(store.ok());
  auto sources = ReadSourcesConfig(*config);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  const auto imports = ImportSources(**store, *config, *sources);
  int64_t mentions_written = 0;
  for (const auto& [file, rows] : world->rows)
    if (file.starts_with("mentions_")) mentions_written += rows;
  for (const auto& i : imports) {
    ASSERT_TRUE(i.error.ok()) << i.error.message();
    const ImportReport& r = *i.report;
    EXPECT_EQ(r.rows_rejected, 0) << r.path << ": " << (r.errors.empty() ? "" : r.errors[0]);
    EXPECT_EQ(r.rows_duplicate, 0) << r.path;
  }
  const auto db = config->WorkspacePath();
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mentions"), mentions_written);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM users"), world->rows.at("users"));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM events"), world->rows.at("events"));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM orders"), world->rows.at("orders"));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM channel_daily"), world->rows.at("spend"));
  EXPECT_EQ(QueryInt(db, "SELECT count(DISTINCT platform) FROM mentions"), 4);
  // The Dianping export really is GB18030 and arrives as the same text.
  const std::string raw = ReadFile(dir.path() / "data/mentions_dianping.csv");
  EXPECT_FALSE(IsValidUtf8(raw));
  EXPECT_EQ(QueryText(db, "SELECT encoding FROM imports WHERE path LIKE '%dianping%'"), "gb18030");
  EXPECT_GT(QueryInt(db, "SELECT count(*) FROM mentions WHERE platform = 'dianping' AND text LIKE '%山茶集%'"), 0);
  // Nested Weibo authors were mapped.
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mentions WHERE platform = 'weibo' AND author IS NULL"), 0);
  // A second run is idempotent.
  for (const auto& i : ImportSources(**store, *config, *sources)) {
    ASSERT_TRUE(i.error.ok()) << i.error.message();
    EXPECT_EQ(i.report->rows_inserted, 0) << i.report->path;
  }
}

TEST(DemoWorldTest, TruthDescribesWhatWasPlanted) {
  TempDir dir;
  auto world = demo::WriteDemoWorld(dir.path(), {7, 0.3});
  ASSERT_TRUE(world.ok());
  const auto truth = nlohmann::json::parse(ReadFile(world->truth));
  double share = 0;
  for (const auto& b : truth["brands"]) share += b["share_of_voice"].get<double>();
  EXPECT_NEAR(share, 1.0, 1e-9);
  const auto& own = truth["brands"][0];
  EXPECT_TRUE(own["own"].get<bool>());
  // Planted: the own brand wins on taste and loses on price against 青柠社.
  const auto& rival = truth["brands"][1];
  EXPECT_GT(own["aspects"]["taste"]["net"].get<double>(), rival["aspects"]["taste"]["net"].get<double>() + 0.2);
  EXPECT_LT(own["aspects"]["price"]["net"].get<double>(), rival["aspects"]["price"]["net"].get<double>() - 0.4);
  ASSERT_EQ(truth["crises"].size(), 2u);
  for (const auto& c : truth["crises"]) EXPECT_GT(c["mentions"].get<int>(), 10) << c.dump();
  ASSERT_EQ(truth["experiments"].size(), 2u);
  EXPECT_DOUBLE_EQ(truth["experiments"][0]["relative_lift"].get<double>(), 0.20);
  EXPECT_EQ(truth["personas"].size(), 6u);
  EXPECT_EQ(truth["channels"].size(), 5u);
  EXPECT_GT(truth["knowledge_base"]["test_questions"].get<int>(), 50);
}

TEST(DemoWorldTest, MentionsCarryTheLinguisticVariety) {
  TempDir dir;
  ASSERT_TRUE(demo::WriteDemoWorld(dir.path(), {7, 0.3}).ok());
  const std::string truth = ReadFile(dir.path() / "truth/mentions.csv");
  for (const char* flag : {"spam", "repost", "sarcasm", "comparative", "traditional", "english", "question",
                           "crisis", "rhetorical", "negation", "contrast"})
    EXPECT_NE(truth.find(flag), std::string::npos) << flag;
  for (const char* word : {"但是", "不过", "绝绝子", "yyds", "踩雷", "😍", "ShanCha", "山查集", "//@"})
    EXPECT_NE(truth.find(word), std::string::npos) << word;
}

TEST(DemoWorldTest, OutcomesFollowSpend) {
  TempDir dir;
  auto world = demo::WriteDemoWorld(dir.path(), {7, kSmall});
  ASSERT_TRUE(world.ok());
  auto config = LoadConfig(world->config);
  auto store = OpenWorkspace(config->WorkspacePath());
  for (const auto& i : ImportSources(**store, *config, ReadSourcesConfig(*config).value())) ASSERT_TRUE(i.error.ok());
  const auto db = config->WorkspacePath();
  // Spend and revenue correlate positively in every paid channel.
  for (const char* channel : {"douyin", "xiaohongshu", "wechat", "tmall_search", "outdoor"}) {
    const std::string where = std::string(" FROM channel_daily WHERE channel = '") + channel + "'";
    const double corr = std::stod(QueryText(
        db, "SELECT (avg(spend * revenue) - avg(spend) * avg(revenue)) / "
            "(sqrt(avg(spend * spend) - avg(spend) * avg(spend)) * sqrt(avg(revenue * revenue) - avg(revenue) * avg(revenue)))" +
                where));
    EXPECT_GT(corr, 0.2) << channel;
  }
  // Festivals lift organic demand: 双11 week against the month before.
  const double festival = std::stod(QueryText(db, "SELECT avg(revenue) FROM channel_daily WHERE channel = 'organic' "
                                                  "AND day BETWEEN '2025-11-05' AND '2025-11-11'"));
  const double before = std::stod(QueryText(db, "SELECT avg(revenue) FROM channel_daily WHERE channel = 'organic' "
                                                "AND day BETWEEN '2025-09-01' AND '2025-09-30'"));
  EXPECT_GT(festival, before * 1.2);
}

}  // namespace
}  // namespace brandlens
