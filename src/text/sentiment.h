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
  bool concession = false;  // holds a concession marker (although, 虽然)
};

struct SentimentResult {
  float raw = 0;       // unbounded evidence
  float score = 0;     // tanh-squashed into [-1, 1]
  SentimentLabel label = SentimentLabel::kNeutral;
  std::vector<Clause> clauses;
  std::vector<Opinion> opinions;
};

// The weights of the rules no lexicon entry carries. The defaults were set
// on the development sets (hotel reviews, the demo world, the hand-written
// probes of tests/text/sentiment_rules_test.cc); each is a multiplier of an
// opinion's or a clause's weight unless it says otherwise.
struct SentimentWeights {
  float weak_negation = 0.5f;     // 不太好, 不是很满意: negation that only softens
  float negated_negative = 0.6f;  // 不差: a denied fault is only mildly good
  float diminisher = 0.5f;        // 贵了点: a diminisher after the word
  float quoted_praise = 1.2f;     // 真是太“良心”了: quoted praise flips, a little stronger
  float rhetorical_offset = 0.5f; // added against a rhetorical question's score (难道这就是五星级？)
  float plain_question = 0.3f;    // a plain question asserts little
  float verdict_sentence = 1.5f;  // the opening (and closing) sentence of a longer text
  float missing = -0.5f;          // each thing reported missing (没暖气), used only when nothing else is said
  float emoji = 0.5f;             // an emoji's lexicon weight counts half ...
  float emoji_cap = 1.5f;         // ... and all emoji together at most this much either way
  float intensity_step = 0.1f;    // each !!! or elongation (好好好) adds this much ...
  int intensity_steps = 3;        // ... up to this many times
  float excess = 0.7f;            // too polite: praise after a degree of excess, turned, at this strength
  float implied_turn = 1.0f;      // a concession with nothing scored after it: the next clause gets minus this times its score
};

class LexiconSentiment {
 public:
  explicit LexiconSentiment(const Lexicon& lexicon, const SentimentWeights& weights = {})
      : lexicon_(lexicon), weights_(weights) {}

  // `info[i]` is the lexicon entry of tokens[i] (or null), looked up once by
  // the caller and shared with the other stages.
  void Score(const std::vector<Token>& tokens, const std::vector<const WordInfo*>& info, const NormalizedText& text,
             SentimentResult& out) const;

  // |score| below this is neutral.
  static constexpr float kNeutralBand = 0.1f;

 private:
  const Lexicon& lexicon_;
  SentimentWeights weights_;
};

}  // namespace brandlens
