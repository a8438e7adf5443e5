#include "ingest/project_import.h"

namespace brandlens {

ImportOptions OptionsForSource(const ProjectConfig& config, const SourcesConfig& sources, const SourceConfig& source) {
  ImportOptions options;
  options.encoding = source.encoding;
  options.time_zone = config.time_zone;
  options.skip_unchanged = true;
  if (auto it = sources.mappings.find(source.kind); it != sources.mappings.end()) options.mapping = it->second;
  for (const auto& [field, column] : source.mapping) options.mapping[field] = column;
  if (!source.platform.empty()) options.defaults["platform"] = source.platform;
  return options;
}

std::vector<SourceImport> ImportSources(Store& store, const ProjectConfig& config, const SourcesConfig& sources,
                                                const SourceProgressFactory& progress) {
  std::vector<SourceImport> out;
  for (const auto& source : sources.sources) {
    ImportOptions options = OptionsForSource(config, sources, source);
    if (progress) options.on_progress = progress(source);
    auto report = ImportFile(store, source.kind, config.dir / source.path, options);
    SourceImport done{source, std::nullopt, Status::Ok()};
    if (report.ok()) {
      done.report = std::move(report.value());
    } else {
      done.error = report.status();
    }
    out.push_back(std::move(done));
  }
  return out;
}

}  // namespace brandlens
