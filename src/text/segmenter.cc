#include "text/segmenter.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <limits>

#include "text/general_dictionary.h"

namespace brandlens {

namespace {

// Costs on ICU's scale (its words cost 27..251, lower is more frequent).
constexpr int kOwnWordCost = 20;      // our words win over any general split
constexpr int kUnknownCharCost = 260; // a character no word contains
constexpr int kLatinRunCost = 40;     // a run of ASCII letters or digits

enum class CharClass { kWord, kLatin, kSpace, kPunct };

bool IsAsciiLetter(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(UChar32 c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

CharClass Classify(UChar32 c) {
  if (c < 0x80) {
    if (IsAsciiAlnum(c) || c == '_') return CharClass::kLatin;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return CharClass::kSpace;
    return CharClass::kPunct;
  }
  if (c >= 0x4E00 && c <= 0x9FFF) return CharClass::kWord;  // CJK ideographs, most of the text: no property lookups
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  if (u_isalpha(c) || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || u_isdigit(c)) return CharClass::kWord;
  return CharClass::kPunct;
}

}  // namespace

Segmenter::Segmenter(const std::vector<std::string>& words) {
  GeneralDictionary::Get();  // load once, up front
  for (const auto& w : words) AddWord(w);
  Freeze();
}

void Segmenter::AddWord(std::string_view word) { own_.Insert(word, 0); }

void Segmenter::Segment(std::string_view text, std::vector<Token>& out) const {
  // Runs of word characters (ideographs, letters, digits — mixed runs such
  // as 华为mate60 stay together for the dictionary) are split by SegmentRun;
  // spaces vanish; anything else is a one-character punctuation token. Each
  // run's code points and their byte offsets are collected here, while
  // classifying, so the text is decoded once.
  thread_local std::vector<char32_t> cps;
  thread_local std::vector<size_t> pos;
  cps.clear();
  pos.clear();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  auto end_run = [&](size_t end) {
    if (cps.empty()) return;
    pos.push_back(end);
    SegmentRun(text, cps, pos, out);
    cps.clear();
    pos.clear();
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    CharClass cls = c < 0 ? CharClass::kPunct : Classify(c);
    // An apostrophe between ASCII letters belongs to the word (don't, isn't,
    // it's): split off, the negation of don't would be lost.
    if (c == '\'' && !cps.empty() && cps.back() < 0x80 && IsAsciiLetter(static_cast<UChar32>(cps.back())) && i < n &&
        IsAsciiLetter(p[i]))
      cls = CharClass::kLatin;
    if (cls == CharClass::kWord || cls == CharClass::kLatin) {
      cps.push_back(static_cast<char32_t>(c));
      pos.push_back(static_cast<size_t>(start));
      continue;
    }
    end_run(static_cast<size_t>(start));
    if (cls == CharClass::kPunct) out.push_back({text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)), TokenKind::kPunct});
  }
  end_run(text.size());
}

void Segmenter::SegmentRun(std::string_view text, const std::vector<char32_t>& cps, const std::vector<size_t>& pos,
                           std::vector<Token>& out) const {
  const CodepointTrie& general = GeneralDictionary::Get().trie();
  // Where each ASCII letter/digit stretch ends.
  thread_local std::vector<size_t> latin_end;
  thread_local std::vector<int> cost;
  thread_local std::vector<size_t> next;
  const size_t n = cps.size();
  latin_end.assign(n + 1, 0);
  for (size_t i = n; i-- > 0;) {
    const bool latin = cps[i] < 0x80 && (IsAsciiAlnum(static_cast<UChar32>(cps[i])) || cps[i] == '_' || cps[i] == '\'');
    latin_end[i] = latin ? (i + 1 < n && latin_end[i + 1] ? latin_end[i + 1] : i + 1) : 0;
  }

  // Cheapest split, from the end.
  constexpr int kInf = std::numeric_limits<int>::max() / 2;
  cost.assign(n + 1, kInf);
  next.assign(n + 1, 0);
  cost[n] = 0;
  for (size_t i = n; i-- > 0;) {
    auto consider = [&](size_t j, int c) {
      if (cost[j] + c < cost[i]) {
        cost[i] = cost[j] + c;
        next[i] = j;
      }
    };
    if (latin_end[i]) {
      // A Latin/digit stretch is one token, unless it starts after another
      // Latin character (then it is the tail of that stretch).
      if (i == 0 || !latin_end[i - 1]) consider(latin_end[i], kLatinRunCost);
    } else {
      bool single = false;
      uint32_t node = CodepointTrie::kRoot;
      for (size_t j = i; j < n && j - i < static_cast<size_t>(GeneralDictionary::kMaxChars); ++j) {
        node = general.Child(node, cps[j]);
        if (node == CodepointTrie::kNone) break;
        const uint16_t c = general.Value(node);
        if (c == CodepointTrie::kNoValue) continue;
        consider(j + 1, c);
        single |= j == i;
      }
      if (!single) consider(i + 1, kUnknownCharCost);
    }
    uint32_t node = CodepointTrie::kRoot;
    for (size_t j = i; j < n && j - i < static_cast<size_t>(kMaxWordChars); ++j) {
      node = own_.Child(node, cps[j]);
      if (node == CodepointTrie::kNone) break;
      if (own_.Value(node) == 0 && (j > i || !latin_end[i])) consider(j + 1, kOwnWordCost);
    }
  }
  for (size_t i = 0; i < n; i = next[i]) {
    const std::string_view word = text.substr(pos[i], pos[next[i]] - pos[i]);
    const bool number = word.find_first_not_of("0123456789") == std::string_view::npos;
    out.push_back({word, number ? TokenKind::kNumber : TokenKind::kWord});
  }
}

}  // namespace brandlens
