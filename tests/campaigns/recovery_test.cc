// Recovery on the demo world: its two planted A/B tests read out right (the
// true lift inside the interval, the null test not called), and item-item
// recommendations beat the popularity baseline on a time-based holdout.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "campaigns/experiment_readout.h"
#include "campaigns/recommend.h"
#include "demo_workspace.h"

namespace brandlens {
namespace {

TEST(CampaignsRecoveryTest, ThePlantedExperimentsReadOutRight) {
  testing::DemoWorkspace demo;
  ASSERT_NO_FATAL_FAILURE(testing::ImportDemoKinds(demo, {"experiments"}));
  auto readouts = ReadWorkspaceExperiments(*demo.store);
  ASSERT_TRUE(readouts.ok()) << readouts.status().message();
  std::ifstream file(demo.dir.path() / "truth" / "truth.json");
  const auto truth = nlohmann::json::parse(file);
  ASSERT_EQ(readouts->size(), truth["experiments"].size());
  std::map<std::string, const ExperimentReadout*> by_id;
  for (const auto& r : *readouts) by_id[r.experiment] = &r;
  for (const auto& planted : truth["experiments"]) {
    const ExperimentReadout& r = *by_id.at(planted["id"].get<std::string>());
    EXPECT_EQ(r.control, "A");
    EXPECT_FALSE(r.result.sample_ratio.mismatch) << r.experiment;
    const double lift = planted["relative_lift"].get<double>();
    for (const MetricResult& m : r.result.results) {
      // Arm B's conversion rate and (same order values) revenue per user
      // are both (1 + lift) times A's.
      EXPECT_LE(m.lift_rel_low, lift) << r.experiment << " " << m.metric;
      EXPECT_GE(m.lift_rel_high, lift) << r.experiment << " " << m.metric;
      if (lift == 0) {
        EXPECT_FALSE(m.significant) << r.experiment << " " << m.metric;
      }
      RecordProperty(r.experiment + "." + m.metric, std::to_string(m.lift_rel));
    }
    if (lift > 0) {
      EXPECT_TRUE(r.result.results[0].significant) << "the real lift is detected";
    }
  }
}

TEST(CampaignsRecoveryTest, RecommendationsBeatPopularity) {
  testing::DemoWorkspace demo;
  ASSERT_NO_FATAL_FAILURE(testing::ImportDemoKinds(demo, {"orders", "events"}));
  auto log = LoadFeedback(*demo.store);
  ASSERT_TRUE(log.ok()) << log.status().message();
  for (int k : {3, 10}) {
    auto e = EvaluateRecommender(*log, {}, k, 30, RecommenderOptions{});
    ASSERT_TRUE(e.ok()) << e.status().message();
    EXPECT_GT(e->users, 100);
    EXPECT_GT(e->model.ndcg, e->popularity.ndcg) << "k = " << k;
    EXPECT_GT(e->model.recall, e->popularity.recall) << "k = " << k;
    RecordProperty("ndcg_at_" + std::to_string(k), std::to_string(e->model.ndcg) + " vs " +
                                                       std::to_string(e->popularity.ndcg));
  }
}

}  // namespace
}  // namespace brandlens
