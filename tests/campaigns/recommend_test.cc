// Item-item recommendations on hand-made logs whose similarities, lists and
// ranking metrics can be worked out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "campaigns/recommend.h"
#include "ingest/importer.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

constexpr int64_t kDay = 86400;

// Builds a log from (user, item, weight, purchase, day) rows.
struct LogBuilder {
  FeedbackLog log;
  uint32_t Intern(std::vector<std::string>& names, const std::string& name) {
    for (uint32_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return i;
    names.push_back(name);
    return static_cast<uint32_t>(names.size() - 1);
  }
  LogBuilder& Buy(const std::string& user, const std::string& item, int64_t day) {
    return Touch(user, item, 5, true, day);
  }
  LogBuilder& Touch(const std::string& user, const std::string& item, float weight, bool purchase, int64_t day) {
    log.touches.push_back({Intern(log.users, user), Intern(log.items, item), weight, purchase, day * kDay});
    return *this;
  }
};

// Four users bought 龙井 and 碧螺春 together; U5 bought only 龙井; U6 and
// U7 bought a phone and its case.
LogBuilder TeaAndPhones() {
  LogBuilder b;
  for (const char* u : {"U1", "U2", "U3", "U4"}) b.Buy(u, "龙井", 1).Buy(u, "碧螺春", 2);
  b.Buy("U5", "龙井", 3);
  b.Buy("U6", "phone", 4).Buy("U6", "case", 4).Buy("U7", "phone", 5).Buy("U7", "case", 5);
  return b;
}

TEST(RecommendTest, SimilarItemsByShrunkCosine) {
  const LogBuilder b = TeaAndPhones();
  RecommenderOptions options;
  options.shrinkage = 0;
  const auto model = ItemRecommender::Train(b.log, INT64_MAX, {}, options);
  EXPECT_FALSE(model.repeats_purchases());  // nobody bought anything twice
  const auto list = model.ForUser("U5", 3);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].item, "碧螺春");
  EXPECT_EQ(list[0].source, "similar items");
  // 龙井's column: five buyers at log(1 + 5); 碧螺春's: four of them.
  // cos = 4c² / sqrt(5c² · 4c²) = 4 / sqrt(20); the score adds 1 + c · cos.
  const double c = std::log1p(5.0);
  EXPECT_NEAR(list[0].score, 1 + c * 4 / std::sqrt(20.0), 1e-5);
  // Nothing else is similar: the rest comes from the popular items, never
  // 龙井 again (already bought, repeats excluded).
  EXPECT_EQ(list[1].source, "popular");
  for (const auto& r : list) EXPECT_NE(r.item, "龙井");

  // Shrinkage 10 multiplies by co / (co + 10) = 4 / 14.
  const auto shrunk = ItemRecommender::Train(b.log, INT64_MAX, {}, RecommenderOptions{});
  EXPECT_NEAR(shrunk.ForUser("U5", 1)[0].score, 1 + c * 4 / std::sqrt(20.0) * 4 / 14, 1e-5);
}

TEST(RecommendTest, ColdUsersGetTheirSegmentsFavouritesThenEveryones) {
  const LogBuilder b = TeaAndPhones();
  // Segment 7 holds the phone buyers.
  const std::unordered_map<std::string, int32_t> segments = {{"U6", 7}, {"U7", 7}, {"NEW", 7}};
  const auto model = ItemRecommender::Train(b.log, INT64_MAX, segments, RecommenderOptions{});
  const auto cold = model.ForUser("NEW", 3);
  ASSERT_EQ(cold.size(), 3u);
  EXPECT_EQ(cold[0].source, "segment favourites");
  EXPECT_TRUE(cold[0].item == "phone" || cold[0].item == "case");
  EXPECT_EQ(cold[2].source, "popular");
  EXPECT_EQ(cold[2].item, "龙井");  // five purchases: the most bought overall
  const auto stranger = model.ForUser("nobody", 2);
  EXPECT_EQ(stranger[0].item, "龙井");
  EXPECT_EQ(stranger[1].item, "碧螺春");
  EXPECT_EQ(stranger[0].source, "popular");
  // Asking for more than the catalogue holds returns the catalogue.
  EXPECT_EQ(model.ForUser("nobody", 50).size(), 4u);
}

TEST(RecommendTest, RepeatPolicyFollowsTheData) {
  LogBuilder b = TeaAndPhones();
  // Tea drinkers come back: 4 repeats among 17 purchases (24% ≥ 20%).
  for (const char* u : {"U1", "U2", "U3", "U5"}) b.Buy(u, "龙井", 9);
  const auto model = ItemRecommender::Train(b.log, INT64_MAX, {}, RecommenderOptions{});
  EXPECT_TRUE(model.repeats_purchases());
  EXPECT_NEAR(model.repeat_share(), 4.0 / 17, 1e-12);
  EXPECT_EQ(model.ForUser("U5", 1)[0].item, "龙井");  // their own staple first
  RecommenderOptions exclude;
  exclude.repeat = RepeatPolicy::kExclude;
  const auto never = ItemRecommender::Train(b.log, INT64_MAX, {}, exclude);
  EXPECT_EQ(never.ForUser("U5", 1)[0].item, "碧螺春");
}

