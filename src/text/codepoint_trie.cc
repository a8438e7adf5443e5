#include "text/codepoint_trie.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace brandlens {

bool CodepointTrie::Insert(std::string_view word, uint16_t value) {
  if (word.empty()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  uint32_t node = kRoot;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    const auto cp = static_cast<char32_t>(c);
    if (node == kRoot && cp < kDirectRoot) {
      if (root_[cp] == kNone) {
        root_[cp] = static_cast<uint32_t>(values_.size());
        values_.push_back(kNoValue);
      }
      node = root_[cp];
      continue;
    }
    auto [it, added] = children_.try_emplace(Key(node, cp), static_cast<uint32_t>(values_.size()));
    if (added) values_.push_back(kNoValue);
    node = it->second;
  }
  values_[node] = std::min(values_[node], value);
  return true;
}

}  // namespace brandlens
