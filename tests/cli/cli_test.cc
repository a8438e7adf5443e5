// The `brandlens` binary as a user runs it: exit codes, messages, no crashes.
#include <sys/wait.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include "test_util.h"

namespace {

using brandlens::testing::TempDir;
using brandlens::testing::WriteFile;

struct CliRun {
  int exit_code;
  std::string output;  // stdout and stderr together
};

CliRun Brandlens(const std::string& args) {
  const std::string cmd = std::string(BRANDLENS_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), out};
}

TEST(CliTest, HelpListsTheCommands) {
  const CliRun r = Brandlens("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"init", "import", "status", "demo"}) EXPECT_NE(r.output.find(cmd), std::string::npos);
}

TEST(CliTest, ImportReportsCountsAndStatusShowsThem) {
  TempDir dir;
  WriteFile(dir / "m.csv", "id,time,text\n1,2025-06-18 20:15,好喝\n2,2025-06-18 20:16,太贵\n3,soon,x\n");
  const std::string ws = (dir / "w.db").string();
  const CliRun r = Brandlens("import mentions " + (dir / "m.csv").string() + " --platform weibo -w " + ws);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("3 rows read, 2 new, 0 duplicate, 1 rejected"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("m.csv:4: field 'posted_at' (column 'time')"), std::string::npos) << r.output;
  const CliRun s = Brandlens("status -w " + ws);
  EXPECT_EQ(s.exit_code, 0);
  EXPECT_NE(s.output.find("mentions              2"), std::string::npos) << s.output;
}

TEST(CliTest, UserErrorsAreOneClearLineAndExitTwo) {
  TempDir dir;
  const std::string ws = (dir / "w.db").string();
  const CliRun missing = Brandlens("import mentions /nonexistent/m.csv --platform weibo -w " + ws);
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("error: /nonexistent/m.csv: cannot open"), std::string::npos) << missing.output;

  WriteFile(dir / "bad.csv", "id,time,text\n1,never,x\n");
  const CliRun strict = Brandlens("import mentions " + (dir / "bad.csv").string() + " --platform weibo --strict -w " + ws);
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.output.find("--strict: nothing from this file was imported"), std::string::npos) << strict.output;

  const CliRun map = Brandlens("import mentions " + (dir / "bad.csv").string() + " --map text -w " + ws);
  EXPECT_EQ(map.exit_code, 2);
  EXPECT_NE(map.output.find("expected field=column"), std::string::npos) << map.output;

  const CliRun kind = Brandlens("import tweets x.csv -w " + ws);
  EXPECT_EQ(kind.exit_code, 2);  // a usage error, caught by the flag parser
  EXPECT_NE(kind.output.find("tweets"), std::string::npos);
  for (const CliRun* r : {&missing, &strict, &map, &kind}) EXPECT_EQ(r->output.find("terminate"), std::string::npos);
}

TEST(CliTest, InitWritesAConfigOnceAndImportUsesIt) {
  TempDir dir;
  const std::string project = (dir / "p").string();
  const CliRun init = Brandlens("init " + project);
  EXPECT_EQ(init.exit_code, 0) << init.output;
  EXPECT_EQ(Brandlens("init " + project).exit_code, 2);
  // The example config maps 微博正文 -> text for Weibo exports of that shape.
  WriteFile(dir / "p/weibo.csv", "mid,发布时间,微博正文\n1,2025-06-18 20:15,山茶集真好喝\n");
  const CliRun r = Brandlens("import mentions " + (dir / "p/weibo.csv").string() + " --platform weibo -p " + project +
                          " --map text=微博正文");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "p/workspace.db"));
}

