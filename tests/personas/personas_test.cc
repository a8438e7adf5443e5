// The personas job on small hand-made workspaces: the features it computes,
// the segments it finds, ids that survive a re-run, what it stores, the
// report section, and users with no events, one user or identical users.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>

#include "ingest/importer.h"
#include "personas/personas.h"
#include "personas/personas_report.h"
#include "personas/user_features.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;

// Three behaviours, `per` users each: morning coffee regulars on the app
// (many small orders), weekend snack bulk buyers in store (few big orders,
// discounted), and window shoppers who only browse and open messages.
struct World {
  std::string users = "user_id,signup_at,gender,age\n";
  std::string products = "product_id,name,category,price\nC1,美式,coffee,15\nS1,蛋挞,snack,10\n";
  std::string orders = "order_id,user_id,ordered_at,product_id,quantity,amount,channel\n";
  std::string events = "user_id,occurred_at,type\n";
};

World MakeWorld(int per) {
  World w;
  int order = 0;
  for (int i = 0; i < per; ++i) {
    const std::string coffee = fmt::format("C{:03d}", i), snack = fmt::format("S{:03d}", i),
                      browse = fmt::format("B{:03d}", i);
    w.users += fmt::format("{},2025-01-0{} 10:00,female,{}\n", coffee, 1 + i % 9, 28 + i % 5);
    w.users += fmt::format("{},2025-01-0{} 10:00,male,{}\n", snack, 1 + i % 9, 41 + i % 5);
    w.users += fmt::format("{},2025-01-0{} 10:00,female,{}\n", browse, 1 + i % 9, 20 + i % 5);
    for (int d = 0; d < 20 + i % 5; ++d)  // the weekdays of June 2025 (from Monday the 2nd), 8 am
      w.orders += fmt::format("O{},{},2025-06-{:02d} 08:{:02d}:00,C1,1,15,app\n", ++order, coffee,
                              2 + (d % 20) / 5 * 7 + d % 5, i % 60);
    for (int d = 0; d < 3 + i % 2; ++d)  // Saturdays, afternoon, 6 items at a discount
      w.orders += fmt::format("O{},{},2025-06-{:02d} 15:00:00,S1,6,48,store\n", ++order, snack, 7 + 7 * d, i);
    for (int d = 0; d < 12; ++d)
      w.events += fmt::format("{},2025-06-{:02d} 20:00:00,view\n{},2025-06-{:02d} 21:00:00,open\n", browse, 1 + d,
                              browse, 1 + d);
  }
  return w;
}

class PersonasTest : public ::testing::Test {
 protected:
  void Import(const World& w) {
    auto store = OpenWorkspace(dir_.path() / "ws.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    for (const auto& [kind, text] : {std::pair<std::string, std::string>{"users", w.users}, {"products", w.products},
                                     {"orders", w.orders}, {"events", w.events}}) {
      const auto path = testing::WriteFile(dir_.path() / (kind + ".csv"), text);
      auto report = ImportFile(*store_, kind, path, ImportOptions{});
      ASSERT_TRUE(report.ok()) << report.status().message();
      ASSERT_EQ(report->rows_rejected, 0) << kind;
    }
    time_ = std::move(TimestampParser::Create("Asia/Shanghai").value());
  }
  Result<PersonasResult> Build(PersonasConfig config = {}) { return BuildPersonas(*store_, *time_, config, 2); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<TimestampParser> time_;
};

size_t Feature(const UserFeatures& f, const std::string& name) {
  for (size_t j = 0; j < f.cols(); ++j)
    if (f.features[j].name == name) return j;
  ADD_FAILURE() << "no feature " << name;
  return 0;
}

size_t UserRow(const UserFeatures& f, const std::string& id) {
  return static_cast<size_t>(std::find(f.user_ids.begin(), f.user_ids.end(), id) - f.user_ids.begin());
}

