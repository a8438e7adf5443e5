#include "campaigns/journeys.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include "campaigns/recommend.h"
#include "core/hash.h"
#include "core/timestamp.h"
#include "personas/personas.h"
#include "store/row_view.h"

namespace brandlens {

namespace {

// Event types are identifiers (ingest): an SMS reply of 退订 / TD arrives
// from the gateway as one of these.
constexpr std::array<std::string_view, 4> kOptOutEventTypes = {"unsubscribe", "unsubscribed", "opt_out", "optout"};
constexpr int64_t kDay = 86400;

struct UserInfo {
  std::map<std::string, std::string, std::less<>> fields;  // template fields from the users table
  std::string timezone;
  std::optional<bool> consent;
};

Result<std::unordered_map<std::string, UserInfo>> LoadUsers(Store& store) {
  std::unordered_map<std::string, UserInfo> users;
  static constexpr std::array<std::string_view, 9> kColumns = {"user_id", "email", "phone",  "city",    "gender",
                                                               "age",     "channel", "timezone", "consent"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "users", kColumns, {}, [&](RowView& row) {
    UserInfo& u = users[std::string(row.Text(0))];
    u.fields["user_id"] = row.Text(0);
    for (size_t i = 1; i < 7; ++i) {
      if (i == 5) {
        if (const auto age = row.OptionalInt(i)) u.fields["age"] = std::to_string(*age);
      } else if (const auto v = row.OptionalText(i)) {
        u.fields[std::string(kColumns[i])] = *v;
      }
    }
    u.timezone = row.OptionalText(7).value_or("");
    if (const auto consent = row.OptionalInt(8)) u.consent = *consent != 0;
    return row.status();
  }));
  return users;
}

uint64_t OptOutKey(std::string_view user, std::string_view channel) { return StableHash({"optout", user, channel}); }

Status InsertOptOut(Store& store, const std::string& user, const std::string& channel, int64_t at,
                    const std::string& source) {
  static constexpr std::array<std::string_view, 4> kColumns = {"user_id", "channel", "at", "source"};
  auto writer = store.PrepareInsert("journey_optouts", kColumns);
  if (!writer.ok()) return writer.status();
  const std::array<Value, 4> values = {std::string_view(user), std::string_view(channel), at, std::string_view(source)};
  auto inserted = (*writer)->Insert(OptOutKey(user, channel), values);
  return inserted.ok() ? Status::Ok() : inserted.status();
}

// Unsubscribe events reported by the e-mail or SMS provider become opt-outs.
Status RecordOptOutEvents(Store& store) {
  std::vector<std::pair<std::string, int64_t>> found;
  static constexpr std::array<std::string_view, 2> kColumns = {"user_id", "occurred_at"};
  for (std::string_view type : kOptOutEventTypes) {
    const std::array<ColumnEquals, 1> equals = {ColumnEquals{"type", type}};
    ScanFilter filter;
    filter.equals = equals;
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "events", kColumns, filter, [&](RowView& row) {
      found.emplace_back(row.Text(0), row.Int(1));
      return row.status();
    }));
  }
  for (const auto& [user, at] : found) BRANDLENS_RETURN_IF_ERROR(InsertOptOut(store, user, "all", at, "event"));
  return Status::Ok();
}

Result<std::set<std::pair<std::string, std::string>>> LoadOptOuts(Store& store) {
  std::set<std::pair<std::string, std::string>> out;
  static constexpr std::array<std::string_view, 2> kColumns = {"user_id", "channel"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "journey_optouts", kColumns, {}, [&](RowView& row) {
    out.emplace(row.Text(0), row.Text(1));
    return row.status();
  }));
  return out;
}

