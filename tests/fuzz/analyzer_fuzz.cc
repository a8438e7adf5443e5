// The whole text analysis on any bytes: invalid UTF-8 is an error, anything
// else analyses, with a score in [-1, 1].
#include <memory>

#include "fuzz_util.h"
#include "text/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  static const std::unique_ptr<TextAnalyzer> analyzer = [] {
    TextAnalyzer::Options options;
    options.industry = "food_and_drink";
    options.brands = {{"山茶集", true, {"ShanCha", "山茶"}}, {"青柠社", false, {"Qingning"}}};
    return std::move(TextAnalyzer::Create(options).value());
  }();
  Analysis analysis;
  if (analyzer->Analyze(fuzz::AsText(data, size), analysis).ok()) {
    const float score = analysis.sentiment.score;
    if (!(score >= -1.0f && score <= 1.0f)) __builtin_trap();
  }
  return 0;
}
