// k-means, DBSCAN and their quality measures on small cases checkable by
// hand, and the edge cases a user's data brings (one point, identical
// points, k larger than the distinct points).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "personas/choose_k.h"
#include "personas/cluster_quality.h"
#include "personas/dbscan.h"
#include "personas/kmeans.h"
#include "personas/pca.h"

namespace brandlens {
namespace {

PointMatrix Points(std::initializer_list<std::initializer_list<float>> rows) {
  PointMatrix m;
  for (const auto& r : rows) {
    m.cols = r.size();
    m.values.insert(m.values.end(), r.begin(), r.end());
    ++m.rows;
  }
  return m;
}

// `per` points around each centre, Gaussian with `spread`.
PointMatrix Blobs(const std::vector<std::vector<float>>& centres, size_t per, float spread, uint64_t seed,
                  std::vector<int32_t>* truth = nullptr) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> noise(0, spread);
  PointMatrix m;
  m.cols = centres[0].size();
  for (size_t i = 0; i < per; ++i)
    for (size_t c = 0; c < centres.size(); ++c) {
      for (float x : centres[c]) m.values.push_back(x + noise(rng));
      if (truth) truth->push_back(static_cast<int32_t>(c));
      ++m.rows;
    }
  return m;
}

TEST(KMeansTest, TwoObviousGroupsAndTheirInertia) {
  // Groups {0,1} and {10,11} on a line: centroids 0.5 and 10.5, inertia 4 × 0.25.
  const PointMatrix m = Points({{0}, {1}, {10}, {11}});
  KMeansOptions o;
  o.k = 2;
  auto c = KMeans(m, o);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->labels[0], c->labels[1]);
  EXPECT_EQ(c->labels[2], c->labels[3]);
  EXPECT_NE(c->labels[0], c->labels[2]);
  EXPECT_NEAR(c->inertia, 1.0, 1e-9);
  EXPECT_EQ(c->restart_inertias.size(), 4u);
}

TEST(KMeansTest, RecoversBlobsAndIsDeterministic) {
  std::vector<int32_t> truth;
  const PointMatrix m = Blobs({{0, 0, 0}, {8, 0, 0}, {0, 8, 0}, {0, 0, 8}}, 500, 1.0f, 7, &truth);
  KMeansOptions o;
  o.k = 4;
  o.threads = 2;
  auto a = KMeans(m, o), b = KMeans(m, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(AdjustedRandIndex(a->labels, truth), 0.99);
  EXPECT_EQ(a->labels, b->labels);
  EXPECT_DOUBLE_EQ(a->inertia, b->inertia);
  // Inertia is about n × dims × spread² for well-separated blobs.
  EXPECT_NEAR(a->inertia / (2000.0 * 3), 1.0, 0.1);
}

TEST(KMeansTest, OneThreadAndTwoAgree) {
  const PointMatrix m = Blobs({{0, 0}, {5, 5}, {10, 0}}, 3000, 1.5f, 3);
  KMeansOptions o;
  o.k = 3;
  o.threads = 1;
  auto one = KMeans(m, o);
  o.threads = 2;
  auto two = KMeans(m, o);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->labels, two->labels);
  EXPECT_NEAR(one->inertia, two->inertia, 1e-6 * one->inertia);
}

TEST(KMeansTest, KAboveDistinctPointsIsAClearError) {
  const PointMatrix m = Points({{1, 1}, {1, 1}, {2, 2}});
  KMeansOptions o;
  o.k = 3;
  auto c = KMeans(m, o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("only 2 distinct points"), std::string::npos) << c.status().message();
  o.k = 2;
  EXPECT_TRUE(KMeans(m, o).ok());
}

TEST(KMeansTest, SinglePointAndIdenticalPoints) {
  KMeansOptions o;
  o.k = 1;
  auto one = KMeans(Points({{3, 4}}), o);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->labels, std::vector<int32_t>{0});
  EXPECT_EQ(one->inertia, 0);
  auto same = KMeans(Points({{2}, {2}, {2}}), o);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->inertia, 0);
  EXPECT_FALSE(std::isnan(same->centroids[0]));
  EXPECT_FALSE(KMeans(PointMatrix{}, o).ok());
}

TEST(KMeansTest, HugeCoordinatesGiveAFiniteInertia) {
  // Found by fuzzing: squares of 7.8e20 overflow a float sum.
  const PointMatrix m = Points({{7.8e20f}, {4.5e1f}, {5}, {7.7e20f}});
  KMeansOptions o;
  o.k = 2;
  auto c = KMeans(m, o);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(std::isfinite(c->inertia));
  EXPECT_EQ(c->labels[0], c->labels[3]);
  EXPECT_NE(c->labels[0], c->labels[1]);
}

TEST(ChooseKTest, FindsTheNumberOfBlobs) {
  const PointMatrix m = Blobs({{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 20}}, 300, 1.0f, 11);
  KMeansOptions o;
  auto chosen = ChooseK(m, 2, 8, o);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->clustering.k, 5);
  EXPECT_EQ(chosen->candidates.size(), 7u);
  for (const auto& c : chosen->candidates) {
    if (c.k == 5) {
      EXPECT_GT(c.stability, 0.95);
    }
  }
}

TEST(ChooseKTest, StopsAtTheDistinctPoints) {
  auto chosen = ChooseK(Points({{0}, {0}, {5}, {9}}), 2, 8, KMeansOptions{});
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->candidates.back().k, 3);
  EXPECT_FALSE(ChooseK(Points({{1}, {1}}), 2, 8, KMeansOptions{}).ok());
}

