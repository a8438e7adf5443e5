#include "text/irony.h"

#include <algorithm>
#include <string_view>

namespace brandlens {

namespace {

// The word tokens of [from, end), skipping spaces and punctuation, up to `n`.
size_t Words(const std::vector<Token>& tokens, size_t from, size_t end, std::string_view* out, size_t n) {
  size_t found = 0;
  for (size_t t = from; t < end && found < n; ++t)
    if (tokens[t].kind == TokenKind::kWord) out[found++] = tokens[t].text;
  return found;
}

bool IsArticle(std::string_view w) { return w == "a" || w == "an"; }

}  // namespace

float MockComparisonPolarity(const std::vector<Token>& tokens, size_t t, size_t end) {
  const std::string_view first = tokens[t].text;
  if (first != "all" && first != "about") return 0;
  std::string_view w[6];
  const size_t n = Words(tokens, t, end, w, 6);
  constexpr float kMock = -1.5f;
  // all the <noun> of a|an <noun>
  if (n >= 6 && w[0] == "all" && w[1] == "the" && w[3] == "of" && IsArticle(w[4])) return kMock;
  // about as much <noun> as a|an
  if (n >= 6 && w[0] == "about" && w[1] == "as" && w[2] == "much" && w[4] == "as" && IsArticle(w[5])) return kMock;
  return 0;
}

bool IsSarcasticOpening(const std::vector<Token>& tokens, size_t begin, size_t end, size_t next) {
  static constexpr std::string_view kPraise[] = {"great", "good",     "lovely", "brilliant", "perfect", "wonderful",
                                                 "fantastic", "awesome", "terrific", "super",  "marvelous", "splendid"};
  static constexpr std::string_view kLeadIns[] = {"oh", "just", "well", "yeah", "wow"};
  std::string_view opening[3];
  const size_t words = Words(tokens, begin, end, opening, 3);
  const bool praise =
      (words == 1 && std::ranges::find(kPraise, opening[0]) != std::end(kPraise)) ||
      (words == 2 && std::ranges::find(kLeadIns, opening[0]) != std::end(kLeadIns) &&
       std::ranges::find(kPraise, opening[1]) != std::end(kPraise));
  if (!praise) return false;
  std::string_view after[2];
  const size_t n = Words(tokens, next, tokens.size(), after, 2);
  return (n >= 1 && after[0] == "another") || (n >= 2 && after[0] == "yet" && after[1] == "another");
}

}  // namespace brandlens
