// Zero-shot sentiment from the lexicon and linguistic rules, per clause and
// per mention.
//
// Rules: negation scope (不/没/别/无/未 flip the next sentiment word within two
// words; 不太/不怎么 and 不很 flip at half strength; 很不 intensifies), degree
// adverbs multiply, context-dependent adjectives (价格高 −, 性价比高 +), contrast
// (但是/不过/可是: the clause after weighs more, the ones before less),
// concession (虽然), summaries (总之), wishes and suggestions (希望/建议/有待
// 提高), fears and assumptions (本来担心…, answered by a later 结果完全没有),
// rhetorical questions (难道/这也叫 … ？ flip), plain questions (weigh
// little), sarcasm (a praise word in quotes, “良心”, reads as its opposite),
// the opening clause as the overall impression, constructions no word
// carries (timing.h: 一个小时才送到; return_intent.h: 以后不去了), 没 + a
// plain word as something missing (the verdict only when nothing else is
// said), emoji, and intensity (!!!, 好好好). Scores map to [-1, 1] by tanh.
#pragma once

#include <string_view>
#include <vector>

#include "text/lexicon.h"
#include "text/normalizer.h"
#include "text/segmenter.h"

namespace brandlens {

enum class SentimentLabel : int8_t { kNegative = -1, kNeutral = 0, kPositive = 1 };
std::string_view LabelName(SentimentLabel label);
// The label LabelName names; anything else is neutral.
SentimentLabel LabelFromName(std::string_view name);

// A sentiment word as read in context (negation, degree applied).
struct Opinion {
  size_t first_token;  // where its modifiers start (不, 有点), else == token
  size_t token;        // index of the sentiment word's token
  std::string_view word;
  float weight;
};

struct Clause {
  size_t begin, end;   // token range
  size_t sentence;     // index of the sentence holding it
  float weight = 1;    // from contrast, concession, summary, wish, question
  float score = 0;     // sum of its opinions' weights
};

struct SentimentResult {
  float raw = 0;       // unbounded evidence
  float score = 0;     // tanh-squashed into [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
  std::vector<Clause> clauses;
  std::vector<Opinion> opinions;
};

class LexiconSentiment {
 public:
  explicit LexiconSentiment(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // `info[i]` is the lexicon entry of tokens[i] (or null), looked up once by
  // the caller and shared with the other stages.
  void Score(const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info, const NormalizedText& text,
             SentimentResult& out) const;

  // |score| below this is neutral.
  static constexpr float kNeutralBand = 0.1f;

 private:
  const Lexicon& lexicon_;
};

}  // namespace brandlens
