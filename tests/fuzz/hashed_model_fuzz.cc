// Reading a workspace's kept sentiment model (workspace.db.sentiment.bin):
// any bytes give a model or a clear error, and a model that reads back
// predicts probabilities that are numbers summing to one.
#include <cmath>
#include <sstream>

#include "fuzz_util.h"
#include "text/hashed_classifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  std::istringstream in(std::string(fuzz::AsText(data, size)));
  auto model = HashedClassifier::Read(in, "model.bin");
  if (!model.ok()) return 0;
  const std::vector<uint32_t> features = {0, 1, 255, 7};
  std::vector<float> p(static_cast<size_t>(model->classes()));
  model->Predict(features, p);
  float sum = 0;
  for (float v : p) {
    if (!std::isfinite(v) || v < 0) __builtin_trap();
    sum += v;
  }
  if (std::abs(sum - 1) > 1e-3f) __builtin_trap();
  return 0;
}
