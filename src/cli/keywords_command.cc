// brandlens keywords [-p PROJECT] [--input F.csv --text-column C] [--top N] [--new-words N] [--save-new-words]
// Prints one JSON object: TF-IDF keywords overall and per brand, and new
// words the dictionary lacks (PMI + branching entropy).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/project_context.h"
#include "ingest/csv_columns.h"
#include "text/analyzer.h"
#include "text/keywords.h"
#include "core/utf8.h"
#include "text/new_word_learning.h"
#include "text/new_words.h"

namespace brandlens {

namespace {

nlohmann::json KeywordsJson(const std::vector<Keyword>& keywords) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& k : keywords)
    out.push_back({{"term", k.term}, {"score", std::round(k.score * 1000) / 1000}, {"count", k.count}});
  return out;
}

// Visits every text of the source: a CSV column, or the workspace's mentions.
using TextVisitor = std::function<void(std::string_view text)>;
using TextSource = std::function<Status(const TextVisitor&)>;

}  // namespace

CommandAction AddKeywordsCommand(CLI::App& app) {
  struct Args {
    std::string project = ".", input, text_column, encoding = "auto";
    size_t top = 30, new_words = 30;
    bool save = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("keywords", "Keywords (TF-IDF per brand) and new-word discovery, as JSON");
  cmd->add_option("-p,--project", args->project, "Project directory");
  cmd->add_option("--input", args->input, "A CSV file instead of the workspace");
  cmd->add_option("--text-column", args->text_column, "Column holding the text (with --input)");
  cmd->add_option("--encoding", args->encoding, "auto, utf-8, gbk, ...");
  cmd->add_option("--top", args->top, "Keywords per group")->capture_default_str();
  cmd->add_option("--new-words", args->new_words, "New words to report")->capture_default_str();
  cmd->add_flag("--save-new-words", args->save, "Append the new words to the project's user dictionary");
  return [args]() -> Status {
    std::optional<ProjectConfig> config;
    auto options = ProjectTextOptions(args->project, &config);
    if (!options.ok()) return options.status();
    if (args->save && !config) return Status::InvalidInput("--save-new-words needs a project (brandlens.toml)");
    auto analyzer = TextAnalyzer::Create(*options);
    if (!analyzer.ok()) return analyzer.status();

    std::unique_ptr<Store> store;
    TextSource source;
    if (!args->input.empty()) {
      if (args->text_column.empty()) return Status::InvalidInput("keywords --input needs --text-column");
      source = [&](const TextVisitor& visit) {
        return ForEachCsvRow(
            args->input, {args->text_column},
            [&](int64_t, std::span<const std::string_view> f) {
              visit(f[0]);
              return Status::Ok();
            },
            [](int64_t, const std::string&) {}, args->encoding);
      };
    } else {
      auto ctx = OpenProject(args->project, "");
      if (!ctx.ok()) return ctx.status();
      store = std::move(ctx->store);
      source = [&](const TextVisitor& visit) -> Status {
        const std::string_view columns[] = {"text"};
        return ForEachRow(*store, "mentions", columns, {}, [&](const std::vector<Value>& row) {
          visit(std::get<std::string_view>(row[0]));
          return Status::Ok();
        });
      };
    }

    // Pass 1: keywords per brand, and n-gram counts for new words.
    KeywordIndex index;
    NewWordFinder finder;
    Analysis analysis;
    BRANDLENS_RETURN_IF_ERROR(source([&](std::string_view text) {
      if (!(*analyzer)->Analyze(text, analysis).ok()) return;
      index.Add("", analysis.keywords);
      for (int b : analysis.brands) index.Add((*analyzer)->brands()[static_cast<size_t>(b)].name, analysis.keywords);
      finder.Count(analysis.normalized.text);
    }));
    // Pass 2: the company new-word candidates keep.
    NormalizedText normalized;
    BRANDLENS_RETURN_IF_ERROR(source([&](std::string_view text) {
      if (!IsValidUtf8(text)) return;
      (*analyzer)->normalizer().Normalize(text, normalized);
      finder.Neighbours(normalized.text);
    }));

    nlohmann::json out;
    out["documents"] = index.documents();
    out["keywords"]["all"] = KeywordsJson(index.Top("", args->top));
    for (const auto& b : (*analyzer)->brands()) out["keywords"][b.name] = KeywordsJson(index.Top(b.name, args->top));
    const auto words =
        finder.Find(args->new_words, [&](std::string_view w) { return !(*analyzer)->IsNewWordCandidate(w); });
    out["new_words"] = nlohmann::json::array();
    for (const auto& w : words)
      out["new_words"].push_back({{"word", w.word}, {"count", w.count}, {"pmi", std::round(w.pmi * 100) / 100},
                                  {"left_entropy", std::round(w.left_entropy * 100) / 100},
                                  {"right_entropy", std::round(w.right_entropy * 100) / 100}});
    fmt::print("{}\n", out.dump(2));
    if (args->save) {
      const auto path = config->UserDictionaryPath();
      BRANDLENS_RETURN_IF_ERROR(AppendToUserDictionary(path, words, "saved by brandlens keywords --save-new-words"));
      fmt::print(stderr, "appended {} words to {}\n", words.size(), path.string());
    }
    return Status::Ok();
  };
}

}  // namespace brandlens
