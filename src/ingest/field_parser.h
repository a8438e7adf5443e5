// Turns the raw text of one field into a typed, validated value.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/timestamp.h"
#include "ingest/kinds.h"
#include "store/store.h"

namespace brandlens {

// Size limits: a post or review body up to 256 KiB, other text up to 2 KiB.
inline constexpr size_t kMaxTextBytes = 256 * 1024;
inline constexpr size_t kMaxShortBytes = 2048;

// Parses `raw` as `spec.type`. An empty (or all-blank) raw value yields
// NULL (the caller decides whether that is allowed). `scratch` receives text
// the value views when it had to be rewritten (a date, a lowercased token),
// so it must outlive `out`. On failure returns InvalidInput saying why,
// without the field name (the caller adds file, line and field).
Status ParseField(const FieldSpec& spec, std::string_view raw, const TimestampParser& time, Value& out,
                  std::string& scratch);

// Parses the engagement-count forms exports use: 1234, 1,234, 1.2万, 3k, 10w+, 2亿.
// Counts (likes, shares, views) above a trillion are rejected as
// implausible: the largest platforms' counts are far below, and bounded
// counts can be summed (likes + shares + comments) without overflowing.
inline constexpr int64_t kMaxCount = 1'000'000'000'000;
Result<int64_t> ParseCount(std::string_view raw);

}  // namespace brandlens
