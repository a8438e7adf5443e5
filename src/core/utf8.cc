#include "core/utf8.h"

#include <unicode/uscript.h>

namespace brandlens {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Fast paths for what most text is made of: ASCII, and three-byte
    // characters led by E1..EC (U+1000..U+CFFF: all CJK ideographs and
    // punctuation), which cannot be overlong or surrogates, so any two
    // continuation bytes make them valid.
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (p[i] >= 0xE1 && p[i] <= 0xEC && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    auto j = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(p, j, static_cast<int32_t>(n), c);
    if (c < 0) return i;
    i = static_cast<size_t>(j);
  }
  return std::string_view::npos;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (unsigned char byte : s) count += (byte & 0xC0) != 0x80;
  return count;
}

bool ContainsHan(std::string_view s) {
  bool han = false;
  ForEachCodePoint(s, [&](size_t, UChar32 c) {
    UErrorCode err = U_ZERO_ERROR;
    han = c >= 0x80 && uscript_getScript(c, &err) == USCRIPT_HAN;
    return !han;
  });
  return han;
}

}  // namespace brandlens
