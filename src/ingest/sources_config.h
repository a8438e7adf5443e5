// The import part of the project config: the files `brandlens run` imports
// ([[sources]]) and column mappings per kind ([mapping.KIND]), validated
// against the import kinds (ingest/kinds.h, the one list of kinds).
//
//   [[sources]]
//   kind = "mentions"            # one of the import kinds
//   path = "data/weibo.csv"      # relative to brandlens.toml
//   platform = "weibo"           # mentions: when the file has no platform column
//   encoding = "auto"            # or utf-8, gbk, gb18030, utf-16, ...
//   map = { text = "微博正文" }    # field = "column in the export"
//
//   [mapping.orders]             # applies to every orders file
//   amount = "实付金额"
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"

namespace brandlens {

// One data file of the project and how to read it.
struct SourceConfig {
  std::string kind;
  std::string path;      // relative to the config file's directory
  std::string platform;  // mentions only: platform when the file has no such column
  std::string encoding = "auto";
  std::map<std::string, std::string> mapping;  // field -> source column
};

struct SourcesConfig {
  std::vector<SourceConfig> sources;
  // Column mappings per kind, applied to every file of that kind.
  std::map<std::string, std::map<std::string, std::string>> mappings;
};

Result<SourcesConfig> ReadSourcesConfig(const ProjectConfig& config);

}  // namespace brandlens
