#include "cli/sentiment_predictor.h"

namespace brandlens {

namespace {

class LexiconPredictor final : public SentimentPredictor {
 public:
  explicit LexiconPredictor(std::unique_ptr<TextAnalyzer> analyzer) : analyzer_(std::move(analyzer)) {}
  Result<SentimentPrediction> Predict(std::string_view text) const override {
    thread_local Analysis analysis;
    BRANDLENS_RETURN_IF_ERROR(analyzer_->Analyze(text, analysis));
    return SentimentPrediction{analysis.label, analysis.score};
  }
  std::string Describe() const override { return "lexicon"; }

 private:
  std::unique_ptr<TextAnalyzer> analyzer_;
};

}  // namespace

Result<std::unique_ptr<SentimentPredictor>> SentimentPredictor::Create(const std::string& industry,
                                                                       const std::string& model_path) {
  if (!model_path.empty()) return Status::InvalidInput("trained models are not supported yet");
  auto analyzer = TextAnalyzer::Create({industry, {}});
  if (!analyzer.ok()) return analyzer.status();
  return std::unique_ptr<SentimentPredictor>(new LexiconPredictor(std::move(analyzer.value())));
}

}  // namespace brandlens
