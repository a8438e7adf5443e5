#include "text/analysis_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace brandlens {

namespace {

// Shortest round-trip text of a number (std::to_chars: no locale, no
// format-string parsing on a path that writes every score).
template <typename Number>
void AppendChars(std::string& out, Number x) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
  out.append(buf, static_cast<size_t>(end - buf));
}

void AppendNumber(std::string& out, double x) {
  // Three decimals, as the scores are reported; "-0" reads as 0.
  const double r = std::round(x * 1000.0) / 1000.0;
  AppendChars(out, r == 0 ? 0.0 : r);
}

template <typename Range, typename Each>
void AppendArray(std::string& out, const Range& items, Each&& each) {
  out.push_back('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) out.push_back(',');
    first = false;
    each(item);
  }
  out.push_back(']');
}

void AppendStrings(std::string& out, const std::vector<std::string>& items) {
  AppendArray(out, items, [&](const std::string& s) { AppendJsonString(out, s); });
}

std::string_view LabelFor(float score) {
  return LabelName(score > LexiconSentiment::kNeutralBand    ? SentimentLabel::kPositive
                   : score < -LexiconSentiment::kNeutralBand ? SentimentLabel::kNegative
                                                             : SentimentLabel::kNeutral);
}

void AppendHead(std::string& out, int64_t line, std::string_view id) {
  out += "{\"line\":";
  AppendChars(out, line);
  if (!id.empty()) {
    out += ",\"id\":";
    AppendJsonString(out, id);
  }
}

// True when one of the 8 bytes in `w` is a control character, '"' or '\\'
// (the bytes JSON escapes). A word at a time: hand-written because this
// scan runs over every byte of the output, and no JSON library we use
// exposes its escaper for appending to a caller's buffer.
bool NeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;  // some byte < 0x20 (bytes >= 0x80 excluded by ~w)
  return below_space != 0 || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  out.push_back('"');
  // Copy runs of bytes that need no escape in one append: most text has none.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (NeedsEscape(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void AppendErrorJson(std::string& out, int64_t line, std::string_view id, std::string_view error) {
  AppendHead(out, line, id);
  out += ",\"error\":";
  AppendJsonString(out, error);
  out.push_back('}');
}

void AppendAnalysisJson(std::string& out, const Analysis& a, const SentimentPrediction& prediction,
                        const SpamVerdict& spam, const std::vector<BrandConfig>& brands, int64_t line,
                        std::string_view id, bool explain) {
  AppendHead(out, line, id);
  out += ",\"label\":";
  AppendJsonString(out, LabelName(prediction.label));
  out += ",\"score\":";
  AppendNumber(out, prediction.score);
  if (spam.kind == SpamKind::kNone) {
    out += ",\"spam\":false";
  } else {
    out += ",\"spam\":true,\"spam_reason\":";
    AppendJsonString(out, spam.reason);
  }
  out += ",\"brands\":";
  AppendArray(out, a.brands, [&](int b) { AppendJsonString(out, brands[static_cast<size_t>(b)].name); });
  out += ",\"comparisons\":";
  AppendArray(out, a.comparisons, [&](const Comparison& c) {
    out += "{\"winner\":";
    AppendJsonString(out, brands[static_cast<size_t>(c.winner)].name);
    out += ",\"loser\":";
    AppendJsonString(out, brands[static_cast<size_t>(c.loser)].name);
    out.push_back('}');
  });
  out += ",\"aspects\":";
  AppendArray(out, a.aspects, [&](const AspectSentiment& as) {
    const float score = std::tanh(as.score / 2.0f);
    out += "{\"aspect\":";
    AppendJsonString(out, as.aspect);
    out += ",\"label\":";
    AppendJsonString(out, LabelFor(score));
    out += ",\"score\":";
    AppendNumber(out, score);
    out += ",\"terms\":";
    AppendStrings(out, as.terms);
    out += ",\"opinions\":";
    AppendStrings(out, as.opinions);
    out.push_back('}');
  });
  out += ",\"sentences\":";
  AppendArray(out, a.sentences, [&](const SentenceSentiment& s) {
    out += "{\"text\":";
    AppendJsonString(out, s.text);
    out += ",\"score\":";
    AppendNumber(out, s.score);
    out.push_back('}');
  });
  const std::pair<std::string_view, const std::vector<std::string>*> lists[] = {
      {"keywords", &a.keywords}, {"emoji", &a.normalized.emoji}, {"topics", &a.normalized.topics},
      {"mentions", &a.normalized.mentions}, {"urls", &a.normalized.urls}};
  for (const auto& [name, list] : lists) {
    out += ",\"";
    out += name;
    out += "\":";
    AppendStrings(out, *list);
  }
  if (explain) {
    std::string tokens;
    for (const auto& t : a.tokens) tokens.append(t.text).push_back('|');
    out += ",\"tokens\":";
    AppendJsonString(out, tokens);
    out += ",\"raw\":";
    AppendNumber(out, a.sentiment.raw);
    out += ",\"opinions\":";
    AppendArray(out, a.sentiment.opinions, [&](const Opinion& o) {
      float clause_weight = 1;
      for (const auto& c : a.sentiment.clauses)
        if (o.token >= c.begin && o.token < c.end) clause_weight = c.weight;
      out += "{\"word\":";
      AppendJsonString(out, o.word);
      out += ",\"weight\":";
      AppendNumber(out, o.weight);
      out += ",\"clause_weight\":";
      AppendNumber(out, clause_weight);
      out.push_back('}');
    });
  }
  out.push_back('}');
}

}  // namespace brandlens
