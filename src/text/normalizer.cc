#include "text/normalizer.h"

#include <opencc/SimpleConverter.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>

#include "core/utf8.h"
#include "text/casefold_table.h"

namespace brandlens {

namespace {

constexpr const char* kT2sConfig = "/usr/share/opencc/t2s.json";

// Han code points that t2s changes, so texts without any skip OpenCC (which
// runs at ~5 MB/s, slower than the rest of the pipeline together).
constexpr UChar32 kHanFirst = 0x3400, kHanLast = 0x9FFF;

bool StartsWithAt(std::string_view s, size_t i, std::string_view prefix) { return s.substr(i, prefix.size()) == prefix; }

// Decodes the HTML entities that scraped exports carry.
std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      bool done = false;
      for (const auto& [from, to] : kEntities)
        if (StartsWithAt(s, i, from)) {
          out.append(to);
          i += from.size();
          done = true;
          break;
        }
      if (!done && StartsWithAt(s, i, "&#")) {
        size_t j = i + 2;
        uint32_t code = 0;
        while (j < s.size() && j < i + 9 && std::isdigit(static_cast<unsigned char>(s[j]))) code = code * 10 + static_cast<uint32_t>(s[j++] - '0');
        if (j < s.size() && s[j] == ';' && j > i + 2 && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
          char buf[4];
          int32_t len = 0;
          UBool error = false;
          U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(code), error);
          if (!error) {
            out.append(buf, static_cast<size_t>(len));
            i = j + 1;
            done = true;
          }
        }
      }
      if (done) continue;
    }
    out.push_back(s[i++]);
  }
  return out;
}

bool IsSpaceOrPunct(UChar32 c) { return u_isspace(c) || u_ispunct(c); }

bool IsEmoji(UChar32 c) {
  // Pictographs live in Latin-1 (©, ®), 0x2000–0x3299 and from 0x1F000 on:
  // CJK text never needs the property lookup.
  if (c < 0xA9 || (c > 0xAE && c < 0x2000) || (c >= 0x3300 && c < 0x1F000)) return false;
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}
// Joiners and presentation selectors that only glue emoji together.
bool IsEmojiGlue(UChar32 c) { return c == 0x200D || c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF); }

}  // namespace

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;
  std::unique_ptr<opencc::SimpleConverter> t2s;
  std::bitset<kHanLast - kHanFirst + 1> traditional;  // index: code point - kHanFirst
};

Normalizer::Normalizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Normalizer::~Normalizer() = default;

// Loading OpenCC's dictionaries and running t2s over the whole Han block
// cost tens of milliseconds: done once per process and shared by every
// Normalizer (a run builds several analyzers; the tests build hundreds).
Result<std::shared_ptr<const Normalizer::Impl>> Normalizer::LoadTables() {
  auto impl = std::make_shared<Impl>();
  UErrorCode err = U_ZERO_ERROR;
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(err);
  if (U_FAILURE(err)) return Status::Internal(fmt::format("ICU NFKC_Casefold data missing: {}", u_errorName(err)));
  try {
    impl->t2s = std::make_unique<opencc::SimpleConverter>(kT2sConfig);
  } catch (const std::exception& e) {
    return Status::Internal(fmt::format("OpenCC cannot load {}: {} (install libopencc-data)", kT2sConfig, e.what()));
  }
  CasefoldTable::Get();  // built once, up front
  // One pass over the Han block: which characters does t2s rewrite?
  std::string all;
  for (UChar32 c = kHanFirst; c <= kHanLast; ++c) {
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    all.append(buf, static_cast<size_t>(len));
  }
  const std::string converted = impl->t2s->Convert(all);
  const auto* a = reinterpret_cast<const uint8_t*>(all.data());
  const auto* b = reinterpret_cast<const uint8_t*>(converted.data());
  int32_t i = 0, j = 0;
  const auto na = static_cast<int32_t>(all.size()), nb = static_cast<int32_t>(converted.size());
  while (i < na && j < nb) {
    UChar32 ca, cb;
    U8_NEXT(a, i, na, ca);
    U8_NEXT(b, j, nb, cb);
    if (ca != cb) impl->traditional.set(static_cast<size_t>(ca - kHanFirst));
  }
  return std::shared_ptr<const Impl>(std::move(impl));
}

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  // Thread-safe initialisation of a function-local static; a failure (no
  // OpenCC data) is kept too: it would fail the same way again.
  static const Result<std::shared_ptr<const Impl>> tables = LoadTables();
  if (!tables.ok()) return tables.status();
  return std::unique_ptr<Normalizer>(new Normalizer(tables.value()));
}

