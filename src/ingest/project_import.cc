#include "ingest/project_import.h"

namespace brandlens {

ImportOptions OptionsForSource(const ProjectConfig& config, const SourceConfig& source) {
  ImportOptions options;
  options.encoding = source.encoding;
  options.time_zone = config.time_zone;
  options.skip_unchanged = true;
  if (auto it = config.mappings.find(source.kind); it != config.mappings.end()) options.mapping = it->second;
  for (const auto& [field, column] : source.mapping) options.mapping[field] = column;
  if (!source.platform.empty()) options.defaults["platform"] = source.platform;
  return options;
}

Result<std::vector<ImportReport>> ImportSources(Store& store, const ProjectConfig& config,
                                                const SourceProgressFactory& progress) {
  std::vector<ImportReport> reports;
  for (const auto& source : config.sources) {
    ImportOptions options = OptionsForSource(config, source);
    if (progress) options.on_progress = progress(source);
    auto report = ImportFile(store, source.kind, config.dir / source.path, options);
    if (!report.ok()) return report.status();
    reports.push_back(std::move(report.value()));
  }
  return reports;
}

}  // namespace brandlens
