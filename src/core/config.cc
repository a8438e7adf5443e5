#include "core/config.h"

#include <fmt/format.h>
#include <toml.hpp>

#include <set>

namespace brandlens {

const BrandConfig* ProjectConfig::OwnBrand() const {
  for (const auto& b : brands)
    if (b.own) return &b;
  return nullptr;
}

const std::vector<std::string>& KnownIndustries() {
  static const std::vector<std::string> kIndustries = {"general", "electronics", "food_and_drink",
                                                        "beauty",  "hotel_travel", "automotive"};
  return kIndustries;
}

namespace {

const std::set<std::string>& KnownKinds() {
  static const std::set<std::string> kKinds = {"mentions", "users", "events", "products",
                                               "orders", "spend", "kb", "experiments"};
  return kKinds;
}

// An optional key. A present key of the wrong type throws toml::type_error,
// which LoadConfig turns into a Status naming file and line.
template <typename T>
T Get(const toml::value& table, const std::string& key, const T& fallback) {
  return table.contains(key) ? toml::find<T>(table, key) : fallback;
}

std::map<std::string, std::string> ReadMapping(const toml::value& v) {
  std::map<std::string, std::string> out;
  for (const auto& [field, column] : toml::get<toml::table>(v)) out[field] = toml::get<std::string>(column);
  return out;
}

Status Validate(const ProjectConfig& c, const std::string& file) {
  auto bad = [&](const std::string& what) { return Status::InvalidInput(fmt::format("{}: {}", file, what)); };
  if (c.brands.empty()) return bad("no [[brands]]: name the own brand (own = true) and its competitors");
  int own = 0;
  std::set<std::string> names;
  for (const auto& b : c.brands) {
    if (b.name.empty()) return bad("a [[brands]] entry has an empty name");
    if (!names.insert(b.name).second) return bad(fmt::format("brand '{}' is listed twice", b.name));
    for (const auto& a : b.aliases)
      if (a.empty()) return bad(fmt::format("brand '{}' has an empty alias", b.name));
    own += b.own;
  }
  if (own != 1) return bad(fmt::format("exactly one brand needs own = true (found {})", own));
  bool known = false;
  for (const auto& i : KnownIndustries()) known |= i == c.industry;
  if (!known) return bad(fmt::format("project.industry '{}' is not one of: {}", c.industry,
                                     fmt::join(KnownIndustries(), ", ")));
  for (size_t i = 0; i < c.sources.size(); ++i) {
    const auto& s = c.sources[i];
    if (!KnownKinds().count(s.kind))
      return bad(fmt::format("sources[{}].kind '{}' is not one of: {}", i, s.kind, fmt::join(KnownKinds(), ", ")));
    if (s.path.empty()) return bad(fmt::format("sources[{}].path is empty", i));
  }
  for (const auto& [kind, m] : c.mappings)
    if (!KnownKinds().count(kind)) return bad(fmt::format("[mapping.{}]: unknown kind", kind));
  if (c.llm && (c.llm->base_url.empty() || c.llm->model.empty()))
    return bad("[llm] needs base_url and model");
  return Status::Ok();
}

}  // namespace

Result<ProjectConfig> LoadConfig(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::exists(path))
    return Status::NotFound(fmt::format("{}: no such config file (create one with `brandlens init`)", file));
  ProjectConfig c;
  c.dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  try {
    const toml::value root = toml::parse(file);
    if (root.contains("project")) {
      const auto& p = toml::find(root, "project");
      c.name = Get<std::string>(p, "name", "");
      c.industry = Get<std::string>(p, "industry", c.industry);
      c.currency = Get<std::string>(p, "currency", c.currency);
      c.time_zone = Get<std::string>(p, "time_zone", c.time_zone);
      c.workspace = Get<std::string>(p, "workspace", c.workspace);
      c.user_dictionary = Get<std::string>(p, "user_dictionary", c.user_dictionary);
      c.learn_new_words = Get<bool>(p, "learn_new_words", c.learn_new_words);
      c.channels = Get<std::vector<std::string>>(p, "channels", {});
    }
    if (root.contains("brands")) {
      for (const auto& b : toml::find<toml::array>(root, "brands")) {
        BrandConfig bc;
        bc.name = toml::find<std::string>(b, "name");
        bc.own = Get<bool>(b, "own", false);
        bc.aliases = Get<std::vector<std::string>>(b, "aliases", {});
        c.brands.push_back(std::move(bc));
      }
    }
    if (root.contains("llm")) {
      const auto& l = toml::find(root, "llm");
      if (l.contains("api_key"))
        return Status::InvalidInput(fmt::format(
            "{}: [llm] api_key must not be stored in the config; put the key in an environment variable and "
            "name it with api_key_env",
            file));
      c.llm = LlmConfig{Get<std::string>(l, "base_url", ""), Get<std::string>(l, "model", ""),
                        Get<std::string>(l, "api_key_env", "")};
    }
    if (root.contains("sources")) {
      for (const auto& s : toml::find<toml::array>(root, "sources")) {
        SourceConfig sc;
        sc.kind = toml::find<std::string>(s, "kind");
        sc.path = toml::find<std::string>(s, "path");
        sc.platform = Get<std::string>(s, "platform", "");
        sc.encoding = Get<std::string>(s, "encoding", "auto");
        if (s.contains("map")) sc.mapping = ReadMapping(toml::find(s, "map"));
        c.sources.push_back(std::move(sc));
      }
    }
    if (root.contains("mapping")) {
      for (const auto& [kind, m] : toml::find<toml::table>(root, "mapping")) c.mappings[kind] = ReadMapping(m);
    }
  } catch (const std::exception& e) {
    // toml11's messages already carry the file, line and a caret under the
    // offending text.
    return Status::InvalidInput(e.what());
  }
  BRANDLENS_RETURN_IF_ERROR(Validate(c, file));
  return c;
}

