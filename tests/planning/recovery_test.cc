// Recovery on the demo world: the festival effects it planted in sales
// (618 and 双11 rushes, the Spring Festival lull) are measured back, and
// forecasts of its last four weeks from the weeks before are accurate.
#include <gtest/gtest.h>

#include <map>

#include "demo_workspace.h"
#include "planning/planning.h"

namespace brandlens {
namespace {

TEST(PlanningRecoveryTest, FestivalsAndAHeldOutMonth) {
  testing::DemoWorkspace demo;
  ASSERT_NO_FATAL_FAILURE(testing::ImportDemoKinds(demo, {"orders", "spend"}));
  Store& store = *demo.store;
  auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  auto p = BuildPlanning(store, *time, PlanningConfig{}, 2);
  ASSERT_TRUE(p.ok()) << p.status().message();
  const PlannedSeries* sales = nullptr;
  for (const auto& s : p->series)
    if (s.id == "sales") sales = &s;
  ASSERT_NE(sales, nullptr);
  EXPECT_EQ(sales->daily.size(), 730u);  // the demo's two years, the spill past midnight left out
  std::map<std::string, double> lift;
  for (const auto& f : sales->festivals) lift[f.name] = f.lift;
  EXPECT_GT(lift.at("618"), 1.3);
  EXPECT_GT(lift.at("双11"), 1.2);
  EXPECT_LT(lift.at("春节"), 0.8);
  EXPECT_GT(p->series.size(), 3u);  // sales, mentions (none imported here: absent), channels

  // The last 28 days forecast from the 702 before.
  const std::vector<double> history(sales->daily.begin(), sales->daily.end() - 28);
  const std::vector<double> actual(sales->daily.end() - 28, sales->daily.end());
  auto f = ForecastSeries(history, ForecastOptions{28, 7, {80, 95}, std::nullopt});
  ASSERT_TRUE(f.ok());
  const double smape = Smape(actual, f->mean);
  EXPECT_LT(smape, 10.0);
  EXPECT_LT(smape, Smape(actual, f->seasonal_naive));
  RecordProperty("smape", std::to_string(smape));
}

}  // namespace
}  // namespace brandlens