// Step 1: a queue row per new triggering event.
Status Enqueue(Store& store, const JourneyConfig& journey, int64_t now, JourneyCounts& counts) {
  struct Trigger {
    int64_t id;
    std::string user;
    int64_t at;
    std::string item;
  };
  std::vector<Trigger> triggers;
  static constexpr std::array<std::string_view, 6> kEventColumns = {"id",      "user_id",  "occurred_at",
                                                                    "item_id", "category", "channel"};
  const std::array<ColumnEquals, 1> equals = {ColumnEquals{"type", std::string_view(journey.trigger)}};
  ScanFilter filter;
  filter.equals = equals;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "events", kEventColumns, filter, [&](RowView& row) {
    for (const auto& [column, value] : journey.event_filter) {
      const size_t i = column == "item_id" ? 3 : column == "category" ? 4 : 5;
      if (row.OptionalText(i).value_or("") != value) return row.status();
    }
    if (row.Int(2) >= now - int64_t{journey.max_age_days} * kDay)
      triggers.push_back({row.Int(0), std::string(row.Text(1)), row.Int(2), std::string(row.OptionalText(3).value_or(""))});
    return row.status();
  }));
  static constexpr std::array<std::string_view, 10> kColumns = {"idempotency_key", "journey",    "user_id",
                                                                "channel",         "trigger_event", "event_item",
                                                                "triggered_at",    "due_at",     "status",
                                                                "attempts"};
  auto writer = store.PrepareInsert("journey_deliveries", kColumns);
  if (!writer.ok()) return writer.status();
  for (const Trigger& t : triggers) {
    const std::string key = fmt::format("{}:{}:{}", journey.name, t.user, t.id);
    const std::array<Value, 10> values = {std::string_view(key),
                                          std::string_view(journey.name),
                                          std::string_view(t.user),
                                          std::string_view(journey.channel),
                                          t.id,
                                          t.item.empty() ? Value{} : Value{std::string_view(t.item)},
                                          t.at,
                                          t.at + int64_t{journey.delay_minutes} * 60,
                                          std::string_view("queued"),
                                          int64_t{0}};
    auto inserted = (*writer)->Insert(StableHash({"journey", key}), values);
    if (!inserted.ok()) return inserted.status();
    counts.queued += *inserted ? 1 : 0;
  }
  return Status::Ok();
}

struct Due {
  int64_t id;
  std::string key, journey, user, channel, item, status;
  int64_t triggered_at, due_at, attempts;
};

Result<std::vector<Due>> LoadOpenDeliveries(Store& store) {
  std::vector<Due> out;
  static constexpr std::array<std::string_view, 10> kColumns = {"id",      "idempotency_key", "journey",
                                                                "user_id", "channel",         "event_item",
                                                                "status",  "triggered_at",    "due_at",
                                                                "attempts"};
  for (std::string_view status : {"sending", "queued"}) {
    const std::array<ColumnEquals, 1> equals = {ColumnEquals{"status", status}};
    ScanFilter filter;
    filter.equals = equals;
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "journey_deliveries", kColumns, filter, [&](RowView& row) {
      out.push_back({row.Int(0), std::string(row.Text(1)), std::string(row.Text(2)), std::string(row.Text(3)),
                     std::string(row.Text(4)), std::string(row.OptionalText(5).value_or("")),
                     std::string(row.Text(6)), row.Int(7), row.Int(8), row.Int(9)});
      return row.status();
    }));
  }
  std::stable_sort(out.begin(), out.end(), [](const Due& a, const Due& b) { return a.due_at < b.due_at; });
  return out;
}

// When the messages already sent went out, per user and channel (for caps).
Result<std::map<std::pair<std::string, std::string>, std::vector<int64_t>>> LoadSent(Store& store) {
  std::map<std::pair<std::string, std::string>, std::vector<int64_t>> out;
  static constexpr std::array<std::string_view, 3> kColumns = {"user_id", "channel", "sent_at"};
  const std::array<ColumnEquals, 1> equals = {ColumnEquals{"status", std::string_view("sent")}};
  ScanFilter filter;
  filter.equals = equals;
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "journey_deliveries", kColumns, filter, [&](RowView& row) {
    out[{std::string(row.Text(0)), std::string(row.Text(1))}].push_back(row.Int(2));
    return row.status();
  }));
  return out;
}

// Seconds until the quiet period ends, or 0 outside it.
int64_t QuietWait(const DeliveryConfig& d, int32_t utc_offset, int64_t now) {
  if (d.quiet_from == d.quiet_to) return 0;
  const int64_t local = ((now + utc_offset) % kDay + kDay) % kDay;
  const int hour = static_cast<int>(local / 3600);
  const bool quiet = d.quiet_from < d.quiet_to ? hour >= d.quiet_from && hour < d.quiet_to
                                               : hour >= d.quiet_from || hour < d.quiet_to;
  if (!quiet) return 0;
  return ((int64_t{d.quiet_to} * 3600 - local) % kDay + kDay) % kDay;
}

// The state a run last saw a delivery in.
struct Seen {
  std::string_view status;
  int64_t attempts;
};

