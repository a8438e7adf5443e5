#include "text/sentiment.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/utf8.h"
#include "text/english_senses.h"
#include "text/irony.h"
#include "text/return_intent.h"
#include "text/timing.h"

namespace brandlens {

std::string_view LabelName(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::kNegative: return "negative";
    case SentimentLabel::kNeutral: return "neutral";
    case SentimentLabel::kPositive: return "positive";
  }
  return "neutral";
}

SentimentLabel LabelFromName(std::string_view name) {
  if (name == "positive") return SentimentLabel::kPositive;
  if (name == "negative") return SentimentLabel::kNegative;
  return SentimentLabel::kNeutral;
}

namespace {

// What one piece of a token means to the scorer. A token the lexicon does
// not know may still split into a modifier and a sentiment word (很好 → 很 +
// 好, 也不 → 也 + 不): ICU keeps such pairs together.
struct Unit {
  // kAdjective: a word whose polarity depends on its target (高, 大).
  enum Kind : uint8_t { kOther, kNegator, kDegree, kPolarity, kMarker, kTarget, kAdjective } kind = kOther;
  size_t token = 0;
  std::string_view word;
  float value = 0;           // polarity or degree multiplier
  bool weak = false;         // weak negator
  const ClauseMarker* marker = nullptr;
  bool also_polarity = false;  // a degree word that is a sentiment word alone (好)
  float polarity = 0;
};

// The first code point of a punctuation token (the segmenter makes one
// token per punctuation character).
UChar32 FirstCodePoint(std::string_view p) {
  int32_t i = 0;
  UChar32 c = -1;
  U8_NEXT(reinterpret_cast<const uint8_t*>(p.data()), i, static_cast<int32_t>(p.size()), c);
  return c;
}

bool IsSentenceEnd(UChar32 c) { return c == U'。' || c == '!' || c == '?' || c == '.' || c == '\n' || c == U'…'; }

bool IsClauseEnd(UChar32 c) {
  switch (c) {
    case ',': case ';': case '~': case ':': case U'、': case U'～': case U'—': case U'·':
      return true;
    default:
      return IsSentenceEnd(c);
  }
}

bool IsQuote(std::string_view p) {
  switch (FirstCodePoint(p)) {
    case '"': case '\'': case U'“': case U'”': case U'「': case U'」': case U'‘': case U'’':
      return true;
    default:
      return false;
  }
}

// One-character function words ICU glues to what follows (也可以, 都不错).
bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"也", "都", "还", "就", "又", "但", "却", "才", "再", "更"};
  for (auto f : kWords)
    if (w == f) return true;
  return false;
}

// Degree words of an equal comparison: (没有 …) 那么 / 这么 好.
bool IsComparativeDegree(std::string_view w) { return w == "那么" || w == "这么" || w == "如此" || w == "这般"; }

// Words after an adjective that make it "a bit": 小了点, 贵了一些.
bool IsDiminisher(std::string_view w) {
  static constexpr std::string_view kWords[] = {"点", "一点", "了点", "了一点", "些", "一些", "了些", "了一些", "点儿", "一点儿"};
  for (auto d : kWords)
    if (w == d) return true;
  return false;
}

// True when the word at `t` is followed by a colon, directly or after 是.
bool IsHeading(const std::vector<Token>& tokens, size_t t) {
  size_t next = t + 1;
  if (next < tokens.size() && tokens[next].text == "是") ++next;
  return next < tokens.size() && tokens[next].text == ":";
}

// (得 introduces a complement: 淡得跟白水一样, 好得很.)
constexpr std::string_view kParticles[] = {"的", "了", "啦", "啊", "呢", "吧", "呀", "哦", "得"};

bool EndsInParticle(std::string_view word) {
  for (auto p : kParticles)
    if (word.size() > p.size() && word.ends_with(p)) return true;
  return false;
}

