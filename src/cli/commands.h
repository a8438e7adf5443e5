// The subcommands of the `brandlens` front end. Each registers itself on the
// CLI11 app and runs against the library; user errors come back as Status.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

#include "core/status.h"

namespace brandlens {

// Sets up a subcommand; the returned action runs when it was chosen.
using CommandAction = std::function<Status()>;

CommandAction AddImportCommand(CLI::App& app);
CommandAction AddInitCommand(CLI::App& app);
CommandAction AddStatusCommand(CLI::App& app);
CommandAction AddDemoCommand(CLI::App& app);
CommandAction AddEvalCommand(CLI::App& app);

}  // namespace brandlens