TEST(DbscanTest, DenseGroupsAndNoiseByHand) {
  // Two tight groups of three and a far point; eps 1.5, min 3 (itself included).
  const PointMatrix m = Points({{0, 0}, {1, 0}, {0, 1}, {10, 10}, {11, 10}, {10, 11}, {50, 50}});
  auto c = Dbscan(m, DbscanOptions{1.5, 3, 1});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->k, 2);
  EXPECT_EQ(c->labels, (std::vector<int32_t>{0, 0, 0, 1, 1, 1, -1}));
}

TEST(DbscanTest, BorderPointsJoinAndChainsConnect) {
  // A chain 0..4 spaced 1 apart: with eps 1.1 and min 3 the ends are border
  // points (two neighbours with themselves) of the one cluster.
  const PointMatrix m = Points({{0}, {1}, {2}, {3}, {4}});
  auto c = Dbscan(m, DbscanOptions{1.1, 3, 2});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->k, 1);
  EXPECT_EQ(c->labels, (std::vector<int32_t>(5, 0)));
  auto strict = Dbscan(m, DbscanOptions{1.1, 4, 2});
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(strict->k, 0);  // nobody has four points within eps
}

TEST(DbscanTest, BlobsMatchTruthAndBadOptionsAreErrors) {
  std::vector<int32_t> truth;
  const PointMatrix m = Blobs({{0, 0}, {20, 0}, {0, 20}}, 400, 1.0f, 5, &truth);
  auto c = Dbscan(m, DbscanOptions{1.5, 5, 2});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->k, 3);
  EXPECT_GT(AdjustedRandIndex(c->labels, truth), 0.95);
  EXPECT_FALSE(Dbscan(m, DbscanOptions{0, 5, 1}).ok());
  EXPECT_FALSE(Dbscan(m, DbscanOptions{NAN, 5, 1}).ok());
  EXPECT_FALSE(Dbscan(m, DbscanOptions{1, 0, 1}).ok());
  EXPECT_FALSE(Dbscan(PointMatrix{}, DbscanOptions{}).ok());
}

TEST(DbscanTest, SuggestedEpsFindsTheBlobsAndLeavesFarPointsOut) {
  std::vector<int32_t> truth;
  PointMatrix m = Blobs({{0, 0}, {30, 0}, {0, 30}}, 300, 1.0f, 9, &truth);
  for (float far : {100.0f, -100.0f}) {  // two loners
    m.values.insert(m.values.end(), {far, far});
    ++m.rows;
  }
  const double eps = SuggestEps(m, 10, 0.95, 1);
  EXPECT_GT(eps, 0.3);
  EXPECT_LT(eps, 3.0);
  auto c = Dbscan(m, DbscanOptions{eps, 10, 2});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->k, 3);
  EXPECT_EQ(c->labels[m.rows - 1], -1);
  EXPECT_EQ(c->labels[m.rows - 2], -1);
  EXPECT_EQ(SuggestEps(Points({{1}, {2}}), 10, 0.95, 1), 0);  // fewer points than min_points
}

TEST(QualityTest, AdjustedRandIndexByHand) {
  const std::vector<int32_t> a = {0, 0, 1, 1}, renamed = {5, 5, 2, 2}, other = {0, 1, 0, 1};
  EXPECT_DOUBLE_EQ(AdjustedRandIndex(a, renamed), 1.0);
  // Contingency all ones: index 0, expected 2·2/6, max 2 → (0 − 2/3)/(2 − 2/3) = −0.5.
  EXPECT_NEAR(AdjustedRandIndex(a, other), -0.5, 1e-12);
}

TEST(QualityTest, SilhouetteSeparatedVersusMixed) {
  const PointMatrix m = Points({{0}, {1}, {10}, {11}});
  const std::vector<size_t> all = {0, 1, 2, 3};
  // Point 0: a = 1, b = (10 + 11)/2 = 10.5 → 1 − 1/10.5; by symmetry all alike-ish.
  const double good = SampledSilhouette(m, std::vector<int32_t>{0, 0, 1, 1}, all);
  const double bad = SampledSilhouette(m, std::vector<int32_t>{0, 1, 0, 1}, all);
  EXPECT_NEAR(good, ((1 - 1 / 10.5) + (1 - 1 / 9.5) + (1 - 1 / 9.5) + (1 - 1 / 10.5)) / 4, 1e-9);
  EXPECT_LT(bad, 0);
}

TEST(PcaTest, FindsTheLineThePointsLieOn) {
  // Points on y = 2x: one component explains everything.
  const PointMatrix m = Points({{0, 0}, {1, 2}, {2, 4}, {3, 6}});
  const Pca pca = FitPca(m, 0.95);
  ASSERT_EQ(pca.kept(), 1u);
  EXPECT_NEAR(pca.explained_variance[0], 1.0, 1e-9);
  EXPECT_NEAR(std::abs(pca.components[1] / pca.components[0]), 2.0, 1e-9);
  const PointMatrix projected = Project(pca, m);
  EXPECT_NEAR(projected.values[3] - projected.values[0], 3 * std::sqrt(5.0), 1e-5);
  // Constant data keeps one component that explains nothing.
  const Pca flat = FitPca(Points({{1, 1}, {1, 1}}), 0.95);
  EXPECT_EQ(flat.kept(), 1u);
}

}  // namespace
}  // namespace brandlens
