#include "text/analysis_json.h"

#include <cmath>

namespace brandlens {

nlohmann::json AnalysisToJson(const Analysis& a, const std::vector<BrandConfig>& brands, bool explain) {
  auto round3 = [](float x) { return std::round(static_cast<double>(x) * 1000.0) / 1000.0; };
  auto label_of = [](float score) {
    return LabelName(score > LexiconSentiment::kNeutralBand    ? SentimentLabel::kPositive
                     : score < -LexiconSentiment::kNeutralBand ? SentimentLabel::kNegative
                                                               : SentimentLabel::kNeutral);
  };
  nlohmann::json j;
  j["label"] = LabelName(a.label);
  j["score"] = round3(a.score);
  j["brands"] = nlohmann::json::array();
  for (int b : a.brands) j["brands"].push_back(brands[static_cast<size_t>(b)].name);
  j["comparisons"] = nlohmann::json::array();
  for (const auto& c : a.comparisons)
    j["comparisons"].push_back({{"winner", brands[static_cast<size_t>(c.winner)].name},
                                {"loser", brands[static_cast<size_t>(c.loser)].name}});
  j["aspects"] = nlohmann::json::array();
  for (const auto& as : a.aspects) {
    const float score = std::tanh(as.score / 2.0f);
    j["aspects"].push_back({{"aspect", as.aspect}, {"label", label_of(score)}, {"score", round3(score)},
                            {"terms", as.terms}, {"opinions", as.opinions}});
  }
  j["sentences"] = nlohmann::json::array();
  for (const auto& s : a.sentences) j["sentences"].push_back({{"text", s.text}, {"score", round3(s.score)}});
  j["keywords"] = a.keywords;
  j["emoji"] = a.normalized.emoji;
  j["topics"] = a.normalized.topics;
  j["mentions"] = a.normalized.mentions;
  j["urls"] = a.normalized.urls;
  if (explain) {
    std::string tokens;
    for (const auto& t : a.tokens) tokens.append(t.text).push_back('|');
    j["tokens"] = tokens;
    j["raw"] = round3(a.sentiment.raw);
    for (const auto& o : a.sentiment.opinions) {
      float clause_weight = 1;
      for (const auto& c : a.sentiment.clauses)
        if (o.token >= c.begin && o.token < c.end) clause_weight = c.weight;
      j["opinions"].push_back({{"word", o.word}, {"weight", round3(o.weight)}, {"clause_weight", round3(clause_weight)}});
    }
  }
  return j;
}

}  // namespace brandlens