// A new user's first run: `init`, then `run` before any data file exists.
// The template's example source is missing; the run says so and still
// writes a report.
TEST(CliTest, RunOnAFreshProjectWarnsAboutTheMissingSourceAndWritesAReport) {
  TempDir dir;
  const std::string project = (dir / "p").string();
  ASSERT_EQ(Brandlens("init " + project).exit_code, 0);
  const CliRun r = Brandlens("run -p " + project);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("data/weibo.csv was not imported"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 file(s) failed"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "p/report.html"));
}

TEST(CliTest, AnalyzeOnAProjectLearnsNewWordsLikeRun) {
  // 杯套 (a cup sleeve) is no dictionary's word; in varied company it
  // behaves like one, so `analyze -p` appends it to the user dictionary.
  TempDir dir;
  const std::string project = (dir / "p").string();
  std::filesystem::create_directories(dir / "p");
  const char* before[] = {"今天的", "这家的", "新款", "限定", "我喜欢", "他们家", "春季", "可爱的", "第二个", "换了"};
  const char* after[] = {"很好看", "图案不错", "太可爱了", "被抢光了", "有点丑", "真精致", "会送吗", "颜色很正",
                         "挺特别", "质感好"};
  std::string csv = "id,time,text\n";
  for (int i = 0; i < 60; ++i)
    csv += fmt::format("{},2025-06-{:02} 12:00,\"{}杯套{}\"\n", i, 1 + i % 28, before[i % 10], after[(i / 10 + i) % 10]);
  // Other talk, so that 杯 and 套 are rare enough for their pairing to stand out.
  const char* other[] = {"奶盖很好喝", "排队有点久", "店员态度热情", "价格偏贵了", "外卖送得很快", "环境干净整洁"};
  for (int i = 60; i < 460; ++i)
    csv += fmt::format("{},2025-06-{:02} 12:00,{}，{}\n", i, 1 + i % 28, other[i % 6], other[(i / 6) % 6]);
  WriteFile(dir / "p/m.csv", csv);
  WriteFile(dir / "p/brandlens.toml", "[project]\nindustry = \"food_and_drink\"\n[[brands]]\nname = \"山茶集\"\nown = true\n");
  ASSERT_EQ(Brandlens("import mentions " + (dir / "p/m.csv").string() + " --platform weibo -p " + project).exit_code, 0);
  const CliRun r = Brandlens("analyze -p " + project);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("new words into dictionary.txt"), std::string::npos) << r.output;
  EXPECT_NE(brandlens::testing::ReadFile(dir / "p/dictionary.txt").find("杯套\n"), std::string::npos);
}

TEST(CliTest, ProjectCommandsAnalyzeKeywordsAndDateRanges) {
  TempDir dir;
  const std::string project = (dir / "p").string();
  std::filesystem::create_directories(dir / "p");
  std::string csv = "id,time,text\n";
  for (int i = 0; i < 60; ++i)
    csv += fmt::format("{},2025-06-{:02} 12:00,\"{}\"\n", i, 1 + i % 28,
                       i % 2 ? "山茶集的芝士奶盖很好喝，排队有点久" : "青柠社的柠檬茶太酸了，芝士奶盖一般");
  WriteFile(dir / "p/m.csv", csv);
  WriteFile(dir / "p/brandlens.toml", "[project]\nindustry = \"food_and_drink\"\n[text]\nlearn_new_words = false\n"
                                      "[[brands]]\nname = \"山茶集\"\nown = true\n[[brands]]\nname = \"青柠社\"\n"
                                      "[[sources]]\nkind = \"mentions\"\npath = \"m.csv\"\nplatform = \"weibo\"\n");
  ASSERT_EQ(Brandlens("import mentions " + (dir / "p/m.csv").string() + " --platform weibo -p " + project).exit_code, 0);
  // analyze -p: the workspace's new mentions, once.
  const CliRun first = Brandlens("analyze -p " + project);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("analysed 60 new mentions"), std::string::npos) << first.output;
  EXPECT_NE(Brandlens("analyze -p " + project).output.find("analysed 0 new mentions"), std::string::npos);
  // keywords: the contracted JSON, per configured brand.
  const CliRun keywords = Brandlens("keywords -p " + project + " --top 3 2>/dev/null");
  ASSERT_EQ(keywords.exit_code, 0) << keywords.output;
  const auto k = nlohmann::json::parse(keywords.output);
  EXPECT_EQ(k["documents"], 60);
  ASSERT_TRUE(k["keywords"].contains("山茶集"));
  ASSERT_FALSE(k["keywords"]["青柠社"].empty());
  EXPECT_TRUE(k["keywords"]["all"][0].contains("term"));
  EXPECT_TRUE(k.contains("new_words"));
  // run --from/--to: the report covers the range asked.
  const CliRun run = Brandlens("run -p " + project + " --from 2025-06-05 --to 2025-06-10");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto report = nlohmann::json::parse(brandlens::testing::ReadFile(dir / "p/report.json"));
  EXPECT_EQ(report["period"], "2025-06-05 – 2025-06-10");
  EXPECT_EQ(Brandlens("run -p " + project + " --from yesterday").exit_code, 2);
  // analyze --explain adds the tokens and scored opinions; --model reads a
  // trained model, and a bad one is a clear error.
  const auto in = WriteFile(dir / "in.csv", "text\n山茶集很好喝\n");
  const CliRun explain = Brandlens("analyze --explain --input " + in.string() + " --text-column text");
  ASSERT_EQ(explain.exit_code, 0) << explain.output;
  const auto row = nlohmann::json::parse(explain.output.substr(0, explain.output.find('\n')));  // then the log line
  EXPECT_TRUE(row.contains("tokens"));
  EXPECT_TRUE(row.contains("opinions"));
  const CliRun bad_model = Brandlens("analyze --model " + in.string() + " --input " + in.string() + " --text-column text");
  EXPECT_NE(bad_model.exit_code, 0);
  EXPECT_NE(bad_model.output.find("in.csv"), std::string::npos) << bad_model.output;
}

