// The jobs of src/project as the CLI and the server call them.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "project/analyze_job.h"
#include "project/keywords_job.h"
#include "project/main_job.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

// Reviews in a small project: 山茶集 against 青柠社 over two months.
std::string Mentions() {
  const char* texts[] = {"山茶集的奶茶很好喝，价格也实惠", "青柠社太甜了，不推荐", "山茶集排队太久，服务一般",
                         "青柠社的水果茶很新鲜", "山茶集比青柠社好喝多了", "Tried ShanCha today, great taste!"};
  std::string csv = "id,text,time\n";
  for (int i = 0; i < 120; ++i)
    csv += fmt::format("m{},\"{}\",2025-{:02}-{:02} 12:00\n", i, texts[i % 6], 6 + i / 60, 1 + (i % 60) / 2);
  return csv;
}

void WriteProject(const TempDir& dir, const std::string& extra_sources = "") {
  WriteFile(dir / "mentions.csv", Mentions());
  WriteFile(dir / "brandlens.toml", R"([project]
name = "test"
industry = "food_and_drink"
[[brands]]
name = "山茶集"
own = true
aliases = ["ShanCha"]
[[brands]]
name = "青柠社"
)" + extra_sources + R"(
[[sources]]
kind = "mentions"
path = "mentions.csv"
platform = "weibo"
)");
}

TEST(MainJobTest, AMissingSourceDoesNotStopTheOthersOrTheReport) {
  TempDir dir;
  WriteProject(dir, "[[sources]]\nkind = \"mentions\"\npath = \"data/weibo.csv\"\n");
  MainJobOptions options;
  options.project_dir = dir.path();
  options.threads = 1;
  auto result = RunMainJob(options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->imports.size(), 2u);
  EXPECT_FALSE(result->imports[0].error.ok());
  EXPECT_NE(result->imports[0].error.message().find("weibo.csv"), std::string::npos);
  ASSERT_TRUE(result->imports[1].error.ok());
  EXPECT_EQ(result->imports[1].report->rows_inserted, 120);
  EXPECT_EQ(result->analysis.analysed, 120);
  EXPECT_TRUE(std::filesystem::exists(result->report_html));
  EXPECT_GT(result->brand_mentions, 100);
}

TEST(MainJobTest, ARerunSkipsUnchangedFilesAndDoesOnlyNewWork) {
  TempDir dir;
  WriteProject(dir);
  MainJobOptions options;
  options.project_dir = dir.path();
  ASSERT_TRUE(RunMainJob(options).ok());
  auto again = RunMainJob(options);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again->imports[0].report.has_value());
  EXPECT_TRUE(again->imports[0].report->unchanged);
  EXPECT_EQ(again->analysis.analysed, 0);
  // A changed file is read again; only its new rows are added.
  WriteFile(dir / "mentions.csv", Mentions() + "new1,山茶集新品不错,2025-07-30 12:00\n");
  auto third = RunMainJob(options);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(third->imports[0].report->unchanged);
  EXPECT_EQ(third->imports[0].report->rows_inserted, 1);
  EXPECT_EQ(third->analysis.analysed, 1);
}

TEST(MainJobTest, FromAndToRestrictTheReport) {
  TempDir dir;
  WriteProject(dir);
  MainJobOptions options;
  options.project_dir = dir.path();
  options.from = "2025-06-10";
  options.to = "2025-06-20";
  auto result = RunMainJob(options);
  ASSERT_TRUE(result.ok()) << result.status().message();
  const auto report = nlohmann::json::parse(ReadFile(result->report_json));
  EXPECT_EQ(report["period"], "2025-06-10 – 2025-06-20");
  auto full = options;
  full.from = full.to = "";
  auto all = RunMainJob(full);
  ASSERT_TRUE(all.ok());
  EXPECT_LT(result->brand_mentions, all->brand_mentions);
  options.from = "2025-07-01";
  options.to = "2025-06-01";
  EXPECT_FALSE(RunMainJob(options).ok());
}

TEST(MainJobTest, WithoutAConfigItSaysHowToStart) {
  TempDir dir;
  MainJobOptions options;
  options.project_dir = dir.path();
  auto result = RunMainJob(options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("brandlens init"), std::string::npos);
}

std::unique_ptr<TextAnalyzer> Analyzer() {
  return std::move(TextAnalyzer::Create({"food_and_drink", {{"山茶集", true, {"ShanCha"}}, {"青柠社", false, {}}}, {}})
                       .value());
}

// Defect: `analyze --input x.csv --output x.csv` truncated the input to 0
// bytes before reading it.
TEST(AnalyzeFileTest, TheOutputMayBeTheInput) {
  TempDir dir;
  const auto path = WriteFile(dir / "x.csv", Mentions());
  AnalyzeFileOptions options;
  options.input = options.output = path;
  options.text_column = "text";
  std::ostringstream unused;
  auto done = AnalyzeFile(*Analyzer(), options, unused);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done->rows, 120);
  std::istringstream lines(ReadFile(path));
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n)
    ASSERT_TRUE(nlohmann::json::parse(line).contains("label")) << line;
  EXPECT_EQ(n, 120);
  EXPECT_TRUE(unused.str().empty());
}

