// Campaign KPIs and attribution on hand-made workspaces whose answers can
// be worked out by hand, and the report section.
#include <gtest/gtest.h>

#include "campaigns/campaigns.h"
#include "campaigns/campaigns_report.h"
#include "ingest/importer.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

class CampaignsTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = std::move(OpenWorkspace(dir_.path() / "ws.db").value()); }
  void Import(const std::string& kind, const std::string& csv) {
    auto r = ImportFile(*store_, kind, testing::WriteFile(dir_.path() / (kind + ".csv"), csv), ImportOptions{});
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->rows_rejected, 0) << kind;
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(CampaignsTest, KpisByHand) {
  Import("spend",
         "day,channel,campaign,spend,impressions,clicks,conversions,revenue\n"
         "2025-06-02,douyin,launch,100,10000,200,10,300\n"
         "2025-06-03,douyin,launch,100,10000,100,5,100\n"
         "2025-06-09,wechat,,50,0,0,0,25\n"
         "2025-06-02,organic,,0,0,0,0,1000\n");
  auto k = LoadCampaignKpis(*store_);
  ASSERT_TRUE(k.ok()) << k.status().message();
  ASSERT_EQ(k->channels.size(), 2u);
  const KpiRow& d = k->channels[0];
  EXPECT_EQ(d.key, "douyin");
  EXPECT_DOUBLE_EQ(*d.ctr, 300.0 / 20000);
  EXPECT_DOUBLE_EQ(*d.cvr, 15.0 / 300);
  EXPECT_DOUBLE_EQ(*d.cpc, 200.0 / 300);
  EXPECT_DOUBLE_EQ(*d.cpa, 200.0 / 15);
  EXPECT_DOUBLE_EQ(*d.roas, 2.0);
  EXPECT_DOUBLE_EQ(*d.roi, 1.0);
  const KpiRow& w = k->channels[1];
  EXPECT_FALSE(w.ctr.has_value());  // no impressions: no CTR, never a division by zero
  EXPECT_FALSE(w.cpa.has_value());
  EXPECT_DOUBLE_EQ(*w.roas, 0.5);
  EXPECT_DOUBLE_EQ(k->unpaid_revenue, 1000);
  EXPECT_DOUBLE_EQ(*k->total.roas, 425.0 / 250);
  EXPECT_EQ(k->campaigns[0].key, "douyin / launch");
  EXPECT_EQ(k->campaigns[1].key, "wechat / (none)");
  // Two weeks (Mondays 2025-06-02 and 06-09): douyin only in the first.
  EXPECT_EQ(k->weeks, (std::vector<std::string>{"2025-06-02", "2025-06-09"}));
  EXPECT_DOUBLE_EQ(*k->weekly_roas[0][0], 2.0);
  EXPECT_FALSE(k->weekly_roas[0][1].has_value());
}

TEST_F(CampaignsTest, ThreeAttributionModelsSideBySide) {
  // U1 touches douyin, wechat, app, app, then buys 100; U2 touches only
  // wechat 10 days before buying 50 (outside the 7-day window); U3 has no events.
  Import("events",
         "user_id,occurred_at,type,channel\n"
         "U1,2025-06-01 10:00,view,douyin\nU1,2025-06-02 10:00,click,wechat\n"
         "U1,2025-06-03 10:00,open,app\nU1,2025-06-04 10:00,view,app\nU1,2025-06-04 11:00,purchase,store\n"
         "U2,2025-06-01 10:00,view,wechat\n");
  Import("orders",
         "order_id,user_id,ordered_at,amount\nO1,U1,2025-06-04 11:00,100\nO2,U2,2025-06-11 10:00,50\n"
         "O3,U3,2025-06-04 11:00,20\n");
  auto a = AttributeOrders(*store_, 7);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->orders, 3);
  EXPECT_EQ(a->attributed_orders, 1);
  EXPECT_DOUBLE_EQ(a->revenue, 170);
  std::map<std::string, ChannelCredit> by;
  for (const auto& c : a->channels) by[c.channel] = c;
  EXPECT_DOUBLE_EQ(by["app"].last_touch, 100);
  EXPECT_DOUBLE_EQ(by["douyin"].first_touch, 100);
  // Position-based over douyin, wechat, app, app: 40 / 10 / 10 + 40.
  EXPECT_DOUBLE_EQ(by["douyin"].position_based, 40);
  EXPECT_DOUBLE_EQ(by["wechat"].position_based, 10);
  EXPECT_DOUBLE_EQ(by["app"].position_based, 50);
  EXPECT_FALSE(by.count("store"));  // the purchase event is the order, not a touch
  EXPECT_FALSE(AttributeOrders(*store_, 0).ok());
}

TEST_F(CampaignsTest, TheSectionSaysWhenThereIsNothingAndDrawsWhenThereIs) {
  auto empty = AnalyzeCampaigns(*store_, CampaignsConfig{}, JourneysConfig{}, "Asia/Shanghai");
  ASSERT_TRUE(empty.ok());
  Report nothing;
  AddCampaignsSection(*empty, nothing);
  EXPECT_EQ(nothing.sections[0].charts.size(), 0u);
  EXPECT_EQ(nothing.sections[0].summary.size(), 1u);
  Import("spend", "day,channel,spend,revenue\n2025-06-02,douyin,100,300\n2025-06-02,wechat,100,50\n");
  auto some = AnalyzeCampaigns(*store_, CampaignsConfig{}, JourneysConfig{}, "Asia/Shanghai");
  ASSERT_TRUE(some.ok());
  Report report;
  AddCampaignsSection(*some, report);
  EXPECT_EQ(report.sections[0].charts.size(), 2u);  // ROAS bars, weekly trend
  EXPECT_EQ(report.highlights.size(), 1u);
  EXPECT_EQ(ReportToJson(report).dump().find("NaN"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
