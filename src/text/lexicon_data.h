// The lexicon files of data/lexicon, embedded at build time.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace brandlens {

// The text of data/lexicon/NAME.txt, or empty if there is no such file.
std::string_view EmbeddedLexicon(std::string_view name);

// The names of every embedded file (for a fingerprint of the lexicon).
std::span<const std::string_view> EmbeddedLexiconNames();

// Calls visit(fields) with the whitespace-separated fields of each
// non-comment line of a lexicon file.
template <typename Visit>
void ForEachLexiconLine(std::string_view text, Visit&& visit) {
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line.front() == '#') continue;
    fields.clear();
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      const size_t start = i;
      while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
      if (i > start) fields.push_back(line.substr(start, i - start));
    }
    if (!fields.empty()) visit(fields);
  }
}

}  // namespace brandlens
