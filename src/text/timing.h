// Time read against expectation: how long a delivery, a reply or a product
// took or lasted says whether it pleased, even with no sentiment word.
//
//   一个小时才送到 / 催了三次才回复   a duration (or count) + 才: later than it
//                                    should have been → negative
//   用了四年才换 / 穿了三年才坏       a use verb before the duration: a lifespan,
//                                    and a long one → positive
//   20分钟就送到了 / 第二天就收到了   a duration + 就 + arrival → sooner → positive
//   才用了三天 / 刚买两天            才/刚 + use + a short span: only said when
//                                    something failed → negative
//   等了五天 / 等了一个多小时          waiting a stated time → negative
//
// These are the commonest complaints in delivery and e-commerce reviews that
// a lexicon cannot see: the durations themselves carry no polarity.
#pragma once

#include <cstddef>
#include <vector>

#include "text/segmenter.h"

namespace brandlens {

// The polarity (−1, +1, or 0 for none) of the timing construction whose key
// word (才, 就, 等, or 才/刚 before a use verb) is tokens[t]; the
// construction must end before `end` (the clause's end).
float TimingPolarity(const std::vector<Token>& tokens, size_t t, size_t end);

}  // namespace brandlens
