// Opening a project: the directory with its brandlens.toml (when it has
// one) and its workspace, migrated to the schema of every module and with
// the config's brands synced. What every job of the library starts from;
// the CLI and the HTTP server call exactly these functions.
//
// Where the workspace is: the override when given; otherwise the config's
// [project] workspace; otherwise DIR/workspace.db.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"

namespace brandlens {

inline constexpr const char* kConfigFileName = "brandlens.toml";

struct Project {
  std::filesystem::path dir;
  std::optional<ProjectConfig> config;  // absent when the directory has no brandlens.toml
  std::filesystem::path workspace;
  std::unique_ptr<Store> store;
};

struct ProjectOpenOptions {
  std::filesystem::path workspace_override;  // empty: the project's own
  StoreOptions store;                         // lock waits and how they are reported
};

// The workspace schema: every module's migrations (store/schema.h).
std::span<const Migration> WorkspaceMigrations();

// Opens (creating and migrating if needed) a workspace file on its own,
// without a project directory.
Result<std::unique_ptr<Store>> OpenWorkspace(const std::filesystem::path& path, const StoreOptions& options = {});

// DIR/brandlens.toml, or nullopt when the directory has none.
Result<std::optional<ProjectConfig>> LoadProjectConfig(const std::filesystem::path& dir);

// The text options of a project: industry, brands and user dictionary from
// its config, or the defaults without one.
Result<TextAnalyzer::Options> ProjectTextOptions(const std::optional<ProjectConfig>& config);

// Loads the config (when present), opens the workspace and syncs brands.
Result<Project> OpenProject(const std::filesystem::path& dir, const ProjectOpenOptions& options = {});

// As OpenProject, but a config is required (the main job needs brands and
// sources): its absence is NotFound with a hint to `brandlens init`.
Result<Project> OpenConfiguredProject(const std::filesystem::path& dir, const ProjectOpenOptions& options = {});

}  // namespace brandlens
