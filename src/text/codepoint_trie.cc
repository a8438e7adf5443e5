#include "text/codepoint_trie.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <numeric>
#include <string_view>

namespace brandlens {

bool CodepointTrie::Insert(std::string_view word, uint16_t value) {
  if (word.empty()) return false;
  if (children_.empty() && !child_chars_.empty()) {  // from Build(): fill the hash map it skipped
    for (uint32_t node = 0; node + 1 < offsets_.size(); ++node)
      for (uint32_t k = offsets_[node]; k < offsets_[node + 1]; ++k)
        children_.emplace(Key(node, child_chars_[k]), child_nodes_[k]);
  }
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

CodepointTrie CodepointTrie::Build(WordList words) {
  const auto word = [&](uint32_t i) {
    const uint32_t begin = i == 0 ? 0 : words.ends[i - 1];
    return std::u32string_view(words.points.data() + begin, words.ends[i] - begin);
  };
  std::vector<uint32_t> order(words.ends.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto by_word = [&](uint32_t a, uint32_t b) { return word(a) < word(b); };
  if (!std::is_sorted(order.begin(), order.end(), by_word)) std::sort(order.begin(), order.end(), by_word);

  CodepointTrie trie;
  // A word adds at most one node per code point.
  const size_t max_nodes = words.points.size() + 1;
  trie.values_.reserve(max_nodes);
  trie.offsets_.reserve(max_nodes + 1);
  trie.child_chars_.reserve(max_nodes);
  trie.child_nodes_.reserve(max_nodes);
  // Breadth first: node ids are handed out in the order nodes are queued,
  // so the node processed k-th is node k and its children's run starts
  // where the previous node's ended.
  struct Run {
    uint32_t node, first, last, depth;  // order[first, last) share the node's prefix of `depth` points
  };
  std::vector<Run> queue;
  queue.reserve(max_nodes);
  queue.push_back({kRoot, 0, static_cast<uint32_t>(order.size()), 0});
  for (size_t q = 0; q < queue.size(); ++q) {
    const Run run = queue[q];
    trie.offsets_.push_back(static_cast<uint32_t>(trie.child_chars_.size()));
    uint32_t i = run.first;
    for (; i < run.last && word(order[i]).size() == run.depth; ++i)  // the words ending here sort first
      if (run.depth > 0) trie.values_[run.node] = std::min(trie.values_[run.node], words.values[order[i]]);
    while (i < run.last) {
      const char32_t c = word(order[i])[run.depth];
      uint32_t end = i + 1;
      while (end < run.last && word(order[end])[run.depth] == c) ++end;
      const auto child = static_cast<uint32_t>(trie.values_.size());
      trie.values_.push_back(kNoValue);
      if (run.node == kRoot && c < kDirectRoot) {
        trie.root_[c] = child;
      } else {
        trie.child_chars_.push_back(c);
        trie.child_nodes_.push_back(child);
      }
      queue.push_back({child, i, end, run.depth + 1});
      i = end;
    }
  }
  trie.offsets_.push_back(static_cast<uint32_t>(trie.child_chars_.size()));
  trie.frozen_ = true;
  return trie;
}

}  // namespace brandlens