// 没暖气, 没有回复, 没送筷子: a 没-negation of a plain word, with no sentiment
// word in its reach, reports something missing, which in a review with no
// evaluation words is a complaint (in one with some, often a detail beside
// the verdict). Not 没想到 (surprise), 没多久 / 没几天 (amounts).
bool ReportsSomethingMissing(const std::vector<Unit>& units, size_t u, size_t clause_end) {
  if (units[u].word != "没" && units[u].word != "没有") return false;
  if (u + 1 >= units.size() || units[u + 1].token != units[u].token + 1 || units[u + 1].token >= clause_end) return false;
  const std::string_view next = units[u + 1].word;
  for (std::string_view amount : {"想", "多", "几", "什么", "啥", "怎么", "有", "用", "过"})
    if (next.starts_with(amount)) return false;
  for (size_t k = u + 1; k < units.size() && k <= u + 3; ++k) {  // plain words, nouns, shielded words (暖气) only
    const Unit& w = units[k];
    if (w.kind != Unit::kOther && w.kind != Unit::kTarget && !(w.kind == Unit::kPolarity && w.value == 0)) return false;
  }
  return true;
}

class UnitReader {
 public:
  explicit UnitReader(const Lexicon& lex) : lex_(lex) {}

  // True when the word's first character begins a negator, a degree word or
  // a function word.
  bool MayStartModifier(std::string_view word) const {
    const std::string_view first = FirstCharacter(word);
    return IsFunctionWord(first) || lex_.StartsModifier(first);
  }

  // True when the word opens with an intensifier (很方便, 太好): negating it
  // (不是很方便) only softens it, like 不太.
  bool StartsWithIntensifier(std::string_view word) const {
    const std::string_view first = FirstCharacter(word);
    if (first.size() >= word.size()) return false;
    const WordInfo* info = lex_.Lookup(first);
    return info && info->degree > 1;
  }

  // Appends the units of one word token whose lexicon entry is `info`.
  void Read(std::string_view word, const WordInfo* info, size_t token, std::vector<Unit>& out) const {
    if (Classify(word, info, token, out)) return;
    Split(word, token, out);
  }

 private:
  // Tries modifier + word and word + particle splits of an unknown word.
  void Split(std::string_view word, size_t token, std::vector<Unit>& out) const {
    // Splitting only helps words that start with a modifier or function word
    // or end in a particle: check the edges before trying.
    if (!MayStartModifier(word) && !EndsInParticle(word)) {
      out.push_back({Unit::kOther, token, word});
      return;
    }
    // Try modifier + rest, where rest is itself a known word or another
    // modifier + word (很不好 → 很 + 不好, 不太好 → 不太 + 好).
    const auto* p = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    for (int32_t k = 0;;) {
      U8_FWD_1(p, k, n);
      if (k >= n) break;
      const std::string_view head = word.substr(0, static_cast<size_t>(k)), tail = word.substr(static_cast<size_t>(k));
      const WordInfo* h = lex_.Lookup(head);
      if (!(h && (h->is_negator || h->degree != 0)) && !IsFunctionWord(head)) continue;
      const size_t before = out.size();
      Classify(head, lex_.Lookup(head), token, out);
      if (Classify(tail, lex_.Lookup(tail), token, out)) return;
      out.resize(before);
    }
    // A trailing particle: 脏的, 贵了, 好啊.
    for (std::string_view particle : kParticles) {
      if (word.size() > particle.size() && word.ends_with(particle)) {
        const size_t before = out.size();
        const std::string_view stem = word.substr(0, word.size() - particle.size());
        Read(stem, lex_.Lookup(stem), token, out);
        if (out.size() > before && out.back().kind != Unit::kOther) return;
        out.resize(before);
      }
    }
    out.push_back({Unit::kOther, token, word});
  }

