// The sentiment a command reports for a text: the zero-shot lexicon, or a
// trained model combined with it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "text/analyzer.h"

namespace brandlens {

struct SentimentPrediction {
  SentimentLabel label;
  float score;
};

class SentimentPredictor {
 public:
  // `model_path` empty: lexicon only.
  static Result<std::unique_ptr<SentimentPredictor>> Create(const std::string& industry, const std::string& model_path);
  virtual ~SentimentPredictor() = default;
  virtual Result<SentimentPrediction> Predict(std::string_view text) const = 0;
  virtual std::string Describe() const = 0;
};

}  // namespace brandlens
