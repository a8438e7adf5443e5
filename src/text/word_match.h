// Matching a token against a short list of words, for the construction
// rules (timing.h, return_intent.h) whose key words are few and fixed.
#pragma once

#include <initializer_list>
#include <string_view>

namespace brandlens {

inline bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (auto x : words)
    if (w == x) return true;
  return false;
}

}  // namespace brandlens
