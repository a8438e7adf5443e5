#include "text/return_intent.h"

#include <string_view>

#include "core/utf8.h"
#include "text/word_match.h"

namespace brandlens {

namespace {

constexpr float kWeight = 1.5f;

std::string_view StripAffixes(std::string_view w) {
  for (std::string_view prefix : {"再", "还"})
    if (w.size() > prefix.size() && w.starts_with(prefix)) w.remove_prefix(prefix.size());
  for (std::string_view suffix : {"了", "啦"})
    if (w.size() > suffix.size() && w.ends_with(suffix)) w.remove_suffix(suffix.size());
  return w;
}

// Verbs of patronage (回购 and 再来 are in the lexicon already).
bool IsPatronVerb(std::string_view w) {
  return OneOf(StripAffixes(w), {"住", "住在", "入住", "来", "去", "来住", "去住", "买", "购买", "点", "订", "预订", "预定",
                                 "光顾", "选择", "选", "考虑", "吃", "用"});
}

}  // namespace

float ReturnIntentPolarity(const std::vector<Token>& tokens, size_t t, size_t end) {
  if (!OneOf(FirstCharacter(tokens[t].text), {"以", "下", "今"})) return 0;  // turns most tokens away cheaply
  if (!OneOf(tokens[t].text, {"以后", "下次", "今后", "下回", "以后还", "下次还", "下次再"})) return 0;
  const bool glued_affirm = tokens[t].text.ends_with("还") || tokens[t].text.ends_with("再");
  // Coming back to go elsewhere (今后还是去其他酒店, 以后去北京会考虑入住别的
  // 酒店) is leaving.
  bool verb_seen = false;
  for (size_t k = t + 1; k < end && k <= t + 8; ++k) {
    if (IsPatronVerb(tokens[k].text) || tokens[k].text == "入") verb_seen = true;
    if (verb_seen && OneOf(tokens[k].text, {"其他", "其它", "别的", "别家", "别处", "另外", "换一家", "换家"})) return -kWeight;
  }
  bool negated = false, affirmed = glued_affirm;
  for (size_t k = t + 1; k < end && k <= t + 7; ++k) {
    std::string_view w = tokens[k].text;
    // The segmenter may glue the negator to the verb or split the verb
    // (不去, 不入|住).
    for (std::string_view negator : {"不", "别"})
      if (w.size() > negator.size() && w.starts_with(negator) && (IsPatronVerb(w.substr(negator.size())) || w == "不入")) {
        negated = true;
        w = w.substr(negator.size());
      }
    if (OneOf(w, {"不", "不会", "不再", "不想", "不敢", "不要", "别", "绝不", "决不", "再也不", "肯定不", "一定不", "不能", "不大", "不太"})) {
      negated = true;
    } else if (OneOf(w, {"还", "还会", "会", "一定", "一定会", "肯定", "肯定会", "继续", "还要", "还是", "再", "还得", "仍", "仍然"})) {
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
