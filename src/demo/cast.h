// Who and what the demo world is about: a new-style tea-drink category with
// one own brand and three competitors, the aspects people talk about, and
// each brand's planted aspect profile (the probability that a mention of that
// aspect is positive). Recovery tests compare what brandlens finds with this.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace brandlens::demo {

inline constexpr int kAspectCount = 8;
enum Aspect { kTaste, kPrice, kService, kDelivery, kDesign, kWaiting, kHygiene, kIngredients };

struct AspectVocabulary {
  std::string_view id;       // stable English id (taste, price, ...)
  std::string_view label;    // Chinese label
  double weight;             // how often people mention it
  std::vector<std::string_view> terms;         // what people call it
  std::vector<std::string_view> positive;      // adjectives praising it
  std::vector<std::string_view> negative;      // adjectives criticising it
  std::vector<std::string_view> negatable_negative;  // negative adjectives that read naturally after 不 (不贵)
  std::vector<std::string_view> comparative;   // "A比B{x}多了": x praises A
  std::string_view english_term;
};

struct DemoBrand {
  std::string_view name;
  bool own;
  std::string_view english;
  std::string_view nickname;   // ambiguous short name (山茶 is also a flower)
  std::string_view misspelling;
  std::vector<std::string_view> product_lines;
  double share_start, share_end;  // planted share of organic voice, first and last day
  double sentiment_drift;         // added to every aspect's P(positive) by the last day
  std::array<double, kAspectCount> aspect_positive;
};

const std::vector<AspectVocabulary>& Aspects();
const std::vector<DemoBrand>& Brands();

// A crisis: a burst of negative mentions of one brand about one aspect.
struct PlantedCrisis {
  int brand;
  Aspect aspect;
  int first_day, last_day;  // inclusive day indices
  double peak_per_day;      // extra negative mentions on the first day, decaying
  std::vector<std::string_view> keywords;  // what the burst talks about
};
const std::vector<PlantedCrisis>& Crises();

// Simplified → traditional characters for the demo's vocabulary, so that
// some mentions arrive in traditional script (as from Hong Kong or Taiwan).
std::string ToTraditional(std::string_view simplified);

}  // namespace brandlens::demo
