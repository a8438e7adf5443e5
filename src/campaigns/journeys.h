// Trigger journeys: an event (with the user's segment, consent and opt-outs
// as conditions) and an optional delay lead to a message over e-mail or a
// webhook, delivered at most once per user × journey × triggering event.
//
// A run (RunJourneys) has two steps:
//  1. Queue: every event of a journey's trigger type not older than
//     max_age_days becomes a journey_deliveries row keyed by its
//     idempotency key; a key already queued is left alone, so re-runs only
//     add what is new. Events of type unsubscribe / opt_out (a link clicked,
//     an SMS reply of 退订 reported by the gateway) become
//     opt-outs first.
//  2. Deliver, for each row that is due: conditions are checked at send
//     time (consent withdrawn, an unsubscribe, or the journey's cancel_on
//     event — a purchase after an abandoned cart — since the trigger); quiet hours in the user's time zone (else the project's)
//     move the row to the end of the quiet period; the frequency cap per
//     user and channel skips it; otherwise the row is marked `sending` and
//     committed, the message sent, and the outcome committed: `sent`, a
//     retry after retry_minutes × 2^(attempt − 1) on a transient failure
//     (capped at a day; until max_attempts), or `failed` with the reason;
//     a failure every message would hit (credentials, TLS, the sender
//     refused) gives the row back and stops the run with an error. Every
//     decision is also appended to delivery_attempts (the audit).
//  A run killed after a message left but before `sent` was written finds
//  the row `sending` and sends it again with the same Message-ID /
//  Idempotency-Key, which the receiver can use to drop the copy: nothing is
//  lost, and only that one message (or one whose SMTP session timed out
//  after the data went) can reach the receiver twice — webhooks that honour
//  the key drop it; most mail servers do not dedupe by Message-ID.
//
// One run at a time per workspace: `brandlens journeys run` holds a lock
// file beside the workspace while it delivers (a second run would take a
// `sending` row of the first for an interrupted one). Each state change
// also checks the row is as this run last read it.
//
// A dry run does the same reading and deciding inside a transaction it
// rolls back: it changes nothing and returns the messages it would send.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "campaigns/delivery.h"
#include "campaigns/journeys_config.h"
#include "core/status.h"
#include "store/store.h"

namespace brandlens {

struct JourneySenders {
  MessageSender* email = nullptr;    // required when a journey sends e-mail
  MessageSender* webhook = nullptr;  // required when a journey posts to a webhook
};

struct JourneyRunOptions {
  int64_t now = 0;  // unix seconds
  bool dry_run = false;
  std::string default_time_zone = "Asia/Shanghai";  // for users without one
};

struct JourneyCounts {
  int64_t queued = 0;    // new rows this run
  int64_t sent = 0;
  int64_t retrying = 0;  // transient failure, tried again later
  int64_t failed = 0;    // permanent failure or attempts exhausted
  int64_t skipped = 0;   // a condition failed (the reason is stored)
  int64_t waiting = 0;   // not due yet (delay, quiet hours)
  int64_t quiet = 0;     // of those, held back by quiet hours only
};

struct JourneyRunResult {
  std::map<std::string, JourneyCounts> journeys;
  std::map<std::string, int64_t> skip_reasons;
  std::vector<OutgoingMessage> would_send;  // dry run only
};

Result<JourneyRunResult> RunJourneys(Store& store, const JourneysConfig& config, const JourneySenders& senders,
                                     const JourneyRunOptions& options);

// For the report: a dry run as of `as_of` (what a run would send) and what
// past runs did (journey_deliveries rows per journey and status).
struct JourneysOverview {
  int64_t as_of = 0;
  std::string as_of_date;  // local YYYY-MM-DD
  JourneyRunResult preview;
  std::map<std::string, std::map<std::string, int64_t>> history;  // journey → status → messages
};
Result<JourneysOverview> PreviewJourneys(Store& store, const JourneysConfig& config, int64_t as_of,
                                         const std::string& time_zone);

// Records that a user wants no more messages on `channel` ("email",
// "webhook" or "all"); `source` says where it came from (cli, link, sms).
Status Unsubscribe(Store& store, const std::string& user_id, const std::string& channel, int64_t now,
                   const std::string& source);

}  // namespace brandlens
