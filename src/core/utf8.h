// UTF-8 helpers built on ICU's validating decoder macros.
#pragma once

#include <cstddef>
#include <string_view>

namespace brandlens {

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos if valid.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t FindInvalidUtf8(std::string_view s);

inline bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

// Number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// True when `s` contains at least one Han (CJK ideograph) character.
bool ContainsHan(std::string_view s);

}  // namespace brandlens
