#include "personas/kmeans.h"

#include <absl/container/flat_hash_set.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "core/parallel.h"

namespace brandlens {

namespace {

constexpr size_t kChunk = 8192;  // points per parallel work item

size_t ChunkCount(size_t n) { return (n + kChunk - 1) / kChunk; }

// Whether the matrix holds at least `k` distinct points (stops looking once
// it has found k).
size_t DistinctPointsUpTo(const PointMatrix& points, size_t k) {
  absl::flat_hash_set<absl::string_view> seen;
  const size_t bytes = points.cols * sizeof(float);
  for (size_t i = 0; i < points.rows && seen.size() < k; ++i)
    seen.insert(absl::string_view(reinterpret_cast<const char*>(points.Row(i).data()), bytes));
  return seen.size();
}

// The squared distance of each point to the nearest of the centroids so far
// (updated as k-means++ adds centroids).
void UpdateClosest(const PointMatrix& points, const float* centroid, std::vector<double>& closest, unsigned threads) {
  ParallelFor(ChunkCount(points.rows), threads, [&](unsigned, size_t c) {
    const size_t end = std::min(points.rows, (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i)
      closest[i] = std::min(closest[i], SquaredDistance(points.Row(i).data(), centroid, points.cols));
  });
}

double PotentialWith(const PointMatrix& points, const float* candidate, const std::vector<double>& closest,
                     unsigned threads) {
  std::vector<double> partial(ChunkCount(points.rows), 0.0);
  ParallelFor(partial.size(), threads, [&](unsigned, size_t c) {
    const size_t end = std::min(points.rows, (c + 1) * kChunk);
    double sum = 0;
    for (size_t i = c * kChunk; i < end; ++i)
      sum += std::min(closest[i], SquaredDistance(points.Row(i).data(), candidate, points.cols));
    partial[c] = sum;
  });
  double total = 0;
  for (double p : partial) total += p;
  return total;
}

// Greedy k-means++: each new centroid is the best (lowest potential) of
// 2 + ln k candidates drawn with probability proportional to the squared
// distance to the nearest centroid so far.
std::vector<float> SeedPlusPlus(const PointMatrix& points, int k, std::mt19937_64& rng, unsigned threads) {
  const size_t dims = points.cols;
  std::vector<float> centroids;
  centroids.reserve(static_cast<size_t>(k) * dims);
  auto add = [&](size_t point) {
    const auto row = points.Row(point);
    centroids.insert(centroids.end(), row.begin(), row.end());
  };
  add(std::uniform_int_distribution<size_t>(0, points.rows - 1)(rng));
  std::vector<double> closest(points.rows, std::numeric_limits<double>::infinity());
  UpdateClosest(points, centroids.data(), closest, threads);
  const int trials = 2 + static_cast<int>(std::log(k));
  std::vector<double> cumulative(points.rows);
  for (int c = 1; c < k; ++c) {
    double running = 0;
    for (size_t i = 0; i < points.rows; ++i) cumulative[i] = running += closest[i];
    size_t best = 0;
    double best_potential = std::numeric_limits<double>::infinity();
    for (int t = 0; t < trials; ++t) {
      // All points coincide with a centroid (running == 0): any point will do.
      const double r = std::uniform_real_distribution<double>(0, running)(rng);
      const size_t candidate = running > 0 ? static_cast<size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                                                 cumulative.begin())
                                           : std::uniform_int_distribution<size_t>(0, points.rows - 1)(rng);
      const size_t chosen = std::min(candidate, points.rows - 1);
      const double potential = PotentialWith(points, points.Row(chosen).data(), closest, threads);
      if (potential < best_potential) best_potential = potential, best = chosen;
    }
    add(best);
    UpdateClosest(points, centroids.data() + static_cast<size_t>(c) * dims, closest, threads);
  }
  return centroids;
}

// Per-thread sums of one assignment pass.
struct PassTotals {
  std::vector<double> sums;     // k × dims
  std::vector<int64_t> counts;  // k
  double inertia = 0;
  int64_t changed = 0;
};

// Assigns every point to its nearest centroid, returning the sums for the
// update step. `labels` holds the previous labels (or -1).
PassTotals AssignPass(const PointMatrix& points, const std::vector<float>& centroids, int k,
                      std::vector<int32_t>& labels, std::vector<double>& distances, unsigned threads) {
  const size_t dims = points.cols;
  std::vector<PassTotals> per_thread(threads);
  for (auto& t : per_thread) {
    t.sums.assign(static_cast<size_t>(k) * dims, 0.0);
    t.counts.assign(static_cast<size_t>(k), 0);
  }
  ParallelFor(ChunkCount(points.rows), threads, [&](unsigned worker, size_t c) {
    PassTotals& t = per_thread[worker];
    const size_t end = std::min(points.rows, (c + 1) * kChunk);
    for (size_t i = c * kChunk; i < end; ++i) {
      const float* p = points.Row(i).data();
      int32_t best = 0;
      double best_d = std::numeric_limits<double>::infinity();
      for (int j = 0; j < k; ++j) {
        const double d = SquaredDistance(p, centroids.data() + static_cast<size_t>(j) * dims, dims);
        if (d < best_d) best_d = d, best = j;
      }
      if (labels[i] != best) ++t.changed;
      labels[i] = best;
      distances[i] = best_d;
      t.inertia += best_d;
      ++t.counts[static_cast<size_t>(best)];
      double* sum = t.sums.data() + static_cast<size_t>(best) * dims;
      for (size_t d = 0; d < dims; ++d) sum[d] += p[d];
    }
  });
  PassTotals total = std::move(per_thread[0]);
  for (unsigned w = 1; w < threads; ++w) {
    for (size_t i = 0; i < total.sums.size(); ++i) total.sums[i] += per_thread[w].sums[i];
    for (size_t i = 0; i < total.counts.size(); ++i) total.counts[i] += per_thread[w].counts[i];
    total.inertia += per_thread[w].inertia;
    total.changed += per_thread[w].changed;
  }
  return total;
}

double MeanVariance(const PointMatrix& points) {
  double total = 0;
  for (size_t d = 0; d < points.cols; ++d) {
    double mean = 0, m2 = 0;
    for (size_t i = 0; i < points.rows; ++i) {
      const double x = points.values[i * points.cols + d];
      const double delta = x - mean;
      mean += delta / static_cast<double>(i + 1);
      m2 += delta * (x - mean);
    }
    total += m2 / static_cast<double>(points.rows);
  }
  return points.cols ? total / static_cast<double>(points.cols) : 0;
}

Clustering RunOnce(const PointMatrix& points, const KMeansOptions& options, double tolerance, uint64_t seed,
                   unsigned threads) {
  std::mt19937_64 rng(seed);
  const size_t dims = points.cols, k = static_cast<size_t>(options.k);
  std::vector<float> centroids = SeedPlusPlus(points, options.k, rng, threads);
  std::vector<int32_t> labels(points.rows, -1);
  std::vector<double> distances(points.rows);
  Clustering out;
  out.k = options.k;
  for (int iteration = 1;; ++iteration) {
    PassTotals pass = AssignPass(points, centroids, options.k, labels, distances, threads);
    out.iterations = iteration;
    if (pass.changed == 0 || iteration >= options.max_iterations) break;
    // An emptied cluster takes the point farthest from its centroid.
    for (size_t j = 0; j < k; ++j) {
      if (pass.counts[j] > 0) continue;
      const size_t far = static_cast<size_t>(std::max_element(distances.begin(), distances.end()) - distances.begin());
      distances[far] = 0;
      const auto row = points.Row(far);
      std::copy(row.begin(), row.end(), pass.sums.begin() + static_cast<std::ptrdiff_t>(j * dims));
      pass.counts[j] = 1;
    }
    double shift = 0;
    for (size_t j = 0; j < k; ++j)
      for (size_t d = 0; d < dims; ++d) {
        const float moved = static_cast<float>(pass.sums[j * dims + d] / static_cast<double>(pass.counts[j]));
        const double delta = moved - centroids[j * dims + d];
        shift += delta * delta;
        centroids[j * dims + d] = moved;
      }
    if (shift <= tolerance) {
      // Converged: one last pass so labels and inertia match these centroids.
      AssignPass(points, centroids, options.k, labels, distances, threads);
      out.iterations = iteration + 1;
      break;
    }
  }
  out.labels = std::move(labels);
  out.centroids.assign(centroids.begin(), centroids.end());
  out.inertia = 0;
  for (double d : distances) out.inertia += d;
  return out;
}

uint64_t RestartSeed(uint64_t seed, int restart) {
  return seed + 0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(restart);
}

Status CheckOptions(const PointMatrix& points, const KMeansOptions& options) {
  if (points.rows == 0 || points.cols == 0) return Status::InvalidInput("k-means: there are no points to cluster");
  if (options.k < 1) return Status::InvalidInput(fmt::format("k-means: k must be at least 1 (got {})", options.k));
  if (options.restarts < 1) return Status::InvalidInput("k-means: restarts must be at least 1");
  const size_t distinct = DistinctPointsUpTo(points, static_cast<size_t>(options.k));
  if (distinct < static_cast<size_t>(options.k))
    return Status::InvalidInput(
        fmt::format("k-means: k = {} but the data has only {} distinct point{}; choose k ≤ {}", options.k, distinct,
                    distinct == 1 ? "" : "s", distinct));
  return Status::Ok();
}

}  // namespace

Result<std::vector<Clustering>> KMeansRestarts(const PointMatrix& points, const KMeansOptions& options) {
  BRANDLENS_RETURN_IF_ERROR(CheckOptions(points, options));
  const unsigned threads = ThreadsOrCores(options.threads);
  const double tolerance = options.tolerance * MeanVariance(points);
  std::vector<Clustering> runs;
  for (int r = 0; r < options.restarts; ++r)
    runs.push_back(RunOnce(points, options, tolerance, RestartSeed(options.seed, r),
                           threads));
  return runs;
}

Result<Clustering> KMeans(const PointMatrix& points, const KMeansOptions& options) {
  BRANDLENS_RETURN_IF_ERROR(CheckOptions(points, options));
  const unsigned threads = ThreadsOrCores(options.threads);
  const double tolerance = options.tolerance * MeanVariance(points);
  Clustering best;
  std::vector<double> inertias;
  for (int r = 0; r < options.restarts; ++r) {
    Clustering run = RunOnce(points, options, tolerance, RestartSeed(options.seed, r), threads);
    inertias.push_back(run.inertia);
    if (r == 0 || run.inertia < best.inertia) best = std::move(run);
  }
  best.restart_inertias = std::move(inertias);
  return best;
}

std::vector<int32_t> AssignNearest(const PointMatrix& points, const std::vector<double>& centroids, unsigned threads) {
  const std::vector<float> as_float(centroids.begin(), centroids.end());
  const int k = points.cols ? static_cast<int>(centroids.size() / points.cols) : 0;
  std::vector<int32_t> labels(points.rows, -1);
  std::vector<double> distances(points.rows);
  if (k > 0) AssignPass(points, as_float, k, labels, distances, ThreadsOrCores(threads));
  return labels;
}

}  // namespace brandlens
