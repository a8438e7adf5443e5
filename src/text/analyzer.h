// The text pipeline for one mention: normalize → segment → brands →
// sentiment (mention, sentence) → aspects → keywords. Built once per project
// (industry vocabulary, brand aliases); Analyze is thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "text/lexicon.h"
#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/sentiment.h"

namespace brandlens {

struct AspectSentiment {
  std::string aspect;                 // id from the aspect vocabulary (price, taste, ...)
  float score = 0;                    // sum of the opinions about it
  std::vector<std::string> terms;     // how the text named it (价格)
  std::vector<std::string> opinions;  // what it said (贵, 不贵)
};

struct Comparison {
  int winner;  // brand indices into the analyzer's brands
  int loser;
};

struct SentenceSentiment {
  std::string_view text;  // a view into Analysis::normalized.text
  float score;
};

struct Analysis {
  SentimentLabel label = SentimentLabel::kNeutral;
  float score = 0;  // [-1, 1]
  std::vector<int> brands;  // distinct brand indices, in order of first mention
  std::vector<Comparison> comparisons;
  std::vector<AspectSentiment> aspects;
  std::vector<SentenceSentiment> sentences;
  std::vector<std::string> keywords;  // content words, stop words removed
  NormalizedText normalized;
  std::vector<Token> tokens;  // views into normalized.text
  std::vector<const WordInfo*> token_info;  // lexicon entry per token (or null)
  std::vector<int> token_brand;             // brand index per token, -1 when none
  SentimentResult sentiment;
};

class TextAnalyzer {
 public:
  struct Options {
    std::string industry = "general";
    std::vector<BrandConfig> brands;
    std::vector<std::string> extra_words;  // the project's user dictionary
  };
  // Options from a project config, with its user dictionary file if present.
  static Result<Options> OptionsFor(const ProjectConfig& config);
  static Result<std::unique_ptr<TextAnalyzer>> Create(const Options& options);

  // InvalidInput when `text` is not valid UTF-8. Empty text analyses as neutral.
  Status Analyze(std::string_view text, Analysis& out) const;

  const std::vector<BrandConfig>& brands() const { return brands_; }
  const Normalizer& normalizer() const { return *normalizer_; }
  // True when `word` is worth adding to the dictionary: segmentation splits
  // it (no dictionary has it), it does not start or end with a stop word
  // (在酒店, 我们的), it is not two known words side by side (a phrase), and
  // none of its parts is a word the analysis reads (sentiment, modifiers,
  // aspect terms) — joined, 房间很大 would hide 很 and 大 from the scorer.
  bool IsNewWordCandidate(std::string_view word) const;

 private:
  TextAnalyzer(const Options& options, std::unique_ptr<Normalizer> normalizer);
  void JoinLexiconPhrases(std::vector<Token>& tokens) const;
  void FindBrands(Analysis& out) const;
  void PairAspects(Analysis& out) const;

  const Lexicon& lexicon_;
  std::unique_ptr<Normalizer> normalizer_;
  Segmenter segmenter_;
  LexiconSentiment sentiment_;
  std::vector<BrandConfig> brands_;
  absl::flat_hash_map<std::string, int> alias_to_brand_;  // normalized alias -> brand index
};

}  // namespace brandlens
