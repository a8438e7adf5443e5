// A trie over Unicode code points with a 16-bit value per node, for walking
// dictionary words character by character from each position of a text.
// While it is built, children live in one hash map keyed by (node, code
// point). Freeze() then lays each node's children out contiguously, sorted
// (compressed sparse rows), so a walk touches a few adjacent cache lines
// instead of a random hash bucket per step; the root's children in the BMP
// sit in a direct array either way.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace brandlens {

class CodepointTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = 0;  // no such child (the root is never a child)
  static constexpr uint16_t kNoValue = 0xFFFF;

  CodepointTrie() : values_(1, kNoValue), root_(kDirectRoot, kNone) {}

  // Sets the value of the UTF-8 `word` to the lower of `value` and any
  // value it has. Returns false for empty or invalid UTF-8.
  bool Insert(std::string_view word, uint16_t value);

  uint32_t Child(uint32_t node, char32_t c) const {
    if (node == kRoot && c < kDirectRoot) return root_[c];
    if (frozen_) {
      // Binary search without branches on the comparisons (they compile to
      // conditional moves): a node's children are one of hundreds of
      // characters, so std::lower_bound's branches mispredict half the time.
      const uint32_t begin = offsets_[node];
      uint32_t len = offsets_[node + 1] - begin;
      if (len == 0) return kNone;
      const uint32_t* base = child_chars_.data() + begin;
      while (len > 1) {
        const uint32_t half = len / 2;
        base = base[half] <= c ? base + half : base;
        len -= half;
      }
      return *base == c ? child_nodes_[static_cast<size_t>(base - child_chars_.data())] : kNone;
    }
    auto it = children_.find(Key(node, c));
    return it == children_.end() ? kNone : it->second;
  }

  // Builds the contiguous layout; Insert afterwards works but walks fall back
  // to the hash map until the next Freeze().
  void Freeze();

  // Word i of a list given as code points end to end: points[ends[i - 1],
  // ends[i]) (from 0 for the first), with values[i].
  struct WordList {
    std::vector<char32_t> points;
    std::vector<uint32_t> ends;
    std::vector<uint16_t> values;
  };
  // A frozen trie of `words` built level by level from the sorted list
  // (sorted here when it is not): each node's children are one run of the
  // list, so they are laid out contiguously as they are found, with no hash
  // map and no sort of edges — several times faster than Insert + Freeze
  // for the general dictionary's 316k words, which every process loads.
  // Empty words are skipped; a word given twice keeps its lower value.
  static CodepointTrie Build(WordList words);
  uint16_t Value(uint32_t node) const { return values_[node]; }
  void Reserve(size_t nodes) {
    children_.reserve(nodes);
    values_.reserve(nodes);
  }

 private:
  static uint64_t Key(uint32_t node, char32_t c) { return (static_cast<uint64_t>(node) << 21) | c; }
  // The root's children in the Basic Multilingual Plane sit in an array:
  // every walk starts there, so the first step costs no hashing (256 KiB).
  static constexpr char32_t kDirectRoot = 0x10000;
  absl::flat_hash_map<uint64_t, uint32_t> children_;
  std::vector<uint16_t> values_;
  std::vector<uint32_t> root_;
  bool frozen_ = false;
  std::vector<uint32_t> offsets_;      // per node: start of its children, plus one end
  std::vector<uint32_t> child_chars_;  // sorted per node
  std::vector<uint32_t> child_nodes_;
};

}  // namespace brandlens
