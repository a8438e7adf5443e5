// The project configuration: one TOML file per project (brandlens.toml).
//
// It names the own brand and its competitors with every alias people use,
// the industry (which picks aspect vocabularies later), the channels, the
// currency, the time zone of exports, the data sources `brandlens run`
// imports, and optionally an LLM provider. API keys never live here: the
// config names the environment variable that holds the key.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct BrandConfig {
  std::string name;
  bool own = false;
  std::vector<std::string> aliases;  // nicknames, product lines, misspellings, English names
};

struct LlmConfig {
  std::string base_url;     // any OpenAI-compatible endpoint
  std::string model;
  std::string api_key_env;  // name of the environment variable holding the key
};

// One data file of the project and how to read it.
struct SourceConfig {
  std::string kind;      // mentions, users, events, products, orders, spend, kb, experiments
  std::string path;      // relative to the config file's directory
  std::string platform;  // mentions only: platform when the file has no such column
  std::string encoding = "auto";
  std::map<std::string, std::string> mapping;  // field -> source column
};

struct ProjectConfig {
  std::filesystem::path dir;  // directory of the config file; relative paths start here
  std::string name;
  std::string industry = "general";
  std::string currency = "CNY";
  std::string time_zone = "Asia/Shanghai";
  std::string workspace = "workspace.db";
  // Extra words for segmentation (one per line): brand slang, product names,
  // discovered new words (`brandlens keywords --save-new-words`).
  std::string user_dictionary = "dictionary.txt";
  // `brandlens run` appends words it discovers in new mentions to the user
  // dictionary before analysing them.
  bool learn_new_words = true;
  std::vector<std::string> channels;
  std::vector<BrandConfig> brands;
  std::optional<LlmConfig> llm;
  std::vector<SourceConfig> sources;
  // Column mappings per kind, applied to every file of that kind.
  std::map<std::string, std::map<std::string, std::string>> mappings;

  std::filesystem::path WorkspacePath() const { return dir / workspace; }
  std::filesystem::path UserDictionaryPath() const { return dir / user_dictionary; }
  const BrandConfig* OwnBrand() const;
};

// Industries with aspect vocabularies (see the text engine).
const std::vector<std::string>& KnownIndustries();

// Reads and validates a config file. Errors name the file and the key.
Result<ProjectConfig> LoadConfig(const std::filesystem::path& path);

// A commented example config, as written by `brandlens init`.
std::string ExampleConfigToml();

}  // namespace brandlens
