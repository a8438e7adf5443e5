// The `brandlens` binary as a user runs it: exit codes, messages, no crashes.
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>

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
  EXPECT_NE(kind.exit_code, 0);
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

TEST(CliTest, DemoGeneratesAndImportsASmallWorld) {
  TempDir dir;
  const CliRun r = Brandlens("demo --scale 0.02 --out " + (dir / "demo").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("mentions_dianping.csv"), std::string::npos);
  EXPECT_NE(r.output.find("gb18030"), std::string::npos);
  EXPECT_NE(r.output.find("ground truth:"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "demo/truth/truth.json"));
}

}  // namespace