  bool Classify(std::string_view word, const WordInfo* w, size_t token, std::vector<Unit>& out) const {
    if (!w) return false;
    // 美中不足 both opens a reservation and presupposes praise: two units.
    if (w->is_marker && w->has_polarity && w->polarity != 0) {
      out.push_back({Unit::kMarker, token, word, 0, false, &w->marker});
    }
    Unit u{Unit::kOther, token, word};
    if (w->is_negator) {
      u.kind = Unit::kNegator;
      u.weak = w->negator == NegatorScope::kWeak;
    } else if (w->degree != 0) {
      u.kind = Unit::kDegree;
      u.value = w->degree;
      u.also_polarity = w->has_polarity;
      u.polarity = w->polarity;
    } else if (w->has_polarity && (w->polarity != 0 || !w->context_target)) {
      u.kind = Unit::kPolarity;
      u.value = w->polarity;
    } else if (w->is_marker) {
      u.kind = Unit::kMarker;
      u.marker = &w->marker;
    } else if (w->context_target) {
      u.kind = Unit::kTarget;
    } else if (w->context_adjective) {
      u.kind = Unit::kAdjective;
    } else {
      return false;  // a stop word or aspect term only: no role in scoring
    }
    out.push_back(u);
    return true;
  }

  const Lexicon& lex_;
};

// What one clause passes on to the next ones.
struct CarriedAcrossClauses {
  // A summary standing alone (总的来说，这家店不错) passes its weight on to
  // the next clause of its sentence.
  float weight = 1;
  size_t to_sentence = SIZE_MAX;
  // The last clause that voiced a fear or assumption (本来担心会有色差), so
  // a later bare denial (结果完全没有) can answer it.
  float expected_score = 0;
  // Things reported missing: the verdict only when nothing else is said.
  float missing = 0;
};

// Stage 1: clauses at punctuation and before contrast markers. Returns the
// number of sentences.
size_t SplitClauses(const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info, SentimentResult& out) {
  size_t sentence = 0, begin = 0;
  auto close = [&](size_t end, bool sentence_end) {
    if (end > begin) out.clauses.push_back({begin, end, sentence});
    begin = end;
    if (sentence_end) ++sentence;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kPunct) {
      const UChar32 c = FirstCodePoint(tokens[i].text);
      if (IsClauseEnd(c)) {
        close(i, IsSentenceEnd(c));
        begin = i + 1;
      }
      continue;
    }
    if (info[i] && info[i]->is_marker && info[i]->marker.role == ClauseRole::kContrast && i > begin) close(i, false);
  }
  close(tokens.size(), true);

  return sentence;
}

