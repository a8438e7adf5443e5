// brandlens journeys run -p PROJECT [--dry-run] [--now TIME]
// brandlens journeys unsubscribe -p PROJECT --user U [--channel all|email|webhook]
// Runs the project's trigger journeys (campaigns/journeys.h): queues what
// new events trigger and delivers what is due, printing JSON counts per
// journey; --dry-run prints the messages instead of sending them.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <optional>

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

// Held while a run delivers: two runs at once could both take a message
// that one of them is still sending. flock is released by the kernel when
// the process dies, so a killed run never leaves it stuck.
class DeliveryLock {
 public:
  static Result<DeliveryLock> Take(const std::filesystem::path& workspace) {
    const std::string path = workspace.string() + ".journeys.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Status::IoError(fmt::format("{}: cannot open the journeys lock", path));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return Status::InvalidInput(
          fmt::format("another `brandlens journeys run` is delivering for {}; try again when it ends",
                      workspace.string()));
    }
    return DeliveryLock(fd);
  }
  DeliveryLock(DeliveryLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  DeliveryLock(const DeliveryLock&) = delete;
  DeliveryLock& operator=(const DeliveryLock&) = delete;
  DeliveryLock& operator=(DeliveryLock&&) = delete;
  ~DeliveryLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  explicit DeliveryLock(int fd) : fd_(fd) {}
  int fd_;
};

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
    std::optional<DeliveryLock> lock;
    if (!a->dry_run) {
      auto taken = DeliveryLock::Take(config.WorkspacePath());
      if (!taken.ok()) return taken.status();
      lock.emplace(std::move(*taken));
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