// Writes a delivery's new state and its audit line in one transaction,
// if the row is still as this run saw it: false when another run (two
// `journeys run` at once) changed it first, so only one of them sends.
Result<bool> Record(Store& store, const Due& d, Seen seen, std::span<const std::string_view> columns,
                    std::span<const Value> values, std::string_view outcome, std::string_view reason, int64_t now) {
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  const std::array<int64_t, 1> ids = {d.id};
  ScanFilter filter;
  filter.ids = ids;
  bool unchanged = false;
  static constexpr std::array<std::string_view, 2> kState = {"status", "attempts"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "journey_deliveries", kState, filter, [&](RowView& row) {
    unchanged = row.Text(0) == seen.status && row.Int(1) == seen.attempts;
    return row.status();
  }));
  if (!unchanged) return false;
  BRANDLENS_RETURN_IF_ERROR(store.UpdateRows("journey_deliveries", filter, columns, values));
  static constexpr std::array<std::string_view, 4> kAudit = {"delivery_id", "at", "outcome", "reason"};
  const std::array<Value, 4> audit = {d.id, now, outcome, reason.empty() ? Value{} : Value{reason}};
  auto row = store.InsertRow("delivery_attempts", kAudit, audit);
  if (!row.ok()) return row.status();
  BRANDLENS_RETURN_IF_ERROR(tx->Commit());
  return true;
}

Status RecordStatus(Store& store, const Due& d, Seen seen, std::string_view status, std::string_view reason,
                    int64_t now) {
  static constexpr std::array<std::string_view, 2> kColumns = {"status", "reason"};
  const std::array<Value, 2> values = {status, reason.empty() ? Value{} : Value{reason}};
  auto recorded = Record(store, d, seen, kColumns, values, status, reason, now);
  return recorded.ok() ? Status::Ok() : recorded.status();
}

class Deliverer {
 public:
  Deliverer(Store& store, const JourneysConfig& config, const JourneySenders& senders, const JourneyRunOptions& options,
            JourneyRunResult& result)
      : store_(store), config_(config), senders_(senders), options_(options), result_(result) {}