// Stage 2: one clause's opinions and score, reading its units left to right
// (negation scope, degree, markers, context, constructions, questions).
void ScoreClause(const Lexicon& lexicon, const SentimentWeights& w, const UnitReader& reader,
                 const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info, Clause& clause,
                 CarriedAcrossClauses& carry, SentimentResult& out) {
  thread_local std::vector<Unit> units;
  if (clause.sentence == carry.to_sentence) clause.weight *= carry.weight;
  carry.weight = 1;
  carry.to_sentence = SIZE_MAX;
  const size_t opinions_before = out.opinions.size();
  float summary_weight = 1;
  bool expecting = false;
  units.clear();
  for (size_t t = clause.begin; t < clause.end; ++t)
    if (tokens[t].kind == TokenKind::kWord) reader.Read(tokens[t].text, info[t], t, units);

  int negations = 0;
  bool weak = false, degree_then_negation = false;
  bool experienced = false;  // an experiential 过 since the negation (没住过, 没出过)
  bool compared = false;     // the clause has a 这么/那么 degree: 这么差的店没去过 denies the experience
  bool excessive = false;    // a degree of excess (too, 过于) stands before the word
  float degree = 1;
  int gap = 0;  // words since the last modifier: negation reaches two words
  size_t modifiers_from = SIZE_MAX;  // token of the first pending modifier
  std::string_view target;
  bool rhetorical = false;
  auto reset = [&] {
    modifiers_from = SIZE_MAX;
    negations = 0;
    weak = degree_then_negation = experienced = excessive = false;
    degree = 1;
    gap = 0;
  };
  for (size_t u = 0; u < units.size(); ++u) {
    const Unit& unit = units[u];
    float polarity = 0;
    bool has_polarity = false;
    switch (unit.kind) {
      case Unit::kNegator:
        // Negations cancel only when adjacent (不是不好); after other words a
        // negator starts afresh (不油不腻 is two negations of one each).
        if (gap > 0) reset();
        if (ReportsSomethingMissing(units, u, clause.end)) {
          carry.missing += w.missing;
          continue;
        }
        modifiers_from = std::min(modifiers_from, unit.token);
        ++negations;
        weak = weak || unit.weak;
        if (degree != 1) degree_then_negation = true;
        gap = 0;
        continue;
      case Unit::kDegree: {
        // 好 / 可 before a sentiment word intensify it; alone they praise.
        const bool next_is_sentiment =
            u + 1 < units.size() && (units[u + 1].kind == Unit::kPolarity || units[u + 1].kind == Unit::kDegree ||
                                     (!target.empty() && lexicon.Contextual(target, units[u + 1].word)));
        if (unit.also_polarity && !next_is_sentiment) {
          polarity = unit.polarity;
          has_polarity = true;
          break;
        }
        // After other words, a degree word opens a new predicate (没有自驾车
        // 很不方便), unless it is the "as … as" of a comparison (没有想象中
        // 那么好) or 可 as "can" (没有什么可抱怨的).
        if (negations > 0 && gap > 0 && !IsComparativeDegree(unit.word) && unit.word != "可") reset();
        // 没住过这么差的 denies the experience ("never stayed anywhere this
        // bad"), not the quality: the negation ends here.
        if (experienced && IsComparativeDegree(unit.word)) reset();
        compared = compared || IsComparativeDegree(unit.word);
        excessive = excessive || IsExcessDegree(unit.word);
        if (negations > 0) weak = true;  // 不很好, 不是很满意
        modifiers_from = std::min(modifiers_from, unit.token);
        degree *= unit.value;
        gap = 0;
        continue;
      }
      case Unit::kMarker:
        if (unit.marker->role == ClauseRole::kRhetorical) {
          rhetorical = true;
        } else if (unit.marker->role == ClauseRole::kReservation) {
          // Only opening a clause (，就是有点小): inside one, 就是 is emphasis (这就是).
          if (unit.token == clause.begin) clause.weight *= unit.marker->weight;
        } else if (unit.marker->role != ClauseRole::kReply) {  // a reply header without its colon is narration
          clause.weight *= unit.marker->weight;
          if (unit.marker->role == ClauseRole::kSummary) summary_weight *= unit.marker->weight;
          if (unit.marker->role == ClauseRole::kExpectation) expecting = true;
          if (unit.marker->role == ClauseRole::kConcession) clause.concession = true;
          if (unit.marker->role == ClauseRole::kContrast)
            // A sentence's clauses are contiguous: walk back through its
            // earlier ones only (all clauses each time made long texts
            // quadratic).
            for (Clause* earlier = &clause; earlier != out.clauses.data() && (earlier - 1)->sentence == clause.sentence;)
              (--earlier)->weight /= unit.marker->weight;
        }
        continue;
      case Unit::kTarget:
        target = unit.word;
        if (const float* p = lexicon.Polarity(unit.word)) polarity = *p, has_polarity = true;
        break;
      case Unit::kPolarity:
        if (unit.word == "like" && !IsLikingVerb(tokens, unit.token)) break;  // plays like a training video
        polarity = unit.value;
        has_polarity = true;
        break;
      case Unit::kOther:
        // Experiential 过 after a negation: 没出过毛病 denies the problem,
        // 没住过这么差的 the experience (see kDegree).
        if (negations > 0 && unit.word.ends_with("过")) experienced = true;
        break;
      case Unit::kAdjective:
        break;
    }
    if (!target.empty() && unit.kind != Unit::kTarget) {
      if (const float* c = lexicon.Contextual(target, unit.word)) polarity = *c, has_polarity = true;
    }
    if (!has_polarity || polarity == 0) {  // zero-weight entries only shield their parts
      if (++gap > 2) reset();
      continue;
    }
    // A heading (不足：…, 问题是：…) names the list that follows; the list's
    // own words carry the polarity.
    if (IsHeading(tokens, unit.token)) {
      reset();
      continue;
    }
    // Praise in excess is a fault (too polite, 过于热情); faults stay faults.
    if (excessive && polarity > 0) polarity = -polarity * w.excess;
    float weight = polarity * degree;
    if (negations % 2 == 1) {
      if (weak || (unit.kind == Unit::kPolarity && reader.StartsWithIntensifier(unit.word))) {
        weight = -weight * w.weak_negation;
      } else if (degree_then_negation) {
        weight = -polarity * degree;  // 很不好: the degree intensifies the negated word
      } else {
        weight = polarity > 0 ? -weight : -weight * w.negated_negative;  // 不差 is only mildly good
      }
    }
    const size_t t = unit.token;
    // A praise word in quotes is usually sarcasm: 真是太“良心”了.
    for (size_t k = t + 1; k < clause.end && k <= t + 2; ++k)
      if (IsDiminisher(tokens[k].text)) weight *= w.diminisher;
    if (weight > 0 && t > clause.begin && t + 1 < clause.end && IsQuote(tokens[t - 1].text) &&
        IsQuote(tokens[t + 1].text))
      weight = -w.quoted_praise * weight;
    out.opinions.push_back({std::min(modifiers_from, t), t, unit.word, weight});
    clause.score += weight;
    reset();
  }
  // A negation closing the clause with no word after it (or only an
  // experiential verb: 毛病都没出过) denies what came before: its own
  // clause's words (一点问题都没有) or, with none, the last fear
  // (本来担心会有色差，结果完全没有).
  const bool closing_negation =
      !units.empty() && (units.back().kind == Unit::kNegator ||
                         (!compared && units.size() >= 2 && units[units.size() - 2].kind == Unit::kNegator &&
                          units.back().kind == Unit::kOther && units.back().word.ends_with("过")));
  if (negations % 2 == 1 && closing_negation) {
    if (out.opinions.size() > opinions_before) {
      for (size_t o = opinions_before; o < out.opinions.size(); ++o) out.opinions[o].weight = -out.opinions[o].weight;
      clause.score = -clause.score;
    } else if (carry.expected_score != 0) {
      clause.score = -carry.expected_score;
    }
  }
  for (size_t t = clause.begin; t < clause.end; ++t) {
    if (tokens[t].kind != TokenKind::kWord) continue;
    // Constructions no single word carries: time against expectation, and
    // whether the writer will be back.
    const float construction = TimingPolarity(tokens, t, clause.end) + ReturnIntentPolarity(tokens, t, clause.end) +
                               MockComparisonPolarity(tokens, t, clause.end);
    if (construction != 0) {
      out.opinions.push_back({t, t, tokens[t].text, construction});
      clause.score += construction;
    }
  }
  if (expecting) carry.expected_score = clause.score;
  if (summary_weight != 1 && out.opinions.size() == opinions_before) {
    carry.weight = summary_weight;
    carry.to_sentence = clause.sentence;
  }
  // Questions: rhetorical ones turn around, plain ones assert little.
  const bool question = clause.end < tokens.size() && (tokens[clause.end].text == "?");
  if (rhetorical && (question || clause.score > 0)) {
    clause.score = -std::abs(clause.score) - w.rhetorical_offset;
  } else if (question) {
    clause.weight *= w.plain_question;
  }
}

