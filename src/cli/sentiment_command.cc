// brandlens sentiment train --input F --text-column C --label-column L --out MODEL
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.h"
#include "ingest/csv_columns.h"
#include "text/sentiment_model.h"

namespace brandlens {

Result<LabelledTexts> ReadLabelledTexts(const std::string& path, const std::string& text_column,
                                        const std::string& label_column, const std::string& encoding) {
  LabelledTexts data;
  Status s = ForEachCsvRow(
      path, {text_column, label_column},
      [&](int64_t, std::span<const std::string_view> f) {
        data.texts.emplace_back(f[0]);
        data.labels.emplace_back(f[1]);
        return Status::Ok();
      },
      [&](int64_t line, const std::string& why) {
        if (++data.malformed_rows <= 5) fmt::print(stderr, "{}:{}: skipped: {}\n", path, line, why);
      },
      encoding);
  if (!s.ok()) return s;
  return data;
}

CommandAction AddSentimentCommand(CLI::App& app) {
  struct Args {
    std::string input, text_column, label_column, out, industry = "general", encoding = "auto";
  };
  auto args = std::make_shared<Args>();
  auto* group = app.add_subcommand("sentiment", "Train sentiment models");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("train", "Train a fastText sentiment model on a labelled CSV");
  cmd->add_option("--input", args->input, "Labelled CSV")->required();
  cmd->add_option("--text-column", args->text_column, "Column holding the text")->required();
  cmd->add_option("--label-column", args->label_column, "Column holding the label (0/1, pos/neu/neg, 1-5 stars)")
      ->required();
  cmd->add_option("--out", args->out, "Where to write the model")->required();
  cmd->add_option("--industry", args->industry, "Aspect vocabulary (general, food_and_drink, ...)");
  cmd->add_option("--encoding", args->encoding, "auto, utf-8, gbk, ...");
  return [args]() -> Status {
    auto data = ReadLabelledTexts(args->input, args->text_column, args->label_column, args->encoding);
    if (!data.ok()) return data.status();
    auto analyzer = TextAnalyzer::Create({args->industry, {}});
    if (!analyzer.ok()) return analyzer.status();
    auto classifier = SentimentModel::TrainSupervised(**analyzer, data->texts, data->labels);
    if (!classifier.ok()) return classifier.status();
    BRANDLENS_RETURN_IF_ERROR((*classifier)->Save(args->out));
    fmt::print("trained on {} texts ({} labels: {}); model written to {}\n", data->texts.size(),
               (*classifier)->labels().size(), fmt::join((*classifier)->labels(), ", "), args->out);
    return Status::Ok();
  };
}

}  // namespace brandlens
