#include "ingest/sources_config.h"

#include <fmt/format.h>

#include "ingest/kinds.h"

namespace brandlens {

Result<SourcesConfig> ReadSourcesConfig(const ProjectConfig& config) {
  SourcesConfig out;
  const std::string file = config.file.string();
  auto entries = config.SectionArray("sources");
  if (!entries.ok()) return entries.status();
  for (const auto& s : *entries) {
    BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"kind", "path", "platform", "encoding", "map"}));
    SourceConfig source;
    auto kind = s.String("kind", "");
    auto path = s.String("path", "");
    auto platform = s.String("platform", "");
    auto encoding = s.String("encoding", "auto");
    auto mapping = s.StringMap("map");
    for (const Status* st : {&kind.status(), &path.status(), &platform.status(), &encoding.status(), &mapping.status()})
      if (!st->ok()) return *st;
    if (!FindKind(*kind))
      return Status::InvalidInput(fmt::format("{}: [{}] kind '{}' is not one of: {}", file, s.name(), *kind, KindNames()));
    if (path->empty()) return Status::InvalidInput(fmt::format("{}: [{}] path is empty", file, s.name()));
    source.kind = *kind;
    source.path = *path;
    source.platform = *platform;
    source.encoding = *encoding;
    source.mapping = *mapping;
    out.sources.push_back(std::move(source));
  }
  const ConfigSection mapping = config.Section("mapping");
  for (const auto& kind : mapping.Keys()) {
    if (!FindKind(kind))
      return Status::InvalidInput(fmt::format("{}: [mapping.{}]: unknown kind (one of: {})", file, kind, KindNames()));
    auto fields = mapping.StringMap(kind);
    if (!fields.ok()) return fields.status();
    out.mappings[kind] = std::move(fields.value());
  }
  return out;
}

}  // namespace brandlens
