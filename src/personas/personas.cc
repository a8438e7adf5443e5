#include "personas/personas.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <ctime>

#include "core/hash.h"
#include "personas/cluster_quality.h"
#include "personas/dbscan.h"
#include "personas/pca.h"
#include "personas/segment_ids.h"

namespace brandlens {

namespace {

constexpr double kClusterVariance = 0.95;

// The previous run's segments: ids, centroids (stored in transformed units
// per feature, re-scaled here into this run's space) and memberships.
Result<PreviousSegments> LoadPrevious(Store& store, const UserFeatures& features, const ScaledFeatures& scaled,
                                      int64_t& previous_run) {
  PreviousSegments out;
  out.member_of.assign(features.rows(), -1);
  previous_run = 0;
  static constexpr std::array<std::string_view, 1> kRunColumns = {"id"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "persona_runs", kRunColumns, {}, [&](RowView& row) {
    previous_run = std::max(previous_run, row.Int(0));
    return row.status();
  }));
  if (previous_run == 0) return out;
  const std::array<ColumnEquals, 1> of_run = {ColumnEquals{"run_id", previous_run}};
  ScanFilter filter;
  filter.equals = of_run;
  static constexpr std::array<std::string_view, 2> kSegmentColumns = {"segment", "centroid"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "persona_segments", kSegmentColumns, filter, [&](RowView& row) {
    const int64_t id = row.Int(0);
    const auto centroid = nlohmann::json::parse(row.Text(1), nullptr, false);
    std::vector<double> point(scaled.used.size(), 0);
    for (size_t c = 0; c < scaled.used.size(); ++c) {
      const FeatureScale& s = scaled.scales[scaled.used[c]];
      if (centroid.is_object() && centroid.contains(s.name) && centroid[s.name].is_number())
        point[c] = (centroid[s.name].get<double>() - s.median) / s.scale;
    }
    out.ids.push_back(static_cast<int32_t>(id));
    out.centroids.push_back(std::move(point));
    return row.status();
  }));
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t u = 0; u < features.rows(); ++u) row_of.emplace(features.user_ids[u], u);
  static constexpr std::array<std::string_view, 2> kMemberColumns = {"user_id", "segment"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "user_segments", kMemberColumns, filter, [&](RowView& row) {
    const auto it = row_of.find(row.Text(0));
    if (it != row_of.end()) out.member_of[it->second] = static_cast<int32_t>(row.Int(1));
    return row.status();
  }));
  return out;
}

// Per cluster, the mean of each used feature in transformed (unscaled)
// units: what the next run re-scales to match against.
std::vector<nlohmann::json> TransformedCentroids(const ScaledFeatures& scaled, const std::vector<double>& centroids) {
  const size_t dims = scaled.used.size();
  std::vector<nlohmann::json> out;
  for (size_t c = 0; dims && c < centroids.size() / dims; ++c) {
    nlohmann::json centroid = nlohmann::json::object();
    for (size_t j = 0; j < dims; ++j) {
      const FeatureScale& s = scaled.scales[scaled.used[j]];
      centroid[s.name] = centroids[c * dims + j] * s.scale + s.median;
    }
    out.push_back(std::move(centroid));
  }
  return out;
}

// Cluster means in the scaled feature space.
std::vector<double> ScaledCentroids(const PointMatrix& points, const std::vector<int32_t>& labels, int k) {
  std::vector<double> sums(static_cast<size_t>(k) * points.cols, 0), counts(static_cast<size_t>(k), 0);
  for (size_t u = 0; u < points.rows; ++u) {
    if (labels[u] < 0) continue;
    const auto c = static_cast<size_t>(labels[u]);
    counts[c] += 1;
    for (size_t j = 0; j < points.cols; ++j) sums[c * points.cols + j] += points.values[u * points.cols + j];
  }
  for (size_t c = 0; c < counts.size(); ++c)
    for (size_t j = 0; j < points.cols; ++j) sums[c * points.cols + j] /= std::max(1.0, counts[c]);
  return sums;
}