  Status Prepare() {
    auto users = LoadUsers(store_);
    if (!users.ok()) return users.status();
    users_ = std::move(*users);
    auto optouts = LoadOptOuts(store_);
    if (!optouts.ok()) return optouts.status();
    optouts_ = std::move(*optouts);
    auto sent = LoadSent(store_);
    if (!sent.ok()) return sent.status();
    sent_ = std::move(*sent);
    auto segments = LoadUserSegments(store_);
    if (!segments.ok()) return segments.status();
    segments_ = std::move(*segments);
    static constexpr std::array<std::string_view, 2> kProductColumns = {"product_id", "name"};
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store_, "products", kProductColumns, {}, [&](RowView& row) {
      product_names_[std::string(row.Text(0))] = row.Text(1);
      return row.status();
    }));
    for (const JourneyConfig& j : config_.journeys)
      if (!j.cancel_on.empty() && cancels_.count(j.cancel_on) == 0)
        BRANDLENS_RETURN_IF_ERROR(LoadEventTimes(j.cancel_on, cancels_[j.cancel_on]));
    return Status::Ok();
  }

  Status Deliver(const Due& d) {
    const JourneyConfig* journey = nullptr;
    for (const JourneyConfig& j : config_.journeys)
      if (j.name == d.journey) journey = &j;
    JourneyCounts& counts = result_.journeys[d.journey];
    if (d.due_at > options_.now) {
      ++counts.waiting;
      return Status::Ok();
    }
    const auto user = users_.find(d.user);
    std::string why = SkipReason(journey, d, user == users_.end() ? nullptr : &user->second);
    if (!why.empty()) {
      ++counts.skipped;
      ++result_.skip_reasons[why];
      return options_.dry_run ? Status::Ok() : RecordStatus(store_, d, Seen{d.status, d.attempts}, "skipped", why, options_.now);
    }
    const UserInfo& u = user->second;
    if (const int64_t wait = QuietWait(config_.delivery, OffsetOf(u), options_.now); wait > 0) {
      ++counts.waiting;
      ++counts.quiet;
      if (options_.dry_run) return Status::Ok();
      static constexpr std::array<std::string_view, 1> kColumns = {"due_at"};
      const std::array<Value, 1> values = {options_.now + wait};
      auto deferred = Record(store_, d, Seen{d.status, d.attempts}, kColumns, values, "deferred", "quiet hours", options_.now);
      return deferred.ok() ? Status::Ok() : deferred.status();
    }
    if (NeedsRecommendations(*journey) && !recommender_) {
      // Trained on first use: a run with nothing to render skips the cost.
      auto log = LoadFeedback(store_);
      if (!log.ok()) return log.status();
      recommender_ = ItemRecommender::Train(*log, INT64_MAX, segments_, RecommenderOptions{});
    }
    const OutgoingMessage message = Render(*journey, d, u);
    if (options_.dry_run) {
      result_.would_send.push_back(message);
      sent_[{d.user, d.channel}].push_back(options_.now);  // so the cap holds within the dry run too
      return Status::Ok();
    }
    MessageSender* sender = d.channel == "email" ? senders_.email : senders_.webhook;
    if (sender == nullptr) {  // the journey moved to a channel this run has no sender for
      ++counts.skipped;
      ++result_.skip_reasons["no sender for the channel"];
      return RecordStatus(store_, d, Seen{d.status, d.attempts}, "skipped", "no sender for the channel", options_.now);
    }
    {
      static constexpr std::array<std::string_view, 3> kColumns = {"status", "attempts", "recipient"};
      const std::array<Value, 3> values = {std::string_view("sending"), d.attempts + 1, std::string_view(message.to)};
      auto claimed = Record(store_, d, Seen{d.status, d.attempts}, kColumns, values, "sending",
                            d.status == "sending" ? "again after an interrupted run" : "", options_.now);
      if (!claimed.ok()) return claimed.status();
      if (!*claimed) return Status::Ok();  // another run is delivering it
    }
    const Seen claimed{"sending", d.attempts + 1};
    // Headers carry the time of sending (receivers check signatures'
    // freshness); options_.now only decides what is due.
    const SendResult sent = sender->Send(message, std::time(nullptr));
    if (sent.outcome == SendOutcome::kSent) {
      ++counts.sent;
      sent_[{d.user, d.channel}].push_back(options_.now);
      static constexpr std::array<std::string_view, 3> kColumns = {"status", "sent_at", "reason"};
      const std::array<Value, 3> values = {std::string_view("sent"), options_.now, Value{}};
      auto recorded = Record(store_, d, claimed, kColumns, values, "sent", "", options_.now);
      return recorded.ok() ? Status::Ok() : recorded.status();
    }
    if (sent.outcome == SendOutcome::kStop) {
      // Not this message's fault: give the claim back and stop the run.
      static constexpr std::array<std::string_view, 3> kColumns = {"status", "attempts", "reason"};
      const std::array<Value, 3> values = {std::string_view("queued"), d.attempts, std::string_view(sent.reason)};
      auto released = Record(store_, d, claimed, kColumns, values, "stopped", sent.reason, options_.now);
      if (!released.ok()) return released.status();
      return Status::InvalidInput(fmt::format("journey \"{}\": delivery stopped: {}", d.journey, sent.reason));
    }
    const int64_t attempts = d.attempts + 1;
    if (sent.outcome == SendOutcome::kTransient && attempts < config_.delivery.max_attempts) {
      ++counts.retrying;
      const int64_t backoff =
          std::min<int64_t>(int64_t{config_.delivery.retry_minutes} * 60 << std::min<int64_t>(attempts - 1, 20), kDay);
      static constexpr std::array<std::string_view, 3> kColumns = {"status", "due_at", "reason"};
      const std::array<Value, 3> values = {std::string_view("queued"), options_.now + backoff,
                                           std::string_view(sent.reason)};
      auto recorded = Record(store_, d, claimed, kColumns, values, "retry", sent.reason, options_.now);
      return recorded.ok() ? Status::Ok() : recorded.status();
    }
    ++counts.failed;
    return RecordStatus(store_, d, claimed, "failed", sent.reason, options_.now);
  }

 private:
  std::string SkipReason(const JourneyConfig* journey, const Due& d, const UserInfo* u) const {
    if (journey == nullptr) return "the journey is no longer configured";
    if (u == nullptr) return "user not in the users table";
    if (!journey->segments.empty()) {
      const auto segment = segments_.find(d.user);
      if (segment == segments_.end() ||
          std::find(journey->segments.begin(), journey->segments.end(), segment->second) == journey->segments.end())
        return "not in the journey's segments";
    }
    for (const auto& [field, value] : journey->user_filter) {
      const auto v = u->fields.find(field);
      if (v == u->fields.end() || v->second != value) return fmt::format("{} is not {}", field, value);
    }
    if (!journey->cancel_on.empty() && HadEvent(journey->cancel_on, d.user, d.triggered_at))
      return fmt::format("followed by {}", journey->cancel_on);
    if (journey->marketing && u->consent != true) return "no marketing consent";
    if (optouts_.count({d.user, "all"}) != 0 || optouts_.count({d.user, d.channel}) != 0) return "unsubscribed";
    const std::string to = Recipient(d.channel, *u);
    if (to.empty()) return d.channel == "email" ? "no e-mail address" : "no phone number";
    if (d.channel == "email" && !PlausibleAddress(to)) return "invalid e-mail address";
    const auto sent = sent_.find({d.user, d.channel});
    if (sent != sent_.end()) {
      const int64_t since = options_.now - int64_t{config_.delivery.cap_days} * kDay;
      const auto recent = std::count_if(sent->second.begin(), sent->second.end(), [&](int64_t at) { return at > since; });
      if (recent >= config_.delivery.cap_per_user) return "frequency cap";
    }
    return "";
  }

  // Each user's times of one event type, sorted.
  Status LoadEventTimes(const std::string& type, std::unordered_map<std::string, std::vector<int64_t>>& out) {
    static constexpr std::array<std::string_view, 2> kColumns = {"user_id", "occurred_at"};
    const std::array<ColumnEquals, 1> equals = {ColumnEquals{"type", std::string_view(type)}};
    ScanFilter filter;
    filter.equals = equals;
    BRANDLENS_RETURN_IF_ERROR(ForEachRow(store_, "events", kColumns, filter, [&](RowView& row) {
      out[std::string(row.Text(0))].push_back(row.Int(1));
      return row.status();
    }));
    for (auto& [user, times] : out) std::sort(times.begin(), times.end());
    return Status::Ok();
  }

  // Whether the user had an event of `type` after `since`, up to now.
  bool HadEvent(const std::string& type, const std::string& user, int64_t since) const {
    const auto& by_user = cancels_.at(type);
    const auto times = by_user.find(user);
    if (times == by_user.end()) return false;
    const auto after = std::upper_bound(times->second.begin(), times->second.end(), since);
    return after != times->second.end() && *after <= options_.now;
  }

  // local@domain with no spaces, controls or brackets: anything else would
  // bounce, or (a CR/LF) forge headers.
  static bool PlausibleAddress(std::string_view a) {
    const size_t at = a.find('@');
    if (at == 0 || at == std::string_view::npos || at + 1 >= a.size() || a.find('@', at + 1) != std::string_view::npos)
      return false;
    return std::none_of(a.begin(), a.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u <= ' ' || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';' || c == '"';
    });
  }

  static std::string Recipient(const std::string& channel, const UserInfo& u) {
    const auto v = u.fields.find(channel == "email" ? "email" : "phone");
    return v == u.fields.end() ? "" : v->second;
  }

  int32_t OffsetOf(const UserInfo& u) {
    const std::string& zone = u.timezone.empty() ? options_.default_time_zone : u.timezone;
    auto found = zones_.find(zone);
    if (found == zones_.end()) {
      auto parser = TimestampParser::Create(zone);
      // An unknown zone in the users table falls back to the project's.
      if (!parser.ok()) parser = TimestampParser::Create(options_.default_time_zone);
      found = zones_.emplace(zone, parser.ok() ? std::move(*parser) : nullptr).first;
    }
    return found->second ? found->second->UtcOffsetSeconds(options_.now) : 0;
  }

  static bool NeedsRecommendations(const JourneyConfig& j) {
    return j.text.Uses("recommendations") || j.html.Uses("recommendations") || j.subject.Uses("recommendations");
  }

  // A product's name from the products table, else its id.
  const std::string& ProductName(const std::string& id) const {
    const auto name = product_names_.find(id);
    return name == product_names_.end() ? id : name->second;
  }

  OutgoingMessage Render(const JourneyConfig& j, const Due& d, const UserInfo& u) const {
    auto fields = u.fields;
    fields["event_item"] = ProductName(d.item);
    if (recommender_ && NeedsRecommendations(j)) {
      std::string list;
      for (const Recommendation& r : recommender_->ForUser(d.user, 3))
        list += fmt::format("{}{}", list.empty() ? "" : "、", ProductName(r.item));
      fields["recommendations"] = list;
    }
    OutgoingMessage m;
    m.unsubscribe_url = config_.delivery.unsubscribe_url.Render(fields, Escape::kUrl);
    fields["unsubscribe_url"] = m.unsubscribe_url;
    m.key = d.key;
    m.journey = d.journey;
    m.user_id = d.user;
    m.channel = d.channel;
    m.to = Recipient(d.channel, u);
    m.subject = j.subject.Render(fields);
    m.text = j.text.Render(fields);
    m.html = j.html.Render(fields, Escape::kHtml);
    return m;
  }

  Store& store_;
  const JourneysConfig& config_;
  const JourneySenders& senders_;
  const JourneyRunOptions& options_;
  JourneyRunResult& result_;
  std::unordered_map<std::string, UserInfo> users_;
  std::set<std::pair<std::string, std::string>> optouts_;
  std::map<std::pair<std::string, std::string>, std::vector<int64_t>> sent_;
  std::unordered_map<std::string, int32_t> segments_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<int64_t>>> cancels_;  // type → user → times
  std::optional<ItemRecommender> recommender_;
  std::unordered_map<std::string, std::string> product_names_;
  std::unordered_map<std::string, std::unique_ptr<TimestampParser>> zones_;
};

}  // namespace

