#include "campaigns/delivery.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

namespace brandlens {

namespace {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    // A server closing a TLS connection mid-write must be an error, not
    // SIGPIPE killing the run between a send and its record.
    std::signal(SIGPIPE, SIG_IGN);
  });
}

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Base64 in lines of 76 characters, as MIME bodies require.
std::string Base64Body(std::string_view bytes) {
  const std::string flat = Base64(bytes);
  std::string out;
  for (size_t i = 0; i < flat.size(); i += 76) out += fmt::format("{}\r\n", flat.substr(i, 76));
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80 || c == '\r' || c == '\n') return false;
  return true;
}

// A header value from data (an address, a URL, a key) on one line: a CR
// or LF from a users file must never start a header of its own.
std::string OneLine(std::string_view value) {
  std::string out;
  for (char c : value)
    if (c != '\r' && c != '\n') out += c;
  return out;
}

std::string RfcDate(int64_t now) {
  const auto t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

// "Name <addr>" with the name encoded; a bare address as it is.
std::string EncodeMailbox(std::string_view mailbox) {
  const size_t open = mailbox.find('<');
  if (open == std::string_view::npos) return std::string(mailbox);
  std::string_view name = mailbox.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty()) return std::string(mailbox.substr(open));
  return fmt::format("{} {}", EncodeHeaderWord(name), mailbox.substr(open));
}

// Feeds the message to libcurl's upload.
struct Upload {
  std::string_view rest;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, up->rest.size());
  std::memcpy(buffer, up->rest.data(), n);
  up->rest.remove_prefix(n);
  return n;
}

size_t IgnoreBody(char*, size_t size, size_t count, void*) { return size * count; }

struct CurlHandle {
  CURL* curl = curl_easy_init();
  curl_slist* list = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  explicit CurlHandle(int timeout_seconds) {
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(timeout_seconds, 10)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  }
  ~CurlHandle() {
    curl_easy_cleanup(curl);  // before the list it may still point to
    curl_slist_free_all(list);
  }
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;
  std::string Error(CURLcode rc) const { return error[0] != '\0' ? std::string(error) : curl_easy_strerror(rc); }
};

Result<std::string> SecretFromEnv(const std::string& variable, std::string_view what) {
  if (variable.empty()) return std::string();
  const char* value = std::getenv(variable.c_str());
  if (value == nullptr || *value == '\0')
    return Status::InvalidInput(fmt::format("the {} is read from ${}, which is not set", what, variable));
  return std::string(value);
}

class SmtpSender : public MessageSender {
 public:
  SmtpSender(const DeliveryConfig& config, std::string password) : config_(config), password_(std::move(password)) {}

  SendResult Send(const OutgoingMessage& m, int64_t now) override {
    InitCurlOnce();
    const std::string email = BuildEmail(m, config_.from, now);
    CurlHandle h(config_.timeout_seconds);
    Upload upload{email};
    const std::string from = fmt::format("<{}>", MailboxAddress(config_.from));
    h.list = curl_slist_append(h.list, fmt::format("<{}>", OneLine(m.to)).c_str());
    curl_easy_setopt(h.curl, CURLOPT_URL, config_.smtp_url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.list);
    curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, ReadUpload);
    curl_easy_setopt(h.curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
    if (!config_.smtp_user.empty()) {
      curl_easy_setopt(h.curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
      curl_easy_setopt(h.curl, CURLOPT_USERNAME, config_.smtp_user.c_str());
      curl_easy_setopt(h.curl, CURLOPT_PASSWORD, password_.c_str());
    }
    const CURLcode rc = curl_easy_perform(h.curl);
    long code = 0;
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &code);
    if (rc == CURLE_OK) return {SendOutcome::kSent, ""};
    const std::string error = h.Error(rc);
    const std::string why = fmt::format("SMTP {}: {}", code, error);
    // Refused credentials, TLS or sender fail every message alike.
    if (rc == CURLE_LOGIN_DENIED || rc == CURLE_USE_SSL_FAILED || code == 530 || code == 535 ||
        error.find("MAIL failed") != std::string::npos)
      return {SendOutcome::kStop, why};
    // 5xx: the server refuses this message for good (unknown recipient,
    // policy); anything else (4xx, no connection, a timeout) may pass later.
    return {code >= 500 ? SendOutcome::kPermanent : SendOutcome::kTransient, why};
  }

 private:
  DeliveryConfig config_;
  std::string password_;
};

class WebhookSender : public MessageSender {
 public:
  WebhookSender(const DeliveryConfig& config, std::string key) : config_(config), key_(std::move(key)) {}