Status Save(Store& store, const PersonasResult& result, const std::vector<nlohmann::json>& centroids_by_id,
            int64_t previous_run, int64_t& run_id) {
  auto tx = Transaction::Begin(store);
  if (!tx.ok()) return tx.status();
  static constexpr std::array<std::string_view, 5> kRunColumns = {"created_at", "users", "k", "algorithm",
                                                                  "silhouette"};
  const std::array<Value, 5> run = {Value{static_cast<int64_t>(std::time(nullptr))}, Value{result.users},
                                    Value{static_cast<int64_t>(result.k)}, Value{std::string_view(result.algorithm)},
                                    Value{result.silhouette}};
  auto id = store.InsertRow("persona_runs", kRunColumns, run);
  if (!id.ok()) return id.status();
  run_id = *id;
  static constexpr std::array<std::string_view, 6> kSegmentColumns = {"run_id", "segment", "name",
                                                                      "size",   "centroid", "lineage"};
  for (size_t c = 0; c < result.segments.size(); ++c) {
    const PersonaCard& card = result.segments[c];
    const std::string centroid = centroids_by_id[c].dump();
    const std::array<Value, 6> row = {Value{run_id},      Value{static_cast<int64_t>(card.id)}, Value{std::string_view(card.name)},
                                      Value{card.size},   Value{std::string_view(centroid)},     Value{std::string_view(card.lineage)}};
    auto inserted = store.InsertRow("persona_segments", kSegmentColumns, row);
    if (!inserted.ok()) return inserted.status();
  }
  if (previous_run > 0) {
    const std::array<ColumnEquals, 1> of_run = {ColumnEquals{"run_id", previous_run}};
    ScanFilter filter;
    filter.equals = of_run;
    BRANDLENS_RETURN_IF_ERROR(store.DeleteRows("user_segments", filter));
  }
  static constexpr std::array<std::string_view, 3> kMemberColumns = {"run_id", "user_id", "segment"};
  auto writer = store.PrepareInsert("user_segments", kMemberColumns, InsertMode::kAllNew);
  if (!writer.ok()) return writer.status();
  for (size_t u = 0; u < result.user_ids.size(); ++u) {
    const std::array<Value, 3> row = {Value{run_id}, Value{std::string_view(result.user_ids[u])},
                                      Value{static_cast<int64_t>(result.user_segment[u])}};
    auto inserted = (*writer)->Insert(StableHash({result.user_ids[u]}), row);
    if (!inserted.ok()) return inserted.status();
  }
  writer->reset();
  return tx->Commit();
}

// How the users were clustered: labels (DBSCAN: -1 for outliers), the
// candidates when k was chosen, and which users lie outside every dense
// region (DBSCAN noise; under k-means a flag beside their segment).
struct UserClustering {
  Clustering clustering;
  std::vector<KCandidate> candidates;
  std::vector<char> outlier;
  double eps = 0;
};

// Outlier flags cost a DBSCAN pass whose k-d tree weakens with dimensions
// and size: above this many users, k-means runs without them.
constexpr size_t kMaxOutlierUsers = 500000;
constexpr double kDenseQuantile = 0.95;

Result<UserClustering> ClusterUsers(const PointMatrix& space, const PersonasConfig& config, unsigned threads) {
  UserClustering out;
  const bool dbscan = config.algorithm == "dbscan";
  if (dbscan || space.rows <= kMaxOutlierUsers) {
    out.eps = config.eps > 0 ? config.eps : SuggestEps(space, config.min_points, kDenseQuantile, config.seed);
    if (out.eps > 0) {
      auto dense = Dbscan(space, DbscanOptions{out.eps, config.min_points, threads});
      if (!dense.ok()) return dense.status();
      out.outlier.resize(space.rows);
      for (size_t u = 0; u < space.rows; ++u) out.outlier[u] = dense->labels[u] < 0;
      if (dbscan) {
        out.clustering = std::move(*dense);
        return out;
      }
    }
  }
  KMeansOptions options;
  options.restarts = config.restarts;
  options.seed = config.seed;
  options.threads = threads;
  // DBSCAN without a radius (fewer users than min_points, or all alike):
  // one segment, as k-means with k = 1 gives.
  if (config.k > 0 || dbscan) {
    options.k = dbscan ? 1 : config.k;
    auto fixed = KMeans(space, options);
    // Fewer distinct users than k: as many segments as there are.
    while (!fixed.ok() && options.k > 1) {
      --options.k;
      fixed = KMeans(space, options);
    }
    if (!fixed.ok()) return fixed.status();
    out.clustering = std::move(*fixed);
    return out;
  }
  auto chosen = ChooseK(space, 2, config.max_k, options);
  if (chosen.ok()) {
    out.clustering = std::move(chosen->clustering);
    out.candidates = std::move(chosen->candidates);
    return out;
  }
  options.k = 1;  // fewer than two distinct users
  auto one = KMeans(space, options);
  if (!one.ok()) return one.status();
  out.clustering = std::move(*one);
  return out;
}

}  // namespace

