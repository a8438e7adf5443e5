#include "campaigns/journeys_config.h"

#include <fmt/format.h>

#include <climits>
#include <set>
#include <tuple>

namespace brandlens {

namespace {

// Reads a whole number within [lo, hi] (the fallback is `value`).
Status Whole(const ConfigSection& s, const std::string& file, std::string_view key, int& value, int64_t lo,
             int64_t hi) {
  auto v = s.Int(key, value);
  if (!v.ok()) return v.status();
  if (*v < lo || *v > hi)
    return Status::InvalidInput(fmt::format("{}: [{}] {} must be between {} and {}", file, s.name(), key, lo, hi));
  value = static_cast<int>(*v);
  return Status::Ok();
}

Status ReadTemplate(const ConfigSection& s, const std::string& file, std::string_view key, bool required,
                    MessageTemplate& out) {
  auto text = s.String(key, "");
  if (!text.ok()) return text.status();
  if (text->empty()) {
    if (required) return Status::InvalidInput(fmt::format("{}: [{}] needs {}", file, s.name(), key));
    return Status::Ok();
  }
  auto parsed = MessageTemplate::Parse(*text);
  if (!parsed.ok()) return parsed.status().WithPrefix(fmt::format("{}: [{}] {}: ", file, s.name(), key));
  out = std::move(*parsed);
  return Status::Ok();
}

Result<JourneyConfig> ReadJourney(const ConfigSection& s, const std::string& file) {
  BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"name", "trigger", "event_filter", "user_filter", "segments", "delay_minutes",
                                         "cancel_on", "channel", "subject", "text", "html", "marketing",
                                         "max_age_days"}));
  JourneyConfig j;
  for (auto [key, target] : {std::pair<std::string_view, std::string*>{"name", &j.name}, {"trigger", &j.trigger},
                             {"channel", &j.channel}}) {
    auto v = s.String(key, "");
    if (!v.ok()) return v.status();
    if (v->empty()) return Status::InvalidInput(fmt::format("{}: [{}] needs {}", file, s.name(), key));
    *target = *v;
  }
  if (j.channel != "email" && j.channel != "webhook")
    return Status::InvalidInput(
        fmt::format("{}: [{}] channel must be \"email\" or \"webhook\" (got \"{}\")", file, s.name(), j.channel));
  auto cancel_on = s.String("cancel_on", "");
  if (!cancel_on.ok()) return cancel_on.status();
  j.cancel_on = *cancel_on;
  for (auto [key, target, allowed] :
       {std::tuple<std::string_view, std::map<std::string, std::string>*, std::set<std::string_view>>{
            "event_filter", &j.event_filter, {"item_id", "category", "channel"}},
        {"user_filter", &j.user_filter, {"city", "gender", "age", "channel"}}}) {
    auto filter = s.StringMap(key);
    if (!filter.ok()) return filter.status();
    for (const auto& [column, value] : *filter)
      if (allowed.count(column) == 0)
        return Status::InvalidInput(fmt::format("{}: [{}] {} cannot filter on '{}' (known: {})", file, s.name(), key,
                                                column, fmt::join(allowed, ", ")));
    *target = std::move(*filter);
  }
  auto segments = s.Ints("segments");
  if (!segments.ok()) return segments.status();
  for (int64_t id : *segments) {
    if (id < 0 || id > INT32_MAX)
      return Status::InvalidInput(fmt::format("{}: [{}] segments: {} is not a segment id", file, s.name(), id));
    j.segments.push_back(static_cast<int32_t>(id));
  }
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "delay_minutes", j.delay_minutes, 0, 60 * 24 * 90));
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "max_age_days", j.max_age_days, 1, 3650));
  auto marketing = s.Bool("marketing", true);
  if (!marketing.ok()) return marketing.status();
  j.marketing = *marketing;
  BRANDLENS_RETURN_IF_ERROR(ReadTemplate(s, file, "subject", j.channel == "email", j.subject));
  BRANDLENS_RETURN_IF_ERROR(ReadTemplate(s, file, "text", true, j.text));
  BRANDLENS_RETURN_IF_ERROR(ReadTemplate(s, file, "html", false, j.html));
  return j;
}

Result<DeliveryConfig> ReadDelivery(const ConfigSection& s, const std::string& file) {
  BRANDLENS_RETURN_IF_ERROR(s.CheckKeys({"smtp_url", "smtp_user", "smtp_password_env", "from", "webhook_url",
                                         "webhook_signing_key_env", "unsubscribe_url", "quiet_hours", "cap_per_user",
                                         "cap_days", "max_attempts", "retry_minutes", "timeout_seconds"}));
  DeliveryConfig d;
  for (auto [key, target] : {std::pair<std::string_view, std::string*>{"smtp_url", &d.smtp_url},
                             {"smtp_user", &d.smtp_user},
                             {"smtp_password_env", &d.smtp_password_env},
                             {"from", &d.from},
                             {"webhook_url", &d.webhook_url},
                             {"webhook_signing_key_env", &d.webhook_signing_key_env}}) {
    auto v = s.String(key, "");
    if (!v.ok()) return v.status();
    *target = *v;
  }
  BRANDLENS_RETURN_IF_ERROR(ReadTemplate(s, file, "unsubscribe_url", false, d.unsubscribe_url));
  auto quiet = s.Ints("quiet_hours");
  if (!quiet.ok()) return quiet.status();
  if (!quiet->empty()) {
    if (quiet->size() != 2 || (*quiet)[0] < 0 || (*quiet)[0] > 23 || (*quiet)[1] < 0 || (*quiet)[1] > 23)
      return Status::InvalidInput(
          fmt::format("{}: [delivery] quiet_hours must be two local hours [from, to], each 0–23", file));
    d.quiet_from = static_cast<int>((*quiet)[0]);
    d.quiet_to = static_cast<int>((*quiet)[1]);
  }
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "cap_per_user", d.cap_per_user, 1, 1000));
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "cap_days", d.cap_days, 1, 365));
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "max_attempts", d.max_attempts, 1, 20));
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "retry_minutes", d.retry_minutes, 1, 24 * 60));
  BRANDLENS_RETURN_IF_ERROR(Whole(s, file, "timeout_seconds", d.timeout_seconds, 1, 600));
  return d;
}

}  // namespace

Result<JourneysConfig> ReadJourneysConfig(const ProjectConfig& config) {
  const std::string file = config.file.string();
  JourneysConfig out;
  auto delivery = ReadDelivery(config.Section("delivery"), file);
  if (!delivery.ok()) return delivery.status();
  out.delivery = std::move(*delivery);
  auto entries = config.SectionArray("journeys");
  if (!entries.ok()) return entries.status();
  std::set<std::string> names;
  for (const ConfigSection& s : *entries) {
    auto j = ReadJourney(s, file);
    if (!j.ok()) return j.status();
    if (!names.insert(j->name).second)
      return Status::InvalidInput(fmt::format("{}: two journeys are named \"{}\"", file, j->name));
    if (j->channel == "email" && (out.delivery.smtp_url.empty() || out.delivery.from.empty()))
      return Status::InvalidInput(
          fmt::format("{}: journey \"{}\" sends e-mail: [delivery] needs smtp_url and from", file, j->name));
    if (j->channel == "webhook" && out.delivery.webhook_url.empty())
      return Status::InvalidInput(
          fmt::format("{}: journey \"{}\" posts to a webhook: [delivery] needs webhook_url", file, j->name));
    out.journeys.push_back(std::move(*j));
  }
  return out;
}

}  // namespace brandlens
