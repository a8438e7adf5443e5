// Sentiment from the lexicon alone, or combined with a fastText classifier
// trained on labelled data (`brandlens sentiment train`) or self-trained on
// an unlabelled corpus: the lexicon labels the corpus's confident part, a
// classifier learns the domain's vocabulary from it, and the two are
// combined — better than the lexicon on that domain with no human label.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "text/analyzer.h"
#include "text/fasttext_classifier.h"

namespace brandlens {

struct SentimentPrediction {
  SentimentLabel label;
  float score;  // [-1, 1]
};

// The classifier's input for a text: its tokens, space-separated, and with
// `lexicon_features` the lexicon's reading of each opinion (__pos__ / __neg__)
// and of the whole text (a band, __lex_neg2__ … __lex_pos2__).
std::string ModelDocument(const Analysis& analysis, bool lexicon_features);

class SentimentModel {
 public:
  // Lexicon only when `classifier` is null. Supervised models (trained by
  // TrainSupervised, saved and loaded) read lexicon features; self-trained
  // ones do not, since those would only echo their training labels.
  enum class Features { kTokensAndLexicon, kTokensOnly };
  explicit SentimentModel(std::unique_ptr<FastTextClassifier> classifier,
                          Features features = Features::kTokensAndLexicon);

  // Trains on labelled texts. Labels: 0/1, pos/neu/neg words or 1–5 stars.
  static Result<std::unique_ptr<FastTextClassifier>> TrainSupervised(const TextAnalyzer& analyzer,
                                                                     const std::vector<std::string>& texts,
                                                                     const std::vector<std::string>& labels);
  // Trains on the lexicon's confident verdicts over `texts`. Needs enough
  // confident texts of both polarities (else NotFound: stay with the lexicon).
  static Result<std::unique_ptr<FastTextClassifier>> SelfTrain(const TextAnalyzer& analyzer,
                                                               const std::vector<std::string>& texts);

  // The prediction for an analysed text.
  SentimentPrediction Predict(const Analysis& analysis) const;
  bool has_classifier() const { return classifier_ != nullptr; }

 private:
  std::unique_ptr<FastTextClassifier> classifier_;
  Features features_;
};

}  // namespace brandlens
