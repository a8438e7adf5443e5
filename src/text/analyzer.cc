#include "text/analyzer.h"

#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "text/text_config.h"
#include "text/word_lists.h"

namespace brandlens {

namespace {

// Comparative verbs (data/lexicon/constructions.txt): "A吊打B" (the first
// brand wins), "A不如B" (the second does).
const WordList& FirstWins() { return WordList::Named("comparison_first_wins"); }
const WordList& SecondWins() { return WordList::Named("comparison_second_wins"); }

// Byte offsets of a token in the normalized text it views.
size_t TokenBegin(const Analysis& a, size_t token) {
  return static_cast<size_t>(a.tokens[token].text.data() - a.normalized.text.data());
}
size_t TokenEnd(const Analysis& a, size_t token) { return TokenBegin(a, token) + a.tokens[token].text.size(); }

// Where the author's own words end: at a business's reply header (商家回复：,
// 宾馆反馈2008年5月6日：), recognised by the colon that closes it. Review sites
// append the reply to the review, and its thanks and apologies would count
// as the author's sentiment.
size_t AuthorTextEnd(const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info) {
  for (size_t t = 0; t < tokens.size(); ++t) {
    if (!info[t] || !info[t]->is_marker || info[t]->marker.role != ClauseRole::kReply) continue;
    for (size_t k = t + 1; k < tokens.size(); ++k)
      if (tokens[k].kind == TokenKind::kPunct) {
        if (tokens[k].text == ":") return t;
        break;
      }
  }
  return tokens.size();
}

}  // namespace

Result<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(const Options& options) {
  auto normalizer = Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  return std::unique_ptr<TextAnalyzer>(new TextAnalyzer(options, std::move(normalizer.value())));
}

TextAnalyzer::TextAnalyzer(const Options& options, std::unique_ptr<Normalizer> normalizer)
    : lexicon_(Lexicon::Builtin(options.industry)),
      normalizer_(std::move(normalizer)),
      segmenter_(lexicon_.DictionaryWords()),
      sentiment_(lexicon_),
      brands_(options.brands) {
  for (const auto& w : FirstWins().words()) segmenter_.AddWord(w);
  for (const auto& w : SecondWins().words()) segmenter_.AddWord(w);
  NormalizedText n;
  for (const auto& w : options.extra_words) {
    normalizer_->Normalize(w, n);
    segmenter_.AddWord(n.text);
  }
  for (size_t b = 0; b < brands_.size(); ++b) {
    std::vector<std::string> names = brands_[b].aliases;
    names.push_back(brands_[b].name);
    for (const auto& name : names) {
      normalizer_->Normalize(name, n);
      if (n.text.empty()) continue;
      alias_to_brand_.try_emplace(n.text, static_cast<int>(b));
      segmenter_.AddWord(n.text);
    }
  }
  segmenter_.Freeze();
}

Result<TextAnalyzer::Options> TextAnalyzer::OptionsFor(const ProjectConfig& config) {
  auto text = ReadTextConfig(config);
  if (!text.ok()) return text.status();
  Options options;
  options.industry = text->industry;
  options.brands = config.brands;
  const auto& path = text->user_dictionary;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    if (!in) return Status::IoError(fmt::format("{}: cannot read", path.string()));
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line.empty() || line.front() == '#') continue;
      if (!IsValidUtf8(line)) return Status::InvalidInput(fmt::format("{}: a line is not valid UTF-8", path.string()));
      options.extra_words.push_back(line);
    }
  }
  return options;
}

void TextAnalyzer::JoinLexiconPhrases(std::vector<Token>& tokens) const {
  // Segmentation splits at spaces, so the lexicon's multi-word English
  // entries (never again, highly recommend) are joined here: up to four
  // word tokens one space apart, longest first.
  constexpr size_t kMaxPhraseWords = 4;
  auto may_start = [&](const Token& t) {
    return t.kind == TokenKind::kWord && static_cast<unsigned char>(t.text[0]) < 0x80 && lexicon_.StartsPhrase(t.text);
  };
  // Most texts have no phrase: leave them untouched.
  size_t kept = static_cast<size_t>(std::find_if(tokens.begin(), tokens.end(), may_start) - tokens.begin());
  for (size_t i = kept; i < tokens.size(); ++kept) {
    size_t words = 1;
    if (may_start(tokens[i])) {
      size_t run = 1;  // tokens i.. that are words one space apart
      while (run < kMaxPhraseWords && i + run < tokens.size() && tokens[i + run].kind == TokenKind::kWord) {
        const Token& before = tokens[i + run - 1];
        const char* after_before = before.text.data() + before.text.size();
        if (tokens[i + run].text.data() != after_before + 1 || *after_before != ' ') break;
        ++run;
      }
      for (size_t len = run; len >= 2; --len) {
        const Token& last = tokens[i + len - 1];
        const std::string_view phrase(tokens[i].text.data(),
                                      static_cast<size_t>(last.text.data() + last.text.size() - tokens[i].text.data()));
        if (lexicon_.Lookup(phrase)) {
          tokens[i].text = phrase;
          words = len;
          break;
        }
      }
    }
    tokens[kept] = tokens[i];
    i += words;
  }
  tokens.resize(kept);
}

