// brandlens: the command-line front end. Parsing and printing only; the work
// happens in the library.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"brandlens: a self-hosted brand-marketing engine"};
  app.require_subcommand(1);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "More logging");

  std::vector<std::pair<CLI::App*, brandlens::CommandAction>> commands;
  auto add = [&](auto adder) {
    const size_t before = app.get_subcommands({}).size();
    auto action = adder(app);
    commands.emplace_back(app.get_subcommands({})[before], std::move(action));
  };
  add(brandlens::AddInitCommand);
  add(brandlens::AddImportCommand);
  add(brandlens::AddStatusCommand);
  add(brandlens::AddDemoCommand);
  add(brandlens::AddEvalCommand);
  add(brandlens::AddAnalyzeCommand);
  add(brandlens::AddSentimentCommand);
  add(brandlens::AddKeywordsCommand);
  add(brandlens::AddRunCommand);
  add(brandlens::AddPersonasCommand);
  add(brandlens::AddClusterCommand);
  add(brandlens::AddForecastCommand);
  add(brandlens::AddExperimentCommand);
  add(brandlens::AddMmmCommand);
  add(brandlens::AddBudgetCommand);
  add(brandlens::AddBanditCommand);
  add(brandlens::AddRecommendCommand);
  add(brandlens::AddJourneysCommand);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, like the
    // library's InvalidInput, so scripts see one code for "called wrong".
    app.exit(e);
    return e.get_exit_code() == 0 ? 0 : 2;
  }
  // Logs go to stderr: stdout carries results (JSON Lines, reports).
  spdlog::set_default_logger(spdlog::stderr_color_mt("brandlens"));
  spdlog::set_pattern("%^%l%$: %v");
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);

  for (auto& [sub, action] : commands) {
    if (!sub->parsed()) continue;
    const brandlens::Status status = action();
    if (!status.ok()) {
      std::fprintf(stderr, "error: %s\n", status.message().c_str());
      return status.code() == brandlens::Status::Code::kInvalidInput ||
                     status.code() == brandlens::Status::Code::kNotFound
                 ? 2
                 : 1;
    }
  }
  return 0;
}
