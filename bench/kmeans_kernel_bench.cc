// The k-means kernel against Faiss's, in memory, same points, same k, one
// restart, both on every core: the measurement behind writing our own
// (personas/kmeans.h). Faiss is given full data (max_points_per_centroid
// raised, so it does not subsample) and the same iteration budget.
//
//   kmeans_kernel_bench [--rows N] [--dims D] [--k K]
// Prints one JSON object: seconds and inertia of each, and their ratios.
#include <faiss/Clustering.h>
#include <faiss/IndexFlat.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <random>
#include <string>

#include "personas/kmeans.h"

using namespace brandlens;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

PointMatrix Blobs(size_t rows, size_t dims, int centres, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> where(-10, 10);
  std::normal_distribution<float> noise(0, 2);
  std::vector<float> means(static_cast<size_t>(centres) * dims);
  for (float& m : means) m = where(rng);
  PointMatrix m;
  m.rows = rows;
  m.cols = dims;
  m.values.resize(rows * dims);
  for (size_t i = 0; i < rows; ++i) {
    const size_t c = rng() % static_cast<size_t>(centres);
    for (size_t d = 0; d < dims; ++d) m.values[i * dims + d] = means[c * dims + d] + noise(rng);
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  size_t rows = 1000000, dims = 16;
  int k = 8;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") rows = std::stoul(argv[i + 1]);
    if (flag == "--dims") dims = std::stoul(argv[i + 1]);
    if (flag == "--k") k = std::stoi(argv[i + 1]);
  }
  const PointMatrix points = Blobs(rows, dims, k, 1);

  KMeansOptions options;
  options.k = k;
  options.restarts = 1;
  auto start = std::chrono::steady_clock::now();
  auto ours = KMeans(points, options);
  const double ours_seconds = Seconds(start);
  if (!ours.ok()) {
    fmt::print(stderr, "{}\n", ours.status().message());
    return 1;
  }

  faiss::ClusteringParameters params;
  params.niter = std::max(ours->iterations, 25);
  params.nredo = 1;
  params.max_points_per_centroid = static_cast<int>(rows);  // all points, no subsampling
  params.seed = 1;
  params.verbose = false;
  faiss::Clustering clustering(static_cast<int>(dims), k, params);
  faiss::IndexFlatL2 index(static_cast<faiss::Index::idx_t>(dims));
  start = std::chrono::steady_clock::now();
  clustering.train(static_cast<faiss::Index::idx_t>(rows), points.values.data(), index);
  const double faiss_seconds = Seconds(start);
  // Faiss reports the objective of its last assignment step.
  const double faiss_inertia = clustering.iteration_stats.back().obj;

  const nlohmann::json out = {
      {"rows", rows},
      {"dims", dims},
      {"k", k},
      {"brandlens_seconds", ours_seconds},
      {"brandlens_iterations", ours->iterations},
      {"brandlens_inertia", ours->inertia},
      {"faiss_seconds", faiss_seconds},
      {"faiss_iterations", params.niter},
      {"faiss_inertia", faiss_inertia},
      {"speedup", faiss_seconds / ours_seconds},
      {"inertia_ratio", ours->inertia / faiss_inertia},
  };
  fmt::print("{}\n", out.dump());
  return 0;
}
