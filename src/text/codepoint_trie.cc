#include "text/codepoint_trie.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace brandlens {

bool CodepointTrie::Insert(std::string_view word, uint16_t value) {
  if (word.empty()) return false;
  frozen_ = false;
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

void CodepointTrie::Freeze() {
  std::vector<std::pair<uint64_t, uint32_t>> edges(children_.begin(), children_.end());
  std::sort(edges.begin(), edges.end());  // by (node, code point)
  offsets_.assign(values_.size() + 1, 0);
  child_chars_.clear();
  child_nodes_.clear();
  child_chars_.reserve(edges.size());
  child_nodes_.reserve(edges.size());
  for (const auto& [key, child] : edges) {
    ++offsets_[static_cast<size_t>(key >> 21) + 1];
    child_chars_.push_back(static_cast<uint32_t>(key & 0x1FFFFF));
    child_nodes_.push_back(child);
  }
  for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  frozen_ = true;
}

}  // namespace brandlens