  SendResult Send(const OutgoingMessage& m, int64_t now) override {
    InitCurlOnce();
    const std::string body = nlohmann::json({{"key", m.key},
                                             {"journey", m.journey},
                                             {"user_id", m.user_id},
                                             {"to", m.to},
                                             {"subject", m.subject},
                                             {"text", m.text},
                                             {"unsubscribe_url", m.unsubscribe_url}})
                                 .dump();
    CurlHandle h(config_.timeout_seconds);
    const std::string stamp = std::to_string(now);
    const std::string signature = HmacSha256Hex(key_, fmt::format("{}.{}", stamp, body));
    if (signature.empty()) return {SendOutcome::kStop, "webhook: OpenSSL could not sign the message"};
    for (const std::string& header :
         {std::string("Content-Type: application/json; charset=utf-8"),
          fmt::format("Idempotency-Key: {}", OneLine(m.key)),
          fmt::format("X-Brandlens-Timestamp: {}", stamp), fmt::format("X-Brandlens-Signature: sha256={}", signature)})
      h.list = curl_slist_append(h.list, header.c_str());
    curl_easy_setopt(h.curl, CURLOPT_URL, config_.webhook_url.c_str());
    curl_easy_setopt(h.curl, CURLOPT_HTTPHEADER, h.list);
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(h.curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(h.curl, CURLOPT_WRITEFUNCTION, IgnoreBody);
    const CURLcode rc = curl_easy_perform(h.curl);
    long code = 0;
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &code);
    if (rc != CURLE_OK) return {SendOutcome::kTransient, fmt::format("webhook: {}", h.Error(rc))};
    if (code >= 200 && code < 300) return {SendOutcome::kSent, ""};
    const std::string why = fmt::format("webhook answered HTTP {}", code);
    if (code == 401 || code == 403) return {SendOutcome::kStop, why + " (check the signing key)"};
    return {code == 408 || code == 429 || code >= 500 ? SendOutcome::kTransient : SendOutcome::kPermanent, why};
  }

 private:
  DeliveryConfig config_;
  std::string key_;
};

}  // namespace

std::string_view MailboxAddress(std::string_view from) {
  const size_t open = from.find('<'), close = from.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return from;
  return from.substr(open + 1, close - open - 1);
}

std::string EncodeHeaderWord(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  // 39 bytes of UTF-8 become 52 base64 characters: with "=?UTF-8?B?" and
  // "?=" a word is 64, and "Subject: " plus the first word stays within
  // RFC 2047's 76-character lines. Words never split a character.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size()) {
      size_t next = end + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      if (next - start > 39) break;
      end = next;
    }
    if (end == start) ++end;  // a run of stray continuation bytes: still move on
    if (!out.empty()) out += "\r\n ";
    out += fmt::format("=?UTF-8?B?{}?=", Base64(text.substr(start, end - start)));
    start = end;
  }
  return out;
}

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), digest, &length) == nullptr)
    return "";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::string BuildEmail(const OutgoingMessage& m, const std::string& from, int64_t now) {
  // The boundary and Message-ID come from the key: the same message is the
  // same bytes on a re-send, so a receiver can drop the copy.
  const std::string tag = HmacSha256Hex("brandlens", m.key).substr(0, 24);
  const std::string boundary = fmt::format("=_brandlens_{}", tag);
  const std::string_view address = MailboxAddress(from);
  std::string e = fmt::format(
      "From: {}\r\nTo: <{}>\r\nSubject: {}\r\nDate: {}\r\nMessage-ID: <{}@{}>\r\nX-Brandlens-Key: {}\r\n",
      EncodeMailbox(OneLine(from)), OneLine(m.to), EncodeHeaderWord(m.subject), RfcDate(now), tag,
      OneLine(address.substr(address.find('@') + 1)), OneLine(m.key));
  if (!m.unsubscribe_url.empty()) e += fmt::format("List-Unsubscribe: <{}>\r\n", OneLine(m.unsubscribe_url));
  e += "MIME-Version: 1.0\r\n";
  const auto part = [](std::string_view type, std::string_view body) {
    return fmt::format("Content-Type: {}; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{}", type,
                       Base64Body(body));
  };
  if (m.html.empty()) return e + part("text/plain", m.text);
  e += fmt::format("Content-Type: multipart/alternative; boundary=\"{0}\"\r\n\r\n--{0}\r\n{1}--{0}\r\n{2}--{0}--\r\n",
                   boundary, part("text/plain", m.text), part("text/html", m.html));
  return e;
}

Result<std::unique_ptr<MessageSender>> MakeSmtpSender(const DeliveryConfig& config) {
  auto password = SecretFromEnv(config.smtp_password_env, "SMTP password");
  if (!password.ok()) return password.status();
  return std::unique_ptr<MessageSender>(std::make_unique<SmtpSender>(config, std::move(*password)));
}

Result<std::unique_ptr<MessageSender>> MakeWebhookSender(const DeliveryConfig& config) {
  if (config.webhook_signing_key_env.empty())
    return Status::InvalidInput(
        "webhook deliveries are signed: set [delivery] webhook_signing_key_env to the variable holding the key");
  auto key = SecretFromEnv(config.webhook_signing_key_env, "webhook signing key");
  if (!key.ok()) return key.status();
  return std::unique_ptr<MessageSender>(std::make_unique<WebhookSender>(config, std::move(*key)));
}

}  // namespace brandlens
