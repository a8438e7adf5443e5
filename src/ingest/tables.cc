#include "ingest/tables.h"

#include <array>

namespace brandlens {

namespace {

// Data tables share: id (row id), dedup_key (64-bit content or natural-key
// hash that makes re-imports idempotent), import_id (audit trail).
// dedup_key is unique per table, kept so by the store's RowWriter rather than
// by a UNIQUE index: the random-order index made a 1M-row import 1.9 s
// slower (bench/import_bench). Secondary indexes are added by the modules
// whose queries need them, in their own migrations.
// References between data tables (events.user_id -> users.user_id) are soft:
// exports arrive in any order, so they are not enforced as foreign keys.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE imports (
  id             INTEGER PRIMARY KEY,
  kind           TEXT    NOT NULL,
  path           TEXT    NOT NULL,
  encoding       TEXT    NOT NULL,
  started_at     INTEGER NOT NULL,
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_inserted  INTEGER NOT NULL DEFAULT 0,
  rows_duplicate INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mentions (
  id        INTEGER PRIMARY KEY,
  dedup_key INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  platform  TEXT    NOT NULL,
  source_id TEXT,
  author    TEXT,
  posted_at INTEGER NOT NULL,
  text      TEXT    NOT NULL,
  rating    REAL,
  likes     INTEGER,
  shares    INTEGER,
  comments  INTEGER,
  url       TEXT,
  language  TEXT    NOT NULL
);

CREATE TABLE users (
  id        INTEGER PRIMARY KEY,
  dedup_key INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  user_id   TEXT    NOT NULL,
  signup_at INTEGER,
  gender    TEXT,
  age       INTEGER,
  city      TEXT,
  channel   TEXT
);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  dedup_key   INTEGER NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  user_id     TEXT    NOT NULL,
  occurred_at INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  item_id     TEXT,
  category    TEXT,
  amount      REAL,
  channel     TEXT
);

CREATE TABLE products (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  product_id TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  brand      TEXT,
  category   TEXT,
  price      REAL
);

CREATE TABLE orders (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  order_id   TEXT    NOT NULL,
  user_id    TEXT    NOT NULL,
  ordered_at INTEGER NOT NULL,
  product_id TEXT,
  quantity   INTEGER,
  amount     REAL    NOT NULL,
  channel    TEXT
);

CREATE TABLE channel_daily (
  id          INTEGER PRIMARY KEY,
  dedup_key   INTEGER NOT NULL,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  day         TEXT    NOT NULL,
  channel     TEXT    NOT NULL,
  campaign    TEXT    NOT NULL DEFAULT '',
  spend       REAL    NOT NULL,
  impressions INTEGER,
  clicks      INTEGER,
  conversions INTEGER,
  revenue     REAL
);

CREATE TABLE kb_documents (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  doc_id     TEXT    NOT NULL,
  kind       TEXT    NOT NULL,
  title      TEXT,
  body       TEXT    NOT NULL,
  url        TEXT,
  updated_at INTEGER
);

CREATE TABLE experiment_exposures (
  id         INTEGER PRIMARY KEY,
  dedup_key  INTEGER NOT NULL,
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  experiment TEXT    NOT NULL,
  arm        TEXT    NOT NULL,
  user_id    TEXT    NOT NULL,
  exposed_at INTEGER NOT NULL,
  converted  INTEGER NOT NULL CHECK (converted IN (0, 1)),
  revenue    REAL
);
)sql";

// A file's size and modification time at import, so `brandlens run` can
// skip project files that have not changed.
constexpr std::string_view kV4 = R"sql(
ALTER TABLE imports ADD COLUMN fingerprint TEXT;
CREATE INDEX imports_by_path ON imports(path, fingerprint);
)sql";

// Every rejected row of an import: its physical line and the reason, which
// names file, line and field (the import prints only the first few).
constexpr std::string_view kV5 = R"sql(
CREATE TABLE import_errors (
  id        INTEGER PRIMARY KEY,
  dedup_key INTEGER NOT NULL,
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line      INTEGER NOT NULL,
  message   TEXT    NOT NULL
);
CREATE INDEX import_errors_by_import ON import_errors(import_id);
)sql";

// How to reach a user, and whether they agreed to marketing messages
// (journeys): consent NULL means not known, which journeys treat as no.
constexpr std::string_view kV9 = R"sql(
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN timezone TEXT;
ALTER TABLE users ADD COLUMN consent INTEGER CHECK (consent IN (0, 1));
)sql";

constexpr std::array kMigrations = {
    Migration{1, "ingest", kV1},
    Migration{4, "ingest", kV4},
    Migration{5, "ingest", kV5},
    Migration{9, "ingest", kV9},
};

}  // namespace

std::span<const Migration> IngestMigrations() { return kMigrations; }

}  // namespace brandlens
