// Timestamps in every accepted form, and anything else: parsed within
// 1970–2100 or rejected, never a crash.
#include <memory>

#include "core/timestamp.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  static const std::unique_ptr<TimestampParser> time = std::move(TimestampParser::Create("Asia/Kathmandu").value());
  auto parsed = time->Parse(fuzz::AsText(data, size));
  if (parsed.ok()) {
    if (*parsed < -86400 || *parsed > 4200000000) __builtin_trap();
    (void)time->LocalDate(*parsed);
  }
  return 0;
}
