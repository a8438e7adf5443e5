// Whether the writer will come back: the verdict of a review said as a plan
// (下次还会来住 +, 以后不去了 −, 下次一定不买了 −). A time to come (以后, 下次,
// 今后, 下回), then within a few words a patron's verb (住, 来, 买, 点, 订 …):
// negated, it is a refusal; with 还/会/一定/继续, a promise to return. The
// words alone carry no polarity, which is why the lexicon misses it.
#pragma once

#include <cstddef>
#include <vector>

#include "text/segmenter.h"

namespace brandlens {

// −1.5, +1.5, or 0 when tokens[t] does not open such a plan (or it does not
// end before `end`, the clause's end).
float ReturnIntentPolarity(const std::vector<Token>& tokens, size_t t, size_t end);

}  // namespace brandlens