// A small labelled review file: the shape outside evaluation scripts use.
std::string LabelledReviews() {
  std::string csv = "label,review\n";
  const char* good[] = {"房间干净，服务热情，下次还来", "位置方便，早餐丰富，很满意", "性价比很高，推荐入住"};
  const char* bad[] = {"房间太脏了，隔音很差", "服务态度恶劣，再也不来了", "价格很高，设施陈旧，失望"};
  for (int i = 0; i < 30; ++i) {
    csv += std::string("1,\"") + good[i % 3] + "\"\n";
    csv += std::string("0,\"") + bad[i % 3] + "\"\n";
  }
  return csv;
}

TEST(CliTest, EvalSentimentPrintsTheContractedJson) {
  TempDir dir;
  const auto data = WriteFile(dir / "reviews.csv", LabelledReviews());
  const CliRun r = Brandlens("eval sentiment --input " + data.string() + " --text-column review --label-column label 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["n"], 60);
  EXPECT_GE(j["accuracy"].get<double>(), 0.9);
  EXPECT_TRUE(j.contains("macro_f1"));
  for (const char* c : {"0", "1"}) {
    EXPECT_TRUE(j["classes"][c].contains("precision"));
    EXPECT_TRUE(j["classes"][c].contains("recall"));
  }
  EXPECT_EQ(j["confusion_matrix"].size(), 2u);
  const CliRun missing = Brandlens("eval sentiment --input " + data.string() + " --text-column text --label-column label");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.output.find("no column 'text'; columns: label, review"), std::string::npos) << missing.output;
}

// Reviews whose sentiment only made-up words carry (zorbly good, gronkish
// bad): the lexicon cannot know them, a trained model must learn them.
std::string InventedReviews(int first, int n) {
  const char* contexts[] = {"这家店", "外卖", "the staff", "房间", "包装"};
  std::string csv = "label,review\n";
  for (int i = first; i < first + n; ++i) {
    csv += fmt::format("1,\"{} zorbly {}\"\n", contexts[i % 5], i);
    csv += fmt::format("0,\"{} gronkish {}\"\n", contexts[(i + 2) % 5], i);
  }
  return csv;
}

TEST(CliTest, TrainThenEvaluateOnHeldOutReviews) {
  TempDir dir;
  const auto train_data = WriteFile(dir / "train.csv", InventedReviews(0, 40));
  const auto test_data = WriteFile(dir / "test.csv", InventedReviews(1000, 20));  // never seen in training
  const std::string model = (dir / "m.bin").string();
  const CliRun train = Brandlens("sentiment train --input " + train_data.string() +
                                 " --text-column review --label-column label --out " + model);
  ASSERT_EQ(train.exit_code, 0) << train.output;
  EXPECT_NE(train.output.find("trained on 80 texts (2 labels: 0, 1)"), std::string::npos) << train.output;
  const std::string eval = "eval sentiment --input " + test_data.string() + " --text-column review --label-column label";
  const CliRun trained = Brandlens(eval + " --model " + model + " 2>/dev/null");
  ASSERT_EQ(trained.exit_code, 0) << trained.output;
  EXPECT_GE(nlohmann::json::parse(trained.output)["accuracy"].get<double>(), 0.95);
  // Without the model the same reviews are a coin toss.
  const CliRun lexicon = Brandlens(eval + " 2>/dev/null");
  ASSERT_EQ(lexicon.exit_code, 0) << lexicon.output;
  EXPECT_LE(nlohmann::json::parse(lexicon.output)["accuracy"].get<double>(), 0.6);
}

