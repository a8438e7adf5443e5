// Normalization of any valid UTF-8 (callers validate first): emoji, URLs,
// [赞] codes, traditional characters, full-width forms, elongation.
#include <memory>

#include "core/utf8.h"
#include "fuzz_util.h"
#include "text/normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  static const std::unique_ptr<Normalizer> normalizer = std::move(Normalizer::Create().value());
  const std::string_view text = fuzz::AsText(data, size);
  if (!IsValidUtf8(text)) return 0;
  NormalizedText out;
  normalizer->Normalize(text, out);
  if (!IsValidUtf8(out.text)) __builtin_trap();  // normalization keeps text valid
  return 0;
}
