#include "text/fasttext_classifier.h"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brandlens {

namespace {
constexpr std::string_view kLabelPrefix = "__label__";
}

FastTextClassifier::FastTextClassifier(std::unique_ptr<fasttext::FastText> model) : model_(std::move(model)) {
  auto dict = model_->getDictionary();
  for (int32_t i = 0; i < dict->nlabels(); ++i) labels_.push_back(dict->getLabel(i).substr(kLabelPrefix.size()));
  std::sort(labels_.begin(), labels_.end());
}

FastTextClassifier::~FastTextClassifier() = default;

Result<std::unique_ptr<FastTextClassifier>> FastTextClassifier::Train(const std::vector<std::string>& docs,
                                                                      const std::vector<std::string>& labels,
                                                                      const TrainOptions& options) {
  if (docs.size() != labels.size() || docs.empty()) return Status::InvalidInput("no labelled documents to train on");
  // libfasttext trains from a file: write one in the temp directory.
  static std::atomic<int> counter{0};
  const auto path = std::filesystem::temp_directory_path() /
                    fmt::format("brandlens-fasttext-{}-{}.txt", ::getpid(), counter++);
  {
    std::ofstream out(path, std::ios::binary);
    for (size_t i = 0; i < docs.size(); ++i) out << kLabelPrefix << labels[i] << ' ' << docs[i] << '\n';
    if (!out) return Status::IoError(fmt::format("{}: cannot write training data", path.string()));
  }
  fasttext::Args args;
  args.input = path.string();
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.epoch = options.epoch;
  args.lr = options.lr;
  args.wordNgrams = options.word_ngrams;
  args.dim = options.dim;
  args.minn = options.minn;
  args.maxn = options.maxn;
  args.minCount = 1;
  args.bucket = options.word_ngrams > 1 || options.maxn > 0 ? 200000 : 0;
  args.thread = options.threads;
  args.seed = options.seed;
  args.verbose = 0;
  auto model = std::make_unique<fasttext::FastText>();
  try {
    model->train(args);
  } catch (const std::exception& e) {
    std::filesystem::remove(path);
    return Status::InvalidInput(fmt::format("fastText training failed: {}", e.what()));
  }
  std::filesystem::remove(path);
  return std::unique_ptr<FastTextClassifier>(new FastTextClassifier(std::move(model)));
}

Result<std::unique_ptr<FastTextClassifier>> FastTextClassifier::Load(const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::NotFound(fmt::format("{}: no such model", path));
  auto model = std::make_unique<fasttext::FastText>();
  try {
    model->loadModel(path);
  } catch (const std::exception& e) {
    return Status::InvalidInput(fmt::format("{}: not a fastText model: {}", path, e.what()));
  }
  return std::unique_ptr<FastTextClassifier>(new FastTextClassifier(std::move(model)));
}

Status FastTextClassifier::Save(const std::string& path) const {
  try {
    model_->saveModel(path);
  } catch (const std::exception& e) {
    return Status::IoError(fmt::format("{}: cannot save model: {}", path, e.what()));
  }
  return Status::Ok();
}

std::vector<std::pair<std::string, float>> FastTextClassifier::Predict(std::string_view doc) const {
  std::string line(doc);
  line.push_back('\n');  // predictLine reads to the end of a line
  std::istringstream in(line);
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  model_->predictLine(in, predictions, -1, 0.0);
  std::vector<std::pair<std::string, float>> out;
  for (const auto& l : labels_) out.emplace_back(l, 0.0f);
  for (const auto& [p, label] : predictions)
    for (auto& [l, prob] : out)
      if (label.size() > kLabelPrefix.size() && std::string_view(label).substr(kLabelPrefix.size()) == l) prob = p;
  return out;
}

}  // namespace brandlens
