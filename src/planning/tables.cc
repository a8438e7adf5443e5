#include "planning/tables.h"

#include <array>

namespace brandlens {

namespace {

// The main job's latest forecasts, one row per series and future day (each
// run replaces the previous run's rows), so they can later be compared with
// what happened.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE planning_forecasts (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  series     TEXT    NOT NULL,
  day        TEXT    NOT NULL,
  method     TEXT    NOT NULL,
  mean       REAL    NOT NULL,
  lo80       REAL    NOT NULL,
  hi80       REAL    NOT NULL,
  lo95       REAL    NOT NULL,
  hi95       REAL    NOT NULL
);
CREATE INDEX planning_forecasts_by_series ON planning_forecasts(series, day);
)sql";

constexpr std::array kMigrations = {
    Migration{7, "planning", kV7},
};

}  // namespace

std::span<const Migration> PlanningMigrations() { return kMigrations; }

}  // namespace brandlens
