// The tables the listening module owns, as its parts of the workspace schema
// (store/schema.h). Never edit a shipped part: append a new version.
#pragma once

#include <span>

#include "store/schema.h"

namespace brandlens {

// the views mention_facts and aspect_facts: v3.
std::span<const Migration> ListeningMigrations();

}  // namespace brandlens
