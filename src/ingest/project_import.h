// Importing every data source a project config lists, in order. Used by
// `brandlens run` and `brandlens demo`; each file is its own transaction.
#pragma once

#include <functional>
#include <vector>

#include "core/config.h"
#include "ingest/importer.h"
#include "store/store.h"

namespace brandlens {

// Called before each file with its source; returns the progress callback to
// use for it (may be empty).
using SourceProgressFactory = std::function<std::function<void(const ImportProgress&)>(const SourceConfig&)>;

// Imports config.sources; stops at the first file-level error, keeping the
// files imported before it.
Result<std::vector<ImportReport>> ImportSources(Store& store, const ProjectConfig& config,
                                                const SourceProgressFactory& progress = {});

// The options for one source: its encoding, platform and the config's
// mapping for its kind overlaid with the source's own; unchanged files are
// skipped.
ImportOptions OptionsForSource(const ProjectConfig& config, const SourceConfig& source);

}  // namespace brandlens