Result<PersonasResult> BuildPersonas(Store& store, const TimestampParser& time, const PersonasConfig& config,
                                     unsigned threads, bool keep_points) {
  const auto start = std::chrono::steady_clock::now();
  PersonasResult result;
  auto features = LoadUserFeatures(store, time, FeatureOptions{config.window_days});
  if (!features.ok()) return features.status();
  result.users = static_cast<int64_t>(features->rows());
  result.users_without_activity = features->users_without_activity;
  if (features->rows() == 0) {
    result.skipped_reason = "the workspace has no users, orders or events";
    return result;
  }
  ScaledFeatures scaled = ScaleFeatures(*features);
  result.features = scaled.scales;
  // All-identical users (or one user): one segment, nothing to scale.
  PointMatrix space;
  Pca pca;
  if (scaled.points.cols > 0) {
    pca = FitPca(scaled.points, kClusterVariance);
    space = Project(pca, scaled.points);
    result.components = pca.kept();
    result.map_variance = pca.explained_variance[0] + (pca.kept() > 1 ? pca.explained_variance[1] : 0);
  } else {
    space.rows = features->rows();
    space.cols = 1;
    space.values.assign(space.rows, 0.0f);
  }

  auto clustered = ClusterUsers(space, config, threads);
  if (!clustered.ok()) return clustered.status();
  Clustering& clustering = clustered->clustering;
  result.algorithm = config.algorithm;
  result.candidates = std::move(clustered->candidates);
  result.eps = clustered->eps;
  result.k = clustering.k;
  for (const auto& c : result.candidates)
    if (c.k == result.k) result.silhouette = c.silhouette, result.stability = c.stability;
  if (result.candidates.empty() && result.k > 1)
    result.silhouette = SampledSilhouette(space, clustering.labels, SampleIndices(space.rows, kSilhouetteSample, config.seed));

  int64_t previous_run = 0;
  auto previous = LoadPrevious(store, *features, scaled, previous_run);
  if (!previous.ok()) return previous.status();
  const std::vector<double> centroids = ScaledCentroids(scaled.points, clustering.labels, clustering.k);
  const SegmentIds ids = MatchSegments(clustering.labels, clustering.k, centroids, *previous);
  result.segments = BuildCards(*features, scaled, clustering.labels, ids.id_of_cluster);
  for (size_t u = 0; u < clustered->outlier.size(); ++u) {
    if (!clustered->outlier[u]) continue;
    ++result.outliers;
    if (clustering.labels[u] < 0) continue;
    const int32_t id = ids.id_of_cluster[static_cast<size_t>(clustering.labels[u])];
    for (PersonaCard& card : result.segments)
      if (card.id == id) ++card.outliers;
  }

  // Map positions and lineage by segment id; centroids in card order.
  const std::vector<nlohmann::json> by_cluster = TransformedCentroids(scaled, centroids);
  std::vector<nlohmann::json> by_card;
  const size_t dims = scaled.points.cols;
  for (PersonaCard& card : result.segments) {
    const auto c = static_cast<size_t>(std::find(ids.id_of_cluster.begin(), ids.id_of_cluster.end(), card.id) -
                                       ids.id_of_cluster.begin());
    card.lineage = ids.lineage[c];
    by_card.push_back(c < by_cluster.size() ? by_cluster[c] : nlohmann::json::object());
    if (pca.kept() > 0)
      for (size_t axis = 0; axis < std::min<size_t>(2, pca.kept()); ++axis) {
        double v = 0;
        for (size_t j = 0; j < dims; ++j)
          v += (centroids[c * dims + j] - pca.mean[j]) * pca.components[axis * pca.input_dims + j];
        (axis == 0 ? card.map_x : card.map_y) = v;
      }
  }
  result.user_ids = std::move(features->user_ids);
  result.user_segment.resize(clustering.labels.size());
  for (size_t u = 0; u < clustering.labels.size(); ++u)
    result.user_segment[u] = clustering.labels[u] < 0 ? kOutlierSegment
                                                      : ids.id_of_cluster[static_cast<size_t>(clustering.labels[u])];
  BRANDLENS_RETURN_IF_ERROR(Save(store, result, by_card, previous_run, result.run_id));
  result.built = true;
  if (keep_points) result.points = std::move(space);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

Result<std::unordered_map<std::string, int32_t>> LoadUserSegments(Store& store) {
  std::unordered_map<std::string, int32_t> out;
  static constexpr std::array<std::string_view, 2> kColumns = {"user_id", "segment"};
  BRANDLENS_RETURN_IF_ERROR(ForEachRow(store, "user_segments", kColumns, {}, [&](RowView& row) {
    out.emplace(row.Text(0), static_cast<int32_t>(row.Int(1)));
    return row.status();
  }));
  return out;
}

}  // namespace brandlens
