// A trie over Unicode code points with a 16-bit value per node, for walking
// dictionary words character by character from each position of a text.
// Children live in one hash map keyed by (node, code point): one integer
// lookup per step, no string hashing or comparison (the string-keyed map it
// replaced was a third of the analysis time).
#pragma once

#include <absl/container/flat_hash_map.h>

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
    auto it = children_.find(Key(node, c));
    return it == children_.end() ? kNone : it->second;
  }
  uint16_t Value(uint32_t node) const { return values_[node]; }
  size_t nodes() const { return values_.size(); }
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
};

}  // namespace brandlens