bool TextAnalyzer::IsNewWordCandidate(std::string_view word) const {
  std::vector<Token> tokens;
  segmenter_.Segment(word, tokens);
  if (tokens.size() < 2 || lexicon_.IsStopWord(word) || lexicon_.IsStopWord(tokens.front().text) ||
      lexicon_.IsStopWord(tokens.back().text))
    return false;
  // An aspect term with one character after it is a derived word (卫生|间 is
  // the bathroom, not hygiene); anywhere else it is the aspect (排队|磨|叽).
  const bool derived = tokens.size() == 2 && IsOneCodePoint(tokens[1].text);
  auto read_by_scorer = [&](std::string_view part) {
    const WordInfo* w = lexicon_.Lookup(part);
    return w && ((w->has_polarity && w->polarity != 0) || w->degree != 0 || w->is_negator || w->is_marker ||
                 w->context_adjective || (!derived && (w->aspect || w->context_target)));
  };
  int whole_words = 0;  // parts of two or more characters: words the dictionary has
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || read_by_scorer(t.text)) return false;
    whole_words += !IsOneCodePoint(t.text);
  }
  // Two known words side by side are a phrase (补充|点评, 店里|卫生), not a
  // new word; new words split into characters or a character and a word
  // (喜|来|登, 预|授权, 智商|税).
  if (whole_words >= 2) return false;
  // Compound tokens are split by the scorer (很大 → 很 + 大): no character
  // of the word may be a degree word or a negator either.
  bool modifier_inside = false;
  ForEachCodePoint(word, [&](size_t offset, UChar32 c) {
    const std::string_view character = word.substr(offset, static_cast<size_t>(U8_LENGTH(c)));
    const WordInfo* w = lexicon_.Lookup(character);
    modifier_inside = w && (w->degree != 0 || w->is_negator);
    return !modifier_inside;
  });
  return !modifier_inside;
}

Status TextAnalyzer::Analyze(std::string_view text, Analysis& out) const {
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos)
    return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {}", bad));
  out.tokens.clear();
  out.brands.clear();
  out.comparisons.clear();
  out.aspects.clear();
  out.sentences.clear();
  out.keywords.clear();
  normalizer_->Normalize(text, out.normalized);
  segmenter_.Segment(out.normalized.text, out.tokens);
  JoinLexiconPhrases(out.tokens);
  // One lookup per token, shared by every stage below.
  out.token_info.resize(out.tokens.size());
  out.token_brand.resize(out.tokens.size());
  for (size_t t = 0; t < out.tokens.size(); ++t) {
    const bool word = out.tokens[t].kind == TokenKind::kWord;
    out.token_info[t] = word ? lexicon_.Lookup(out.tokens[t].text) : nullptr;
    // Most analyses run without brands (files, evaluations): no hashing then.
    auto it = word && !alias_to_brand_.empty() ? alias_to_brand_.find(AbslView(out.tokens[t].text)) : alias_to_brand_.end();
    out.token_brand[t] = it == alias_to_brand_.end() ? -1 : it->second;
  }
  const size_t author_end = AuthorTextEnd(out.tokens, out.token_info);
  out.tokens.resize(author_end);
  out.token_info.resize(author_end);
  out.token_brand.resize(author_end);
  sentiment_.Score(out.tokens, out.token_info, out.normalized, out.sentiment);
  out.score = out.sentiment.score;
  out.label = out.sentiment.label;
  FindBrands(out);
  PairAspects(out);

  // Sentences: their span in the normalized text and their own score.
  struct Span {
    size_t from = std::string::npos, to = 0;
    float raw = 0;
  };
  std::vector<Span> spans;
  for (const Clause& c : out.sentiment.clauses) {
    if (spans.size() <= c.sentence) spans.resize(c.sentence + 1);
    Span& s = spans[c.sentence];
    s.from = std::min(s.from, TokenBegin(out, c.begin));
    s.to = std::max(s.to, TokenEnd(out, c.end - 1));
    s.raw += c.score * c.weight;
  }
  for (const Span& s : spans)
    if (s.from < s.to) out.sentences.push_back({std::string_view(out.normalized.text).substr(s.from, s.to - s.from), std::tanh(s.raw / 2.0f)});

  thread_local absl::flat_hash_set<std::string_view> seen_keywords;
  seen_keywords.clear();
  for (size_t i = 0; i < out.tokens.size(); ++i) {
    // Content words only: no stop words, modifiers, clause markers or brand
    // names (brands are counted on their own).
    const Token& t = out.tokens[i];
    if (t.kind != TokenKind::kWord || out.token_brand[i] >= 0 || IsOneCodePoint(t.text)) continue;
    const WordInfo* w = out.token_info[i];
    if (w && (w->stop_word || w->degree != 0 || w->is_negator || w->is_marker)) continue;
    if (seen_keywords.insert(t.text).second) out.keywords.emplace_back(t.text);
  }
  return Status::Ok();
}

