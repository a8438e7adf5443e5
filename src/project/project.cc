#include "project/project.h"

#include <fmt/format.h>

#include <vector>

#include "campaigns/tables.h"
#include "ingest/tables.h"
#include "listening/tables.h"
#include "personas/tables.h"
#include "planning/tables.h"
#include "project/brands.h"
#include "project/tables.h"
#include "text/tables.h"

namespace brandlens {

std::span<const Migration> WorkspaceMigrations() {
  // Parts of one version apply in this order (v1: ingest's tables, then the
  // brands); versions themselves are applied in number order.
  static const std::vector<Migration> kAll = [] {
    std::vector<Migration> all;
    for (auto parts : {IngestMigrations(), ProjectMigrations(), TextMigrations(), ListeningMigrations(),
                       PersonasMigrations(), PlanningMigrations(), CampaignsMigrations()})
      all.insert(all.end(), parts.begin(), parts.end());
    return all;
  }();
  return kAll;
}

Result<std::unique_ptr<Store>> OpenWorkspace(const std::filesystem::path& path, const StoreOptions& options) {
  return OpenSqliteStore(path, WorkspaceMigrations(), options);
}

Result<std::optional<ProjectConfig>> LoadProjectConfig(const std::filesystem::path& dir) {
  const auto path = dir / kConfigFileName;
  if (!std::filesystem::exists(path)) return std::optional<ProjectConfig>();
  auto loaded = LoadConfig(path);
  if (!loaded.ok()) return loaded.status();
  return std::optional<ProjectConfig>(std::move(loaded.value()));
}

Result<TextAnalyzer::Options> ProjectTextOptions(const std::optional<ProjectConfig>& config) {
  if (!config) return TextAnalyzer::Options();
  return TextAnalyzer::OptionsFor(*config);
}

Result<Project> OpenProject(const std::filesystem::path& dir, const ProjectOpenOptions& options) {
  Project project;
  project.dir = dir;
  auto config = LoadProjectConfig(dir);
  if (!config.ok()) return config.status();
  project.config = std::move(config.value());
  project.workspace = project.config ? project.config->WorkspacePath() : dir / "workspace.db";
  if (!options.workspace_override.empty()) project.workspace = options.workspace_override;
  auto store = OpenWorkspace(project.workspace, options.store);
  if (!store.ok()) return store.status();
  project.store = std::move(store.value());
  if (project.config) BRANDLENS_RETURN_IF_ERROR(SyncBrands(*project.store, project.config->brands));
  return project;
}

Result<Project> OpenConfiguredProject(const std::filesystem::path& dir, const ProjectOpenOptions& options) {
  if (!std::filesystem::exists(dir / kConfigFileName))
    return Status::NotFound(
        fmt::format("{}: no {} (create one with `brandlens init`)", dir.string(), kConfigFileName));
  return OpenProject(dir, options);
}

}  // namespace brandlens
