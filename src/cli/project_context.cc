#include "cli/project_context.h"

#include <spdlog/spdlog.h>

namespace brandlens {

Result<TextAnalyzer::Options> ProjectTextOptions(const std::string& project_dir, std::optional<ProjectConfig>* config) {
  const auto path = std::filesystem::path(project_dir) / kConfigFileName;
  if (!std::filesystem::exists(path)) return TextAnalyzer::Options();
  auto loaded = LoadConfig(path);
  if (!loaded.ok()) return loaded.status();
  auto options = TextAnalyzer::OptionsFor(*loaded);
  if (config) *config = std::move(loaded.value());
  return options;
}

Result<ProjectContext> OpenProject(const std::string& project_dir, const std::string& workspace_override) {
  ProjectContext ctx;
  const auto config_path = std::filesystem::path(project_dir) / kConfigFileName;
  if (std::filesystem::exists(config_path)) {
    auto config = LoadConfig(config_path);
    if (!config.ok()) return config.status();
    ctx.config = std::move(config.value());
    ctx.workspace = ctx.config->WorkspacePath();
  } else {
    ctx.workspace = std::filesystem::path(project_dir) / "workspace.db";
  }
  if (!workspace_override.empty()) ctx.workspace = workspace_override;
  auto store = OpenSqliteStore(ctx.workspace);
  if (!store.ok()) return store.status();
  ctx.store = std::move(store.value());
  if (ctx.config) BRANDLENS_RETURN_IF_ERROR(ctx.store->SyncBrands(ctx.config->brands));
  spdlog::debug("workspace {}", ctx.workspace.string());
  return ctx;
}

}  // namespace brandlens