std::string ExampleConfigToml() {
  return R"(# brandlens project configuration.
# Paths are relative to this file. Comments explain each key; delete what you do not need.

[project]
name = "My brand listening"
# One of: general, electronics, food_and_drink, beauty, hotel_travel, automotive.
# Picks the aspect vocabulary (taste, price, service, ...).
industry = "food_and_drink"
currency = "CNY"
# Time zone of timestamps that carry no offset (IANA id).
time_zone = "Asia/Shanghai"
# The SQLite workspace file that holds everything imported and computed.
workspace = "workspace.db"
# Words to keep whole when segmenting, one per line (optional file).
user_dictionary = "dictionary.txt"
# Append words discovered in new mentions (slang, product nicknames) to the
# user dictionary on each `brandlens run`.
learn_new_words = true
channels = ["douyin", "xiaohongshu", "wechat", "tmall", "offline"]

# Exactly one brand has own = true; the others are competitors.
# Aliases: nicknames, product lines, common misspellings, English names.
[[brands]]
name = "山茶集"
own = true
aliases = ["ShanCha", "山茶集奶茶", "山查集"]

[[brands]]
name = "青柠社"
aliases = ["Qingning", "青柠社奶茶"]

# Data files that `brandlens run` imports (re-importing is idempotent).
# kind: mentions, users, events, products, orders, spend, kb, experiments.
# map: field = "column in your export" when the names differ.
[[sources]]
kind = "mentions"
path = "data/weibo.csv"
platform = "weibo"
map = { text = "微博正文", posted_at = "发布时间" }

# Column mappings that apply to every file of a kind.
# [mapping.orders]
# amount = "实付金额"

# Optional: an OpenAI-compatible LLM endpoint. Never put the key here:
# name the environment variable that holds it.
# [llm]
# base_url = "https://api.deepseek.com/v1"
# model = "deepseek-chat"
# api_key_env = "DEEPSEEK_API_KEY"
)";
}

}  // namespace brandlens