TEST(AnalyzeFileTest, EachRowSaysWhetherItIsSpamAndWhy) {
  TempDir dir;
  std::string csv = "text\n山茶集的奶茶很好喝\n【福利】奶茶券免费领，加V：tea4821\n";
  for (int i = 0; i < 12; ++i) csv += "千万别买山茶集，喝完肚子疼了一晚上，客服还不理人，大家避雷！！\n";
  AnalyzeFileOptions options;
  options.input = WriteFile(dir / "x.csv", csv);
  options.text_column = "text";
  options.model.lexicon_only = true;
  std::ostringstream out;
  ASSERT_TRUE(AnalyzeFile(*Analyzer(), options, out).ok());
  std::istringstream lines(out.str());
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 14u);
  EXPECT_EQ(rows[0]["spam"], false);
  EXPECT_FALSE(rows[0].contains("spam_reason"));
  EXPECT_EQ(rows[1]["spam"], true);
  EXPECT_NE(rows[1]["spam_reason"].get<std::string>().find("advertising"), std::string::npos);
  // Without authors, a dozen copies of one text are coordinated.
  EXPECT_EQ(rows[2]["spam"], true);
  EXPECT_NE(rows[2]["spam_reason"].get<std::string>().find("coordinated"), std::string::npos);
}

TEST(AnalyzeFileTest, ReadsAPipeOnce) {
  // The input is held after one read, so `... | brandlens analyze --input
  // /dev/stdin` works: a pipe cannot be read twice.
  TempDir dir;
  AnalyzeFileOptions options;
  options.input = dir / "pipe";
  ASSERT_EQ(::mkfifo(options.input.c_str(), 0600), 0);
  options.text_column = "text";
  std::thread writer([&] { WriteFile(options.input, "text\n很好吃，还会再买\n太难吃了\n"); });
  std::ostringstream out;
  auto done = AnalyzeFile(*Analyzer(), options, out);
  writer.join();
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done->rows, 2);
  const std::string lines = out.str();
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 2);
  EXPECT_NE(lines.find("\"label\":\"positive\""), std::string::npos) << lines;
  EXPECT_NE(lines.find("\"label\":\"negative\""), std::string::npos) << lines;
}

TEST(AnalyzeFileTest, AFailedRunLeavesAnEarlierOutputAlone) {
  TempDir dir;
  const auto out = WriteFile(dir / "out.jsonl", "earlier\n");
  AnalyzeFileOptions options;
  options.input = WriteFile(dir / "x.csv", Mentions());
  options.output = out;
  options.text_column = "no such column";
  std::ostringstream unused;
  EXPECT_FALSE(AnalyzeFile(*Analyzer(), options, unused).ok());
  EXPECT_EQ(ReadFile(out), "earlier\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 2);  // no temporary left behind
}

TEST(AnalyzeFileTest, OutputIsIdenticalWhateverTheThreads) {
  TempDir dir;
  std::string csv = "id,text\n";
  for (int i = 0; i < 900; ++i)
    csv += fmt::format("{},\"第{}杯：山茶集{}，青柠社{}。\"\n", i, i, i % 3 ? "好喝不贵" : "太甜了，不会再买",
                       i % 5 ? "一般" : "比山茶集好");
  AnalyzeFileOptions options;
  options.input = WriteFile(dir / "x.csv", csv);
  options.text_column = "text";
  options.id_column = "id";
  options.explain = true;
  auto analyzer = Analyzer();
  std::string outputs[3];
  const unsigned threads[] = {1, 2, 7};
  for (int i = 0; i < 3; ++i) {
    options.threads = threads[i];
    std::ostringstream out;
    ASSERT_TRUE(AnalyzeFile(*analyzer, options, out).ok());
    outputs[i] = out.str();
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  EXPECT_EQ(outputs[0], outputs[2]);
  EXPECT_EQ(std::count(outputs[0].begin(), outputs[0].end(), '\n'), 900);
}

TEST(KeywordsJobTest, ReadsTheWorkspaceOrAFile) {
  TempDir dir;
  WriteProject(dir);
  MainJobOptions options;
  options.project_dir = dir.path();
  ASSERT_TRUE(RunMainJob(options).ok());
  auto project = OpenProject(dir.path());
  ASSERT_TRUE(project.ok());
  auto analyzer = Analyzer();
  KeywordsOptions keywords;
  keywords.top = 5;
  auto from_workspace = FindKeywords(*analyzer, project->store.get(), keywords);
  ASSERT_TRUE(from_workspace.ok()) << from_workspace.status().message();
  EXPECT_EQ(from_workspace->documents, 120);  // each text once, whatever the brands it names
  ASSERT_EQ(from_workspace->groups.size(), 3u);
  EXPECT_EQ(from_workspace->groups[0].first, "all");
  EXPECT_EQ(from_workspace->groups[1].first, "山茶集");
  ASSERT_FALSE(from_workspace->groups[1].second.empty());
  keywords.input = dir / "mentions.csv";
  keywords.text_column = "text";
  auto from_file = FindKeywords(*analyzer, nullptr, keywords);
  ASSERT_TRUE(from_file.ok());
  EXPECT_EQ(from_file->documents, 120);
  EXPECT_EQ(from_file->groups[1].second.front().term, from_workspace->groups[1].second.front().term);
  keywords.text_column = "";
  EXPECT_FALSE(FindKeywords(*analyzer, nullptr, keywords).ok());
}

}  // namespace
}  // namespace brandlens