TEST_F(PersonasTest, FeaturesSayWhatEachUserDid) {
  Import(MakeWorld(10));
  auto f = LoadUserFeatures(*store_, *time_, FeatureOptions{});
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->rows(), 30u);
  const size_t coffee = UserRow(*f, "C000"), snack = UserRow(*f, "S000"), browse = UserRow(*f, "B000");
  EXPECT_DOUBLE_EQ(f->At(coffee, Feature(*f, "cat:coffee")), 1.0);
  EXPECT_DOUBLE_EQ(f->At(coffee, Feature(*f, "ch:app")), 1.0);
  EXPECT_DOUBLE_EQ(f->At(coffee, Feature(*f, "time:morning")), 1.0);
  EXPECT_DOUBLE_EQ(f->At(coffee, Feature(*f, "weekend_share")), 0.0);
  EXPECT_DOUBLE_EQ(f->At(snack, Feature(*f, "weekend_share")), 1.0);
  EXPECT_DOUBLE_EQ(f->At(snack, Feature(*f, "discount_share")), 1.0);   // 48 < 0.98 × 10 × 6
  EXPECT_DOUBLE_EQ(f->At(snack, Feature(*f, "items_per_order")), 6.0);
  EXPECT_DOUBLE_EQ(f->At(snack, Feature(*f, "order_value")), 48.0);
  EXPECT_DOUBLE_EQ(f->At(coffee, Feature(*f, "female")), 1.0);
  EXPECT_DOUBLE_EQ(f->At(snack, Feature(*f, "age")), 41.0);
  // The browser bought nothing: shares are missing, rates zero, 12 opens.
  EXPECT_TRUE(std::isnan(f->At(browse, Feature(*f, "cat:coffee"))));
  EXPECT_TRUE(std::isnan(f->At(browse, Feature(*f, "order_value"))));
  EXPECT_EQ(f->At(browse, Feature(*f, "orders_per_month")), 0.0);
  EXPECT_GT(f->At(browse, Feature(*f, "opens_per_month")), 0.0);
  EXPECT_DOUBLE_EQ(f->revenue[snack], 48.0 * 3);
}

TEST_F(PersonasTest, FindsTheThreeBehavioursAndStoresThem) {
  Import(MakeWorld(20));
  auto p = Build();
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_TRUE(p->built);
  EXPECT_EQ(p->k, 3);
  ASSERT_EQ(p->segments.size(), 3u);
  // Each behaviour is one segment.
  std::map<char, std::set<int32_t>> by_kind;
  for (size_t u = 0; u < p->user_ids.size(); ++u) by_kind[p->user_ids[u][0]].insert(p->user_segment[u]);
  for (const auto& [kind, segments] : by_kind) EXPECT_EQ(segments.size(), 1u) << kind;
  for (const auto& card : p->segments) {
    EXPECT_EQ(card.size, 20);
    EXPECT_NEAR(card.user_share, 1.0 / 3, 1e-9);
    EXPECT_FALSE(card.name.empty());
    EXPECT_FALSE(card.description.empty());
    EXPECT_EQ(card.examples.size(), 5u);
    EXPECT_EQ(card.lineage, "new");
  }
  // The coffee regulars bring most revenue; the browsers none.
  const PersonaCard* coffee = nullptr;
  for (const auto& card : p->segments) {
    if (card.examples[0][0] == 'C') coffee = &card;
  }
  ASSERT_NE(coffee, nullptr);
  EXPECT_GT(coffee->revenue_share, 0.6);
  EXPECT_EQ(p->segments.front().target_score, 100);
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM user_segments"), 60);
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM persona_segments"), 3);
}

TEST_F(PersonasTest, SegmentIdsSurviveAReRunWithNewUsers) {
  Import(MakeWorld(20));
  auto first = Build();
  ASSERT_TRUE(first.ok());
  std::map<std::string, int32_t> before;
  for (size_t u = 0; u < first->user_ids.size(); ++u) before[first->user_ids[u]] = first->user_segment[u];
  // A different seed and more users of the same kinds: same ids.
  World more = MakeWorld(30);
  Import(more);
  PersonasConfig config;
  config.seed = 99;
  auto second = Build(config);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->k, 3);
  for (size_t u = 0; u < second->user_ids.size(); ++u) {
    const auto it = before.find(second->user_ids[u]);
    if (it == before.end()) continue;  // a new user
    EXPECT_EQ(second->user_segment[u], it->second) << second->user_ids[u];
  }
  for (const auto& card : second->segments) EXPECT_EQ(card.lineage, fmt::format("continues {}", card.id));
  // Only the latest run's memberships are kept.
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM user_segments"), 90);
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(DISTINCT run_id) FROM user_segments"), 1);
}

TEST_F(PersonasTest, FixedKAndTheReportSection) {
  Import(MakeWorld(10));
  PersonasConfig config;
  config.k = 2;
  auto p = Build(config);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->k, 2);
  EXPECT_TRUE(p->candidates.empty());
  Report report;
  AddPersonasSection(*p, report);
  ASSERT_EQ(report.sections.size(), 1u);
  const ReportSection& s = report.sections[0];
  EXPECT_EQ(s.id, "personas");
  EXPECT_EQ(s.tables[0].rows.size(), 2u);
  EXPECT_EQ(s.charts.size(), 2u + 2u);  // shares, map, one feature chart per segment
  EXPECT_EQ(report.highlights.size(), 1u);
  // A median no member has is null in the JSON and 无 in prose, never NaN.
  const auto json = ReportToJson(report).dump();
  EXPECT_EQ(json.find("NaN"), std::string::npos);
  for (const auto& card : p->segments) EXPECT_EQ(card.description.find("nan"), std::string::npos) << card.description;
}

