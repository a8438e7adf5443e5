#include "campaigns/tables.h"

#include <array>

namespace brandlens {

namespace {

// journey_deliveries: one row per message a journey owes a user, keyed by
// the idempotency key (journey × user × trigger event: its hash is the
// dedup key), so a re-run never queues a message twice. Status moves
// queued → sending → sent | failed, or queued → skipped; `sending` is
// written before the message leaves, so a run killed mid-send is found by
// the next run, which re-sends under the same key (Message-ID,
// Idempotency-Key) for the receiver to drop.
// delivery_attempts: the audit, one row per attempt or decision, with the
// reason. journey_optouts: unsubscribes, honoured on the next run.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE journey_deliveries (
  id              INTEGER PRIMARY KEY,
  dedup_key       INTEGER NOT NULL,
  idempotency_key TEXT    NOT NULL,
  journey         TEXT    NOT NULL,
  user_id         TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  trigger_event   INTEGER NOT NULL,
  event_item      TEXT,
  triggered_at    INTEGER NOT NULL,
  due_at          INTEGER NOT NULL,
  status          TEXT    NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  reason          TEXT,
  recipient       TEXT,
  sent_at         INTEGER
);
CREATE UNIQUE INDEX journey_deliveries_by_key ON journey_deliveries(dedup_key);
CREATE INDEX journey_deliveries_by_status ON journey_deliveries(status, due_at);

CREATE TABLE delivery_attempts (
  id          INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES journey_deliveries(id),
  at          INTEGER NOT NULL,
  outcome     TEXT    NOT NULL,
  reason      TEXT
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id);

CREATE TABLE journey_optouts (
  id        INTEGER PRIMARY KEY,
  dedup_key INTEGER NOT NULL,
  user_id   TEXT    NOT NULL,
  channel   TEXT    NOT NULL,
  at        INTEGER NOT NULL,
  source    TEXT    NOT NULL
);
CREATE UNIQUE INDEX journey_optouts_by_key ON journey_optouts(dedup_key);
)sql";

constexpr std::array kMigrations = {
    Migration{9, "campaigns", kV9},
};

}  // namespace

std::span<const Migration> CampaignsMigrations() { return kMigrations; }

}  // namespace brandlens
