#include "text/codepoint_trie.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace brandlens {
namespace {

// The value at the end of walking `word` from the root, or kNoValue when
// the walk leaves the trie.
uint16_t ValueOf(const CodepointTrie& trie, std::u32string_view word) {
  uint32_t node = CodepointTrie::kRoot;
  for (char32_t c : word) {
    node = trie.Child(node, c);
    if (node == CodepointTrie::kNone) return CodepointTrie::kNoValue;
  }
  return trie.Value(node);
}

std::string Utf8(std::u32string_view word) {
  std::string out;
  for (char32_t c : word) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

TEST(CodepointTrieTest, BuildWalksLikeInsertAndFreeze) {
  // Unsorted on purpose, with prefixes of each other, a duplicate with a
  // higher value, characters beyond the BMP (at the root and inside) and
  // an empty word.
  const std::vector<std::pair<std::u32string, uint16_t>> words = {
      {U"酒店", 40}, {U"酒", 90}, {U"酒店服务", 120}, {U"服务", 30}, {U"服务员", 60}, {U"酒店", 70},
      {U"\U00020000字", 10}, {U"\U00020000", 15}, {U"好\U0002A6A5", 5}, {U"a", 1}, {U"ab", 2}, {U"", 3}};
  CodepointTrie inserted;
  CodepointTrie::WordList list;
  for (const auto& [w, v] : words) {
    inserted.Insert(Utf8(w), v);
    list.points.insert(list.points.end(), w.begin(), w.end());
    list.ends.push_back(static_cast<uint32_t>(list.points.size()));
    list.values.push_back(v);
  }
  inserted.Freeze();
  const CodepointTrie built = CodepointTrie::Build(std::move(list));

  const std::u32string probes[] = {U"酒店", U"酒", U"酒店服务", U"酒店服", U"服务", U"服务员", U"服",  U"\U00020000字",
                                   U"\U00020000", U"好\U0002A6A5", U"好", U"a", U"ab", U"abc", U"店", U"\U00020001"};
  for (const auto& p : probes) EXPECT_EQ(ValueOf(built, p), ValueOf(inserted, p)) << Utf8(p);
  EXPECT_EQ(ValueOf(built, U"酒店"), 40);  // the lower of the duplicate's values
  EXPECT_EQ(ValueOf(built, U"酒店服"), CodepointTrie::kNoValue);  // a prefix, not a word
  EXPECT_EQ(ValueOf(built, U"abc"), CodepointTrie::kNoValue);

  // A built trie still takes insertions.
  CodepointTrie grown = built;
  grown.Insert(Utf8(U"酒店服"), 7);
  EXPECT_EQ(ValueOf(grown, U"酒店服"), 7);
  EXPECT_EQ(ValueOf(grown, U"酒店服务"), 120);
  grown.Freeze();
  EXPECT_EQ(ValueOf(grown, U"服务员"), 60);
  EXPECT_EQ(ValueOf(grown, U"\U00020000字"), 10);
}

}  // namespace
}  // namespace brandlens
