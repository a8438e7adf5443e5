// For recovery tests: a demo world (scale 0.5) written to a temporary
// directory with only the kinds a test needs imported into its workspace.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "demo/demo_world.h"
#include "ingest/project_import.h"
#include "project/project.h"
#include "test_util.h"

namespace brandlens::testing {

struct DemoWorkspace {
  TempDir dir;
  std::unique_ptr<Store> store;
};

// Fails the calling test (check HasFatalFailure) when anything goes wrong.
inline void ImportDemoKinds(DemoWorkspace& demo, const std::vector<std::string>& kinds) {
  auto world = demo::WriteDemoWorld(demo.dir.path(), {20261129, 0.5});
  ASSERT_TRUE(world.ok()) << world.status().message();
  auto config = LoadConfig(world->config);
  ASSERT_TRUE(config.ok()) << config.status().message();
  auto store = OpenWorkspace(config->WorkspacePath());
  ASSERT_TRUE(store.ok()) << store.status().message();
  demo.store = std::move(*store);
  auto sources = ReadSourcesConfig(*config);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  std::erase_if(sources->sources, [&](const SourceConfig& s) {
    return std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end();
  });
  for (const auto& i : ImportSources(*demo.store, *config, *sources)) ASSERT_TRUE(i.error.ok()) << i.error.message();
}

}  // namespace brandlens::testing
