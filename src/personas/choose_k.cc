#include "personas/choose_k.h"

#include <fmt/format.h>

#include "personas/cluster_quality.h"

namespace brandlens {

Result<KChoice> ChooseK(const PointMatrix& points, int min_k, int max_k, const KMeansOptions& options) {
  if (min_k < 2 || max_k < min_k)
    return Status::InvalidInput(fmt::format("choosing k: the range {}..{} is empty (k starts at 2)", min_k, max_k));
  // Large inputs: candidates are compared on a sample.
  PointMatrix subset;
  const bool sampled = points.rows > kChooseSample;
  if (sampled) {
    subset.cols = points.cols;
    for (size_t i : SampleIndices(points.rows, kChooseSample, options.seed)) {
      const auto row = points.Row(i);
      subset.values.insert(subset.values.end(), row.begin(), row.end());
      ++subset.rows;
    }
  }
  const PointMatrix& candidates = sampled ? subset : points;
  const std::vector<size_t> sample = SampleIndices(candidates.rows, kSilhouetteSample, options.seed);
  KChoice out;
  int best = -1;
  for (int k = min_k; k <= max_k; ++k) {
    KMeansOptions o = options;
    o.k = k;
    auto runs = KMeansRestarts(candidates, o);
    if (!runs.ok()) {
      if (k == min_k) return runs.status();
      break;  // fewer distinct points than k: larger k cannot work either
    }
    KCandidate c;
    c.k = k;
    size_t winner = 0;
    for (size_t r = 0; r < runs->size(); ++r)
      if ((*runs)[r].inertia < (*runs)[winner].inertia) winner = r;
    c.inertia = (*runs)[winner].inertia;
    double agreement = 0;
    int pairs = 0;
    for (size_t a = 0; a < runs->size(); ++a)
      for (size_t b = a + 1; b < runs->size(); ++b, ++pairs)
        agreement += AdjustedRandIndex((*runs)[a].labels, (*runs)[b].labels);
    c.stability = pairs ? agreement / pairs : 1.0;
    c.silhouette = SampledSilhouette(candidates, (*runs)[winner].labels, sample);
    out.candidates.push_back(c);
    const auto better = [&](const KCandidate& x, const KCandidate& y) {
      const bool xs = x.stability >= kStableAri, ys = y.stability >= kStableAri;
      if (xs != ys) return xs;
      return xs ? x.silhouette > y.silhouette : x.stability > y.stability;
    };
    if (best < 0 || better(c, out.candidates[static_cast<size_t>(best)])) {
      best = static_cast<int>(out.candidates.size() - 1);
      out.clustering = std::move((*runs)[winner]);
      out.clustering.restart_inertias.clear();
      for (const auto& run : *runs) out.clustering.restart_inertias.push_back(run.inertia);
    }
  }
  if (sampled && !out.candidates.empty()) {
    KMeansOptions o = options;
    o.k = out.clustering.k;
    auto full = KMeans(points, o);
    if (!full.ok()) return full.status();
    out.clustering = std::move(*full);
  }
  return out;
}

}  // namespace brandlens
