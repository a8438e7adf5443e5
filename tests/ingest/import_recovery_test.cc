// A killed import must leave the workspace exactly as it was: the import
// runs in a child process that SIGKILLs itself mid-file, and the parent
// checks what a fresh connection sees afterwards.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "project/project.h"
#include "ingest/importer.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::TempDir;
using testing::WriteFile;

std::string MentionsCsv(int rows, int first_id) {
  std::string csv = "platform,id,time,text,likes\n";
  for (int i = 0; i < rows; ++i)
    csv += "weibo," + std::to_string(first_id + i) + ",2025-06-18 20:15,山茶集的奶茶第" + std::to_string(i) +
           "杯还是很好喝,3\n";
  return csv;
}

// Imports `file` in a child process that SIGKILLs itself once `kill_after`
// rows were read; returns whether the child died of that signal.
bool ImportInKilledChild(const std::filesystem::path& db, const std::filesystem::path& file, int64_t kill_after) {
  const pid_t child = fork();
  if (child == -1) return false;
  if (child == 0) {
    auto store = OpenWorkspace(db);
    ImportOptions options;
    options.on_progress = [kill_after](const ImportProgress& p) {
      if (p.rows >= kill_after) raise(SIGKILL);
    };
    (void)ImportFile(**store, "mentions", file, options);
    _exit(0);  // not reached when the kill lands
  }
  int status = 0;
  return waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST(ImportRecoveryTest, AKilledImportLeavesTheWorkspaceAsItWas) {
  TempDir dir;
  const auto db = dir / "workspace.db";
  {
    auto store = OpenWorkspace(db);
    ASSERT_TRUE(store.ok());
    auto first = ImportFile(**store, "mentions", WriteFile(dir / "first.csv", MentionsCsv(100, 0)), {});
    ASSERT_TRUE(first.ok()) << first.status().message();
  }
  // Killed after thousands of rows were written into the open transaction.
  ASSERT_TRUE(ImportInKilledChild(db, WriteFile(dir / "big.csv", MentionsCsv(50000, 1000000)), 16384));
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM mentions"), 100);
  EXPECT_EQ(QueryInt(db, "SELECT count(*) FROM imports"), 1);
  EXPECT_EQ(testing::QueryText(db, "PRAGMA integrity_check"), "ok");
}

TEST(ImportRecoveryTest, TheSameFileImportsCompletelyAfterAKill) {
  TempDir dir;
  const auto db = dir / "workspace.db";
  const auto big = WriteFile(dir / "big.csv", MentionsCsv(20000, 0));
  ASSERT_TRUE(ImportInKilledChild(db, big, 8192));
  auto store = OpenWorkspace(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto r = ImportFile(**store, "mentions", big, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 20000);
  EXPECT_EQ(r->rows_duplicate, 0);
}

}  // namespace
}  // namespace brandlens
