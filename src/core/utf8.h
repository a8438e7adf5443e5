// UTF-8 helpers built on ICU's validating decoder macros.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace brandlens {

// Calls visit(byte_offset, code_point) for each code point of `s`, with a
// negative code point for each invalid sequence; stops early when visit
// returns false. ASCII takes a fast path.
template <typename Visit>
void ForEachCodePoint(std::string_view s, Visit&& visit) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = p[i];
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT(p, i, n, c);
    }
    if (!visit(static_cast<size_t>(start), c)) return;
  }
}

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos if valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t FindInvalidUtf8(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

// Number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// The UTF-8 bytes of the word's first character (empty for an empty word).
inline std::string_view FirstCharacter(std::string_view word) {
  int32_t i = 0;
  if (!word.empty()) U8_FWD_1(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()));
  return word.substr(0, static_cast<size_t>(i));
}

// True when valid UTF-8 `s` is exactly one code point (read off the lead
// byte: no scan, for per-token checks).
inline bool IsOneCodePoint(std::string_view s) {
  return !s.empty() && s.size() == static_cast<size_t>(U8_COUNT_TRAIL_BYTES(static_cast<uint8_t>(s[0]))) + 1;
}

// True when `s` contains at least one Han (CJK ideograph) character.
bool ContainsHan(std::string_view s);

}  // namespace brandlens