TEST(CliTest, AnalyzeWritesOneLinePerRowInOrder) {
  TempDir dir;
  const auto data = WriteFile(dir / "in.csv", "id,text\na,很好喝\nb,\"太贵了\"\nc,bad\"quote\nd,\xFF\n");
  const std::string out = (dir / "out.jsonl").string();
  const CliRun r = Brandlens("analyze --input " + data.string() + " --text-column text --id-column id --output " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream lines(brandlens::testing::ReadFile(out));
  std::vector<nlohmann::json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["id"], "a");
  EXPECT_EQ(rows[0]["label"], "positive");
  EXPECT_EQ(rows[1]["label"], "negative");
  EXPECT_EQ(rows[2]["line"], 4);
  EXPECT_NE(rows[2]["error"].get<std::string>().find("quote"), std::string::npos);
  EXPECT_NE(rows[3]["error"].get<std::string>().find("invalid UTF-8"), std::string::npos);
}

TEST(CliTest, AnalyzeSelfTrainsOnTheFileItself) {
  // 600 delivery reviews. In the first 576 the lexicon is confident, and a
  // made-up dish nickname goes with each side (zorbly with praise, gronkish
  // with complaints); the last 24 say only the nickname, which the lexicon
  // cannot read. Self-training must carry what it learned to them. (They are
  // under 5% of the texts: more texts without an opinion would make
  // self-training learn a neutral class from exactly these.)
  const char* dishes[] = {"牛肉面", "麻辣烫", "黄焖鸡", "酸菜鱼", "盖浇饭", "饺子"};
  const char* praise[] = {"很好吃，送得也快", "味道不错，分量很足", "非常满意，还会再点"};
  const char* complaint[] = {"太难吃了，送得还慢", "味道很差，分量太少", "非常失望，不会再点了"};
  std::string csv = "text\n";
  for (int i = 0; i < 576; ++i)
    csv += std::string(dishes[i % 6]) + (i % 2 ? " zorbly " + std::string(praise[(i / 2) % 3])
                                               : " gronkish " + std::string(complaint[(i / 2) % 3])) + "\n";
  for (int i = 576; i < 600; ++i) csv += std::string(dishes[i % 6]) + (i % 2 ? " zorbly" : " gronkish") + "\n";
  TempDir dir;
  const auto data = WriteFile(dir / "in.csv", csv);
  const std::string out = (dir / "out.jsonl").string();
  // Self-training is the default.
  const CliRun r = Brandlens("analyze --input " + data.string() + " --text-column text --output " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("self-trained on 600 texts"), std::string::npos)
      << r.output;
  std::istringstream lines(brandlens::testing::ReadFile(out));
  int rows = 0, nickname_right = 0;
  for (std::string line; std::getline(lines, line); ++rows) {
    if (rows < 576) continue;
    const auto label = nlohmann::json::parse(line)["label"];
    nickname_right += label == (rows % 2 ? "positive" : "negative");
  }
  EXPECT_EQ(rows, 600);
  EXPECT_GE(nickname_right, 22) << "of 24 rows only the self-trained model can read";
  // The lexicon alone leaves them neutral.
  const CliRun lexicon =
      Brandlens("analyze --lexicon-only --input " + data.string() + " --text-column text --output " + out);
  ASSERT_EQ(lexicon.exit_code, 0);
  std::istringstream plain(brandlens::testing::ReadFile(out));
  int neutral = 0;
  rows = 0;
  for (std::string line; std::getline(plain, line); ++rows)
    if (rows >= 576) neutral += nlohmann::json::parse(line)["label"] == "neutral";
  EXPECT_EQ(neutral, 24);
  // A trained model and the lexicon alone are two answers to one question.
  const CliRun both = Brandlens("analyze --lexicon-only --model m.bin --input " + data.string() + " --text-column text");
  EXPECT_EQ(both.exit_code, 2) << both.output;
  EXPECT_NE(both.output.find("choose one"), std::string::npos) << both.output;
}

