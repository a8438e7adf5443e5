#include "text/tables.h"

#include <array>

namespace brandlens {

namespace {

// Per-mention analysis. Keyed by the mention (dedup_key = mention id), so
// analysing a mention twice adds nothing and `brandlens analyze` only visits
// mentions without a row here.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE mention_analysis (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  label      TEXT    NOT NULL CHECK (label IN ('positive', 'neutral', 'negative')),
  score      REAL    NOT NULL,
  keywords   TEXT    NOT NULL,
  error      TEXT
);
CREATE UNIQUE INDEX mention_analysis_by_mention ON mention_analysis(mention_id);

CREATE TABLE mention_aspects (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  aspect     TEXT    NOT NULL,
  label      TEXT    NOT NULL,
  score      REAL    NOT NULL,
  terms      TEXT    NOT NULL,
  opinions   TEXT    NOT NULL
);
CREATE INDEX mention_aspects_by_mention ON mention_aspects(mention_id);

CREATE TABLE mention_brands (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  brand      TEXT    NOT NULL
);
CREATE INDEX mention_brands_by_mention ON mention_brands(mention_id);

CREATE TABLE mention_comparisons (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  winner     TEXT    NOT NULL,
  loser      TEXT    NOT NULL
);
)sql";

// Mentions judged spam by the latest detection run (text/workspace_spam.h):
// advertising, or one of a coordinated cluster (cluster numbers the run's
// clusters, largest first). Clean mentions have no row.
constexpr std::string_view kV10 = R"sql(
CREATE TABLE mention_spam (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  run        INTEGER NOT NULL,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  kind       TEXT    NOT NULL CHECK (kind IN ('advertising', 'coordinated')),
  reason     TEXT    NOT NULL,
  cluster    INTEGER
);
CREATE UNIQUE INDEX mention_spam_by_mention ON mention_spam(mention_id);
)sql";

constexpr std::array kMigrations = {
    Migration{2, "text", kV2},
    Migration{10, "text", kV10},
};

}  // namespace

std::span<const Migration> TextMigrations() { return kMigrations; }

}  // namespace brandlens
