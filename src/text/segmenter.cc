#include "text/segmenter.h"

#include "text/lexicon.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <limits>
#include <memory>

namespace brandlens {

namespace {

// ICU break iterators are not thread-safe and costly to create: each thread
// keeps its own.
icu::BreakIterator& ThreadWordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode err = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), err));
  }();
  return *breaker;
}

}  // namespace

Segmenter::Segmenter(const std::vector<std::string>& words) {
  for (const auto& w : words) AddWord(w);
}

void Segmenter::AddWord(std::string_view word) {
  if (word.empty()) return;
  const auto* p = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  int32_t i = 0, chars = 0;
  while (i < n) {
    U8_FWD_1(p, i, n);
    if (++chars > kMaxWordChars) return;
    entries_[std::string(word.substr(0, static_cast<size_t>(i)))] |= i == n ? kIsWord : kIsPrefix;
  }
}

void Segmenter::Segment(std::string_view text, std::vector<Token>& out) const {
  if (text.empty()) return;
  icu::BreakIterator& bi = ThreadWordBreaker();
  UErrorCode err = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err);
  bi.setText(ut, err);
  if (U_FAILURE(err)) {
    utext_close(ut);
    out.push_back({text, TokenKind::kWord});
    return;
  }
  // Runs of adjacent word segments (letters, ideographs, numbers) are
  // re-segmented together, so dictionary words may cross ICU's boundaries
  // (华为mate60).
  std::vector<size_t> run_ends;
  size_t run_begin = 0;
  bool in_run = false;
  auto flush = [&](size_t end) {
    if (in_run) SegmentRun(text, run_begin, end, run_ends, out);
    in_run = false;
    run_ends.clear();
  };
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    const int status = bi.getRuleStatus();
    const auto s = static_cast<size_t>(start), e = static_cast<size_t>(end);
    if (status >= UBRK_WORD_NONE_LIMIT) {
      if (!in_run) run_begin = s;
      in_run = true;
      run_ends.push_back(e);
      continue;
    }
    flush(s);
    // Spaces vanish; punctuation and symbols are tokens (they end clauses).
    const std::string_view piece = text.substr(s, e - s);
    if (piece.find_first_not_of(" \t\r\n\u3000") != std::string_view::npos) out.push_back({piece, TokenKind::kPunct});
  }
  flush(text.size());
  utext_close(ut);
}

void Segmenter::SegmentRun(std::string_view text, size_t begin, size_t end, const std::vector<size_t>& icu_ends,
                           std::vector<Token>& out) const {
  // Code point offsets of the run, and which of them ICU ends a word at.
  std::vector<size_t> pos;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
    pos.push_back(static_cast<size_t>(i));
    U8_FWD_1(p, i, static_cast<int32_t>(end));
  }
  pos.push_back(end);
  const size_t n = pos.size() - 1;
  // icu_next[i]: the code point index where the ICU word starting at i ends.
  std::vector<size_t> icu_next(n, 0);
  {
    size_t k = 0, word_start = 0;
    for (size_t e : icu_ends) {
      while (k < pos.size() && pos[k] < e) ++k;
      if (word_start < n) icu_next[word_start] = k;
      word_start = k;
    }
  }

  // Shortest path from the end: cost 100 per token, 1 less for an ICU word,
  // so fewer tokens win and ICU breaks ties.
  constexpr int kInf = std::numeric_limits<int>::max() / 2;
  std::vector<int> cost(n + 1, kInf);
  std::vector<size_t> next(n + 1, 0);
  cost[n] = 0;
  for (size_t i = n; i-- > 0;) {
    auto consider = [&](size_t j, int token_cost) {
      if (cost[j] + token_cost < cost[i]) {
        cost[i] = cost[j] + token_cost;
        next[i] = j;
      }
    };
    consider(i + 1, 100);
    if (icu_next[i] > i) consider(icu_next[i], 99);
    for (size_t j = i + 2; j <= n && j - i <= static_cast<size_t>(kMaxWordChars); ++j) {
      auto it = entries_.find(AbslView(text.substr(pos[i], pos[j] - pos[i])));
      if (it == entries_.end()) break;
      if (it->second & kIsWord) consider(j, 100);
    }
  }
  for (size_t i = 0; i < n; i = next[i]) {
    const std::string_view word = text.substr(pos[i], pos[next[i]] - pos[i]);
    const bool number = std::isdigit(static_cast<unsigned char>(word.front())) &&
                        word.find_first_not_of("0123456789.,%") == std::string_view::npos;
    out.push_back({word, number ? TokenKind::kNumber : TokenKind::kWord});
  }
}

}  // namespace brandlens