TEST(CliTest, DemoGeneratesAndImportsASmallWorld) {
  TempDir dir;
  const CliRun r = Brandlens("demo --scale 0.02 --out " + (dir / "demo").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("mentions_dianping.csv"), std::string::npos);
  EXPECT_NE(r.output.find("gb18030"), std::string::npos);
  EXPECT_NE(r.output.find("ground truth:"), std::string::npos);
  EXPECT_NE(r.output.find("report: "), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "demo/truth/truth.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "demo/report.html"));
  const auto report = nlohmann::json::parse(brandlens::testing::ReadFile(dir / "demo/report.json"));
  EXPECT_GE(report["sections"].size(), 5u);
  EXPECT_FALSE(report["highlights"].empty());
  // The run learned the world's slang into the user dictionary, once.
  EXPECT_NE(r.output.find("new words into dictionary.txt"), std::string::npos) << r.output;
  const std::string dictionary = brandlens::testing::ReadFile(dir / "demo/dictionary.txt");
  EXPECT_NE(dictionary.find("# learned by brandlens on "), std::string::npos) << dictionary;
  // Running again does only new work: nothing to import, analyse or learn.
  const CliRun again = Brandlens("run -p " + (dir / "demo").string());
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("imported 0 new rows (0 rejected), analysed 0 new mentions"), std::string::npos)
      << again.output;
  EXPECT_EQ(again.output.find("new words into"), std::string::npos) << again.output;
  EXPECT_EQ(brandlens::testing::ReadFile(dir / "demo/dictionary.txt"), dictionary);
}

}  // namespace

