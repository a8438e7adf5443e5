// The personas module's tables (store/schema.h).
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

std::span<const Migration> PersonasMigrations();

}  // namespace brandlens
