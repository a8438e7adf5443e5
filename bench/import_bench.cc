// Import throughput: brandlens's validated, de-duplicated, transactional
// import of a 1M-row mentions CSV against sqlite3's own `.import` of the same
// file (no validation, no types, no de-duplication) in the same run.
//
//   import_bench [--rows N] [--repeat R] [--dir DIR] [--keep] [--generate-only]
// Each tool imports the file R times (alternating, into fresh databases);
// medians are reported. Prints one JSON object: rows/s of each and
// brandlens's time as a multiple of sqlite3's (the target: within 2x).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "project/project.h"
#include "demo/csv_writer.h"
#include "demo/mentions_gen.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace fs = std::filesystem;
using namespace brandlens;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Demo-world mentions, repeated with fresh ids until `rows` are written.
Status WriteMentionsCsv(const fs::path& path, int64_t rows) {
  demo::Rng rng(42);
  const auto pool = demo::GenerateMentions(rng, 25);
  demo::CsvWriter out(path.string());
  out.Row({"platform", "source_id", "author", "posted_at", "text", "likes", "shares", "comments"});
  for (int64_t i = 0; i < rows; ++i) {
    const auto& m = pool[static_cast<size_t>(i) % pool.size()];
    out << demo::PlatformName(m.platform) << fmt::format("{}", 7'000'000'000 + i) << m.author
        << fmt::format("{}", m.posted_at) << m.text << m.likes << m.shares << m.comments;
    out.EndRow();
  }
  return out.Close();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int64_t rows = 1'000'000;
  int repeat = 3;
  fs::path dir = fs::temp_directory_path() / "brandlens-import-bench";
  bool keep = false, generate_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rows" && i + 1 < argc) rows = std::stoll(argv[++i]);
    else if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::stoi(argv[++i]));
    else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (arg == "--keep") keep = true;
    else if (arg == "--generate-only") generate_only = true;
    else {
      fmt::print(stderr, "usage: import_bench [--rows N] [--repeat R] [--dir DIR] [--keep] [--generate-only]\n");
      return 2;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path csv = dir / "mentions.csv";
  if (Status s = WriteMentionsCsv(csv, rows); !s.ok()) {
    fmt::print(stderr, "error: {}\n", s.message());
    return 1;
  }
  const auto file_bytes = fs::file_size(csv);
  if (generate_only) {
    fmt::print("{}\n", csv.string());
    return 0;
  }

  std::vector<double> ours, theirs;
  int64_t inserted = 0, rejected = 0;
  for (int run = 0; run < repeat; ++run) {
    fs::remove(dir / "brandlens.db");
    fs::remove(dir / "brandlens.db-wal");
    fs::remove(dir / "brandlens.db-shm");
    fs::remove(dir / "sqlite3.db");
    // brandlens: parse, validate, normalise, hash, de-duplicate, insert, one transaction.
    auto start = std::chrono::steady_clock::now();
    auto store = OpenWorkspace(dir / "brandlens.db");
    if (!store.ok()) return fmt::print(stderr, "error: {}\n", store.status().message()), 1;
    auto report = ImportFile(**store, "mentions", csv, {});
    if (!report.ok()) return fmt::print(stderr, "error: {}\n", report.status().message()), 1;
    store.value().reset();
    ours.push_back(Seconds(start));
    inserted = report->rows_inserted;
    rejected = report->rows_rejected;

    // sqlite3's CLI, as a user would load the file: every column TEXT, no checks.
    start = std::chrono::steady_clock::now();
    const std::string cmd = fmt::format("sqlite3 '{}' '.mode csv' '.import {} mentions'",
                                        (dir / "sqlite3.db").string(), csv.string());
    if (std::system(cmd.c_str()) != 0) return fmt::print(stderr, "error: sqlite3 .import failed\n"), 1;
    theirs.push_back(Seconds(start));
  }
  const double our_s = Median(ours), their_s = Median(theirs);

  const nlohmann::json result = {
      {"benchmark", "import_mentions_csv"},
      {"rows", rows},
      {"file_mb", static_cast<double>(file_bytes) / 1e6},
      {"repeat", repeat},
      {"brandlens", {{"seconds", our_s}, {"rows_per_s", static_cast<double>(rows) / our_s},
                     {"inserted", inserted}, {"rejected", rejected}}},
      {"sqlite3_import", {{"seconds", their_s}, {"rows_per_s", static_cast<double>(rows) / their_s}}},
      {"time_ratio_vs_sqlite3", our_s / their_s},
  };
  fmt::print("{}\n", result.dump(2));
  if (!keep) fs::remove_all(dir);
  return 0;
}
