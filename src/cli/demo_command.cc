// brandlens demo: generate the demo world, import and analyse it, print a summary.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/project_context.h"
#include "demo/demo_world.h"
#include "ingest/kinds.h"
#include "ingest/project_import.h"
#include "text/workspace_analysis.h"

namespace brandlens {

CommandAction AddDemoCommand(CLI::App& app) {
  struct Args {
    std::string out = "demo-project";
    demo::DemoOptions options;
    bool generate_only = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("demo", "Generate the demo world (with ground truth) and import it");
  cmd->add_option("-o,--out", args->out, "Project directory to write")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--scale", args->options.scale, "Size relative to the default world (~20k mentions, 50k users)")
      ->capture_default_str();
  cmd->add_flag("--generate-only", args->generate_only, "Write the files without importing them");
  return [args]() -> Status {
    const auto start = std::chrono::steady_clock::now();
    auto world = demo::WriteDemoWorld(args->out, args->options);
    if (!world.ok()) return world.status();
    spdlog::info("demo world written to {} (truth: {})", args->out, world->truth.string());
    if (args->generate_only) return Status::Ok();

    auto ctx = OpenProject(args->out, "");
    if (!ctx.ok()) return ctx.status();
    std::unique_ptr<ProgressBar> bar;
    auto reports = ImportSources(*ctx->store, *ctx->config, [&bar](const SourceConfig& source) {
      bar = std::make_unique<ProgressBar>(source.path);
      return [&bar](const ImportProgress& p) { bar->Update(p.bytes_done, p.bytes_total, p.rows); };
    });
    bar.reset();
    if (!reports.ok()) return reports.status();
    auto options = TextAnalyzer::OptionsFor(*ctx->config);
    if (!options.ok()) return options.status();
    auto analyzer = TextAnalyzer::Create(*options);
    if (!analyzer.ok()) return analyzer.status();
    auto analysed = AnalyzeWorkspace(*ctx->store, **analyzer, SentimentModel(nullptr),
                                     std::max(1u, std::thread::hardware_concurrency()));
    if (!analysed.ok()) return analysed.status();

    fmt::print("brandlens demo world: 山茶集 and 3 competitors, new-style tea drinks, {} days from {}\n\n",
               730, "2024-10-01");
    fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}\n", "file", "read", "new", "dup", "rejected");
    for (const auto& r : *reports) {
      const std::string name = std::filesystem::path(r.path).filename().string();
      fmt::print("{:<40} {:>9} {:>9} {:>9} {:>9}   {}\n", name, r.rows_read, r.rows_inserted, r.rows_duplicate,
                 r.rows_rejected, r.encoding);
    }
    fmt::print("\nworkspace: {}\n", ctx->workspace.string());
    for (const auto& k : AllKinds()) {
      auto n = ctx->store->CountRows(k.table);
      if (!n.ok()) return n.status();
      fmt::print("  {:<12} {:>9}\n", k.kind, *n);
    }
    fmt::print("analysed {} mentions (sentiment, aspects, brands) in {:.1f} s\n", analysed->analysed, analysed->seconds);
    fmt::print("ground truth: {}\n", world->truth.string());
    fmt::print("config:       {}\n", world->config.string());
    fmt::print("done in {:.1f} s. The listening report is built by `brandlens run` once the listening module lands.\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return Status::Ok();
  };
}

}  // namespace brandlens
