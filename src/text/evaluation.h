// Classification metrics for labelled data: accuracy, macro F1, per-class
// precision / recall / F1 and the confusion matrix, as one JSON object.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentiment.h"

namespace brandlens {

// How a data set's labels read: binary 0/1, or three classes from
// pos/neu/neg words or 1–5 star ratings.
enum class LabelScheme { kBinary, kThreeClass };

// Maps a raw label to a class for the scheme: binary → "0"/"1"; three
// classes → "negative"/"neutral"/"positive". Stars: 1–2 negative, 3 neutral,
// 4–5 positive. nullopt for a label the scheme cannot read.
std::optional<std::string> MapLabel(std::string_view raw, LabelScheme scheme);

// Binary when every label is 0 or 1; else three classes.
LabelScheme DetectScheme(const std::vector<std::string>& raw_labels);

// The class a prediction falls in. For binary labels a neutral prediction
// is decided by the sign of its score (zero counts as positive: reviews and
// comments lean positive, so it is the better prior).
std::string PredictedClass(SentimentLabel label, float score, LabelScheme scheme);

class Evaluation {
 public:
  explicit Evaluation(LabelScheme scheme);
  void Add(const std::string& truth, const std::string& predicted);
  // {n, accuracy, macro_f1, classes: {c: {precision, recall, f1, support}},
  //  labels: [...], confusion_matrix: [[...]] (rows truth, columns prediction)}
  nlohmann::json ToJson() const;
  double Accuracy() const;

 private:
  size_t Index(const std::string& label) const;
  std::vector<std::string> labels_;
  std::vector<std::vector<int64_t>> confusion_;
  int64_t n_ = 0;
};

}  // namespace brandlens
