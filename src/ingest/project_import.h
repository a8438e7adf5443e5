// Importing every data source a project config lists, in order. Used by
// the main job (`brandlens run`, `brandlens demo`); each file is its own
// transaction.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/config.h"
#include "ingest/importer.h"
#include "ingest/sources_config.h"
#include "store/store.h"

namespace brandlens {

// Called before each file with its source; returns the progress callback to
// use for it (may be empty).
using SourceProgressFactory = std::function<std::function<void(const ImportProgress&)>(const SourceConfig&)>;

// What became of one source: its report, or the file-level error (missing
// file, no column for a required field, ...) that kept it out.
struct SourceImport {
  SourceConfig source;
  std::optional<ImportReport> report;
  Status error;
};

// Imports every source of `sources`, in order. A source that fails (a
// missing file, no column for a required field, a workspace error) does not
// stop the others: its error is in its SourceImport and nothing of that
// file was written.
std::vector<SourceImport> ImportSources(Store& store, const ProjectConfig& config, const SourcesConfig& sources,
                                                const SourceProgressFactory& progress = {});

// The options for one source: its encoding, platform and the config's
// mapping for its kind overlaid with the source's own; unchanged files are
// skipped.
ImportOptions OptionsForSource(const ProjectConfig& config, const SourcesConfig& sources, const SourceConfig& source);

}  // namespace brandlens
