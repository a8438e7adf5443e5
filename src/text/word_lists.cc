#include "text/word_lists.h"

#include <cstdio>
#include <cstdlib>
#include <map>

#include "text/lexicon_data.h"

namespace brandlens {

struct WordListRegistry {
  std::map<std::string, WordList, std::less<>> lists;
  WordListRegistry() {
    ForEachLexiconLine(EmbeddedLexicon("constructions"), [&](const std::vector<std::string_view>& f) {
      WordList& list = lists[std::string(f[0])];
      for (size_t i = 1; i < f.size(); ++i) list.words_.emplace_back(f[i]);
    });
  }
};

const WordList& WordList::Named(std::string_view name) {
  static const WordListRegistry registry;
  auto it = registry.lists.find(name);
  if (it == registry.lists.end()) {
    std::fprintf(stderr, "brandlens: no word list '%.*s' in data/lexicon/constructions.txt\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return it->second;
}

}  // namespace brandlens
