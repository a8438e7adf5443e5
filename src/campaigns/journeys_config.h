// Trigger journeys and how their messages are delivered, from the project
// config:
//
//   [[journeys]]
//   name = "cart_reminder"            # unique; part of every idempotency key
//   trigger = "cart"                  # the event type that starts it
//   event_filter = { category = "fruit_tea" }   # optional: the event's item_id / category / channel
//   user_filter = { city = "杭州" }             # optional: the user's city / gender / age / channel
//   segments = [2, 5]                 # optional: persona segments (user_segments) it is for
//   delay_minutes = 60                # wait after the event
//   cancel_on = "purchase"            # optional: an event of this type by the user in the
//                                     # delay cancels the message (abandoned-cart reminders)
//   channel = "email"                 # "email" or "webhook" (SMS and any other channel)
//   subject = "{user_id}，购物车里的好茶还在等你"
//   text = "..."                      # the message (plain text; the SMS body for webhooks)
//   html = "..."                      # optional HTML part of an e-mail
//   marketing = true                  # needs the user's consent (default); false: service messages
//   max_age_days = 7                  # events older than this when first seen start nothing
//
//   [delivery]
//   smtp_url = "smtp://127.0.0.1:25"  # smtps:// for TLS
//   smtp_user = ""                    # with smtp_password_env, the variable holding the password
//   from = "山茶集 <news@example.com>"
//   webhook_url = "https://sms.example.com/send"
//   webhook_signing_key_env = "BRANDLENS_WEBHOOK_KEY"   # HMAC-SHA256 key, from the environment
//   unsubscribe_url = "https://example.com/unsubscribe?u={user_id}"
//   quiet_hours = [22, 8]             # local hours [from, to): nothing is sent in between
//   cap_per_user = 2                  # at most this many messages per user and channel ...
//   cap_days = 7                      # ... in this many days
//   max_attempts = 5                  # transient failures are retried with exponential backoff
//   retry_minutes = 5                 # the first retry's wait; doubled each time
//   timeout_seconds = 20              # a server slower than this is a transient failure
//
// Templates are checked when the config is read: an unknown {field} or an
// unclosed brace is an error naming the journey and the key.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "campaigns/message_template.h"
#include "core/config.h"
#include "core/status.h"

namespace brandlens {

struct JourneyConfig {
  std::string name, trigger, channel;
  std::string cancel_on;  // empty: nothing cancels
  std::map<std::string, std::string> event_filter, user_filter;  // column → required value
  std::vector<int32_t> segments;  // empty: everyone
  int delay_minutes = 0;
  bool marketing = true;
  int max_age_days = 7;
  MessageTemplate subject, text, html;  // html may be empty
};

struct DeliveryConfig {
  std::string smtp_url, smtp_user, smtp_password_env, from;
  std::string webhook_url, webhook_signing_key_env;
  MessageTemplate unsubscribe_url;
  int quiet_from = 22, quiet_to = 8;  // equal: no quiet hours
  int cap_per_user = 2, cap_days = 7;
  int max_attempts = 5, retry_minutes = 5;
  int timeout_seconds = 20;
};

struct JourneysConfig {
  std::vector<JourneyConfig> journeys;
  DeliveryConfig delivery;
};

Result<JourneysConfig> ReadJourneysConfig(const ProjectConfig& config);

}  // namespace brandlens
