// Sentiment from the lexicon alone, or combined with a classifier: a
// fastText model trained on labelled data (`brandlens sentiment train`), or a
// hashed linear model self-trained on an unlabelled corpus — the lexicon
// labels the corpus's confident part, the classifier learns the domain's
// vocabulary from it, and the two are combined: better than the lexicon on
// that domain with no human label.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/analyzer.h"
#include "text/fasttext_classifier.h"
#include "text/hashed_classifier.h"

namespace brandlens {

struct SentimentPrediction {
  SentimentLabel label;
  float score;  // [-1, 1]
};

// The classifier's input for a text: its tokens, space-separated, and with
// `lexicon_features` the lexicon's reading of each opinion (__pos__ / __neg__)
// and of the whole text (a band, __lex_neg2__ … __lex_pos2__).
std::string ModelDocument(const Analysis& analysis, bool lexicon_features);

// The classes of a self-trained model, as HashedClassifier class ids.
enum SelfTrainedClass : int { kSelfNegative = 0, kSelfPositive = 1, kSelfNeutral = 2 };
inline constexpr size_t kSelfTrainedMaxClasses = 3;

// Whether `model` can be a self-trained sentiment model of this build: two
// or three classes over the feature width SelfTrain uses (a kept model file
// from another build, or a damaged one, is learned again instead).
bool IsSelfTrainedShape(const HashedClassifier& model);

class SentimentModel {
 public:
  // The lexicon alone.
  SentimentModel() = default;
  // A supervised fastText model (from TrainSupervised, saved and loaded); it
  // reads lexicon features as well as tokens.
  explicit SentimentModel(std::unique_ptr<FastTextClassifier> supervised);
  // A model self-trained on the domain's texts; it reads tokens only, since
  // lexicon features would only echo its training labels.
  explicit SentimentModel(std::shared_ptr<const HashedClassifier> self_trained);

  // Trains on labelled texts. Labels: 0/1, pos/neu/neg words or 1–5 stars.
  static Result<std::unique_ptr<FastTextClassifier>> TrainSupervised(const TextAnalyzer& analyzer,
                                                                     const std::vector<std::string>& texts,
                                                                     const std::vector<std::string>& labels);
  // Trains on the lexicon's confident verdicts over `texts` (analysed on
  // `threads` threads, 0: one per core). Needs kMinSelfTrainPerClass
  // confident texts of each polarity (else NotFound: stay with the lexicon).
  static Result<HashedClassifier> SelfTrain(const TextAnalyzer& analyzer, std::span<const std::string_view> texts,
                                            unsigned threads = 0);
  static constexpr size_t kMinSelfTrainPerClass = 200;

  // The prediction for an analysed text. Thread-safe.
  SentimentPrediction Predict(const Analysis& analysis) const;
  bool has_classifier() const { return supervised_ != nullptr || self_trained_ != nullptr; }
  // The self-trained classifier, or null (to keep it: HashedClassifier::Save).
  const HashedClassifier* self_trained() const { return self_trained_.get(); }

 private:
  // The classifier's P(positive), P(negative), P(neutral) for a text.
  struct ClassProbabilities {
    float positive = 0, negative = 0, neutral = 0;
  };
  ClassProbabilities Classify(const Analysis& analysis) const;

  std::unique_ptr<FastTextClassifier> supervised_;
  std::shared_ptr<const HashedClassifier> self_trained_;
};

}  // namespace brandlens
