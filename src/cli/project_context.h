// Finding the project and workspace a command works on: --workspace wins;
// otherwise the project directory's brandlens.toml names it; otherwise
// DIR/workspace.db.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"
#include "text/analyzer.h"

namespace brandlens {

struct ProjectContext {
  std::optional<ProjectConfig> config;  // absent when the directory has no brandlens.toml
  std::filesystem::path workspace;
  std::unique_ptr<Store> store;
};

inline constexpr const char* kConfigFileName = "brandlens.toml";

// The text options of a project directory: industry, brands and user
// dictionary from its brandlens.toml, or the defaults when it has none.
// `config` (optional) receives the loaded config.
Result<TextAnalyzer::Options> ProjectTextOptions(const std::string& project_dir, std::optional<ProjectConfig>* config);

// Loads the config (when present), opens the workspace and syncs brands.
Result<ProjectContext> OpenProject(const std::string& project_dir, const std::string& workspace_override);

}  // namespace brandlens