TEST(RecommendTest, ViewsCountButLessThanPurchases) {
  LogBuilder b;
  // U1 viewed A and bought B; U2 bought A and C; U3 bought B and D. For
  // U9, who bought B, D (a fellow purchase of B) ranks above A (a view).
  b.Touch("U1", "A", 1, false, 1).Buy("U1", "B", 1);
  b.Buy("U2", "A", 2).Buy("U2", "C", 2);
  b.Buy("U3", "B", 3).Buy("U3", "D", 3);
  b.Buy("U9", "B", 4);
  const auto model = ItemRecommender::Train(b.log, INT64_MAX, {}, RecommenderOptions{});
  const auto list = model.ForUser("U9", 3);
  ASSERT_GE(list.size(), 2u);
  // D shares a purchaser with B; A shares only a viewer.
  EXPECT_EQ(list[0].item, "D");
  EXPECT_EQ(list[1].item, "A");
}

TEST(RecommendTest, HoldoutMetricsByHand) {
  LogBuilder b = TeaAndPhones();
  // The holdout (last 5 days, from day 15): U5 buys 碧螺春; U8 (cold)
  // buys case.
  b.Buy("U5", "碧螺春", 19).Buy("U8", "case", 20);
  auto e = EvaluateRecommender(b.log, {}, 1, 5, RecommenderOptions{});
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->users, 2);
  // Model: U5 → 碧螺春 (hit), U8 → 龙井 (miss): precision@1 = 0.5, recall
  // = (1 + 0) / 2, NDCG = 0.5.
  EXPECT_DOUBLE_EQ(e->model.precision, 0.5);
  EXPECT_DOUBLE_EQ(e->model.recall, 0.5);
  EXPECT_DOUBLE_EQ(e->model.ndcg, 0.5);
  // Popularity: U5 → 碧螺春 (龙井 is already bought, 碧螺春 next: hit);
  // U8 → 龙井 (miss).
  EXPECT_DOUBLE_EQ(e->popularity.precision, 0.5);
  // At k = 3 U8's list is 龙井, 碧螺春, then phone or case: with the tie
  // at two purchases each, the first bought (phone) ranks first.
  auto three = EvaluateRecommender(b.log, {}, 3, 5, RecommenderOptions{});
  ASSERT_TRUE(three.ok());
  EXPECT_NEAR(three->model.precision, (1.0 / 3 + 0) / 2, 1e-12);
  EXPECT_NEAR(three->model.ndcg, (1.0 + 0) / 2, 1e-12);
}

TEST(RecommendTest, ClearErrors) {
  const LogBuilder b = TeaAndPhones();
  EXPECT_FALSE(EvaluateRecommender(b.log, {}, 0, 30, RecommenderOptions{}).ok());
  EXPECT_FALSE(EvaluateRecommender(b.log, {}, 10, 0, RecommenderOptions{}).ok());
  EXPECT_FALSE(EvaluateRecommender(FeedbackLog{}, {}, 10, 30, RecommenderOptions{}).ok());
  LogBuilder views;
  views.Touch("U1", "A", 1, false, 1).Touch("U2", "A", 1, false, 2);
  const auto none = EvaluateRecommender(views.log, {}, 10, 30, RecommenderOptions{});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("no purchases"), std::string::npos);
}

TEST(RecommendTest, LoadsOrdersAndEventsFromTheWorkspace) {
  testing::TempDir dir;
  auto store = std::move(OpenWorkspace(dir.path() / "ws.db").value());
  auto import = [&](const std::string& kind, const std::string& csv) {
    auto r = ImportFile(*store, kind, testing::WriteFile(dir.path() / (kind + ".csv"), csv), ImportOptions{});
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->rows_rejected, 0);
  };
  import("orders",
         "order_id,user_id,ordered_at,amount,product_id\nO1,U1,2025-06-04 11:00,100,龙井\n"
         "O2,U2,2025-06-05 11:00,50,\n");
  // The purchase event repeats order O1: it must not count twice.
  import("events",
         "user_id,occurred_at,type,channel,item_id\nU1,2025-06-01 10:00,view,app,碧螺春\n"
         "U1,2025-06-04 11:00,purchase,app,龙井\nU2,2025-06-02 10:00,cart,app,龙井\n"
         "U2,2025-06-02 09:00,view,app,\n");
  auto log = LoadFeedback(*store);
  ASSERT_TRUE(log.ok()) << log.status().message();
  ASSERT_EQ(log->touches.size(), 3u);  // O1, U1's view, U2's cart
  EXPECT_EQ(log->items.size(), 2u);
  EXPECT_LE(log->touches[0].at, log->touches[1].at);
  int purchases = 0;
  for (const auto& t : log->touches) purchases += t.purchase;
  EXPECT_EQ(purchases, 1);
}

}  // namespace
}  // namespace brandlens
