// Recovery on the demo world: the personas the world planted (truth/
// users.csv) are found again from behaviour alone, k included.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "demo_workspace.h"
#include "personas/cluster_quality.h"
#include "personas/personas.h"

namespace brandlens {
namespace {

TEST(PersonasRecoveryTest, PlantedPersonasAreRecovered) {
  testing::DemoWorkspace demo;
  ASSERT_NO_FATAL_FAILURE(testing::ImportDemoKinds(demo, {"users", "orders", "events", "products"}));
  auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  auto p = BuildPersonas(*demo.store, *time, PersonasConfig{}, 2);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_TRUE(p->built);

  std::map<std::string, std::string> truth;
  std::istringstream lines(testing::ReadFile(demo.dir.path() / "truth/users.csv"));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) truth[line.substr(0, line.find(','))] = line.substr(line.find(',') + 1);
  std::map<std::string, int32_t> persona_ids;
  std::vector<int32_t> planted, found;
  for (size_t u = 0; u < p->user_ids.size(); ++u) {
    const auto it = truth.find(p->user_ids[u]);
    ASSERT_NE(it, truth.end()) << p->user_ids[u];
    planted.push_back(persona_ids.try_emplace(it->second, static_cast<int32_t>(persona_ids.size())).first->second);
    found.push_back(p->user_segment[u]);
  }
  EXPECT_EQ(p->k, static_cast<int>(persona_ids.size()));  // six personas, k chosen automatically
  const double ari = AdjustedRandIndex(planted, found);
  EXPECT_GE(ari, 0.9);
  RecordProperty("adjusted_rand_index", std::to_string(ari));
  // The lapsed persona is the segment whose members have not bought for long.
  bool dormant_found = false;
  for (const auto& card : p->segments)
    for (const auto& d : card.distinguishing) dormant_found |= d.name == "recency_days" && d.z > 1.5;
  EXPECT_TRUE(dormant_found);
}

}  // namespace
}  // namespace brandlens
