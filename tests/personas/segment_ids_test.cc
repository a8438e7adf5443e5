// Stable segment ids: continuing, new, split and merged segments, and the
// centroid fallback for clusters of users never segmented before.
#include <gtest/gtest.h>

#include "personas/segment_ids.h"

namespace brandlens {
namespace {

TEST(SegmentIdsTest, FirstRunNumbersFromOne) {
  const SegmentIds ids = MatchSegments({0, 1, 1, 2}, 3, std::vector<double>(3, 0.0), PreviousSegments{});
  EXPECT_EQ(ids.id_of_cluster, (std::vector<int32_t>{1, 2, 3}));
  EXPECT_EQ(ids.lineage, (std::vector<std::string>{"new", "new", "new"}));
}

TEST(SegmentIdsTest, RelabelledClustersKeepTheirIds) {
  // The same partition with cluster numbers swapped: ids follow the members.
  PreviousSegments previous{{7, 9}, {{0.0}, {5.0}}, {7, 7, 9, 9}};
  const SegmentIds ids = MatchSegments({1, 1, 0, 0}, 2, {5.0, 0.0}, previous);
  EXPECT_EQ(ids.id_of_cluster, (std::vector<int32_t>{9, 7}));
  EXPECT_EQ(ids.lineage, (std::vector<std::string>{"continues 9", "continues 7"}));
}

TEST(SegmentIdsTest, ASplitKeepsTheIdOnTheLargerPartAndSaysSo) {
  // Old segment 4 (six users) splits 4 + 2; old 5 continues.
  PreviousSegments previous{{4, 5}, {{0.0}, {9.0}}, {4, 4, 4, 4, 4, 4, 5, 5}};
  const SegmentIds ids = MatchSegments({0, 0, 0, 0, 1, 1, 2, 2}, 3, {0.0, 1.0, 9.0}, previous);
  EXPECT_EQ(ids.id_of_cluster[0], 4);
  EXPECT_EQ(ids.id_of_cluster[2], 5);
  EXPECT_EQ(ids.id_of_cluster[1], 6);  // a new id
  EXPECT_EQ(ids.lineage[1], "split from 4");
}

TEST(SegmentIdsTest, AMergeSaysWhichSegmentsItJoined) {
  // Old 1 (four users) and old 2 (three users) become one cluster.
  PreviousSegments previous{{1, 2}, {{0.0}, {1.0}}, {1, 1, 1, 1, 2, 2, 2}};
  const SegmentIds ids = MatchSegments({0, 0, 0, 0, 0, 0, 0}, 1, {0.4}, previous);
  EXPECT_EQ(ids.id_of_cluster[0], 1);
  EXPECT_EQ(ids.lineage[0], "merged 1+2");
}

TEST(SegmentIdsTest, ClustersOfNewUsersTakeTheNearestPreviousCentroid) {
  // Nobody was segmented before (a re-import under new ids): centroids decide.
  PreviousSegments previous{{3, 8}, {{0.0, 0.0}, {4.0, 4.0}}, {-1, -1, -1}};
  const SegmentIds ids = MatchSegments({0, 1, 2}, 3, {4.2, 3.9, 0.1, -0.2, 40.0, 40.0}, previous);
  EXPECT_EQ(ids.id_of_cluster[0], 8);
  EXPECT_EQ(ids.id_of_cluster[1], 3);
  EXPECT_EQ(ids.id_of_cluster[2], 9);  // too far from any: new
  EXPECT_EQ(ids.lineage[2], "new");
}

}  // namespace
}  // namespace brandlens
