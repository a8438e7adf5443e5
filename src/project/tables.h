// The tables the project module owns, as its parts of the workspace schema
// (store/schema.h). Never edit a shipped part: append a new version.
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

// brands and brand_aliases: v1.
std::span<const Migration> ProjectMigrations();

}  // namespace brandlens
