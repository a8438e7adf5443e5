// The SQLite schema, as an ordered list of migrations. Migration i (1-based)
// moves a workspace from PRAGMA user_version i-1 to i. Never edit a shipped
// migration: append a new one. docs/ARCHITECTURE.md documents every table.
#pragma once

#include <span>
#include <string_view>

namespace brandlens {

std::span<const std::string_view> SqliteMigrations();

}  // namespace brandlens
