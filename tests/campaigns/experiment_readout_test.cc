// The workspace's A/B tests read out for the report: the control found by
// name, the statistics of experiments.h, verdicts in plain words.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "campaigns/experiment_readout.h"
#include "ingest/importer.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

// `n` exposures of one arm, the first `converted` of them converting, each
// conversion worth `revenue` (no revenue column when negative).
std::string Exposures(const std::string& test, const std::string& arm, int n, int converted, double revenue) {
  std::string rows;
  for (int i = 0; i < n; ++i) {
    rows += fmt::format("{},{},{}{}{},2025-06-01 10:00,{}", test, arm, test, arm, i, i < converted ? 1 : 0);
    if (revenue >= 0) rows += fmt::format(",{}", i < converted ? revenue : 0.0);
    rows += '\n';
  }
  return rows;
}

class ExperimentReadoutTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = std::move(OpenWorkspace(dir_.path() / "ws.db").value()); }
  void Import(const std::string& csv) {
    auto r = ImportFile(*store_, "experiments", testing::WriteFile(dir_.path() / "x.csv", csv), ImportOptions{});
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->rows_rejected, 0);
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(ExperimentReadoutTest, ControlByNameAndAVerdictInPlainWords) {
  // 新版 converts 25 of 100 against 对照's 10 of 100: pooled rate 0.175,
  // z = 0.15 / sqrt(0.175 · 0.825 · 0.02) = 2.792, p = 0.0052.
  Import("experiment,arm,user_id,exposed_at,converted\n" + Exposures("banner", "新版", 100, 25, -1) +
         Exposures("banner", "对照", 100, 10, -1) + Exposures("solo", "A", 5, 1, -1));
  auto readouts = ReadWorkspaceExperiments(*store_);
  ASSERT_TRUE(readouts.ok()) << readouts.status().message();
  ASSERT_EQ(readouts->size(), 2u);
  const ExperimentReadout& banner = (*readouts)[0];
  EXPECT_EQ(banner.experiment, "banner");
  EXPECT_EQ(banner.control, "对照");
  EXPECT_TRUE(banner.problem.empty());
  ASSERT_EQ(banner.result.results.size(), 1u);  // no revenue column: conversion only
  const MetricResult& m = banner.result.results[0];
  EXPECT_EQ(m.arm, "新版");
  EXPECT_DOUBLE_EQ(m.control_mean, 0.10);
  EXPECT_DOUBLE_EQ(m.arm_mean, 0.25);
  EXPECT_NEAR(m.p_value, 0.00524, 5e-5);
  EXPECT_TRUE(m.significant);
  ASSERT_EQ(banner.verdicts.size(), 1u);
  EXPECT_NE(banner.verdicts[0].find("新版 的转化率 25.00%，对照 对照 为 10.00%"), std::string::npos) << banner.verdicts[0];
  EXPECT_NE(banner.verdicts[0].find("+150.0%"), std::string::npos);
  EXPECT_NE(banner.verdicts[0].find("差异显著"), std::string::npos);
  // A test with one arm cannot be read, and says why.
  const ExperimentReadout& solo = (*readouts)[1];
  EXPECT_EQ(solo.experiment, "solo");
  EXPECT_NE(solo.problem.find("only one arm"), std::string::npos);
}

TEST_F(ExperimentReadoutTest, RevenueIsReadWhenThereAndANullIsNotCalled) {
  // Equal rates and values: nothing to call, for either metric.
  Import("experiment,arm,user_id,exposed_at,converted,revenue\n" + Exposures("price", "B", 300, 30, 88) +
         Exposures("price", "A", 300, 30, 88));
  auto readouts = ReadWorkspaceExperiments(*store_);
  ASSERT_TRUE(readouts.ok()) << readouts.status().message();
  const ExperimentReadout& price = readouts->at(0);
  EXPECT_EQ(price.control, "A");
  ASSERT_EQ(price.result.results.size(), 2u);
  EXPECT_EQ(price.result.results[1].metric, "revenue");
  EXPECT_DOUBLE_EQ(price.result.results[1].control_mean, 8.8);
  for (const auto& m : price.result.results) EXPECT_FALSE(m.significant);
  EXPECT_NE(price.verdicts[1].find("人均收入 8.80"), std::string::npos) << price.verdicts[1];
  EXPECT_NE(price.verdicts[0].find("没有可靠差异"), std::string::npos);
  EXPECT_FALSE(price.result.sample_ratio.mismatch);
}

TEST_F(ExperimentReadoutTest, AnEmptyTableReadsAsNoTests) {
  auto readouts = ReadWorkspaceExperiments(*store_);
  ASSERT_TRUE(readouts.ok());
  EXPECT_TRUE(readouts->empty());
}

}  // namespace
}  // namespace brandlens