TEST_F(PersonasTest, DbscanSegmentsSetTheExtremeUserApart) {
  World w = MakeWorld(20);
  // One reseller: 300 night orders of 50 snacks each, by a channel nobody else uses.
  w.users += "X001,2025-01-01 10:00,male,60\n";
  for (int d = 0; d < 300; ++d)
    w.orders += fmt::format("X{},X001,2025-06-{:02d} 03:{:02d}:00,S1,50,500,wholesale\n", d, 1 + d % 28, d % 60);
  Import(w);
  PersonasConfig config;
  config.algorithm = "dbscan";
  auto p = Build(config);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->algorithm, "dbscan");
  EXPECT_EQ(p->k, 3);
  EXPECT_GT(p->eps, 0);
  EXPECT_GE(p->outliers, 1);
  const size_t reseller = static_cast<size_t>(std::find(p->user_ids.begin(), p->user_ids.end(), "X001") - p->user_ids.begin());
  ASSERT_LT(reseller, p->user_ids.size());
  EXPECT_EQ(p->user_segment[reseller], kOutlierSegment);
  for (const auto& card : p->segments) EXPECT_NE(card.id, kOutlierSegment);
  // Under k-means the same user is flagged beside a segment.
  auto k = Build();
  ASSERT_TRUE(k.ok());
  EXPECT_GE(k->outliers, 1);
  EXPECT_NE(k->user_segment[reseller], kOutlierSegment);
}

TEST_F(PersonasTest, NoUsersIsNotAnErrorAndWritesNothing) {
  Import(World{});
  auto p = Build();
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_FALSE(p->built);
  EXPECT_FALSE(p->skipped_reason.empty());
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM persona_runs"), 0);
  Report report;
  AddPersonasSection(*p, report);
  EXPECT_EQ(report.sections[0].summary.size(), 1u);
}

TEST_F(PersonasTest, OneUserMakesOneSegment) {
  World one;
  one.users += "U1,2025-01-01 10:00,female,30\n";
  Import(one);
  auto single = Build();
  ASSERT_TRUE(single.ok()) << single.status().message();
  EXPECT_EQ(single->k, 1);
  EXPECT_EQ(single->user_segment, std::vector<int32_t>{1});
}

TEST_F(PersonasTest, KAboveTheDistinctUsersIsLowered) {
  World same;
  for (int i = 0; i < 5; ++i) same.users += fmt::format("U{},,,\n", i);
  Import(same);
  PersonasConfig config;
  config.k = 4;  // more than the one distinct user there is
  auto identical = Build(config);
  ASSERT_TRUE(identical.ok()) << identical.status().message();
  EXPECT_EQ(identical->k, 1);
  for (const auto& card : identical->segments) EXPECT_FALSE(std::isnan(card.value_per_user));
}

}  // namespace
}  // namespace brandlens

namespace brandlens {
namespace {

Result<PersonasConfig> ReadSection(const std::string& section) {
  TempDir dir;
  auto config = LoadConfig(testing::WriteFile(dir.path() / "brandlens.toml",
                                              "[[brands]]\nname = \"A\"\nown = true\n[personas]\n" + section));
  if (!config.ok()) return config.status();
  return ReadPersonasConfig(*config);
}

TEST(PersonasConfigTest, ReadsTheSectionAndRefusesWhatCannotWork) {
  auto c = ReadSection("window_days = 180\nk = 5\nalgorithm = \"dbscan\"\nmin_points = 20\neps = 0.7\n");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->window_days, 180);
  EXPECT_EQ(c->k, 5);
  EXPECT_EQ(c->algorithm, "dbscan");
  EXPECT_EQ(c->min_points, 20);
  EXPECT_DOUBLE_EQ(c->eps, 0.7);
  auto typo = ReadSection("restart = 3\n");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("restart"), std::string::npos);
  EXPECT_NE(ReadSection("algorithm = \"gmm\"\n").status().message().find("kmeans"), std::string::npos);
  EXPECT_FALSE(ReadSection("window_days = 3\n").ok());
  EXPECT_FALSE(ReadSection("k = -1\n").ok());
  EXPECT_FALSE(ReadSection("eps = -0.5\n").ok());
  EXPECT_FALSE(ReadSection("k = \"auto\"\n").ok());
}

}  // namespace
}  // namespace brandlens
