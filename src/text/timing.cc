#include "text/timing.h"

#include <string_view>

#include "core/utf8.h"
#include "text/word_lists.h"

namespace brandlens {

namespace {

// Strips leading numerals (digits, 一..十, 两, 半, 几, 第) and the measure
// word 个 / the approximator 多 between them and the unit: 一个多小时 → 小时.
std::string_view StripNumber(std::string_view w) {
  static const WordList& numerals = WordList::Named("numerals");
  for (bool stripped = true; stripped && !w.empty();) {
    stripped = false;
    for (std::string_view n : numerals.words())
      if (w.starts_with(n)) {
        w.remove_prefix(n.size());
        stripped = true;
        break;
      }
  }
  return w;
}

bool IsNumberish(std::string_view w) { return !w.empty() && StripNumber(w).empty(); }

bool IsTimeUnit(std::string_view w) {
  static const WordList& units = WordList::Named("time_units");
  return units.Contains(w);
}

// A stated span of time (or, with `counts`, of tries: 三次) ending at token t.
bool IsSpan(const std::vector<Token>& tokens, size_t t, bool counts) {
  static const WordList& day_spans = WordList::Named("day_spans");
  static const WordList& count_units = WordList::Named("count_units");
  const std::string_view w = tokens[t].text;
  if (day_spans.Contains(w)) return true;
  const std::string_view unit = StripNumber(w);
  if (!(IsTimeUnit(unit) || (counts && count_units.Contains(unit)))) return false;
  return unit.size() < w.size() || (t > 0 && (tokens[t - 1].kind == TokenKind::kNumber || IsNumberish(tokens[t - 1].text)));
}

// A span right before t, allowing one word such as 以后 or 左右 between.
bool SpanBefore(const std::vector<Token>& tokens, size_t t, bool counts) {
  static const WordList& followers = WordList::Named("span_followers");
  if (t >= 1 && IsSpan(tokens, t - 1, counts)) return true;
  return t >= 2 && followers.Contains(tokens[t - 1].text) && IsSpan(tokens, t - 2, counts);
}

bool IsArrival(std::string_view w) {
  static const WordList& arrivals = WordList::Named("arrivals");
  return arrivals.Contains(w);
}

}  // namespace

float TimingPolarity(const std::vector<Token>& tokens, size_t t, size_t end) {
  static const WordList& first_characters = WordList::Named("timing_first_characters");
  static const WordList& modals = WordList::Named("modals");
  static const WordList& modal_tokens = WordList::Named("modal_tokens");
  static const WordList& glued_use_verbs = WordList::Named("glued_use_verbs");
  static const WordList& use_verbs = WordList::Named("use_verbs");
  const std::string_view w = tokens[t].text;
  // Every construction's key word starts with one of these characters: most
  // tokens are turned away by comparing their first character.
  if (!first_characters.Contains(FirstCharacter(w))) return 0;
  // 才 / 就 may be glued to the verb after them (才到, 就送到). 才能/才可以
  // (it takes twenty minutes to get there) describe, not complain.
  if (w.starts_with("才") && SpanBefore(tokens, t, true)) {
    const std::string_view glued = w.substr(std::string_view("才").size());
    const bool modal = modals.Contains(glued) || (glued.empty() && t + 1 < end && modal_tokens.Contains(tokens[t + 1].text));
    if (modal) return 0;
    // 用了四年才换 / 穿了三年才坏: a use verb before the span makes it a
    // lifespan, and a long one is praise — stronger than the failure word
    // it may end with (坏).
    const size_t span = IsSpan(tokens, t - 1, true) ? t - 1 : t - 2;
    const size_t verb = span >= 2 && tokens[span - 1].text == "了" ? span - 2 : span - 1;  // 用|了|四年
    if (span >= 1 && use_verbs.Contains(tokens[verb].text)) return 1.5f;
    return -1;
  }
  if (w.starts_with("就") && SpanBefore(tokens, t, false)) {
    const std::string_view glued = w.substr(std::string_view("就").size());
    const bool arrives = IsArrival(glued) || (t + 1 < end && IsArrival(tokens[t + 1].text));
    return arrives ? 1 : 0;
  }
  // 才用了三天, 刚买两天, 只用了一次: the verb may be its own token or glued.
  const bool use_glued = glued_use_verbs.Contains(w);
  if (use_glued || w == "才" || w == "刚" || w == "只") {
    size_t k = t + 1;
    if (!use_glued) {
      if (k >= end || !use_verbs.Contains(tokens[k].text)) return 0;
      ++k;
    }
    for (size_t last = k + 2; k < end && k <= last; ++k)
      if (IsSpan(tokens, k, true)) return -1;
    return 0;
  }
  if (w == "等" || w == "等了") {  // 等了五天
    for (size_t k = t + 1; k < end; ++k)
      if (tokens[k].text.starts_with("就")) return 0;  // 等了十分钟就到了: read at 就
    for (size_t k = t + 1; k < end && k <= t + 4; ++k)  // 等|了|一个|多|小时
      if (IsSpan(tokens, k, false)) return -1;
  }
  return 0;
}

}  // namespace brandlens
