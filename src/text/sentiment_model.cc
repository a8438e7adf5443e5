#include "text/sentiment_model.h"

#include <algorithm>
#include <cmath>

#include "text/evaluation.h"

namespace brandlens {

namespace {

// A self-trained classifier needs this many confident examples of each polarity.
constexpr size_t kMinSelfTrainPerClass = 200;
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

SentimentModel::SentimentModel(std::unique_ptr<FastTextClassifier> classifier, Features features)
    : classifier_(std::move(classifier)), features_(features) {}

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

Result<std::unique_ptr<FastTextClassifier>> SentimentModel::SelfTrain(const TextAnalyzer& analyzer,
                                                                      const std::vector<std::string>& texts) {
  std::vector<std::string> docs, classes, neutral_docs;
  size_t positives = 0, negatives = 0;
  Analysis analysis;
  for (const auto& text : texts) {
    if (!analyzer.Analyze(text, analysis).ok()) continue;
    // Texts without a single opinion are the neutral examples; they become
    // a class when they are at least 5% of the texts (posts and comments,
    // unlike reviews, are often neutral; a two-class model would force a
    // side on each of them).
    if (analysis.sentiment.opinions.empty() && analysis.normalized.emoji.empty()) {
      neutral_docs.push_back(ModelDocument(analysis, /*lexicon_features=*/false));
      continue;
    }
    if (std::abs(analysis.score) < kConfident) continue;
    docs.push_back(ModelDocument(analysis, /*lexicon_features=*/false));
    classes.push_back(analysis.score > 0 ? "1" : "0");
    ++(analysis.score > 0 ? positives : negatives);
  }
  if (positives < kMinSelfTrainPerClass || negatives < kMinSelfTrainPerClass)
    return Status::NotFound("too few confident texts of each polarity to self-train");
  if (neutral_docs.size() >= kMinSelfTrainPerClass / 4 && neutral_docs.size() * 20 >= texts.size()) {
    for (auto& d : neutral_docs) {
      docs.push_back(std::move(d));
      classes.push_back("neutral");
    }
  }
  return FastTextClassifier::Train(docs, classes, {});
}

SentimentPrediction SentimentModel::Predict(const Analysis& analysis) const {
  if (!classifier_) return {analysis.label, analysis.score};
  float p_pos = 0, p_neg = 0, p_neu = 0;
  for (const auto& [label, p] : classifier_->Predict(ModelDocument(analysis, features_ == Features::kTokensAndLexicon))) {
    if (label == "1" || label == "positive") p_pos = p;
    if (label == "0" || label == "negative") p_neg = p;
    if (label == "neutral") p_neu = p;
  }
  const float score = kClassifierWeight * (p_pos - p_neg) + (1 - kClassifierWeight) * analysis.score;
  // A three-class model that finds the text neutral keeps it neutral unless
  // the combined evidence is clear.
  if (p_neu > p_pos && p_neu > p_neg && std::abs(score) < 0.3f) return {SentimentLabel::kNeutral, score};
  return {LabelOf(score), score};
}

}  // namespace brandlens