Result<JourneyRunResult> RunJourneys(Store& store, const JourneysConfig& config, const JourneySenders& senders,
                                     const JourneyRunOptions& options) {
  for (const JourneyConfig& j : config.journeys)
    if ((j.channel == "email" ? senders.email : senders.webhook) == nullptr && !options.dry_run)
      return Status::InvalidInput(fmt::format("journey \"{}\": no {} sender configured", j.name, j.channel));
  JourneyRunResult result;
  for (const JourneyConfig& j : config.journeys) result.journeys[j.name];
  // A dry run reads and decides inside a transaction that is rolled back.
  std::optional<Transaction> dry;
  {
    auto tx = Transaction::Begin(store);
    if (!tx.ok()) return tx.status();
    BRANDLENS_RETURN_IF_ERROR(RecordOptOutEvents(store));
    for (const JourneyConfig& j : config.journeys)
      BRANDLENS_RETURN_IF_ERROR(Enqueue(store, j, options.now, result.journeys[j.name]));
    if (options.dry_run) dry.emplace(std::move(*tx));
    else BRANDLENS_RETURN_IF_ERROR(tx->Commit());
  }
  auto due = LoadOpenDeliveries(store);
  if (!due.ok()) return due.status();
  Deliverer deliverer(store, config, senders, options, result);
  BRANDLENS_RETURN_IF_ERROR(deliverer.Prepare());
  for (const Due& d : *due) BRANDLENS_RETURN_IF_ERROR(deliverer.Deliver(d));
  return result;
}