void Normalizer::Normalize(std::string_view input, NormalizedText& out) const {
  // Every buffer is reused from call to call (the caller's `out` and this
  // thread's scratch strings): the hot loop allocates only when a text is
  // longer than any before it.
  out.text.clear();
  out.urls.clear();
  out.mentions.clear();
  out.topics.clear();
  out.emoji.clear();
  out.exclamations = out.elongations = 0;
  out.had_traditional = false;
  thread_local std::string decoded, stripped, plain, folded;
  decoded.clear();
  stripped.clear();
  plain.clear();
  folded.clear();
  if (input.find('&') != std::string_view::npos) decoded = DecodeEntities(input);

  // Pass 1: take out URLs, @mentions and [emoticons]; record #topics#.
  const std::string_view s = decoded.empty() ? input : std::string_view(decoded);
  // Bytes that may start a pattern below (0xEF: full-width ＠ and ！; 0xE2:
  // typographic quotes) or an emoji (0xC2: ©, ®; 0xE2: U+2000–U+2FFF; 0xF0:
  // U+10000 on); every other byte is copied straight away.
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    for (unsigned char b : {'h', 'w', '@', '[', '#', '!'}) t[b] = true;
    t[0xEF] = t[0xE2] = t[0xC2] = t[0xF0] = true;
    return t;
  }();
  bool may_have_emoji = false;  // most Chinese text has none, and skips pass 2
  for (size_t i = 0; i < s.size();) {
    if (!kSpecial[static_cast<unsigned char>(s[i])]) {
      const size_t from = i;
      while (i < s.size() && !kSpecial[static_cast<unsigned char>(s[i])]) ++i;
      stripped.append(s, from, i - from);
      continue;
    }
    // Each pattern is tried only for the byte it starts with: full-width
    // punctuation (0xEF) is in most Chinese sentences.
    const auto b = static_cast<unsigned char>(s[i]);
    may_have_emoji |= b == 0xC2 || b == 0xE2 || b == 0xF0;
    if ((b == 'h' || b == 'w') &&
        (StartsWithAt(s, i, "http://") || StartsWithAt(s, i, "https://") || StartsWithAt(s, i, "www."))) {
      size_t j = i;
      while (j < s.size() && static_cast<unsigned char>(s[j]) > 0x20 && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      out.urls.emplace_back(s.substr(i, j - i));
      stripped.push_back(' ');
      i = j;
      continue;
    }
    if (b == '@' || (b == 0xEF && StartsWithAt(s, i, "＠"))) {
      size_t j = i + (s[i] == '@' ? 1 : 3);
      const size_t name_start = j;
      // A name runs to a space, a colon or punctuation (Weibo: "//@名字: ").
      while (j < s.size()) {
        UChar32 c;
        int32_t k = static_cast<int32_t>(j);
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
        if (c < 0 || IsSpaceOrPunct(c) || c == 0xFF1A || IsEmoji(c)) break;
        j = static_cast<size_t>(k);
      }
      if (j > name_start) {
        out.mentions.emplace_back(s.substr(name_start, j - name_start));
        if (!stripped.empty() && stripped.size() >= 2 && stripped.ends_with("//")) stripped.resize(stripped.size() - 2);
        if (j < s.size() && s[j] == ':') ++j;
        else if (StartsWithAt(s, j, "：")) j += 3;
        stripped.push_back(' ');
        i = j;
        continue;
      }
    }
    if (s[i] == '[') {
      const size_t close = s.find(']', i);
      if (close != std::string_view::npos && close - i <= 16 && close > i + 1) {
        out.emoji.emplace_back(s.substr(i, close - i + 1));
        stripped.push_back(' ');
        i = close + 1;
        continue;
      }
    }
    if (s[i] == '#') {
      const size_t close = s.find('#', i + 1);
      if (close != std::string_view::npos && close - i <= 64 && close > i + 1 &&
          s.substr(i + 1, close - i - 1).find_first_of(" \n") == std::string_view::npos) {
        out.topics.emplace_back(s.substr(i + 1, close - i - 1));
        stripped.push_back(' ');
        stripped.append(s.substr(i + 1, close - i - 1));  // the topic's words are content
        stripped.push_back(' ');
        i = close + 1;
        continue;
      }
    }
    // Typographic single quotes (phones type don’t) become ASCII, so
    // contractions read like typed ones; NFKC leaves them.
    if (b == 0xE2 && (StartsWithAt(s, i, "’") || StartsWithAt(s, i, "‘"))) {
      stripped.push_back('\'');
      i += 3;
      continue;
    }
    if (b == '!' || (b == 0xEF && StartsWithAt(s, i, "！"))) ++out.exclamations;
    stripped.push_back(s[i++]);
  }

  // Pass 2: emoji out (before NFKC_Casefold, which drops zero-width joiners).
  // Emoji start with bytes C2 (©, ®), E2 (U+2000–U+2FFF) or F0 (U+10000 on);
  // most Chinese text has none, and skips this pass. (The few pictographs at
  // U+3030–U+3299, such as ㊗, share E3 with CJK punctuation and stay text.)
  if (may_have_emoji) plain.reserve(stripped.size());
  bool in_emoji = false, joined = false;
  if (may_have_emoji) ForEachCodePoint(stripped, [&](size_t offset, UChar32 c) {
    if (c < 0) return true;
    const size_t len = static_cast<size_t>(U8_LENGTH(c));
    if (IsEmoji(c) || (in_emoji && IsEmojiGlue(c))) {
      // A pictograph starts a new emoji unless a zero-width joiner binds it
      // to the previous one (👨‍👩‍👧 is one emoji, 😡😡 two).
      if (!in_emoji || (IsEmoji(c) && !joined)) out.emoji.emplace_back();
      out.emoji.back().append(stripped, offset, len);
      joined = c == 0x200D;
      in_emoji = true;
      return true;
    }
    if (in_emoji) plain.push_back(' ');
    in_emoji = false;
    if (!IsEmojiGlue(c)) plain.append(stripped, offset, len);
    return true;
  });

  if (!may_have_emoji) plain.swap(stripped);

  // Pass 3: NFKC + case folding; the table answers for most texts.
  if (!CasefoldTable::Get().Fold(plain, folded)) {
    folded.clear();
    icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(plain.size()));
    UErrorCode err = U_ZERO_ERROR;
    impl_->nfkc_cf->normalizeUTF8(0, plain, sink, nullptr, err);
    if (U_FAILURE(err)) folded = plain;
  }

  // Pass 4: runs of 3+ identical characters collapse (Latin letters to two:
  // goood → good; anything else to one: 好好好喝 → 好喝), and count as
  // intensity; traditional characters are noticed for OpenCC.
  std::string& text = out.text;
  text.reserve(folded.size());
  UChar32 run_char = -1;
  size_t run_length = 0;
  size_t kept_from = 0;  // start of the bytes to keep that are not yet in `text`
  size_t first_traditional = std::string::npos, traditional_end = 0;  // byte span in `text`
  // `folded` is valid UTF-8 (the input was validated; the casefold table and
  // ICU write valid UTF-8), so it is decoded without checks.
  const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
  for (size_t i = 0; i < folded.size();) {
    const size_t offset = i;
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    const size_t len = i - offset;
    run_length = c == run_char ? run_length + 1 : 1;
    run_char = c;
    if (run_length == 3) ++out.elongations;
    const bool latin = c < 0x80 && std::isalpha(static_cast<int>(c));
    if (run_length >= 3 && !u_isdigit(c)) {
      text.append(folded, kept_from, offset - kept_from);
      kept_from = offset + len;
      if (!latin && run_length == 3) {
        // The run's second copy is already out: take it back.
        if (text.size() >= len) text.erase(text.size() - len);
      }
      continue;
    }
    if (c >= kHanFirst && c <= kHanLast && impl_->traditional.test(static_cast<size_t>(c - kHanFirst))) {
      out.had_traditional = true;
      const size_t at = text.size() + (offset - kept_from);  // where it lands in `text`
      first_traditional = std::min(first_traditional, at);
      traditional_end = at + len;
    }
  }
  text.append(folded, kept_from, folded.size() - kept_from);
  if (out.had_traditional) ConvertToSimplified(text, first_traditional, traditional_end);
}

void Normalizer::ConvertToSimplified(std::string& text, size_t first, size_t end) const {
  // OpenCC costs ~1M instructions per call whatever the length: convert only
  // the clauses from the first traditional character to the last. Its
  // phrases never span clause punctuation, so the result is the same.
  auto boundary = [&](size_t i) {
    const char b = text[i];
    return b == ',' || b == '.' || b == '!' || b == '?' || b == ';' || b == ':' || b == ' ' || b == '\n' ||
           text.compare(i, 3, "。") == 0 || text.compare(i, 3, "、") == 0;
  };
  size_t from = 0;
  for (size_t i = 0; i < first; ++i)
    if (boundary(i)) from = i;
  size_t to = end;
  while (to < text.size() && !boundary(to)) ++to;
  text.replace(from, to - from, impl_->t2s->Convert(text.substr(from, to - from)));
}

}  // namespace brandlens
