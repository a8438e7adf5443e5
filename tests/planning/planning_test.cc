// The planning job: festival dates and lifts, the incomplete last day, the
// stored forecasts and the report section, on hand-made workspaces.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/timestamp.h"
#include "ingest/importer.h"
#include "planning/festivals.h"
#include "planning/planning.h"
#include "planning/work_calendar.h"
#include "planning/planning_report.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

int32_t Day(int y, unsigned m, unsigned d) { return static_cast<int32_t>(DaysFromCivil(y, m, d)); }

TEST(FestivalsTest, DatesIncludeTheMovingSpringFestival) {
  const auto windows = FestivalsBetween(Day(2026, 1, 1), Day(2026, 12, 31));
  std::map<std::string, FestivalWindow> by_name;
  for (const auto& w : windows) by_name.emplace(w.name, w);
  ASSERT_EQ(by_name.size(), 6u);
  EXPECT_EQ(CivilFromDays(by_name.at("春节").first_day), "2026-02-16");  // 除夕
  EXPECT_EQ(CivilFromDays(by_name.at("春节").last_day), "2026-02-23");
  EXPECT_EQ(CivilFromDays(by_name.at("双11").first_day), "2026-11-11");
  EXPECT_EQ(by_name.at("国庆").last_day - by_name.at("国庆").first_day, 6);
  const auto spring2025 = FestivalsBetween(Day(2025, 1, 20), Day(2025, 2, 5));
  ASSERT_FALSE(spring2025.empty());
  EXPECT_EQ(CivilFromDays(spring2025[0].first_day), "2025-01-28");
}

TEST(WorkCalendarTest, HolidaysAndMakeUpWorkdaysMoveEachYear) {
  EXPECT_EQ(OfficialDayOf(Day(2025, 1, 26)), OfficialDay::kMakeupWorkday);  // a Sunday worked before 春节
  EXPECT_EQ(OfficialDayOf(Day(2025, 1, 29)), OfficialDay::kHoliday);       // 正月初一
  EXPECT_EQ(OfficialDayOf(Day(2026, 2, 14)), OfficialDay::kMakeupWorkday);  // a Saturday worked
  EXPECT_EQ(OfficialDayOf(Day(2026, 2, 23)), OfficialDay::kHoliday);       // a Monday off
  EXPECT_EQ(OfficialDayOf(Day(2023, 1, 2)), OfficialDay::kHoliday);        // 元旦 2023 spans the new year
  EXPECT_EQ(OfficialDayOf(Day(2022, 12, 31)), OfficialDay::kHoliday);
  EXPECT_EQ(OfficialDayOf(Day(2024, 10, 12)), OfficialDay::kMakeupWorkday);
  EXPECT_EQ(OfficialDayOf(Day(2025, 3, 12)), OfficialDay::kOrdinary);
  EXPECT_EQ(OfficialDayOf(Day(2021, 5, 1)), OfficialDay::kUnknown);        // outside the table
}

TEST(FestivalsTest, LiftsAreMeasuredAgainstTheWeeksAround) {
  // 400 days from 2025-01-01 at 100 a day; 双11 sells 250, the Spring Festival week 40.
  const int32_t first = Day(2025, 1, 1);
  std::vector<double> daily(400, 100.0);
  daily[static_cast<size_t>(Day(2025, 11, 11) - first)] = 250;
  for (int32_t d = Day(2025, 1, 28); d <= Day(2025, 2, 4); ++d) daily[static_cast<size_t>(d - first)] = 40;
  const auto effects = MeasureFestivals(daily, first);
  std::map<std::string, FestivalEffect> by_name;
  for (const auto& e : effects) by_name.emplace(e.name, e);
  ASSERT_TRUE(by_name.count("双11"));
  EXPECT_DOUBLE_EQ(by_name.at("双11").lift, 2.5);
  EXPECT_EQ(by_name.at("双11").occurrences, 1);
  ASSERT_TRUE(by_name.count("618"));
  EXPECT_DOUBLE_EQ(by_name.at("618").lift, 1.0);
  // The 2025 Spring Festival starts 27 days in: no baseline before it.
  EXPECT_FALSE(by_name.count("春节"));
  EXPECT_TRUE(MeasureFestivals({}, first).empty());
}

class PlanningJobTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(OpenWorkspace(dir_.path() / "ws.db").value());
    time_ = std::move(TimestampParser::Create("Asia/Shanghai").value());
  }
  void ImportOrders(const std::string& csv) {
    const auto path = testing::WriteFile(dir_.path() / "orders.csv", csv);
    auto r = ImportFile(*store_, "orders", path, ImportOptions{});
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->rows_rejected, 0);
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<TimestampParser> time_;
};

TEST_F(PlanningJobTest, ForecastsSalesStoresThemAndDropsACutOffLastDay) {
  // 60 days of 2025-03 … at 20:00, 10 orders of 10 a day; then one order at
  // 00:30 on the 61st day (the export was cut right after midnight).
  std::string csv = "order_id,user_id,ordered_at,amount\n";
  int id = 0;
  for (int d = 0; d < 60; ++d)
    for (int o = 0; o < 10; ++o)
      csv += fmt::format("O{},U{},{} 20:{:02d}:00,10\n", ++id, o, CivilFromDays(Day(2025, 3, 1) + d), o);
  csv += fmt::format("O{},U1,{} 00:30:00,10\n", ++id, CivilFromDays(Day(2025, 3, 1) + 60));
  ImportOrders(csv);
  PlanningConfig config;
  config.horizon_days = 14;
  auto p = BuildPlanning(*store_, *time_, config, 2);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->series.size(), 1u);  // sales; no mentions or channels
  const PlannedSeries& sales = p->series[0];
  EXPECT_EQ(sales.id, "sales");
  EXPECT_EQ(sales.daily.size(), 60u);  // the cut-off day left out
  ASSERT_EQ(sales.forecast.mean.size(), 14u);
  for (double v : sales.forecast.mean) EXPECT_NEAR(v, 100.0, 1.0);
  EXPECT_NEAR(sales.recent_total, 1400, 1e-9);
  EXPECT_NEAR(sales.forecast_total, 1400, 14);
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM planning_forecasts"), 14);
  EXPECT_EQ(testing::QueryText(dir_.path() / "ws.db", "SELECT min(day) FROM planning_forecasts"), "2025-04-30");
  // A second run replaces the stored forecasts.
  ASSERT_TRUE(BuildPlanning(*store_, *time_, config, 1).ok());
  EXPECT_EQ(testing::QueryInt(dir_.path() / "ws.db", "SELECT count(*) FROM planning_forecasts"), 14);
  Report report;
  AddPlanningSection(*p, 30, report);
  ASSERT_EQ(report.sections.size(), 1u);
  EXPECT_EQ(report.sections[0].charts.size(), 1u);
  EXPECT_EQ(report.sections[0].charts[0].data.rows.size(), 30u + 14u);  // history shown, then the forecast
  EXPECT_EQ(ReportToJson(report).dump().find("NaN"), std::string::npos);
}

// Found on the demo's flighted channels: a spiky revenue series got 80%
// bands reaching below zero.
TEST_F(PlanningJobTest, SeriesThatNeverGoNegativeKeepTheirBandsAtZeroOrAbove) {
  std::string csv = "order_id,user_id,ordered_at,amount\n";
  for (int d = 0; d < 60; ++d)
    if (d % 9 < 3) csv += fmt::format("O{},U1,{} 20:00:00,{}\n", d, CivilFromDays(Day(2025, 3, 1) + d), 50 + 150 * (d % 2));
  ImportOrders(csv);
  auto p = BuildPlanning(*store_, *time_, PlanningConfig{}, 2);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->series.size(), 1u);
  for (const auto& band : p->series[0].forecast.bands)
    for (double v : band.lower) EXPECT_GE(v, 0.0);
  // No spend table: the mix model is skipped, and says why.
  EXPECT_FALSE(p->mix.model);
  EXPECT_FALSE(p->mix.skipped.empty());
}

TEST_F(PlanningJobTest, TooLittleDataIsSaidNotFailed) {
  ImportOrders("order_id,user_id,ordered_at,amount\nO1,U1,2025-03-01 20:00,5\nO2,U1,2025-03-02 20:00,5\n");
  auto p = BuildPlanning(*store_, *time_, PlanningConfig{}, 1);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->series.empty());
  EXPECT_EQ(p->too_short, std::vector<std::string>{"sales"});
  Report report;
  AddPlanningSection(*p, 30, report);
  EXPECT_EQ(report.sections[0].summary.size(), 1u);
}

}  // namespace
}  // namespace brandlens
