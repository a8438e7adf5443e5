#include "personas/tables.h"

#include <array>

namespace brandlens {

namespace {

// One row per segmentation run; its segments with their raw-unit centroids
// (JSON object feature → mean) so the next run can match them; each user's
// current segment (rows of the previous run are replaced).
constexpr std::string_view kV6 = R"sql(
CREATE TABLE persona_runs (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  users      INTEGER NOT NULL,
  k          INTEGER NOT NULL,
  algorithm  TEXT    NOT NULL,
  silhouette REAL
);

CREATE TABLE persona_segments (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES persona_runs(id),
  segment     INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  size        INTEGER NOT NULL,
  centroid    TEXT    NOT NULL,
  lineage     TEXT    NOT NULL
);
CREATE INDEX persona_segments_by_run ON persona_segments(run_id);

CREATE TABLE user_segments (
  id        INTEGER PRIMARY KEY,
  dedup_key INTEGER NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES persona_runs(id),
  user_id   TEXT    NOT NULL,
  segment   INTEGER NOT NULL
);
CREATE UNIQUE INDEX user_segments_by_user ON user_segments(user_id);
CREATE INDEX user_segments_by_run ON user_segments(run_id);
)sql";

constexpr std::array kMigrations = {
    Migration{6, "personas", kV6},
};

}  // namespace

std::span<const Migration> PersonasMigrations() { return kMigrations; }

}  // namespace brandlens
