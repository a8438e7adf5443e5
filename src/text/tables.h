// The tables the text module owns, as its parts of the workspace schema
// (store/schema.h). Never edit a shipped part: append a new version.
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

// mention_analysis, mention_aspects, mention_brands, mention_comparisons: v2;
// mention_spam: v10.
std::span<const Migration> TextMigrations();

}  // namespace brandlens
