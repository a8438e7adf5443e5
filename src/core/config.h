// The project configuration: one TOML file per project (brandlens.toml).
//
// Core reads what every module shares — [project] (name, industry,
// currency, time zone, workspace, channels) and [[brands]] (the own brand
// and its competitors with every alias people use) — and hands each module
// its own section to parse (ConfigSection): [text] in text/text_config.h,
// [[sources]] and [mapping.KIND] in ingest/sources_config.h, [listening] in
// listening/listening_config.h, and later [personas], [planning], [llm]...
// So ProjectConfig does not grow with every module.
//
// Secrets never live here: a key named like a secret (api_key, password,
// secret, token) anywhere in the file is refused; the config names the
// environment variable that holds it instead.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace brandlens {

struct ProjectConfig;
// Reads and validates a config file: [project] and [[brands]]. Modules
// validate their own sections when they read them. Errors name the file and
// the key.
Result<ProjectConfig> LoadConfig(const std::filesystem::path& path);

struct BrandConfig {
  std::string name;
  bool own = false;
  std::vector<std::string> aliases;  // nicknames, product lines, misspellings, English names
};

// One table of the config file ([text], one [[sources]] entry, ...). Getters
// return the fallback when the key is absent and an error naming the file,
// the line and the key when it has the wrong type. An absent section reads
// as empty.
class ConfigSection {
 public:
  ConfigSection() = default;  // empty

  bool present() const { return node_ != nullptr; }
  const std::string& name() const { return name_; }  // e.g. "text", "sources[2]"
  bool Has(std::string_view key) const;

  Result<std::string> String(std::string_view key, const std::string& fallback) const;
  Result<bool> Bool(std::string_view key, bool fallback) const;
  Result<int64_t> Int(std::string_view key, int64_t fallback) const;
  Result<double> Number(std::string_view key, double fallback) const;  // integer or float
  Result<std::vector<std::string>> Strings(std::string_view key) const;
  Result<std::vector<int64_t>> Ints(std::string_view key) const;
  // An inline table of strings: map = { text = "微博正文" }.
  Result<std::map<std::string, std::string>> StringMap(std::string_view key) const;
  // A sub-table by name ([mapping.orders] is Table("orders") of [mapping]).
  ConfigSection Table(std::string_view key) const;
  // The keys of this table, in file order.
  std::vector<std::string> Keys() const;
  // An error naming the first key not in `known` (catches typos such as
  // learn_new_word), or ok.
  Status CheckKeys(std::initializer_list<std::string_view> known) const;

 private:
  friend struct ProjectConfig;
  friend Result<ProjectConfig> LoadConfig(const std::filesystem::path& path);
  struct Node;
  ConfigSection(std::shared_ptr<const Node> root, const void* node, std::string name);
  Status KeyError(std::string_view key, std::string_view what) const;

  std::shared_ptr<const Node> root_;  // keeps the parsed file alive
  const void* node_ = nullptr;        // the toml value of this table
  std::string name_;
};

struct ProjectConfig {
  std::filesystem::path dir;   // directory of the config file; relative paths start here
  std::filesystem::path file;  // the config file itself
  std::string name;
  std::string industry = "general";  // validated by the text module (text_config.h)
  std::string currency = "CNY";
  std::string time_zone = "Asia/Shanghai";
  std::string workspace = "workspace.db";
  std::vector<std::string> channels;
  std::vector<BrandConfig> brands;

  std::filesystem::path WorkspacePath() const { return dir / workspace; }
  // The brand with own = true. LoadConfig guarantees exactly one; a config
  // built by hand without one has none and gets null.
  const BrandConfig* OwnBrand() const;
  // A top-level table ([text]) or an empty section when absent.
  ConfigSection Section(std::string_view table) const;
  // The entries of an array of tables ([[sources]]), empty when absent.
  Result<std::vector<ConfigSection>> SectionArray(std::string_view table) const;

 private:
  friend Result<ProjectConfig> LoadConfig(const std::filesystem::path& path);
  ConfigSection root_;
};


// A commented example config, as written by `brandlens init`.
std::string ExampleConfigToml();

}  // namespace brandlens
