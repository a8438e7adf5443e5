#include "planning/tables.h"

#include <array>
#include <vector>

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

// The main job's latest marketing-mix model and recommended budget, one row
// per channel (each run replaces the previous run's rows).
constexpr std::string_view kV8 = R"sql(
CREATE TABLE planning_mix (
  id             INTEGER PRIMARY KEY,
  created_at     INTEGER NOT NULL,
  channel        TEXT    NOT NULL,
  spend          REAL    NOT NULL,
  contribution   REAL    NOT NULL,
  roas           REAL    NOT NULL,
  roas_low       REAL    NOT NULL,
  roas_high      REAL    NOT NULL,
  marginal_roas  REAL    NOT NULL,
  decay          REAL    NOT NULL,
  half_saturation REAL   NOT NULL,
  shape          REAL    NOT NULL,
  current_spend  REAL    NOT NULL,
  planned_spend  REAL    NOT NULL
);
)sql";

constexpr std::array kMigrations = {
    Migration{7, "planning", kV7},
    Migration{8, "planning", kV8},
};

}  // namespace

std::span<const Migration> PlanningMigrations() { return kMigrations; }

Status DeleteAllRows(Store& store, std::string_view table) {
  std::vector<int64_t> ids;
  static constexpr std::array<std::string_view, 1> kId = {"id"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, table, kId, {}, [&](RowView& row) {
    ids.push_back(row.Int(0));
    return row.status();
  }));
  if (ids.empty()) return Status::Ok();
  ScanFilter filter;
  filter.ids = ids;
  return store.DeleteRows(table, filter);
}

}  // namespace brandlens
