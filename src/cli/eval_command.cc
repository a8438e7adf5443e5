// brandlens eval sentiment --input F.csv --text-column C --label-column L [--model M]
// Prints one JSON object: n, accuracy, macro_f1, per-class precision /
// recall / f1, the confusion matrix, and timing. Keys are a stable contract.
#include <fmt/format.h>

#include <chrono>

#include "cli/commands.h"
#include "cli/sentiment_predictor.h"
#include "ingest/csv_columns.h"
#include "text/evaluation.h"

namespace brandlens {

CommandAction AddEvalCommand(CLI::App& app) {
  struct Args {
    std::string input, text_column, label_column, model, industry = "general", encoding = "auto";
  };
  auto args = std::make_shared<Args>();
  auto* eval = app.add_subcommand("eval", "Measure a model on labelled data and print metrics as JSON");
  eval->require_subcommand(1);
  auto* cmd = eval->add_subcommand("sentiment", "Sentiment accuracy on a labelled CSV");
  cmd->add_option("--input", args->input, "Labelled CSV")->required();
  cmd->add_option("--text-column", args->text_column, "Column holding the text")->required();
  cmd->add_option("--label-column", args->label_column, "Column holding the label (0/1, pos/neu/neg, 1-5 stars)")
      ->required();
  cmd->add_option("--model", args->model, "A model from `brandlens sentiment train` (default: zero-shot lexicon)");
  cmd->add_option("--industry", args->industry, "Aspect vocabulary (general, food_and_drink, ...)");
  cmd->add_option("--encoding", args->encoding, "auto, utf-8, gbk, ...");
  return [args]() -> Status {
    struct Row {
      std::string text, label;
    };
    std::vector<Row> rows;
    int64_t bad_rows = 0;
    BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
        args->input, {args->text_column, args->label_column},
        [&](int64_t, std::span<const std::string_view> f) {
          rows.push_back({std::string(f[0]), std::string(f[1])});
          return Status::Ok();
        },
        [&](int64_t line, const std::string& why) {
          if (++bad_rows <= 5) fmt::print(stderr, "{}:{}: skipped: {}\n", args->input, line, why);
        },
        args->encoding));
    std::vector<std::string> raw_labels;
    for (const auto& r : rows) raw_labels.push_back(r.label);
    const LabelScheme scheme = DetectScheme(raw_labels);

    auto predictor = SentimentPredictor::Create(args->industry, args->model);
    if (!predictor.ok()) return predictor.status();
    Evaluation evaluation(scheme);
    int64_t unreadable_labels = 0, invalid_text = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& r : rows) {
      const auto truth = MapLabel(r.label, scheme);
      if (!truth) {
        ++unreadable_labels;
        continue;
      }
      auto prediction = (*predictor)->Predict(r.text);
      if (!prediction.ok()) {
        ++invalid_text;
        continue;
      }
      evaluation.Add(*truth, PredictedClass(prediction->label, prediction->score, scheme));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    nlohmann::json out = evaluation.ToJson();
    out["scheme"] = scheme == LabelScheme::kBinary ? "binary" : "three_class";
    out["model"] = args->model.empty() ? "lexicon" : (*predictor)->Describe();
    out["skipped"] = {{"malformed_rows", bad_rows}, {"unreadable_labels", unreadable_labels}, {"invalid_text", invalid_text}};
    out["seconds"] = seconds;
    out["docs_per_second"] = seconds > 0 ? static_cast<double>(evaluation.ToJson()["n"].get<int64_t>()) / seconds : 0.0;
    fmt::print("{}\n", out.dump(2));
    return Status::Ok();
  };
}

}  // namespace brandlens
