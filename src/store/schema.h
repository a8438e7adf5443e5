// The workspace schema as numbered migrations contributed by the modules
// that own the tables. Migration version v moves a workspace from schema
// version v-1 to v. Several modules may contribute parts to one version:
// they are applied together, in one transaction, in the order given. Never
// edit a shipped migration: append a new version. docs/ARCHITECTURE.md
// lists every table and its owner.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct Migration {
  int version = 0;          // 1, 2, ...
  std::string_view owner;   // the module whose tables these are
  std::string_view sql;     // in the dialect of the store it is given to
};

// Checks that the parts' versions run 1..N without a gap (parts of one
// version may stand anywhere) and returns N.
Result<int> SchemaVersionOf(std::span<const Migration> migrations);

// The parts of one version, in the order given.
std::vector<Migration> PartsOfVersion(std::span<const Migration> migrations, int version);

}  // namespace brandlens
