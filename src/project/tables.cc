#include "project/tables.h"

#include <array>

namespace brandlens {

namespace {

// The brands and aliases of the project config, kept in step with it by
// SyncBrands (project/brands.h).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE brands (
  id     INTEGER PRIMARY KEY,
  name   TEXT    NOT NULL UNIQUE,
  is_own INTEGER NOT NULL CHECK (is_own IN (0, 1))
);

CREATE TABLE brand_aliases (
  brand_id INTEGER NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
  alias    TEXT    NOT NULL,
  PRIMARY KEY (brand_id, alias)
);
)sql";

constexpr std::array kMigrations = {
    Migration{1, "project", kV1},
};

}  // namespace

std::span<const Migration> ProjectMigrations() { return kMigrations; }

}  // namespace brandlens
