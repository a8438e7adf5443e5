// ICU's CJK word list (brkitr/cjdict, ~316k words) as a code-point trie of
// word costs, read once per process. Costs are ICU's: lower is more frequent.
#pragma once

#include "text/codepoint_trie.h"

namespace brandlens {

class GeneralDictionary {
 public:
  static constexpr int kMaxChars = 8;

  // The process-wide instance (empty if ICU's data lacks the dictionary).
  static const GeneralDictionary& Get();

  const CodepointTrie& trie() const { return trie_; }

 private:
  GeneralDictionary();
  CodepointTrie trie_;
};

}  // namespace brandlens
