#include "text/keywords.h"

#include <algorithm>
#include <cmath>

#include "text/lexicon.h"

namespace brandlens {

namespace {

std::vector<Keyword> TopN(std::vector<Keyword> all, size_t n) {
  std::sort(all.begin(), all.end(), [](const Keyword& a, const Keyword& b) {
    return a.score != b.score ? a.score > b.score : a.term < b.term;  // ties: stable, alphabetical
  });
  if (all.size() > n) all.resize(n);
  return all;
}

}  // namespace

void KeywordIndex::Add(std::span<const std::string_view> groups, const std::vector<std::string>& terms) {
  ++documents_;
  std::vector<std::string_view> seen;
  for (const auto& t : terms) {
    if (std::find(seen.begin(), seen.end(), t) == seen.end()) {
      seen.push_back(t);
      ++document_frequency_[t];
    }
  }
  for (std::string_view group : groups) {
    auto& counts = group_counts_[AbslView(group)];
    for (const auto& t : terms) ++counts[t];
  }
}

std::vector<Keyword> KeywordIndex::Top(std::string_view group, size_t n) const {
  auto it = group_counts_.find(AbslView(group));
  if (it == group_counts_.end()) return {};
  std::vector<Keyword> all;
  for (const auto& [term, count] : it->second) {
    const double df = static_cast<double>(document_frequency_.at(term));
    const double idf = std::log((1.0 + static_cast<double>(documents_)) / (1.0 + df)) + 1.0;
    all.push_back({term, static_cast<double>(count) * idf, count});
  }
  return TopN(std::move(all), n);
}

std::vector<Keyword> TextRank(const std::vector<std::string>& terms, size_t n, size_t window) {
  absl::flat_hash_map<std::string_view, size_t> index;
  std::vector<std::string_view> vocabulary;
  std::vector<int64_t> counts;
  std::vector<size_t> sequence;
  for (const auto& t : terms) {
    auto [it, added] = index.try_emplace(std::string_view(t), vocabulary.size());
    if (added) vocabulary.push_back(t), counts.push_back(0);
    ++counts[it->second];
    sequence.push_back(it->second);
  }
  const size_t v = vocabulary.size();
  std::vector<std::vector<size_t>> neighbours(v);
  for (size_t i = 0; i < sequence.size(); ++i)
    for (size_t j = i + 1; j < sequence.size() && j < i + window; ++j) {
      if (sequence[i] == sequence[j]) continue;
      neighbours[sequence[i]].push_back(sequence[j]);
      neighbours[sequence[j]].push_back(sequence[i]);
    }
  constexpr double kDamping = 0.85;
  std::vector<double> rank(v, 1.0), next(v);
  for (int iter = 0; iter < 100; ++iter) {
    std::fill(next.begin(), next.end(), 1 - kDamping);
    for (size_t a = 0; a < v; ++a)
      for (size_t b : neighbours[a]) next[b] += kDamping * rank[a] / static_cast<double>(neighbours[a].size());
    double change = 0;
    for (size_t a = 0; a < v; ++a) change += std::abs(next[a] - rank[a]);
    rank.swap(next);
    if (change < 1e-6) break;
  }
  std::vector<Keyword> all;
  for (size_t a = 0; a < v; ++a) all.push_back({std::string(vocabulary[a]), rank[a], counts[a]});
  return TopN(std::move(all), n);
}

}  // namespace brandlens
