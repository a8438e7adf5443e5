// Field parsing: the first byte picks the field type, the rest is the raw
// text. Every value either parses within its bounds or is an error.
#include <memory>

#include "core/timestamp.h"
#include "fuzz_util.h"
#include "ingest/field_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  static const std::unique_ptr<TimestampParser> time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  if (size == 0) return 0;
  constexpr FieldType kTypes[] = {FieldType::kText,  FieldType::kShort,     FieldType::kToken, FieldType::kInteger,
                                  FieldType::kCount, FieldType::kReal,      FieldType::kMoney, FieldType::kTimestamp,
                                  FieldType::kDate,  FieldType::kBool,      FieldType::kLanguage};
  FieldSpec spec{"field", kTypes[data[0] % std::size(kTypes)]};
  spec.min = -1e6;
  spec.max = 1e6;
  const std::string_view raw = fuzz::AsText(data + 1, size - 1);
  Value value;
  std::string scratch;
  if (ParseField(spec, raw, *time, value, scratch).ok()) {
    if (const auto* i = std::get_if<int64_t>(&value); i && spec.type == FieldType::kCount && (*i < 0 || *i > kMaxCount))
      __builtin_trap();
  }
  (void)ParseCount(raw);
  return 0;
}
