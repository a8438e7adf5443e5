#include "text/new_words.h"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>

#include "text/lexicon.h"

namespace brandlens {

namespace {

// Characters that seldom start or end a word (particles, pronouns, copulas):
// candidates built on them are fragments such as 的奶 or 了很.
bool IsGlue(char32_t c) {
  static constexpr char32_t kGlue[] = {U'的', U'了', U'是', U'在', U'和', U'也', U'都', U'就', U'很', U'我', U'你',
                                       U'他', U'她', U'这', U'那', U'有', U'不', U'吗', U'呢', U'吧', U'啊', U'还',
                                       U'又', U'太', U'被', U'把', U'给', U'得', U'地', U'着', U'过', U'一'};
  return std::find(std::begin(kGlue), std::end(kGlue), c) != std::end(kGlue);
}

double Entropy(const absl::flat_hash_map<char32_t, int64_t>& counts, int64_t edges) {
  double total = static_cast<double>(edges);
  for (const auto& [c, n] : counts) total += static_cast<double>(n);
  if (total == 0) return 0;
  double h = 0;
  for (const auto& [c, n] : counts) {
    const double p = static_cast<double>(n) / total;
    h -= p * std::log(p);
  }
  // Each text edge is a distinct neighbour.
  if (edges > 0) h -= static_cast<double>(edges) * (1.0 / total) * std::log(1.0 / total);
  return h;
}

}  // namespace

template <typename Visit>
void NewWordFinder::ForEachHanRun(std::string_view text, Visit&& visit) const {
  std::vector<size_t> offsets;  // byte offsets of the run's code points, plus its end
  std::vector<char32_t> chars;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  auto flush = [&](size_t end) {
    if (!chars.empty()) {
      offsets.push_back(end);
      visit(offsets, chars);
    }
    offsets.clear();
    chars.clear();
  };
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    UErrorCode err = U_ZERO_ERROR;
    if (c >= 0x80 && uscript_getScript(c, &err) == USCRIPT_HAN) {
      offsets.push_back(static_cast<size_t>(start));
      chars.push_back(static_cast<char32_t>(c));
    } else {
      flush(static_cast<size_t>(start));
    }
  }
  flush(text.size());
}

void NewWordFinder::Count(std::string_view text) {
  ForEachHanRun(text, [&](const std::vector<size_t>& off, const std::vector<char32_t>& chars) {
    characters_ += static_cast<int64_t>(chars.size());
    for (size_t i = 0; i < chars.size(); ++i)
      for (size_t len = 1; len <= static_cast<size_t>(max_chars_) && i + len <= chars.size(); ++len)
        ++counts_[std::string(text.substr(off[i], off[i + len] - off[i]))];
  });
}

void NewWordFinder::Neighbours(std::string_view text) {
  ForEachHanRun(text, [&](const std::vector<size_t>& off, const std::vector<char32_t>& chars) {
    for (size_t i = 0; i < chars.size(); ++i)
      for (size_t len = 2; len <= static_cast<size_t>(max_chars_) && i + len <= chars.size(); ++len) {
        if (IsGlue(chars[i]) || IsGlue(chars[i + len - 1])) continue;
        const std::string_view w = text.substr(off[i], off[i + len] - off[i]);
        auto it = counts_.find(AbslView(w));
        if (it == counts_.end() || it->second < min_count_) continue;
        Sides& s = sides_[AbslView(w)];
        if (i > 0) ++s.left[chars[i - 1]];
        else ++s.left_edges;
        if (i + len < chars.size()) ++s.right[chars[i + len]];
        else ++s.right_edges;
      }
  });
}

std::vector<NewWord> NewWordFinder::Find(size_t n, const std::function<bool(std::string_view)>& known) const {
  std::vector<NewWord> out;
  const double total = static_cast<double>(std::max<int64_t>(1, characters_));
  auto p = [&](std::string_view s) {
    auto it = counts_.find(AbslView(s));
    return it == counts_.end() ? 0.0 : static_cast<double>(it->second) / total;
  };
  for (const auto& [word, sides] : sides_) {
    if (known && known(word)) continue;
    const int64_t count = counts_.at(word);
    const double pw = static_cast<double>(count) / total;
    double pmi = 1e300;
    for (size_t k = 0; k < word.size();) {  // every split point between code points
      int32_t next = static_cast<int32_t>(k);
      U8_FWD_1(reinterpret_cast<const uint8_t*>(word.data()), next, static_cast<int32_t>(word.size()));
      k = static_cast<size_t>(next);
      if (k >= word.size()) break;
      const double pa = p(std::string_view(word).substr(0, k)), pb = p(std::string_view(word).substr(k));
      if (pa > 0 && pb > 0) pmi = std::min(pmi, std::log(pw / (pa * pb)));
    }
    const double left = Entropy(sides.left, sides.left_edges), right = Entropy(sides.right, sides.right_edges);
    const double freedom = std::min(left, right);
    // Thresholds: parts must co-occur far above chance (e^3 ≈ 20x), and the
    // word must be seen in varied company on both sides.
    if (pmi == 1e300 || pmi < 3.0 || freedom < 1.0) continue;
    out.push_back({word, count, pmi, left, right, pmi * freedom * std::log(static_cast<double>(count))});
  }
  std::sort(out.begin(), out.end(), [](const NewWord& a, const NewWord& b) {
    return a.score != b.score ? a.score > b.score : a.word < b.word;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

}  // namespace brandlens