TEST(CliTest, PersonasPrintsSegmentsAndWritesTheContractedCsv) {
  TempDir dir;
  ASSERT_EQ(Brandlens("demo --scale 0.05 --out " + (dir / "demo").string()).exit_code, 0);
  const CliRun r = Brandlens("personas -p " + (dir / "demo").string() + " --output " + (dir / "seg.csv").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto summary = nlohmann::json::parse(r.output.substr(r.output.find('{')));
  ASSERT_FALSE(summary["segments"].empty());
  int64_t sized = 0;
  for (const auto& s : summary["segments"]) {
    EXPECT_TRUE(s.contains("id") && s.contains("name") && s.contains("size"));
    sized += s["size"].get<int64_t>();
  }
  const std::string csv = brandlens::testing::ReadFile(dir / "seg.csv");
  EXPECT_EQ(csv.rfind("user_id,segment\n", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n') - 1, sized);
  EXPECT_EQ(summary["users"].get<int64_t>(), sized);
}

TEST(CliTest, ClusterWritesOneLabelPerRowAndTheContractedJson) {
  TempDir dir;
  std::string csv = "x,y\n";
  for (int i = 0; i < 50; ++i) csv += fmt::format("{},{}\n{},{}\n", i % 5 * 0.1, i % 3 * 0.1, 10 + i % 5 * 0.1, 10.0);
  WriteFile(dir / "p.csv", csv);
  const CliRun km = Brandlens("cluster --input " + (dir / "p.csv").string() + " --k 2 --algo kmeans --seed 3 --output " +
                              (dir / "l.csv").string());
  ASSERT_EQ(km.exit_code, 0) << km.output;
  const auto j = nlohmann::json::parse(km.output);
  for (const char* key : {"k", "inertia", "iterations", "seconds"}) EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["k"], 2);
  const std::string labels = brandlens::testing::ReadFile(dir / "l.csv");
  EXPECT_EQ(labels.rfind("label\n", 0), 0u);
  EXPECT_EQ(std::count(labels.begin(), labels.end(), '\n'), 101);
  const CliRun automatic = Brandlens("cluster --input " + (dir / "p.csv").string() + " --k auto --output " +
                                     (dir / "a.csv").string());
  ASSERT_EQ(automatic.exit_code, 0) << automatic.output;
  EXPECT_EQ(nlohmann::json::parse(automatic.output)["k"], 2);
  const CliRun db = Brandlens("cluster --input " + (dir / "p.csv").string() +
                              " --algo dbscan --eps 1 --min-points 3 --output " + (dir / "d.csv").string());
  ASSERT_EQ(db.exit_code, 0) << db.output;
  EXPECT_EQ(nlohmann::json::parse(db.output)["k"], 2);
  // Bad cells name the line and the column; k above the distinct points is explained.
  WriteFile(dir / "bad.csv", "x,y\n1,2\n3,oops\n");
  const CliRun bad = Brandlens("cluster --input " + (dir / "bad.csv").string() + " --k 2 --output " +
                               (dir / "b.csv").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.csv:3: column 'y': 'oops' is not a number"), std::string::npos) << bad.output;
  WriteFile(dir / "same.csv", "x\n1\n1\n1\n");
  const CliRun same = Brandlens("cluster --input " + (dir / "same.csv").string() + " --k 3 --output " +
                                (dir / "s.csv").string());
  EXPECT_EQ(same.exit_code, 2) << same.output;
  EXPECT_NE(same.output.find("only 1 distinct point"), std::string::npos) << same.output;
}

TEST(CliTest, ForecastWritesTheContractedColumnsForEverySeries) {
  TempDir dir;
  std::string csv = "store,date,sales\n";
  for (int d = 0; d < 70; ++d) {
    const std::string day = fmt::format("2025-{:02d}-{:02d}", 1 + d / 28, 1 + d % 28);
    csv += fmt::format("north,{},{}\nsouth,{},{}\n", day, 100 + (d % 7 == 5 ? 40 : 0) + d, day, 50 + d % 3);
  }
  WriteFile(dir / "s.csv", csv);
  const CliRun r = Brandlens("forecast --input " + (dir / "s.csv").string() +
                             " --id-column store --time-column date --value-column sales --horizon 7 --output " +
                             (dir / "f.csv").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto summary = nlohmann::json::parse(r.output);
  EXPECT_EQ(summary["series"], 2);
  EXPECT_EQ(summary["failed"], 0);
  const std::string out = brandlens::testing::ReadFile(dir / "f.csv");
  EXPECT_EQ(out.substr(0, out.find('\n')), "id,step,mean,lo80,hi80,lo95,hi95,time");
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1 + 2 * 7);
  EXPECT_NE(out.find("\nnorth,1,"), std::string::npos);
  EXPECT_NE(out.find(",2025-03-15\n"), std::string::npos) << out;  // the day after the last
  // Levels asked are the columns written; evaluation prints accuracy.
  const CliRun levels = Brandlens("forecast --input " + (dir / "s.csv").string() +
                                  " --id-column store --time-column date --value-column sales --horizon 3 --levels 90"
                                  " --season 7 --output " + (dir / "g.csv").string());
  ASSERT_EQ(levels.exit_code, 0) << levels.output;
  const std::string g = brandlens::testing::ReadFile(dir / "g.csv");
  EXPECT_EQ(g.substr(0, g.find('\n')), "id,step,mean,lo90,hi90,time");
  const CliRun eval = Brandlens("forecast --input " + (dir / "s.csv").string() +
                                " --id-column store --time-column date --value-column sales --horizon 7 --evaluate");
  ASSERT_EQ(eval.exit_code, 0) << eval.output;
  const auto metrics = nlohmann::json::parse(eval.output);
  for (const char* key : {"smape", "mase", "coverage", "seasonal_naive"}) EXPECT_TRUE(metrics.contains(key)) << key;
  // A bad value names the line and the column.
  WriteFile(dir / "bad.csv", "id,t,v\na,1,3\na,2,x\n");
  const CliRun bad = Brandlens("forecast --input " + (dir / "bad.csv").string() +
                               " --id-column id --time-column t --value-column v --horizon 2 --output " +
                               (dir / "b.csv").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.csv:3: column 'v': 'x' is not a finite number"), std::string::npos) << bad.output;
  const CliRun model = Brandlens("forecast --input " + (dir / "s.csv").string() +
                                 " --id-column store --time-column date --value-column sales --horizon 2 --model XYZ"
                                 " --output " + (dir / "m.csv").string());
  EXPECT_EQ(model.exit_code, 2) << model.output;
}

TEST(CliTest, ExperimentPrintsTheContractedResultsAndSampleSizes) {
  TempDir dir;
  std::string csv = "user,arm,converted,revenue,pre\n";
  for (int i = 0; i < 2000; ++i) {
    const bool b = i % 2;
    const int converted = (i / 2) % 100 < (b ? 7 : 5);
    csv += fmt::format("u{},{},{},{},{}\n", i, b ? "B" : "control", converted, converted ? 30 + i % 7 : 0, i % 13);
  }
  WriteFile(dir / "e.csv", csv);
  const CliRun r = Brandlens("experiment --input " + (dir / "e.csv").string() +
                             " --arm-column arm --control control --metrics converted,revenue --covariate pre --output " +
                             (dir / "r.json").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto printed = nlohmann::json::parse(r.output);
  EXPECT_EQ(printed, nlohmann::json::parse(brandlens::testing::ReadFile(dir / "r.json")));
  ASSERT_EQ(printed["results"].size(), 2u);
  for (const auto& m : printed["results"])
    for (const char* key : {"arm", "metric", "control_mean", "arm_mean", "lift_abs", "lift_abs_low", "lift_abs_high",
                            "lift_rel", "p_value"})
      EXPECT_TRUE(m.contains(key)) << key;
  EXPECT_NEAR(printed["results"][0]["arm_mean"].get<double>(), 0.07, 1e-9);
  const CliRun size = Brandlens("experiment size --baseline 0.05 --mde 0.1");
  ASSERT_EQ(size.exit_code, 0) << size.output;
  EXPECT_NEAR(nlohmann::json::parse(size.output)["users_per_arm"].get<double>(), 31234, 30);
  WriteFile(dir / "bad.csv", "arm,y\ncontrol,TRUE\nB,maybe\n");
  const CliRun bad = Brandlens("experiment --input " + (dir / "bad.csv").string() +
                               " --arm-column arm --control control --metrics y");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.csv:3: column 'y': 'maybe' is not a number"), std::string::npos) << bad.output;
}

TEST(CliTest, BanditPrintsTheNextAllocation) {
  TempDir dir;
  WriteFile(dir / "arms.csv", "arm,trials,successes\n口味文案,5000,260\n原文案,5000,200\n价格文案,5000,150\n");
  const CliRun r = Brandlens("bandit --input " + (dir / "arms.csv").string() +
                             " --min-share 0.05 --budget 10000 --output " + (dir / "next.json").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto json = nlohmann::json::parse(r.output.substr(r.output.find("\n{") + 1));
  EXPECT_EQ(json, nlohmann::json::parse(brandlens::testing::ReadFile(dir / "next.json")));
  EXPECT_EQ(json["leader"], "口味文案");
  double shares = 0;
  for (const auto& arm : json["arms"]) {
    EXPECT_GE(arm["share"].get<double>(), 0.05 - 1e-9);
    shares += arm["share"].get<double>();
  }
  EXPECT_NEAR(shares, 1, 1e-9);
  WriteFile(dir / "bad.csv", "arm,trials,successes\nA,100,120\n");
  const CliRun bad = Brandlens("bandit --input " + (dir / "bad.csv").string());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("bad.csv"), std::string::npos) << bad.output;
}

TEST(CliTest, RecommendForAUserAndEvaluated) {
  TempDir dir;
  ASSERT_EQ(Brandlens("demo --scale 0.05 --out " + (dir / "demo").string()).exit_code, 0);
  const std::string project = (dir / "demo").string();
  const CliRun user = Brandlens("recommend -p " + project + " --user U000001 --k 5");
  ASSERT_EQ(user.exit_code, 0) << user.output;
  const auto items = nlohmann::json::parse(user.output)["items"];
  EXPECT_EQ(items.size(), 5u);
  for (const auto& item : items) EXPECT_TRUE(item.contains("item") && item.contains("source"));
  const CliRun evaluated = Brandlens("recommend -p " + project + " --evaluate --k 3");
  ASSERT_EQ(evaluated.exit_code, 0) << evaluated.output;
  const auto e = nlohmann::json::parse(evaluated.output);
  EXPECT_EQ(e["k"], 3);
  EXPECT_TRUE(e["model"].contains("ndcg") && e["popularity"].contains("precision"));
  EXPECT_EQ(Brandlens("recommend -p " + project).exit_code, 2);  // neither --user nor --evaluate
}

TEST(CliTest, JourneysDryRunOnTheDemoShowsMessagesAndSendsNothing) {
  TempDir dir;
  ASSERT_EQ(Brandlens("demo --scale 0.05 --out " + (dir / "demo").string()).exit_code, 0);
  const std::string project = (dir / "demo").string();
  const CliRun r = Brandlens("journeys run -p " + project + " --dry-run --now '2026-10-01 12:00'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto json = nlohmann::json::parse(r.output);
  ASSERT_FALSE(json["would_send"].empty());
  for (const auto& m : json["would_send"]) {
    EXPECT_NE(m["to"].get<std::string>().find("@mail.example.com"), std::string::npos);
    EXPECT_EQ(m["text"].get<std::string>().find('{'), std::string::npos) << m["text"];  // every field filled
  }
  // Every demo cart is bought within minutes: no reminder survives.
  EXPECT_EQ(json["journeys"]["cart_reminder"]["skipped"], json["journeys"]["cart_reminder"]["queued"]);
  EXPECT_GT(json["skip_reasons"]["no marketing consent"].get<int>(), 0);
  EXPECT_EQ(brandlens::testing::QueryText(dir / "demo/workspace.db", "SELECT count(*) FROM journey_deliveries"), "0");
  const CliRun bad = Brandlens("journeys run -p " + project + " --now 'someday'");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("--now"), std::string::npos) << bad.output;
}

TEST(CliTest, MmmWritesTheContractedModelAndBudgetPlansOnIt) {
  TempDir dir;
  // Two years of weeks: sales = 500 + a saturating TV effect + a linear search one.
  std::string csv = "date,tv,search,sales\n";
  for (int w = 0; w < 104; ++w) {
    const double tv = (w * 37 % 100), search = (w * 53 % 50);
    const double sales = 500 + 300 * tv / (tv + 60) + 2 * search + (w * 17 % 11) - 5;
    const std::chrono::year_month_day day{std::chrono::sys_days{std::chrono::year{2023} / 1 / 2} + std::chrono::weeks{w}};
    csv += fmt::format("{:04d}-{:02d}-{:02d},{},{},{}\n", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()), tv, search, sales);
  }
  WriteFile(dir / "m.csv", csv);
  const std::string model = (dir / "model.json").string();
  const CliRun r = Brandlens("mmm --input " + (dir / "m.csv").string() +
                             " --date-column date --target sales --channels tv,search --bootstrap 20 --output " + model);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("104 periods of 7 day(s)"), std::string::npos) << r.output;
  const auto m = nlohmann::json::parse(brandlens::testing::ReadFile(model));
  ASSERT_EQ(m["channels"].size(), 2u);
  for (const auto& c : m["channels"])
    for (const char* key : {"name", "contribution", "contribution_share", "roas", "roas_low", "roas_high"})
      EXPECT_TRUE(c.contains(key)) << key;

  const CliRun plan = Brandlens("budget --model " + model + " --total +20% --bound search=100:");
  ASSERT_EQ(plan.exit_code, 0) << plan.output;
  const auto json = nlohmann::json::parse(plan.output.substr(plan.output.find("\n{") + 1));
  double spent = 0;
  for (const auto& c : json["channels"]) spent += c["planned"].get<double>();
  EXPECT_NEAR(spent, json["total"].get<double>(), 1e-6 * spent);
  EXPECT_GE(json["channels"][1]["planned"].get<double>(), 100 - 1e-6);
  const CliRun goal = Brandlens("budget --model " + model + " --goal 8000 --horizon 13");
  ASSERT_EQ(goal.exit_code, 0) << goal.output;
  EXPECT_NE(goal.output.find("to reach 8000.00: budget"), std::string::npos) << goal.output;

  // Bad input names the file, the line and the column.
  WriteFile(dir / "neg.csv", "date,tv,sales\n2025-01-06,10,100\n2025-01-13,-3,120\n");
  const CliRun neg = Brandlens("mmm --input " + (dir / "neg.csv").string() +
                               " --date-column date --target sales --channels tv --output " + model);
  EXPECT_EQ(neg.exit_code, 2);
  EXPECT_NE(neg.output.find("neg.csv:3: column 'tv': spend cannot be negative"), std::string::npos) << neg.output;
  WriteFile(dir / "twice.csv", "date,tv,sales\n2025-01-06,10,100\n2025-01-06,3,120\n");
  const CliRun twice = Brandlens("mmm --input " + (dir / "twice.csv").string() +
                                 " --date-column date --target sales --channels tv --output " + model);
  EXPECT_NE(twice.output.find("twice.csv:3: column 'date': 2025-01-06 appears twice"), std::string::npos) << twice.output;
  WriteFile(dir / "broken.json", "{\"channels\": [");
  const CliRun broken = Brandlens("budget --model " + (dir / "broken.json").string());
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.output.find("broken.json: not a JSON object"), std::string::npos) << broken.output;
  const CliRun bound = Brandlens("budget --model " + model + " --bound tv");
  EXPECT_NE(bound.output.find("--bound 'tv': write channel=min:max"), std::string::npos) << bound.output;
}
