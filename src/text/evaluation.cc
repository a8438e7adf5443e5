#include "text/evaluation.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace brandlens {

std::optional<std::string> MapLabel(std::string_view raw, LabelScheme scheme) {
  std::string s;
  for (char c : raw)
    if (!std::isspace(static_cast<unsigned char>(c))) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (scheme == LabelScheme::kBinary) {
    if (s == "0" || s == "1") return s;
    return std::nullopt;
  }
  double stars = 0;
  if (auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), stars); ec == std::errc() && p == s.data() + s.size()) {
    if (stars < 1 || stars > 5) return std::nullopt;
    return stars < 2.5 ? "negative" : stars < 3.5 ? "neutral" : "positive";
  }
  static const std::pair<std::string_view, std::string_view> kWords[] = {
      {"pos", "positive"}, {"positive", "positive"}, {"neg", "negative"}, {"negative", "negative"},
      {"neu", "neutral"},  {"neutral", "neutral"},   {"正面", "positive"}, {"负面", "negative"},
      {"中性", "neutral"}, {"好评", "positive"},     {"差评", "negative"}, {"中评", "neutral"}};
  for (const auto& [word, label] : kWords)
    if (s == word) return std::string(label);
  return std::nullopt;
}

LabelScheme DetectScheme(const std::vector<std::string>& raw_labels) {
  for (const auto& l : raw_labels)
    if (!MapLabel(l, LabelScheme::kBinary)) return LabelScheme::kThreeClass;
  return LabelScheme::kBinary;
}

std::string PredictedClass(SentimentLabel label, float score, LabelScheme scheme) {
  if (scheme == LabelScheme::kBinary) {
    if (label == SentimentLabel::kPositive) return "1";
    if (label == SentimentLabel::kNegative) return "0";
    return score >= 0 ? "1" : "0";
  }
  return std::string(LabelName(label));
}

Evaluation::Evaluation(LabelScheme scheme)
    : labels_(scheme == LabelScheme::kBinary ? std::vector<std::string>{"0", "1"}
                                             : std::vector<std::string>{"negative", "neutral", "positive"}),
      confusion_(labels_.size(), std::vector<int64_t>(labels_.size(), 0)) {}

size_t Evaluation::Index(const std::string& label) const {
  return static_cast<size_t>(std::find(labels_.begin(), labels_.end(), label) - labels_.begin());
}

void Evaluation::Add(const std::string& truth, const std::string& predicted) {
  const size_t t = Index(truth), p = Index(predicted);
  if (t >= labels_.size() || p >= labels_.size()) return;
  ++confusion_[t][p];
  ++n_;
}

double Evaluation::Accuracy() const {
  int64_t correct = 0;
  for (size_t i = 0; i < labels_.size(); ++i) correct += confusion_[i][i];
  return n_ ? static_cast<double>(correct) / static_cast<double>(n_) : 0.0;
}

nlohmann::json Evaluation::ToJson() const {
  nlohmann::json classes = nlohmann::json::object();
  double f1_sum = 0;
  int present = 0;
  for (size_t c = 0; c < labels_.size(); ++c) {
    int64_t tp = confusion_[c][c], predicted = 0, actual = 0;
    for (size_t o = 0; o < labels_.size(); ++o) predicted += confusion_[o][c], actual += confusion_[c][o];
    const double precision = predicted ? static_cast<double>(tp) / static_cast<double>(predicted) : 0.0;
    const double recall = actual ? static_cast<double>(tp) / static_cast<double>(actual) : 0.0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    classes[labels_[c]] = {{"precision", precision}, {"recall", recall}, {"f1", f1}, {"support", actual}};
    // Macro F1 averages over the classes that occur in the truth.
    if (actual > 0) f1_sum += f1, ++present;
  }
  return {{"n", n_},
          {"accuracy", Accuracy()},
          {"macro_f1", present ? f1_sum / present : 0.0},
          {"classes", classes},
          {"labels", labels_},
          {"confusion_matrix", confusion_}};
}

}  // namespace brandlens
