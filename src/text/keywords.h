// Keywords: TF-IDF of a group of documents against the corpus, and
// TextRank within one document.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brandlens {

struct Keyword {
  std::string term;
  double score;
  int64_t count;  // occurrences in the group (TF-IDF) or the document (TextRank)
};

// Document frequencies of a corpus, and term counts per group (a brand, a
// week), so that each group's distinctive terms come out on top.
class KeywordIndex {
 public:
  // Adds one document's content terms to each of `groups` (a mention about
  // two brands is one document of the corpus, counted in both brands).
  void Add(std::span<const std::string_view> groups, const std::vector<std::string>& terms);
  void Add(std::string_view group, const std::vector<std::string>& terms) { Add({&group, 1}, terms); }
  // The group's top terms by tf · idf, where tf is the group's count and
  // idf = log((1 + N) / (1 + df)) + 1 over all N documents.
  std::vector<Keyword> Top(std::string_view group, size_t n) const;
  int64_t documents() const { return documents_; }

 private:
  int64_t documents_ = 0;
  absl::flat_hash_map<std::string, int64_t> document_frequency_;
  absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, int64_t>> group_counts_;
};

// TextRank over one document's terms: a co-occurrence graph within `window`
// terms, PageRank with damping 0.85 until it settles.
std::vector<Keyword> TextRank(const std::vector<std::string>& terms, size_t n, size_t window = 5);

}  // namespace brandlens
