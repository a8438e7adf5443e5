// brandlens keywords [-p PROJECT] [--input F.csv --text-column C] [--top N] [--new-words N] [--save-new-words]
// Prints one JSON object: TF-IDF keywords overall and per brand, and new
// words the dictionary lacks (project/keywords_job.h).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/commands.h"
#include "project/keywords_job.h"
#include "project/project.h"
#include "text/new_word_learning.h"
#include "text/text_config.h"

namespace brandlens {

namespace {

nlohmann::json KeywordsJson(const std::vector<Keyword>& keywords) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : keywords)
    out.push_back({{"term", k.term}, {"score", std::round(k.score * 1000) / 1000}, {"count", k.count}});
  return out;
}

}  // namespace

CommandAction AddKeywordsCommand(CLI::App& app) {
  struct Args {
    std::string project = ".";
    KeywordsOptions options;
    bool save = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("keywords", "Keywords (TF-IDF per brand) and new-word discovery, as JSON");
  cmd->add_option("-p,--project", args->project, "Project directory");
  cmd->add_option("--input", args->options.input, "A CSV file instead of the workspace");
  cmd->add_option("--text-column", args->options.text_column, "Column holding the text (with --input)");
  cmd->add_option("--encoding", args->options.encoding, "auto, utf-8, gbk, ...");
  cmd->add_option("--top", args->options.top, "Keywords per group")->capture_default_str();
  cmd->add_option("--new-words", args->options.new_words, "New words to report")->capture_default_str();
  cmd->add_flag("--save-new-words", args->save, "Append the new words to the project's user dictionary");
  return [args]() -> Status {
    auto config = LoadProjectConfig(args->project);
    if (!config.ok()) return config.status();
    if (args->save && !*config) return Status::InvalidInput("--save-new-words needs a project (brandlens.toml)");
    auto options = ProjectTextOptions(*config);
    if (!options.ok()) return options.status();
    auto analyzer = TextAnalyzer::Create(*options);
    if (!analyzer.ok()) return analyzer.status();
    std::optional<Project> project;
    if (args->options.input.empty()) {
      auto opened = OpenProject(args->project);
      if (!opened.ok()) return opened.status();
      project = std::move(opened.value());
    }
    auto found = FindKeywords(**analyzer, project ? project->store.get() : nullptr, args->options);
    if (!found.ok()) return found.status();

    nlohmann::json out;
    out["documents"] = found->documents;
    for (const auto& [group, keywords] : found->groups) out["keywords"][group] = KeywordsJson(keywords);
    out["new_words"] = nlohmann::json::array();
    for (const auto& w : found->new_words)
      out["new_words"].push_back({{"word", w.word}, {"count", w.count}, {"pmi", std::round(w.pmi * 100) / 100},
                                  {"left_entropy", std::round(w.left_entropy * 100) / 100},
                                  {"right_entropy", std::round(w.right_entropy * 100) / 100}});
    fmt::print("{}\n", out.dump(2));
    if (args->save) {
      auto text = ReadTextConfig(**config);
      if (!text.ok()) return text.status();
      BRANDLENS_RETURN_IF_ERROR(
          AppendToUserDictionary(text->user_dictionary, found->new_words, "saved by brandlens keywords --save-new-words"));
      fmt::print(stderr, "appended {} words to {}\n", found->new_words.size(), text->user_dictionary.string());
    }
    return Status::Ok();
  };
}

}  // namespace brandlens
