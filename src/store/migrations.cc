#include "store/migrations.h"

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

// Version 2, owned by the text module: per-mention analysis. Keyed by the
// mention (dedup_key = mention id), so analysing a mention twice adds nothing
// and `brandlens analyze` only visits mentions without a row here.
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

// Version 3, owned by the listening module: one row per (mention, brand)
// with what metrics need, and one per (aspect opinion, brand).
constexpr std::string_view kV3 = R"sql(
CREATE VIEW mention_facts AS
SELECT m.id AS id, b.brand AS brand, m.platform AS platform, m.posted_at AS posted_at,
       COALESCE(m.likes, 0) + COALESCE(m.shares, 0) + COALESCE(m.comments, 0) AS engagement,
       a.label AS label, a.score AS score, a.keywords AS keywords
FROM mentions m
JOIN mention_analysis a ON a.mention_id = m.id
JOIN mention_brands b ON b.mention_id = m.id;

CREATE VIEW aspect_facts AS
SELECT x.mention_id AS id, b.brand AS brand, x.aspect AS aspect, x.label AS label, x.opinions AS opinions,
       m.posted_at AS posted_at
FROM mention_aspects x
JOIN mention_brands b ON b.mention_id = x.mention_id
JOIN mentions m ON m.id = x.mention_id;
)sql";

// Version 4, owned by ingest: a file's size and modification time at import,
// so `brandlens run` can skip project files that have not changed.
constexpr std::string_view kV4 = R"sql(
ALTER TABLE imports ADD COLUMN fingerprint TEXT;
CREATE INDEX imports_by_path ON imports(path, fingerprint);
)sql";

constexpr std::array<std::string_view, 4> kMigrations = {kV1, kV2, kV3, kV4};

}  // namespace

std::span<const std::string_view> SqliteMigrations() { return kMigrations; }

}  // namespace brandlens
