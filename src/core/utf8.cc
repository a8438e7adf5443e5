#include "core/utf8.h"

#include <unicode/uscript.h>

namespace brandlens {

size_t FindInvalidUtf8(std::string_view s) {
  size_t bad = std::string_view::npos;
  ForEachCodePoint(s, [&](size_t offset, UChar32 c) {
    if (c >= 0) return true;
    bad = offset;
    return false;
  });
  return bad;
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
