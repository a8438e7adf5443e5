// A multinomial logistic regression over hashed token n-grams: the model a
// workspace learns its own domain with (self-training). Trained in a few
// SGD passes over compact feature ids, it costs milliseconds where fastText's
// supervised mode costs seconds on the same texts, and is as accurate here
// (measured in docs/ARCHITECTURE.md, "Self-training").
//
// Written by hand because no Debian-packaged library offers a hashed sparse
// linear model with an in-memory API (liblinear needs the whole feature
// matrix built as its own structs and has no feature hashing; Vowpal Wabbit
// is not packaged for Debian 12).
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "text/segmenter.h"

namespace brandlens {

class HashedClassifier {
 public:
  struct TrainOptions {
    int bits = 20;        // 2^bits weights per class
    int epochs = 5;       // passes over the examples, in a fixed shuffled order
    float learning_rate = 0.2f;
    uint64_t seed = 20261204;
  };

  // The feature ids of a text (appended to `out`, which is cleared first):
  // each word token and emoji, and each pair of adjacent words within a
  // clause (punctuation breaks pairs), hashed into [0, 2^bits). Stable across
  // builds and machines (saved models stay valid).
  static void Features(std::span<const Token> tokens, std::span<const std::string> emoji, int bits,
                       std::vector<uint32_t>& out);

  // Learns `classes` classes from `examples[i]` (feature ids from Features
  // with the same bits) labelled `labels[i]` in [0, classes). Deterministic
  // for one build (the shuffle is the standard library's).
  static Result<HashedClassifier> Train(const std::vector<std::vector<uint32_t>>& examples,
                                        const std::vector<int>& labels, int classes, const TrainOptions& options);

  // P(class | features), written to the first classes() values of
  // `probabilities` (nothing is written when it holds fewer). Feature ids
  // are taken modulo 2^bits().
  void Predict(std::span<const uint32_t> features, std::span<float> probabilities) const;

  int classes() const { return classes_; }
  int bits() const { return bits_; }

  // A small binary file: magic, bits, classes, then the weights.
  Status Save(const std::filesystem::path& path) const;
  // Corruption when the file is not one Save wrote.
  static Result<HashedClassifier> Load(const std::filesystem::path& path);
  // As Load, from a stream; `name` names it in errors.
  static Result<HashedClassifier> Read(std::istream& in, std::string_view name);

 private:
  HashedClassifier(int bits, int classes);
  // bias + x * (sum of each feature's weights), per class, into `z`.
  void Logits(std::span<const uint32_t> features, float x, std::span<float> z) const;
  int bits_;
  int classes_;
  std::vector<float> weights_;  // [feature][class], row-major: one cache line per feature
  std::vector<float> bias_;     // per class
};

}  // namespace brandlens
