#include "personas/segment_ids.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace brandlens {

namespace {

constexpr double kContinues = 0.5;   // share of a cluster's members from one old segment
constexpr double kSignificant = 0.25;  // share that makes a split or merge worth saying

}  // namespace

SegmentIds MatchSegments(const std::vector<int32_t>& labels, int k, const std::vector<double>& centroids,
                         const PreviousSegments& previous) {
  const auto kk = static_cast<size_t>(k);
  const size_t old_count = previous.ids.size();
  SegmentIds out;
  out.id_of_cluster.assign(kk, -1);
  out.lineage.assign(kk, "new");
  // overlap[c][o]: users in new cluster c who were in old segment o.
  std::vector<std::vector<double>> overlap(kk, std::vector<double>(old_count, 0));
  std::vector<double> known(kk, 0), old_size(old_count, 0);
  for (size_t u = 0; u < labels.size() && u < previous.member_of.size(); ++u) {
    if (labels[u] < 0 || previous.member_of[u] < 0) continue;
    const auto it = std::find(previous.ids.begin(), previous.ids.end(), previous.member_of[u]);
    if (it == previous.ids.end()) continue;
    const auto o = static_cast<size_t>(it - previous.ids.begin());
    overlap[static_cast<size_t>(labels[u])][o] += 1;
    known[static_cast<size_t>(labels[u])] += 1;
    old_size[o] += 1;
  }
  // Largest overlaps first (users in common), among the pairs where the old
  // segment gave the new cluster most of its known members.
  std::vector<std::tuple<double, size_t, size_t>> pairs;
  for (size_t c = 0; c < kk; ++c)
    for (size_t o = 0; o < old_count; ++o)
      if (known[c] > 0 && overlap[c][o] / known[c] >= kContinues) pairs.emplace_back(overlap[c][o], c, o);
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<char> taken(old_count, 0);
  for (const auto& [common, c, o] : pairs) {
    if (out.id_of_cluster[c] >= 0 || taken[o]) continue;
    out.id_of_cluster[c] = previous.ids[o];
    out.lineage[c] = fmt::format("continues {}", previous.ids[o]);
    taken[o] = 1;
  }
  // Clusters without known members: the nearest unused previous centroid.
  const size_t dims = kk ? centroids.size() / kk : 0;
  for (size_t c = 0; c < kk; ++c) {
    if (out.id_of_cluster[c] >= 0 || known[c] > 0) continue;
    double best = std::numeric_limits<double>::infinity();
    size_t best_o = old_count;
    for (size_t o = 0; o < old_count; ++o) {
      if (taken[o] || previous.centroids[o].size() != dims) continue;
      double d = 0;
      for (size_t j = 0; j < dims; ++j) d += std::pow(centroids[c * dims + j] - previous.centroids[o][j], 2);
      if (d < best) best = d, best_o = o;
    }
    // Near means within one standard deviation per dimension on average.
    if (best_o < old_count && best <= static_cast<double>(dims)) {
      out.id_of_cluster[c] = previous.ids[best_o];
      out.lineage[c] = fmt::format("continues {}", previous.ids[best_o]);
      taken[best_o] = 1;
    }
  }
  int32_t next = 1;
  for (int32_t id : previous.ids) next = std::max(next, id + 1);
  for (size_t c = 0; c < kk; ++c) {
    if (out.id_of_cluster[c] < 0) out.id_of_cluster[c] = next++;
    // Merged: holds a large part of two or more old segments.
    std::vector<int32_t> sources;
    for (size_t o = 0; o < old_count; ++o)
      if (old_size[o] > 0 && overlap[c][o] / old_size[o] >= kSignificant) sources.push_back(previous.ids[o]);
    if (sources.size() >= 2) out.lineage[c] = fmt::format("merged {}", fmt::join(sources, "+"));
  }
  // Split: an old segment whose members went in large parts to this
  // cluster though it kept its id elsewhere.
  for (size_t c = 0; c < kk; ++c)
    for (size_t o = 0; o < old_count; ++o)
      if (out.id_of_cluster[c] != previous.ids[o] && taken[o] && old_size[o] > 0 &&
          overlap[c][o] / old_size[o] >= kSignificant && out.lineage[c].rfind("merged", 0) != 0)
        out.lineage[c] = fmt::format("split from {}", previous.ids[o]);
  return out;
}

}  // namespace brandlens
