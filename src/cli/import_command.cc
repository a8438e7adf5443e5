// brandlens import KIND FILE...   and   brandlens init   and   brandlens status
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "ingest/importer.h"
#include "ingest/kinds.h"
#include "ingest/sources_config.h"
#include "project/project.h"

namespace brandlens {

namespace {

// Parses "field=column,field2=column2".
Result<ColumnMapping> ParseMapping(const std::vector<std::string>& items) {
  ColumnMapping mapping;
  for (const auto& item : items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      return Status::InvalidInput(fmt::format("--map '{}': expected field=column", item));
    mapping[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return mapping;
}

void PrintReport(const ImportReport& r) {
  fmt::print("{}: {} rows read, {} new, {} duplicate, {} rejected ({})\n", r.path, r.rows_read, r.rows_inserted,
             r.rows_duplicate, r.rows_rejected, r.encoding);
  // Records spanning lines are normal (quoted line breaks) but worth a word:
  // a stray quote shows up here first.
  if (r.lines_read > r.rows_read + 1)
    fmt::print(stderr, "  {} physical lines held the header and {} records (quoted fields span lines)\n", r.lines_read,
               r.rows_read);
  for (const auto& w : r.warnings) fmt::print(stderr, "  warning: {}\n", w);
  for (const auto& e : r.errors) fmt::print(stderr, "  {}\n", e);
  if (r.rows_rejected > static_cast<int64_t>(r.errors.size()))
    fmt::print(stderr, "  ... and {} more rejected rows (all are kept in the workspace's import_errors table)\n",
               r.rows_rejected - static_cast<int64_t>(r.errors.size()));
}

}  // namespace

CommandAction AddImportCommand(CLI::App& app) {
  struct Args {
    std::string kind, project = ".", workspace, encoding = "auto", platform, time_zone;
    std::vector<std::string> files, map;
    bool strict = false;
  };
  auto args = std::make_shared<Args>();
  std::vector<std::string> kinds;
  for (const auto& k : AllKinds()) kinds.emplace_back(k.kind);
  auto* cmd = app.add_subcommand("import", "Import export files (CSV/TSV/JSONL, UTF-8 or GBK) into the workspace");
  cmd->add_option("kind", args->kind, "What the files hold")->required()->check(CLI::IsMember(kinds));
  cmd->add_option("files", args->files, "Files to import")->required();
  cmd->add_option("-p,--project", args->project, "Project directory (with brandlens.toml)");
  cmd->add_option("-w,--workspace", args->workspace, "Workspace file (overrides the project's)");
  cmd->add_option("--map", args->map, "Column mapping field=column (repeat or comma-separate)")->delimiter(',');
  cmd->add_option("--encoding", args->encoding, "auto, utf-8, gbk, gb18030, ...");
  cmd->add_option("--platform", args->platform, "Platform of mentions when the file has no platform column");
  cmd->add_option("--time-zone", args->time_zone, "Time zone of timestamps without offset (default: project's)");
  cmd->add_flag("--strict", args->strict, "Abort a file at its first bad row, importing nothing of it");
  return [args]() -> Status {
    ProjectOpenOptions open;
    open.workspace_override = args->workspace;
    open.store.on_wait = WaitingForWorkspace;
    auto ctx = OpenProject(args->project, open);
    if (!ctx.ok()) return ctx.status();
    auto mapping = ParseMapping(args->map);
    if (!mapping.ok()) return mapping.status();
    ImportOptions options;
    if (ctx->config) {
      auto sources = ReadSourcesConfig(*ctx->config);
      if (!sources.ok()) return sources.status();
      options.time_zone = ctx->config->time_zone;
      if (auto it = sources->mappings.find(args->kind); it != sources->mappings.end()) options.mapping = it->second;
    }
    for (const auto& [field, column] : *mapping) options.mapping[field] = column;
    if (!args->time_zone.empty()) options.time_zone = args->time_zone;
    if (!args->platform.empty()) options.defaults["platform"] = args->platform;
    options.encoding = args->encoding;
    options.strict = args->strict;
    Status first_error;
    for (const auto& file : args->files) {
      ProgressBar bar(file);
      options.on_progress = [&bar](const ImportProgress& p) { bar.Update(p.bytes_done, p.bytes_total, p.rows); };
      auto report = ImportFile(*ctx->store, args->kind, file, options);
      options.on_progress = nullptr;
      if (!report.ok()) {
        // Other files still get their chance; the exit code reports the failure.
        fmt::print(stderr, "error: {}\n", report.status().message());
        if (first_error.ok()) first_error = Status::InvalidInput(fmt::format("{} file(s) not imported", file));
        continue;
      }
      PrintReport(*report);
    }
    return first_error;
  };
}

CommandAction AddInitCommand(CLI::App& app) {
  auto dir = std::make_shared<std::string>(".");
  auto* cmd = app.add_subcommand("init", "Write a commented example brandlens.toml");
  cmd->add_option("dir", *dir, "Project directory");
  return [dir]() -> Status {
    std::error_code ec;
    std::filesystem::create_directories(*dir, ec);
    const auto path = std::filesystem::path(*dir) / kConfigFileName;
    if (std::filesystem::exists(path))
      return Status::InvalidInput(fmt::format("{} exists already; not overwriting it", path.string()));
    std::ofstream out(path);
    out << ExampleConfigToml();
    if (!out) return Status::IoError(fmt::format("{}: cannot write", path.string()));
    fmt::print("wrote {}: name your brands and data files in it, then run `brandlens import`\n", path.string());
    return Status::Ok();
  };
}

CommandAction AddStatusCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", workspace;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("status", "Show what the workspace holds");
  cmd->add_option("-p,--project", args->project, "Project directory");
  cmd->add_option("-w,--workspace", args->workspace, "Workspace file");
  return [args]() -> Status {
    ProjectOpenOptions open;
    open.workspace_override = args->workspace;
    open.store.on_wait = WaitingForWorkspace;
    auto ctx = OpenProject(args->project, open);
    if (!ctx.ok()) return ctx.status();
    fmt::print("workspace {} (schema v{})\n", ctx->workspace.string(), ctx->store->SchemaVersion());
    for (const auto& k : AllKinds()) {
      auto n = ctx->store->CountRows(k.table);
      if (!n.ok()) return n.status();
      fmt::print("  {:<12} {:>10}\n", k.kind, *n);
    }
    auto rejected = ctx->store->CountRows("import_errors");
    if (!rejected.ok()) return rejected.status();
    if (*rejected > 0) fmt::print("  {} rejected rows are kept in the table import_errors (line and reason)\n", *rejected);
    return Status::Ok();
  };
}

}  // namespace brandlens