Result<JourneysOverview> PreviewJourneys(Store& store, const JourneysConfig& config, int64_t as_of,
                                         const std::string& time_zone) {
  JourneysOverview out;
  out.as_of = as_of;
  auto time = TimestampParser::Create(time_zone);
  if (!time.ok()) return time.status();
  out.as_of_date = (*time)->LocalDate(as_of);
  JourneyRunOptions options;
  options.now = as_of;
  options.dry_run = true;
  options.default_time_zone = time_zone;
  auto preview = RunJourneys(store, config, {}, options);
  if (!preview.ok()) return preview.status();
  out.preview = std::move(*preview);
  static constexpr std::array<std::string_view, 2> kColumns = {"journey", "status"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "journey_deliveries", kColumns, {}, [&](RowView& row) {
    ++out.history[std::string(row.Text(0))][std::string(row.Text(1))];
    return row.status();
  }));
  return out;
}

Status Unsubscribe(Store& store, const std::string& user_id, const std::string& channel, int64_t now,
                   const std::string& source) {
  if (channel != "all" && channel != "email" && channel != "webhook")
    return Status::InvalidInput(fmt::format("channel must be all, email or webhook (got \"{}\")", channel));
  if (user_id.empty()) return Status::InvalidInput("no user id given");
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  BRANDLENS_RETURN_IF_ERROR(InsertOptOut(store, user_id, channel, now, source));
  return tx->Commit();
}

}  // namespace brandlens
