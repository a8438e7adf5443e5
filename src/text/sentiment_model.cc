#include "text/sentiment_model.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/parallel.h"
#include "text/evaluation.h"

namespace brandlens {

namespace {

// Lexicon scores at least this far from zero count as confident.
constexpr float kConfident = 0.35f;
// The weight of the classifier in the combined score.
constexpr float kClassifierWeight = 0.7f;

SentimentLabel LabelOf(float score) {
  return score > LexiconSentiment::kNeutralBand    ? SentimentLabel::kPositive
         : score < -LexiconSentiment::kNeutralBand ? SentimentLabel::kNegative
                                                   : SentimentLabel::kNeutral;
}

}  // namespace

std::string ModelDocument(const Analysis& analysis, bool lexicon_features) {
  std::string doc;
  for (const Token& t : analysis.tokens) {
    if (t.kind == TokenKind::kPunct && t.text != "!" && t.text != "?") continue;
    if (!doc.empty()) doc.push_back(' ');
    doc.append(t.text);
  }
  for (const auto& e : analysis.normalized.emoji) doc.append(" ").append(e);
  // The lexicon's reading, as features the classifier can weigh: each
  // opinion's polarity after negation (不好 reads as a negative, not as 好).
  if (lexicon_features) {
    for (const Opinion& o : analysis.sentiment.opinions) doc.append(o.weight > 0 ? " __pos__" : " __neg__");
    // …and its verdict on the whole text (contrast, summaries and the other
    // clause weights included), in five bands.
    static constexpr std::string_view kBands[] = {" __lex_neg2__", " __lex_neg1__", " __lex_0__", " __lex_pos1__",
                                                 " __lex_pos2__"};
    const float s = analysis.score;
    doc.append(kBands[s < -0.6f ? 0 : s < -0.2f ? 1 : s <= 0.2f ? 2 : s <= 0.6f ? 3 : 4]);
  }
  return doc;
}

SentimentModel::SentimentModel(std::unique_ptr<FastTextClassifier> supervised) : supervised_(std::move(supervised)) {}

SentimentModel::SentimentModel(std::shared_ptr<const HashedClassifier> self_trained)
    : self_trained_(std::move(self_trained)) {}

Result<std::unique_ptr<FastTextClassifier>> SentimentModel::TrainSupervised(const TextAnalyzer& analyzer,
                                                                            const std::vector<std::string>& texts,
                                                                            const std::vector<std::string>& labels) {
  const LabelScheme scheme = DetectScheme(labels);
  std::vector<std::string> docs, classes;
  Analysis analysis;
  for (size_t i = 0; i < texts.size(); ++i) {
    const auto label = MapLabel(labels[i], scheme);
    if (!label || !analyzer.Analyze(texts[i], analysis).ok()) continue;
    docs.push_back(ModelDocument(analysis, /*lexicon_features=*/true));
    classes.push_back(*label);
  }
  return FastTextClassifier::Train(docs, classes, {});
}

namespace {

// The hashed features of an analysed text, into `out`.
void SelfTrainedFeatures(const Analysis& analysis, std::vector<uint32_t>& out) {
  HashedClassifier::Features(analysis.tokens, analysis.normalized.emoji, HashedClassifier::TrainOptions{}.bits, out);
}

}  // namespace

Result<HashedClassifier> SentimentModel::SelfTrain(const TextAnalyzer& analyzer, std::span<const std::string_view> texts,
                                                   unsigned threads) {
  // What the lexicon makes of each text: a class, or -1 when it is not
  // confident (such texts teach nothing).
  std::vector<std::vector<uint32_t>> features(texts.size());
  std::vector<int> classes(texts.size(), -1);
  threads = ThreadsOrCores(threads);
  std::vector<Analysis> scratch(threads);
  ParallelFor(texts.size(), threads, [&](unsigned worker, size_t i) {
    Analysis& analysis = scratch[worker];
    if (!analyzer.Analyze(texts[i], analysis).ok()) return;
    // Texts without a single opinion are the neutral examples.
    if (analysis.sentiment.opinions.empty() && analysis.normalized.emoji.empty()) {
      classes[i] = kSelfNeutral;
    } else if (std::abs(analysis.score) >= kConfident) {
      classes[i] = analysis.score > 0 ? kSelfPositive : kSelfNegative;
    } else {
      return;
    }
    SelfTrainedFeatures(analysis, features[i]);
  });
  size_t counts[3] = {0, 0, 0};
  for (int c : classes)
    if (c >= 0) ++counts[c];
  if (counts[kSelfPositive] < kMinSelfTrainPerClass || counts[kSelfNegative] < kMinSelfTrainPerClass)
    return Status::NotFound(fmt::format("too few confident texts of each polarity to self-train ({} positive, {} "
                                        "negative; {} of each needed)",
                                        counts[kSelfPositive], counts[kSelfNegative], kMinSelfTrainPerClass));
  // Neutral texts become a class when they are at least 5% of the texts
  // (posts and comments, unlike reviews, are often neutral; a two-class
  // model would force a side on each of them).
  const bool neutral_class =
      counts[kSelfNeutral] >= kMinSelfTrainPerClass / 4 && counts[kSelfNeutral] * 20 >= texts.size();
  std::vector<std::vector<uint32_t>> examples;
  std::vector<int> labels;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (classes[i] < 0 || (classes[i] == kSelfNeutral && !neutral_class)) continue;
    examples.push_back(std::move(features[i]));
    labels.push_back(classes[i]);
  }
  return HashedClassifier::Train(examples, labels, neutral_class ? 3 : 2, {});
}

bool IsSelfTrainedShape(const HashedClassifier& model) {
  return model.bits() == HashedClassifier::TrainOptions{}.bits && model.classes() >= 2 &&
         static_cast<size_t>(model.classes()) <= kSelfTrainedMaxClasses;
}

SentimentModel::ClassProbabilities SentimentModel::Classify(const Analysis& analysis) const {
  ClassProbabilities p;
  if (self_trained_) {
    thread_local std::vector<uint32_t> features;
    float probabilities[kSelfTrainedMaxClasses] = {0, 0, 0};
    SelfTrainedFeatures(analysis, features);
    self_trained_->Predict(features, probabilities);
    return {probabilities[kSelfPositive], probabilities[kSelfNegative], probabilities[kSelfNeutral]};
  }
  for (const auto& [label, probability] : supervised_->Predict(ModelDocument(analysis, /*lexicon_features=*/true))) {
    if (label == "1" || label == "positive") p.positive = probability;
    if (label == "0" || label == "negative") p.negative = probability;
    if (label == "neutral") p.neutral = probability;
  }
  return p;
}

SentimentPrediction SentimentModel::Predict(const Analysis& analysis) const {
  if (!has_classifier()) return {analysis.label, analysis.score};
  const ClassProbabilities p = Classify(analysis);
  const float score = kClassifierWeight * (p.positive - p.negative) + (1 - kClassifierWeight) * analysis.score;
  // A three-class model that finds the text neutral keeps it neutral unless
  // the combined evidence is clear.
  if (p.neutral > p.positive && p.neutral > p.negative && std::abs(score) < 0.3f)
    return {SentimentLabel::kNeutral, score};
  return {LabelOf(score), score};
}

}  // namespace brandlens
