// A supervised fastText text classifier, trained and run in-process
// (libfasttext). Documents are space-separated tokens from the segmenter.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace fasttext {
class FastText;
}

namespace brandlens {

class FastTextClassifier {
 public:
  struct TrainOptions {
    int epoch = 25;
    double lr = 0.5;
    int word_ngrams = 2;
    int dim = 64;
    int minn = 0, maxn = 0;  // character n-grams of each token (0: none)
    int threads = 1;          // 1 keeps training deterministic
    int seed = 20261129;
  };

  // `docs[i]` (tokens joined by spaces) has label `labels[i]`.
  static Result<std::unique_ptr<FastTextClassifier>> Train(const std::vector<std::string>& docs,
                                                           const std::vector<std::string>& labels,
                                                           const TrainOptions& options);
  static Result<std::unique_ptr<FastTextClassifier>> Load(const std::string& path);
  ~FastTextClassifier();

  Status Save(const std::string& path) const;

  // Probability of every label for one document, in label order. Thread-safe.
  std::vector<std::pair<std::string, float>> Predict(std::string_view doc) const;

  const std::vector<std::string>& labels() const { return labels_; }

 private:
  explicit FastTextClassifier(std::unique_ptr<fasttext::FastText> model);
  std::unique_ptr<fasttext::FastText> model_;
  std::vector<std::string> labels_;  // without the __label__ prefix
};

}  // namespace brandlens
