#include "text/return_intent.h"

#include <string_view>

#include "core/utf8.h"
#include "text/word_lists.h"

namespace brandlens {

namespace {

constexpr float kWeight = 1.5f;

std::string_view StripAffixes(std::string_view w) {
  static const WordList& prefixes = WordList::Named("patron_verb_prefixes");
  static const WordList& suffixes = WordList::Named("patron_verb_suffixes");
  for (std::string_view prefix : prefixes.words())
    if (w.size() > prefix.size() && w.starts_with(prefix)) w.remove_prefix(prefix.size());
  for (std::string_view suffix : suffixes.words())
    if (w.size() > suffix.size() && w.ends_with(suffix)) w.remove_suffix(suffix.size());
  return w;
}

// Verbs of patronage (回购 and 再来 are in the lexicon already).
bool IsPatronVerb(std::string_view w) {
  static const WordList& verbs = WordList::Named("patron_verbs");
  return verbs.Contains(StripAffixes(w));
}

}  // namespace

float ReturnIntentPolarity(const std::vector<Token>& tokens, size_t t, size_t end) {
  static const WordList& first_characters = WordList::Named("return_first_characters");
  static const WordList& time_words = WordList::Named("return_time_words");
  static const WordList& elsewhere = WordList::Named("elsewhere");
  static const WordList& glued_negators = WordList::Named("glued_negators");
  static const WordList& negations = WordList::Named("return_negations");
  static const WordList& affirmations = WordList::Named("return_affirmations");
  if (!first_characters.Contains(FirstCharacter(tokens[t].text))) return 0;  // turns most tokens away cheaply
  if (!time_words.Contains(tokens[t].text)) return 0;
  const bool glued_affirm = tokens[t].text.ends_with("还") || tokens[t].text.ends_with("再");
  // Coming back to go elsewhere (今后还是去其他酒店, 以后去北京会考虑入住别的
  // 酒店) is leaving.
  bool verb_seen = false;
  for (size_t k = t + 1; k < end && k <= t + 8; ++k) {
    if (IsPatronVerb(tokens[k].text) || tokens[k].text == "入") verb_seen = true;
    if (verb_seen && elsewhere.Contains(tokens[k].text)) return -kWeight;
  }
  bool negated = false, affirmed = glued_affirm;
  for (size_t k = t + 1; k < end && k <= t + 7; ++k) {
    std::string_view w = tokens[k].text;
    // The segmenter may glue the negator to the verb or split the verb
    // (不去, 不入|住).
    for (std::string_view negator : glued_negators.words())
      if (w.size() > negator.size() && w.starts_with(negator) && (IsPatronVerb(w.substr(negator.size())) || w == "不入")) {
        negated = true;
        w = w.substr(negator.size());
      }
    if (negations.Contains(w)) {
      negated = true;
    } else if (affirmations.Contains(w)) {
      affirmed = true;
    } else if (IsPatronVerb(w) || w == "入") {
      // 还住不住 asks; it does not promise.
      if (k + 1 < end && tokens[k + 1].text.starts_with("不") && tokens[k + 1].text.ends_with(StripAffixes(w))) return 0;
      if (negated || affirmed) return negated ? -kWeight : kWeight;
      // A verb with neither (下次再来，我是不会住在这里的): the plan may come later.
    }
  }
  return 0;
}

}  // namespace brandlens
