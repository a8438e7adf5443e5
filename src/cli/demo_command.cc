// brandlens demo: generate the demo world, then run the main job on it.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "demo/demo_world.h"

namespace brandlens {

CommandAction AddDemoCommand(CLI::App& app) {
  struct Args {
    std::string out = "demo-project";
    demo::DemoOptions options;
    bool generate_only = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("demo", "Generate the demo world (with ground truth) and run the main job on it");
  cmd->add_option("-o,--out", args->out, "Project directory to write")->capture_default_str();
  cmd->add_option("--seed", args->options.seed, "Random seed")->capture_default_str();
  cmd->add_option("--scale", args->options.scale, "Size relative to the default world (~20k mentions, 50k users)")
      ->capture_default_str();
  cmd->add_flag("--generate-only", args->generate_only, "Write the files without importing them");
  return [args]() -> Status {
    auto world = demo::WriteDemoWorld(args->out, args->options);
    if (!world.ok()) return world.status();
    spdlog::info("demo world written to {} (truth: {})", args->out, world->truth.string());
    if (args->generate_only) return Status::Ok();

    fmt::print("brandlens demo world: 山茶集 and 3 competitors, new-style tea drinks, {} days from {}\n", 730,
               "2024-10-01");
    fmt::print("ground truth: {}\n", world->truth.string());
    MainJobOptions job;
    job.project_dir = args->out;
    return RunMainJobAndPrint(job);
  };
}

}  // namespace brandlens
