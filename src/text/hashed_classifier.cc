#include "text/hashed_classifier.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>

#include "core/hash.h"

namespace brandlens {

namespace {

constexpr char kMagic[8] = {'B', 'L', 'H', 'C', 'L', 'S', '0', '1'};
constexpr int kMaxBits = 24;
constexpr int kMaxClasses = 16;
// classes × 2^bits weights at most (64 MB): a model file cannot make a
// reader allocate more.
constexpr uint64_t kMaxWeights = uint64_t{1} << 24;
constexpr float kMaxWeight = 1e4f;

bool ShapeOk(int bits, int classes) {
  return bits >= 8 && bits <= kMaxBits && classes >= 2 && classes <= kMaxClasses &&
         (static_cast<uint64_t>(classes) << bits) <= kMaxWeights;
}

void Softmax(std::span<float> z) {
  const float top = *std::max_element(z.begin(), z.end());
  float sum = 0;
  for (float& v : z) sum += (v = std::exp(v - top));
  for (float& v : z) v /= sum;
}

}  // namespace

HashedClassifier::HashedClassifier(int bits, int classes)
    : bits_(bits),
      classes_(classes),
      weights_(static_cast<size_t>(classes) << bits, 0.0f),
      bias_(static_cast<size_t>(classes), 0.0f) {}

void HashedClassifier::Features(std::span<const Token> tokens, std::span<const std::string> emoji, int bits,
                                std::vector<uint32_t>& out) {
  out.clear();
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  uint64_t previous = 0;  // hash of the previous word in the clause, 0 at a clause start
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) {
      previous = 0;
      continue;
    }
    const uint64_t h = StableHash({t.text});
    out.push_back(static_cast<uint32_t>(MixBits(h) & mask));
    if (previous) out.push_back(static_cast<uint32_t>(MixBits(previous * 31 + h + 0x9e3779b97f4a7c15ull) & mask));
    previous = h;
  }
  for (const std::string& e : emoji) out.push_back(static_cast<uint32_t>(MixBits(StableHash({"emoji", e})) & mask));
}

Result<HashedClassifier> HashedClassifier::Train(const std::vector<std::vector<uint32_t>>& examples,
                                                 const std::vector<int>& labels, int classes,
                                                 const TrainOptions& options) {
  if (examples.empty() || examples.size() != labels.size())
    return Status::InvalidInput("no labelled examples to train on");
  if (!ShapeOk(options.bits, classes))
    return Status::InvalidInput(fmt::format("cannot train {} classes over 2^{} features", classes, options.bits));
  for (int label : labels)
    if (label < 0 || label >= classes) return Status::InvalidInput(fmt::format("label {} out of range", label));

  HashedClassifier model(options.bits, classes);
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  const double total_steps = static_cast<double>(examples.size()) * options.epochs;
  double step = 0;
  std::vector<float> z(static_cast<size_t>(classes));
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const auto& features = examples[i];
      // Linear decay to zero, as fastText does: large steps first, then settle.
      const float lr = options.learning_rate * static_cast<float>(1.0 - step++ / total_steps);
      if (features.empty()) continue;
      // Each feature counts 1/sqrt(n): long texts do not take bigger steps.
      const float x = 1.0f / std::sqrt(static_cast<float>(features.size()));
      model.Logits(features, x, z);
      Softmax(z);
      const auto label = static_cast<size_t>(labels[i]);
      // The gradient of the log loss: predicted minus true, per class.
      for (size_t k = 0; k < z.size(); ++k) z[k] = (z[k] - (k == label ? 1.0f : 0.0f)) * lr;
      for (size_t k = 0; k < z.size(); ++k) model.bias_[k] -= z[k];
      for (uint32_t f : features) {
        float* row = &model.weights_[static_cast<size_t>(f) * z.size()];
        for (size_t k = 0; k < z.size(); ++k) row[k] -= z[k] * x;
      }
    }
  }
  return model;
}

