#include "core/utf8.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace brandlens {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    // ASCII fast path: most CSV bytes (delimiters, digits, URLs) are ASCII.
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (unsigned char byte : s) count += (byte & 0xC0) != 0x80;
  return count;
}

bool ContainsHan(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    UErrorCode err = U_ZERO_ERROR;
    if (c >= 0 && uscript_getScript(c, &err) == USCRIPT_HAN) return true;
  }
  return false;
}

}  // namespace brandlens
