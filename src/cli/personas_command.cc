// brandlens personas [-p PROJECT] [--output segments.csv]
// Segments the workspace's customers (personas/personas.h), stores each
// user's segment, prints a JSON summary and optionally writes
// segments.csv (`user_id,segment`, a contract for outside scripts).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

#include "cli/commands.h"
#include "personas/personas.h"
#include "personas/personas_config.h"
#include "project/project.h"
#include "report/charts.h"

namespace brandlens {

namespace {

nlohmann::json SummaryJson(const PersonasResult& p) {
  nlohmann::json out = {{"built", p.built},          {"users", p.users},   {"k", p.k},
                        {"algorithm", p.algorithm},  {"outliers", p.outliers}, {"eps", RoundTo(p.eps)},
                        {"silhouette", RoundTo(p.silhouette)}, {"stability", RoundTo(p.stability)},
                        {"seconds", RoundTo(p.seconds)}, {"segments", nlohmann::json::array()}};
  if (!p.built) out["reason"] = p.skipped_reason;
  for (const auto& f : p.features)
    out["features"].push_back({{"name", f.name}, {"missing", f.missing}, {"used", f.used}});
  for (const auto& c : p.candidates)
    out["candidates"].push_back({{"k", c.k}, {"silhouette", RoundTo(c.silhouette)}, {"stability", RoundTo(c.stability)}});
  for (const auto& card : p.segments) {
    nlohmann::json features = nlohmann::json::array();
    for (const auto& d : card.distinguishing) features.push_back({{"feature", d.name}, {"z", RoundTo(d.z, 2)}});
    out["segments"].push_back({{"id", card.id},
                               {"name", card.name},
                               {"size", card.size},
                               {"outliers", card.outliers},
                               {"user_share", RoundTo(card.user_share)},
                               {"revenue_share", RoundTo(card.revenue_share)},
                               {"value_per_user", RoundTo(card.value_per_user, 2)},
                               {"growth", RoundTo(card.growth)},
                               {"reachability", RoundTo(card.reachability)},
                               {"target_score", RoundTo(card.target_score, 1)},
                               {"lineage", card.lineage},
                               {"distinguishing", features},
                               {"examples", card.examples},
                               {"description", card.description}});
  }
  return out;
}

// CSV-quotes a user id when it needs it.
std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Status WritePoints(const std::string& path, const PointMatrix& points) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IoError(fmt::format("{}: cannot write the file", path));
  out << fmt::format("{}\n", fmt::join(points.columns, ","));
  for (size_t i = 0; i < points.rows; ++i) out << fmt::format("{}\n", fmt::join(points.Row(i), ","));
  if (!out.flush()) return Status::IoError(fmt::format("{}: writing failed", path));
  return Status::Ok();
}

}  // namespace

CommandAction AddPersonasCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", output, points_output;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("personas", "Segment the customers into personas; print a JSON summary");
  cmd->add_option("-p,--project", args->project, "Project directory");
  cmd->add_option("--output", args->output, "Write user_id,segment rows to this CSV file");
  cmd->add_option("--points-output", args->points_output,
                  "Write the matrix the users were clustered in (principal components) as a numeric CSV");
  return [args]() -> Status {
    auto project = OpenConfiguredProject(args->project);
    if (!project.ok()) return project.status();
    auto config = ReadPersonasConfig(*project->config);
    if (!config.ok()) return config.status();
    auto time = TimestampParser::Create(project->config->time_zone);
    if (!time.ok()) return time.status();
    auto result = BuildPersonas(*project->store, **time, *config, 0, !args->points_output.empty());
    if (!result.ok()) return result.status();
    if (!args->points_output.empty()) BRANDLENS_RETURN_IF_ERROR(WritePoints(args->points_output, result->points));
    if (!args->output.empty()) {
      std::ofstream out(args->output, std::ios::binary);
      if (!out) return Status::IoError(fmt::format("{}: cannot write the file", args->output));
      out << "user_id,segment\n";
      for (size_t u = 0; u < result->user_ids.size(); ++u)
        out << CsvField(result->user_ids[u]) << ',' << result->user_segment[u] << '\n';
      if (!out.flush()) return Status::IoError(fmt::format("{}: writing failed", args->output));
    }
    fmt::print("{}\n", SummaryJson(*result).dump(2));
    return Status::Ok();
  };
}

}  // namespace brandlens
