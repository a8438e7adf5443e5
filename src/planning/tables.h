// The planning module's tables (store/schema.h).
#pragma once

#include <span>

#include "core/status.h"
#include "store/schema.h"
#include "store/store.h"

namespace brandlens {

std::span<const Migration> PlanningMigrations();

// Empties one of the module's tables (each run replaces the previous run's
// rows); call inside the caller's transaction.
Status DeleteAllRows(Store& store, std::string_view table);

}  // namespace brandlens
