// English words whose sense the words around them decide.
//
//   like   the verb of liking only after its subject or an auxiliary (I like
//          it, we really liked, would like); elsewhere the preposition of
//          critics' comparisons (plays like a training video, treats its
//          subject like an encyclopedia entry), which praises nothing
//   too    excess: praise after it is a fault (too polite, too safe, too
//          sweet), as with Chinese 过于 / 太过 (过于热情); not 太, which is
//          plain emphasis (太好了)
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/segmenter.h"

namespace brandlens {

// True when the "like" at tokens[t] is the verb of liking.
bool IsLikingVerb(const std::vector<Token>& tokens, size_t t);

// True for degree words of excess (too, overly, 过于, 太过).
bool IsExcessDegree(std::string_view word);

}  // namespace brandlens
