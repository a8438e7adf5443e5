// Recovery on the demo world: the personas the world planted (truth/
// users.csv) are found again from behaviour alone, k included.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "demo/demo_world.h"
#include "ingest/project_import.h"
#include "personas/cluster_quality.h"
#include "personas/personas.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

TEST(PersonasRecoveryTest, PlantedPersonasAreRecovered) {
  testing::TempDir dir;
  auto world = demo::WriteDemoWorld(dir.path(), {20261129, 0.5});
  ASSERT_TRUE(world.ok());
  auto config = LoadConfig(world->config);
  ASSERT_TRUE(config.ok());
  auto store = std::move(OpenWorkspace(config->WorkspacePath()).value());
  auto sources = std::move(ReadSourcesConfig(*config).value());
  std::erase_if(sources.sources, [](const SourceConfig& s) {
    return s.kind != "users" && s.kind != "orders" && s.kind != "events" && s.kind != "products";
  });
  for (const auto& i : ImportSources(*store, *config, sources)) ASSERT_TRUE(i.error.ok()) << i.error.message();
  auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  auto p = BuildPersonas(*store, *time, PersonasConfig{}, 2);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_TRUE(p->built);

  std::map<std::string, std::string> truth;
  std::istringstream lines(testing::ReadFile(dir.path() / "truth/users.csv"));
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
