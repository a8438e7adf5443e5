#include "text/timing.h"

#include <string_view>

#include "core/utf8.h"
#include "text/word_match.h"

namespace brandlens {

namespace {

// Strips leading numerals (digits, 一..十, 两, 半, 几, 第) and the measure
// word 个 / the approximator 多 between them and the unit: 一个多小时 → 小时.
std::string_view StripNumber(std::string_view w) {
  static constexpr std::string_view kNumerals[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二", "两",
                                                   "三", "四", "五", "六", "七", "八", "九", "十", "百", "半", "几",
                                                   "第", "个", "多"};
  for (bool stripped = true; stripped && !w.empty();) {
    stripped = false;
    for (auto n : kNumerals)
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
  return OneOf(w, {"分钟", "分", "小时", "钟头", "天", "日", "周", "星期", "礼拜", "月", "年"});
}

// A stated span of time (or, with `counts`, of tries: 三次) ending at token t.
bool IsSpan(const std::vector<Token>& tokens, size_t t, bool counts) {
  const std::string_view w = tokens[t].text;
  if (OneOf(w, {"当天", "隔天", "次日", "半天"})) return true;
  const std::string_view unit = StripNumber(w);
  if (!(IsTimeUnit(unit) || (counts && OneOf(unit, {"次", "遍"})))) return false;
  return unit.size() < w.size() || (t > 0 && (tokens[t - 1].kind == TokenKind::kNumber || IsNumberish(tokens[t - 1].text)));
}

// A span right before t, allowing one word such as 以后 or 左右 between.
bool SpanBefore(const std::vector<Token>& tokens, size_t t, bool counts) {
  if (t >= 1 && IsSpan(tokens, t - 1, counts)) return true;
  return t >= 2 && OneOf(tokens[t - 1].text, {"以后", "之后", "后", "了", "左右", "多"}) && IsSpan(tokens, t - 2, counts);
}

bool IsArrival(std::string_view w) {
  return OneOf(w, {"到", "到了", "送到", "送达", "到货", "收到", "送来", "发货", "上菜", "接单", "回复", "退款", "处理"});
}

}  // namespace

float TimingPolarity(const std::vector<Token>& tokens, size_t t, size_t end) {
  const std::string_view w = tokens[t].text;
  // Every construction's key word starts with one of these characters: most
  // tokens are turned away by comparing their first character.
  if (!OneOf(FirstCharacter(w), {"才", "就", "刚", "只", "等"})) return 0;
  // 才 / 就 may be glued to the verb after them (才到, 就送到). 才能/才可以
  // (it takes twenty minutes to get there) describe, not complain.
  if (w.starts_with("才") && SpanBefore(tokens, t, true)) {
    const std::string_view glued = w.substr(std::string_view("才").size());
    const bool modal = OneOf(glued, {"能", "可以", "会", "行"}) ||
                       (glued.empty() && t + 1 < end && OneOf(tokens[t + 1].text, {"能", "可以", "会", "行", "能到"}));
    return modal ? 0 : -1;
  }
  if (w.starts_with("就") && SpanBefore(tokens, t, false)) {
    const std::string_view glued = w.substr(std::string_view("就").size());
    const bool arrives = IsArrival(glued) || (t + 1 < end && IsArrival(tokens[t + 1].text));
    return arrives ? 1 : 0;
  }
  // 才用了三天, 刚买两天, 只用了一次: the verb may be its own token or glued.
  const bool use_glued = OneOf(w, {"才用", "刚用", "只用", "才穿", "刚买", "才买", "只穿"});
  if (use_glued || w == "才" || w == "刚" || w == "只") {
    size_t k = t + 1;
    if (!use_glued) {
      if (k >= end || !OneOf(tokens[k].text, {"用", "用了", "穿", "穿了", "买", "买了", "戴", "洗", "开"})) return 0;
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