void HashedClassifier::Logits(std::span<const uint32_t> features, float x, std::span<float> z) const {
  std::copy(bias_.begin(), bias_.end(), z.begin());
  const size_t k_count = bias_.size();
  // Ids from Features with other bits still land inside the weights.
  const uint32_t mask = (uint32_t{1} << bits_) - 1;
  for (uint32_t f : features) {
    const float* row = &weights_[static_cast<size_t>(f & mask) * k_count];
    for (size_t k = 0; k < k_count; ++k) z[k] += row[k] * x;
  }
}

void HashedClassifier::Predict(std::span<const uint32_t> features, std::span<float> probabilities) const {
  if (probabilities.size() < bias_.size()) return;  // the caller's contract: room for classes() values
  probabilities = probabilities.first(bias_.size());
  const float x = features.empty() ? 0.0f : 1.0f / std::sqrt(static_cast<float>(features.size()));
  Logits(features, x, probabilities);
  Softmax(probabilities);
}

Status HashedClassifier::Save(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  const int32_t header[2] = {bits_, classes_};
  out.write(kMagic, sizeof kMagic);
  out.write(reinterpret_cast<const char*>(header), sizeof header);
  out.write(reinterpret_cast<const char*>(bias_.data()), static_cast<std::streamsize>(bias_.size() * sizeof(float)));
  // Only the features training touched: a few hundred thousand of 2^bits.
  const size_t k_count = bias_.size();
  for (size_t f = 0; f < weights_.size() / k_count; ++f) {
    const float* row = &weights_[f * k_count];
    if (std::all_of(row, row + k_count, [](float w) { return w == 0.0f; })) continue;
    const auto id = static_cast<uint32_t>(f);
    out.write(reinterpret_cast<const char*>(&id), sizeof id);
    out.write(reinterpret_cast<const char*>(row), static_cast<std::streamsize>(k_count * sizeof(float)));
  }
  out.close();
  if (!out) return Status::IoError(fmt::format("{}: cannot write the model", path.string()));
  return Status::Ok();
}

Result<HashedClassifier> HashedClassifier::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: no such model", path.string()));
  return Read(in, path.string());
}

Result<HashedClassifier> HashedClassifier::Read(std::istream& in, std::string_view name) {
  char magic[sizeof kMagic];
  int32_t header[2];
  in.read(magic, sizeof magic);
  in.read(reinterpret_cast<char*>(header), sizeof header);
  if (!in || !std::equal(magic, magic + sizeof magic, kMagic) || !ShapeOk(header[0], header[1]))
    return Status::Corruption(fmt::format("{}: not a brandlens hashed model", name));
  HashedClassifier model(header[0], header[1]);
  const auto k_count = static_cast<size_t>(header[1]);
  in.read(reinterpret_cast<char*>(model.bias_.data()), static_cast<std::streamsize>(k_count * sizeof(float)));
  if (!in) return Status::Corruption(fmt::format("{}: truncated", name));
  uint32_t id;
  while (in.read(reinterpret_cast<char*>(&id), sizeof id)) {
    if (id >= (uint32_t{1} << header[0])) return Status::Corruption(fmt::format("{}: feature id {} out of range", name, id));
    in.read(reinterpret_cast<char*>(&model.weights_[id * k_count]), static_cast<std::streamsize>(k_count * sizeof(float)));
    if (!in) return Status::Corruption(fmt::format("{}: truncated", name));
  }
  if (!in.eof() || in.gcount() != 0) return Status::Corruption(fmt::format("{}: truncated", name));
  // Trained weights are small; a file with huge or non-finite ones would
  // turn predictions into NaN (sums overflowing to infinity).
  auto sane = [](float w) { return std::isfinite(w) && std::abs(w) <= kMaxWeight; };
  if (!std::all_of(model.bias_.begin(), model.bias_.end(), sane) ||
      !std::all_of(model.weights_.begin(), model.weights_.end(), sane))
    return Status::Corruption(fmt::format("{}: a weight is out of range", name));
  return model;
}

}  // namespace brandlens
