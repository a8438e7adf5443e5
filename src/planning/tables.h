// The planning module's tables (store/schema.h).
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

std::span<const Migration> PlanningMigrations();

}  // namespace brandlens
