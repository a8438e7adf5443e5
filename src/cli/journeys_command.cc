// brandlens journeys run -p PROJECT [--dry-run] [--now TIME]
// brandlens journeys unsubscribe -p PROJECT --user U [--channel all|email|webhook]
// Runs the project's trigger journeys (campaigns/journeys.h): queues what
// new events trigger and delivers what is due, printing JSON counts per
// journey; --dry-run prints the messages instead of sending them.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>

#include "campaigns/journeys.h"
#include "cli/commands.h"
#include "core/timestamp.h"
#include "project/project.h"

namespace brandlens {

namespace {

nlohmann::json RunJson(const JourneyRunResult& r) {
  nlohmann::json journeys = nlohmann::json::object();
  for (const auto& [name, c] : r.journeys)
    journeys[name] = {{"queued", c.queued},     {"sent", c.sent},       {"retrying", c.retrying},
                      {"failed", c.failed},     {"skipped", c.skipped}, {"waiting", c.waiting}, {"quiet", c.quiet}};
  nlohmann::json messages = nlohmann::json::array();
  for (const OutgoingMessage& m : r.would_send)
    messages.push_back({{"key", m.key}, {"channel", m.channel}, {"to", m.to}, {"subject", m.subject}, {"text", m.text}});
  return {{"journeys", journeys}, {"skip_reasons", r.skip_reasons}, {"would_send", messages}};
}

}  // namespace

CommandAction AddJourneysCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", now, user, channel = "all";
    bool dry_run = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("journeys", "Trigger journeys: queue and deliver e-mail and webhook messages");
  cmd->require_subcommand(1);
  auto* run = cmd->add_subcommand("run", "Queue what new events trigger and deliver what is due");
  run->add_option("-p,--project", a->project, "Project directory");
  run->add_flag("--dry-run", a->dry_run, "Show what would be sent; change nothing");
  run->add_option("--now", a->now, "Act as if it were this time (default: now)");
  auto* unsubscribe = cmd->add_subcommand("unsubscribe", "Stop messages to a user");
  unsubscribe->add_option("-p,--project", a->project, "Project directory");
  unsubscribe->add_option("--user", a->user, "The user id")->required();
  unsubscribe->add_option("--channel", a->channel, "all, email or webhook")->capture_default_str();
  return [a, unsubscribe]() -> Status {
    auto project = OpenConfiguredProject(a->project);
    if (!project.ok()) return project.status();
    const ProjectConfig& config = *project->config;
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                      .count();
    if (!a->now.empty()) {
      auto time = TimestampParser::Create(config.time_zone);
      if (!time.ok()) return time.status();
      auto parsed = (*time)->Parse(a->now);
      if (!parsed.ok()) return parsed.status().WithPrefix("--now: ");
      now = *parsed;
    }
    if (unsubscribe->parsed()) {
      BRANDLENS_RETURN_IF_ERROR(Unsubscribe(*project->store, a->user, a->channel, now, "cli"));
      fmt::print("{} will get no more {} messages\n", a->user, a->channel == "all" ? "journey" : a->channel);
      return Status::Ok();
    }
    auto journeys = ReadJourneysConfig(config);
    if (!journeys.ok()) return journeys.status();
    if (journeys->journeys.empty())
      return Status::InvalidInput(fmt::format("{} defines no [[journeys]]", config.file.string()));
    std::unique_ptr<MessageSender> email, webhook;
    for (const JourneyConfig& j : journeys->journeys) {
      if (j.channel == "email" && !email && !a->dry_run) {
        auto sender = MakeSmtpSender(journeys->delivery);
        if (!sender.ok()) return sender.status();
        email = std::move(*sender);
      }
      if (j.channel == "webhook" && !webhook && !a->dry_run) {
        auto sender = MakeWebhookSender(journeys->delivery);
        if (!sender.ok()) return sender.status();
        webhook = std::move(*sender);
      }
    }
    JourneyRunOptions options;
    options.now = now;
    options.dry_run = a->dry_run;
    options.default_time_zone = config.time_zone;
    auto result = RunJourneys(*project->store, *journeys, {email.get(), webhook.get()}, options);
    if (!result.ok()) return result.status();
    fmt::print("{}\n", RunJson(*result).dump(2));
    return Status::Ok();
  };
}

}  // namespace brandlens
