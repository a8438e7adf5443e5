// `brandlens demo`: writes a complete synthetic project — config, platform
// exports in their own formats and encodings, customer and marketing data,
// a knowledge base — and the ground truth it was generated from.
//
// Deterministic: the same seed and scale give byte-identical files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "core/status.h"

namespace brandlens::demo {

struct DemoOptions {
  uint64_t seed = 20261129;
  // 1.0: ~20k mentions and 12k users. Smaller scales make fast test worlds.
  double scale = 1.0;
};

struct DemoWorldInfo {
  std::filesystem::path config;  // the project's brandlens.toml
  std::filesystem::path truth;   // truth/truth.json
  std::map<std::string, int64_t> rows;  // file name -> rows written
};

Result<DemoWorldInfo> WriteDemoWorld(const std::filesystem::path& dir, const DemoOptions& options);

}  // namespace brandlens::demo
