// Delivering a journey's message: e-mail over SMTP and everything else
// (SMS gateways, WeCom, a CRM) as a signed webhook, both through libcurl.
//
//  - E-mail: a multipart/alternative message (plain text and, when given,
//    HTML; UTF-8, base64 bodies) with the subject and the sender's name
//    encoded per RFC 2047, Message-ID derived from the idempotency key, and
//    List-Unsubscribe when an unsubscribe URL is known.
//  - Webhook: an HTTP POST of a JSON object {key, journey, user_id, to,
//    subject, text, unsubscribe_url} with `Idempotency-Key: <key>`,
//    `X-Brandlens-Timestamp: <unix seconds>` and
//    `X-Brandlens-Signature: sha256=<hex HMAC-SHA256(signing key,
//    timestamp + "." + body)>`, which the receiver recomputes to trust it.
//  - Outcomes: sent; transient (connection refused or timed out, SMTP 4xx,
//    HTTP 408/429/5xx), to retry; permanent (SMTP 5xx such as a refused
//    recipient, other HTTP 4xx), not retried; stop (what every message
//    would hit: SMTP authentication or TLS refused, the sender address
//    refused, HTTP 401/403 to our signature), which ends the run with the
//    message left queued. The reason quotes the server.
//  - With smtp_user set, SMTP requires TLS (STARTTLS on smtp://), so a
//    password never crosses the network in clear.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "campaigns/journeys_config.h"
#include "core/status.h"

namespace brandlens {

struct OutgoingMessage {
  std::string key;  // the idempotency key: journey:user:event
  std::string journey, user_id, channel;
  std::string to;   // an e-mail address, or the phone / id the webhook delivers to
  std::string subject, text, html, unsubscribe_url;
};

enum class SendOutcome { kSent, kTransient, kPermanent, kStop };

struct SendResult {
  SendOutcome outcome = SendOutcome::kSent;
  std::string reason;  // empty when sent
};

class MessageSender {
 public:
  virtual ~MessageSender() = default;
  virtual SendResult Send(const OutgoingMessage& message, int64_t now) = 0;
};

// Errors: a password or signing-key variable that is named but not set.
Result<std::unique_ptr<MessageSender>> MakeSmtpSender(const DeliveryConfig& config);
Result<std::unique_ptr<MessageSender>> MakeWebhookSender(const DeliveryConfig& config);

// The RFC 5322 message the SMTP sender transmits (exposed for tests).
std::string BuildEmail(const OutgoingMessage& message, const std::string& from, int64_t now);
// "=?UTF-8?B?...?=" words for non-ASCII text (each under 76 characters,
// split between UTF-8 characters), the text itself when it is ASCII.
std::string EncodeHeaderWord(std::string_view text);
// Empty only if OpenSSL fails.
std::string HmacSha256Hex(std::string_view key, std::string_view data);
// The address inside "Name <addr>", or the text when it has no brackets.
std::string_view MailboxAddress(std::string_view from);

}  // namespace brandlens
