// The subcommands of the `brandlens` front end. Each registers itself on the
// CLI11 app, calls the library (src/project/ and the modules) and prints;
// user errors come back as Status.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "cli/progress.h"
#include "core/status.h"
#include "project/main_job.h"

namespace brandlens {

// A labelled CSV read into memory (eval and train).
struct LabelledTexts {
  std::vector<std::string> texts, labels;
  int64_t malformed_rows = 0;
};
Result<LabelledTexts> ReadLabelledTexts(const std::string& path, const std::string& text_column,
                                        const std::string& label_column, const std::string& encoding);

// Sets up a subcommand; the returned action runs when it was chosen.
using CommandAction = std::function<Status()>;

CommandAction AddImportCommand(CLI::App& app);
CommandAction AddInitCommand(CLI::App& app);
CommandAction AddStatusCommand(CLI::App& app);
CommandAction AddDemoCommand(CLI::App& app);
CommandAction AddEvalCommand(CLI::App& app);
CommandAction AddAnalyzeCommand(CLI::App& app);
CommandAction AddSentimentCommand(CLI::App& app);
CommandAction AddKeywordsCommand(CLI::App& app);
CommandAction AddRunCommand(CLI::App& app);
CommandAction AddPersonasCommand(CLI::App& app);
CommandAction AddClusterCommand(CLI::App& app);
CommandAction AddForecastCommand(CLI::App& app);
CommandAction AddExperimentCommand(CLI::App& app);
CommandAction AddMmmCommand(CLI::App& app);
CommandAction AddBudgetCommand(CLI::App& app);
CommandAction AddBanditCommand(CLI::App& app);
CommandAction AddRecommendCommand(CLI::App& app);
CommandAction AddJourneysCommand(CLI::App& app);

// "learned N new words into dictionary.txt: …" and how many mentions are
// analysed again for them; nothing when none was learned.
void PrintLearnedWords(const LearnedWords& learned);

// The main job with progress bars and a printed summary (`run`, `demo`).
Status RunMainJobAndPrint(MainJobOptions options);

}  // namespace brandlens
