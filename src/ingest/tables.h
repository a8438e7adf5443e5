// The tables the ingest module owns, as its parts of the workspace schema
// (store/schema.h). Never edit a shipped part: append a new version.
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

// imports (the audit of every import) and one data table per import kind
// (ingest/kinds.h): v1, v4; import_errors: v5.
std::span<const Migration> IngestMigrations();

}  // namespace brandlens
