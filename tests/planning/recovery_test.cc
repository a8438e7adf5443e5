// Recovery on the demo world: the festival effects it planted in sales
// (618 and 双11 rushes, the Spring Festival lull) are measured back,
// forecasts of its last four weeks from the weeks before are accurate, and
// the marketing-mix model finds each paid channel's planted return.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>
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
  PlanningConfig config;
  config.mix = false;  // MediaMixRecoversThePlantedChannels
  auto p = BuildPlanning(store, *time, config, 2);
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

TEST(PlanningRecoveryTest, MediaMixRecoversThePlantedChannels) {
  testing::DemoWorkspace demo;
  ASSERT_NO_FATAL_FAILURE(testing::ImportDemoKinds(demo, {"spend"}));
  auto mix = BuildMediaMix(*demo.store, PlanningConfig{}, 2);
  ASSERT_TRUE(mix.ok()) << mix.status().message();
  ASSERT_TRUE(mix->model) << mix->skipped;
  std::ifstream file(demo.dir.path() / "truth" / "truth.json");
  const auto truth = nlohmann::json::parse(file);
  std::map<std::string, double> true_roas;
  for (const auto& ch : truth["channels"]) true_roas[ch["name"].get<std::string>()] = ch["roas"].get<double>();
  ASSERT_EQ(mix->model->channels.size(), true_roas.size());
  for (const MmmChannel& ch : mix->model->channels) {
    const double want = true_roas.at(ch.name);
    EXPECT_NEAR(ch.roas, want, 0.15 * want) << ch.name;
    EXPECT_LE(ch.roas_interval.low, want) << ch.name;
    EXPECT_GE(ch.roas_interval.high, want) << ch.name;
    RecordProperty(ch.name + "_roas", fmt::format("{:.3f} (truth {:.3f})", ch.roas, want));
  }
  // The plan spends the current rate, within ±50% of each channel, and
  // expects no less than the current split.
  ASSERT_TRUE(mix->plan);
  double spent = 0, current = 0;
  for (const ChannelPlan& c : mix->plan->channels) spent += c.planned, current += c.current;
  EXPECT_NEAR(spent, current, 1e-6 * current);
  EXPECT_GE(mix->plan->uplift, 0);
  auto stored = demo.store->CountRows("planning_mix");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, 5);
}

}  // namespace
}  // namespace brandlens