// Stage 2b: a concession with nothing said after it. "Although it looks
// sleek, the screen has backlight bleed", "Despite the rave reviews, the
// pasta tasted like it came out of a jar": the writer conceded one side and
// made the point in words no lexicon scores. When nothing after a scored
// concession scores in its sentence, the next clause takes its opposite.
// (The same for "X, but <unscored>" lowered accuracy on hotel reviews,
// where a mild unscored complaint follows praise in positive reviews.)
// No opinion is recorded: the turn belongs to the discourse, not to an
// aspect of the clause.
void ImplyConcessions(const SentimentWeights& w, SentimentResult& out) {
  auto& clauses = out.clauses;
  for (size_t c = 0; c + 1 < clauses.size(); ++c) {
    if (!clauses[c].concession || clauses[c].score == 0 || clauses[c + 1].sentence != clauses[c].sentence) continue;
    bool said = false;
    for (size_t k = c + 1; k < clauses.size() && clauses[k].sentence == clauses[c].sentence; ++k)
      said = said || clauses[k].score != 0;
    if (!said) clauses[c + 1].score = -w.implied_turn * clauses[c].score;
  }
}

// Stage 2c: "Great, another update that breaks everything" (irony.h): the
// opening praise is sarcasm and turns around.
void ReadSarcasticOpening(const std::vector<Token>& tokens, SentimentResult& out) {
  if (out.clauses.size() < 2) return;
  Clause& opening = out.clauses[0];
  if (opening.score <= 0 || !IsSarcasticOpening(tokens, opening.begin, opening.end, out.clauses[1].begin)) return;
  opening.score = -opening.score;
  for (Opinion& o : out.opinions)
    if (o.token < opening.end) o.weight = -o.weight;
}