void TextAnalyzer::FindBrands(Analysis& out) const {
  // Per clause, remember where brands stand to read comparisons.
  for (const Clause& c : out.sentiment.clauses) {
    std::vector<std::pair<size_t, int>> in_clause;  // token, brand
    for (size_t t = c.begin; t < c.end; ++t) {
      const int brand = out.token_brand[t];
      if (brand < 0) continue;
      in_clause.emplace_back(t, brand);
      if (std::find(out.brands.begin(), out.brands.end(), brand) == out.brands.end()) out.brands.push_back(brand);
    }
    if (in_clause.size() < 2 || in_clause[0].second == in_clause[1].second) continue;
    // A比B好 / A不如B / A吊打B: who wins is read from the words between and after.
    const auto [ta, a] = in_clause[0];
    const auto [tb, b] = in_clause[1];
    int verdict = 0;  // +1: A wins, -1: B wins
    for (size_t t = ta + 1; t < tb; ++t) {
      if (FirstWins().Contains(out.tokens[t].text)) verdict = 1;
      if (SecondWins().Contains(out.tokens[t].text)) verdict = -1;
      if (out.tokens[t].text == "比" && verdict == 0) {
        float after = 0;
        for (const Opinion& o : out.sentiment.opinions)
          if (o.token > tb && o.token < c.end) after += o.weight;
        verdict = after > 0 ? 1 : after < 0 ? -1 : 0;
      }
    }
    if (verdict != 0) out.comparisons.push_back(verdict > 0 ? Comparison{a, b} : Comparison{b, a});
  }
}

void TextAnalyzer::PairAspects(Analysis& out) const {
  // Opinions in token order, so each clause finds its own by binary search:
  // scanning every opinion for every clause made long texts quadratic.
  std::vector<const Opinion*> by_token;
  by_token.reserve(out.sentiment.opinions.size());
  for (const Opinion& o : out.sentiment.opinions) by_token.push_back(&o);
  std::stable_sort(by_token.begin(), by_token.end(), [](const Opinion* a, const Opinion* b) { return a->token < b->token; });
  std::vector<std::pair<size_t, const std::string*>> terms;  // token, aspect
  for (const Clause& c : out.sentiment.clauses) {
    terms.clear();
    for (size_t t = c.begin; t < c.end; ++t)
      if (out.token_info[t] && out.token_info[t]->aspect) terms.emplace_back(t, out.token_info[t]->aspect);
    if (terms.empty()) continue;
    auto first = std::lower_bound(by_token.begin(), by_token.end(), c.begin,
                                  [](const Opinion* o, size_t token) { return o->token < token; });
    for (auto op = first; op != by_token.end() && (*op)->token < c.end; ++op) {
      const Opinion& o = **op;
      // The nearest term before the opinion (价格很贵), else the nearest after (好喝的奶茶).
      const std::pair<size_t, const std::string*>* best = nullptr;
      for (const auto& term : terms)
        if (term.first <= o.token) best = &term;
      if (!best) best = &terms.front();
      auto it = std::find_if(out.aspects.begin(), out.aspects.end(),
                             [&](const AspectSentiment& a) { return a.aspect == *best->second; });
      if (it == out.aspects.end()) {
        out.aspects.push_back({*best->second});
        it = std::prev(out.aspects.end());
      }
      it->score += o.weight * c.weight;
      const std::string term(out.tokens[best->first].text);
      if (std::find(it->terms.begin(), it->terms.end(), term) == it->terms.end()) it->terms.push_back(term);
      // The opinion as written, modifiers included: 有点贵, 不贵.
      const size_t from = TokenBegin(out, o.first_token), to = TokenEnd(out, o.token);
      it->opinions.push_back(out.normalized.text.substr(from, to - from));
    }
  }
}

}  // namespace brandlens
