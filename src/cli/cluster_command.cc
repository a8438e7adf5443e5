// brandlens cluster --input F.csv --k K|auto --algo kmeans|dbscan [--restarts N]
//                   [--eps E --min-points M] [--seed S] --output labels.csv
// Clusters a plain numeric CSV in its own units and writes one label per
// row (`label`, -1 for DBSCAN noise); prints one JSON object with k,
// inertia, iterations and seconds (a contract for outside scripts).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "personas/choose_k.h"
#include "personas/dbscan.h"
#include "personas/kmeans.h"
#include "personas/numeric_csv.h"

namespace brandlens {

namespace {

Status WriteLabels(const std::string& path, const std::vector<int32_t>& labels) {
  std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!out) return Status::IoError(fmt::format("{}: cannot write the file", path));
  std::string buffer = "label\n";
  buffer.reserve(1 << 20);
  for (int32_t label : labels) {
    fmt::format_to(std::back_inserter(buffer), "{}\n", label);
    if (buffer.size() > (1 << 20) - 16) {
      if (std::fwrite(buffer.data(), 1, buffer.size(), out.get()) != buffer.size())
        return Status::IoError(fmt::format("{}: writing failed", path));
      buffer.clear();
    }
  }
  if (std::fwrite(buffer.data(), 1, buffer.size(), out.get()) != buffer.size() || std::fflush(out.get()) != 0)
    return Status::IoError(fmt::format("{}: writing failed", path));
  return Status::Ok();
}

}  // namespace

CommandAction AddClusterCommand(CLI::App& app) {
  struct Args {
    std::string input, output, k = "auto", algo = "kmeans";
    int restarts = 4, min_points = 5, max_k = 10;
    double eps = 0.5;
    uint64_t seed = 1;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("cluster", "Cluster a numeric CSV (k-means or DBSCAN); write labels.csv");
  cmd->add_option("--input", args->input, "CSV with a header row and numeric columns")->required();
  cmd->add_option("--output", args->output, "Where to write the labels (header: label)")->required();
  cmd->add_option("--k", args->k, "Clusters for k-means, or auto")->capture_default_str();
  cmd->add_option("--max-k", args->max_k, "Largest k tried by --k auto")->capture_default_str();
  cmd->add_option("--algo", args->algo, "kmeans or dbscan")->check(CLI::IsMember({"kmeans", "dbscan"}))->capture_default_str();
  cmd->add_option("--restarts", args->restarts, "k-means restarts")->capture_default_str();
  cmd->add_option("--eps", args->eps, "DBSCAN neighbourhood radius")->capture_default_str();
  cmd->add_option("--min-points", args->min_points, "DBSCAN points within eps for a core point")->capture_default_str();
  cmd->add_option("--seed", args->seed, "Random seed")->capture_default_str();
  return [args]() -> Status {
    const auto start = std::chrono::steady_clock::now();
    auto points = ReadNumericCsv(args->input);
    if (!points.ok()) return points.status();
    Result<Clustering> clustering = Status::Internal("no algorithm ran");
    nlohmann::json out;
    if (args->algo == "dbscan") {
      clustering = Dbscan(*points, DbscanOptions{args->eps, args->min_points, 0});
    } else {
      KMeansOptions options;
      options.restarts = args->restarts;
      options.seed = args->seed;
      if (args->k == "auto") {
        auto chosen = ChooseK(*points, 2, args->max_k, options);
        if (!chosen.ok()) return chosen.status();
        for (const auto& c : chosen->candidates)
          out["candidates"].push_back({{"k", c.k}, {"inertia", c.inertia}, {"silhouette", c.silhouette},
                                       {"stability", c.stability}});
        clustering = std::move(chosen->clustering);
      } else {
        try {
          options.k = std::stoi(args->k);
        } catch (const std::exception&) {
          return Status::InvalidInput(fmt::format("--k must be a number or auto (got '{}')", args->k));
        }
        clustering = KMeans(*points, options);
      }
    }
    if (!clustering.ok()) return clustering.status().WithPrefix(args->input + ": ");
    BRANDLENS_RETURN_IF_ERROR(WriteLabels(args->output, clustering->labels));
    int64_t noise = 0;
    for (int32_t label : clustering->labels) noise += label < 0;
    out["algo"] = args->algo;
    out["rows"] = points->rows;
    out["columns"] = points->cols;
    out["k"] = clustering->k;
    out["inertia"] = clustering->inertia;
    out["iterations"] = clustering->iterations;
    if (args->algo == "dbscan") out["noise"] = noise;
    if (!clustering->restart_inertias.empty()) out["restart_inertias"] = clustering->restart_inertias;
    out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("{}\n", out.dump());
    return Status::Ok();
  };
}

}  // namespace brandlens