// Stage 3: discourse weights of whole sentences.
void WeighSentences(const SentimentWeights& w, size_t sentence, SentimentResult& out) {
  // With several sentences, the opening and closing ones carry
  // the verdict; the middle lists particulars.
  if (out.clauses.empty()) return;  // only punctuation (found by fuzzing: ".@\0\0g!")
  if (sentence > 2) {
    const size_t last = out.clauses.back().sentence;
    for (Clause& c : out.clauses)
      if (c.sentence == 0 || c.sentence == last) c.weight *= w.verdict_sentence;
  } else if (out.clauses.size() >= 3) {
    // In one or two sentences of several clauses, the first gives the
    // overall impression and the rest the particulars (不错，早餐普通，房间
    // 有点小). The last clause is not a verdict here: it is as often one
    // more particular.
    out.clauses.front().weight *= w.verdict_sentence;
  }
}

// Stage 4: the clauses, emoji and intensity into one score and label.
void Combine(const Lexicon& lexicon, const SentimentWeights& w, const NormalizedText& text, float missing,
             SentimentResult& out) {
  float raw = 0;
  for (const Clause& c : out.clauses) raw += c.score * c.weight;
  if (raw == 0) raw = missing;
  float emoji = 0;
  for (const auto& e : text.emoji) {
    if (const float* weight = lexicon.Emoji(e)) emoji += *weight * w.emoji;
  }
  raw += std::clamp(emoji, -w.emoji_cap, w.emoji_cap);
  raw *= 1.0f + w.intensity_step * static_cast<float>(std::min(w.intensity_steps, text.exclamations + text.elongations));
  out.raw = raw;
  out.score = std::tanh(raw / 2.0f);
  out.label = out.score > LexiconSentiment::kNeutralBand    ? SentimentLabel::kPositive
              : out.score < -LexiconSentiment::kNeutralBand ? SentimentLabel::kNegative
                                          : SentimentLabel::kNeutral;
}

}  // namespace

void LexiconSentiment::Score(const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info,
                             const NormalizedText& text, SentimentResult& out) const {
  out.raw = out.score = 0;
  out.label = SentimentLabel::kNeutral;
  out.clauses.clear();  // keeps capacity: no allocation per text
  out.opinions.clear();
  const UnitReader reader(lexicon_);
  const size_t sentences = SplitClauses(tokens, info, out);
  CarriedAcrossClauses carry;
  for (Clause& clause : out.clauses) ScoreClause(lexicon_, weights_, reader, tokens, info, clause, carry, out);
  ImplyConcessions(weights_, out);
  ReadSarcasticOpening(tokens, out);
  WeighSentences(weights_, sentences, out);
  Combine(lexicon_, weights_, text, carry.missing, out);
}

}  // namespace brandlens
