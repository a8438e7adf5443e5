// English irony whose words are neutral or even kind, read as the
// complaint it is:
//
//   with all the subtlety of a sledgehammer    all the <noun> of a|an <noun>
//   about as much heat as a refrigerator       about as much <noun> as a|an
//   Great, another update that breaks …        a lone word of praise opening
//   Oh good, yet another reboot …              the text, then "another"
//
// Each is reliable on its own: reviewers do not use these shapes to praise.
#pragma once

#include <cstddef>
#include <vector>

#include "text/segmenter.h"

namespace brandlens {

// −1.5 when a mock comparison (the first two shapes) starts at tokens[t]
// and ends before `end` (the clause's end); 0 otherwise.
float MockComparisonPolarity(const std::vector<Token>& tokens, size_t t, size_t end);

// True when tokens [begin, end) are an opening interjection of praise
// ("great", "oh good", "just perfect") and the clause after it starts at
// `next` with "another" or "yet another".
bool IsSarcasticOpening(const std::vector<Token>& tokens, size_t begin, size_t end, size_t next);

}  // namespace brandlens
