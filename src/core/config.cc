#include "core/config.h"

#include <fmt/format.h>
#include <toml.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "core/utf8.h"

namespace brandlens {

struct ConfigSection::Node {
  std::string file;
  toml::value root;
};

namespace {

const toml::value& AsValue(const void* node) { return *static_cast<const toml::value*>(node); }

// Keys that hold secrets must never be written into a config file.
bool LooksLikeSecret(std::string_view key) {
  for (std::string_view word : {"api_key", "apikey", "password", "secret", "token"})
    if (key.find(word) != std::string_view::npos && !key.ends_with("_env")) return true;
  return false;
}

Status RefuseSecrets(const toml::value& v, const std::string& file, const std::string& where) {
  if (v.is_table()) {
    for (const auto& [key, child] : v.as_table()) {
      const std::string path = where.empty() ? key : where + "." + key;
      if (LooksLikeSecret(key))
        return Status::InvalidInput(fmt::format(
            "{}: {} must not be stored in the config; put it in an environment variable and name that variable "
            "with {}_env",
            file, path, key));
      BRANDLENS_RETURN_IF_ERROR(RefuseSecrets(child, file, path));
    }
  } else if (v.is_array()) {
    for (const auto& child : v.as_array()) BRANDLENS_RETURN_IF_ERROR(RefuseSecrets(child, file, where));
  }
  return Status::Ok();
}

}  // namespace

ConfigSection::ConfigSection(std::shared_ptr<const Node> root, const void* node, std::string name)
    : root_(std::move(root)), node_(node), name_(std::move(name)) {}

bool ConfigSection::Has(std::string_view key) const {
  return node_ && AsValue(node_).is_table() && AsValue(node_).contains(std::string(key));
}

Status ConfigSection::KeyError(std::string_view key, std::string_view what) const {
  const auto& v = toml::find(AsValue(node_), std::string(key));
  return Status::InvalidInput(fmt::format("{}: [{}] {}: {} (line {})", root_->file, name_, key, what, v.location().line()));
}

Result<std::string> ConfigSection::String(std::string_view key, const std::string& fallback) const {
  if (!Has(key)) return fallback;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_string()) return KeyError(key, "expected a string");
  return v.as_string().str;
}

Result<bool> ConfigSection::Bool(std::string_view key, bool fallback) const {
  if (!Has(key)) return fallback;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_boolean()) return KeyError(key, "expected true or false");
  return v.as_boolean();
}

Result<int64_t> ConfigSection::Int(std::string_view key, int64_t fallback) const {
  if (!Has(key)) return fallback;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_integer()) return KeyError(key, "expected a whole number");
  return static_cast<int64_t>(v.as_integer());
}

Result<double> ConfigSection::Number(std::string_view key, double fallback) const {
  if (!Has(key)) return fallback;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (v.is_integer()) return static_cast<double>(v.as_integer());
  if (!v.is_floating()) return KeyError(key, "expected a number");
  return v.as_floating();
}

Result<std::vector<std::string>> ConfigSection::Strings(std::string_view key) const {
  std::vector<std::string> out;
  if (!Has(key)) return out;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_array()) return KeyError(key, "expected a list of strings");
  for (const auto& item : v.as_array()) {
    if (!item.is_string()) return KeyError(key, "expected a list of strings");
    out.push_back(item.as_string().str);
  }
  return out;
}

Result<std::vector<int64_t>> ConfigSection::Ints(std::string_view key) const {
  std::vector<int64_t> out;
  if (!Has(key)) return out;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_array()) return KeyError(key, "expected a list of whole numbers");
  for (const auto& item : v.as_array()) {
    if (!item.is_integer()) return KeyError(key, "expected a list of whole numbers");
    out.push_back(item.as_integer());
  }
  return out;
}

Result<std::map<std::string, std::string>> ConfigSection::StringMap(std::string_view key) const {
  std::map<std::string, std::string> out;
  if (!Has(key)) return out;
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_table()) return KeyError(key, "expected a table of strings: { field = \"column\" }");
  for (const auto& [k, item] : v.as_table()) {
    if (!item.is_string()) return KeyError(key, fmt::format("{} should be a string", k));
    out[k] = item.as_string().str;
  }
  return out;
}

ConfigSection ConfigSection::Table(std::string_view key) const {
  if (!Has(key)) return {};
  const auto& v = toml::find(AsValue(node_), std::string(key));
  if (!v.is_table()) return {};
  return ConfigSection(root_, &v, name_ + "." + std::string(key));
}

std::vector<std::string> ConfigSection::Keys() const {
  std::vector<std::string> out;
  if (!node_ || !AsValue(node_).is_table()) return out;
  for (const auto& [key, value] : AsValue(node_).as_table()) out.push_back(key);
  return out;
}

Status ConfigSection::CheckKeys(std::initializer_list<std::string_view> known) const {
  for (const auto& key : Keys())
    if (std::find(known.begin(), known.end(), key) == known.end())
      return KeyError(key, fmt::format("unknown key (known: {})", fmt::join(known, ", ")));
  return Status::Ok();
}

const BrandConfig* ProjectConfig::OwnBrand() const {
  for (const auto& b : brands)
    if (b.own) return &b;
  return nullptr;
}

ConfigSection ProjectConfig::Section(std::string_view table) const {
  if (!root_.node_) return {};
  ConfigSection s = root_.Table(table);
  if (s.present()) s.name_ = std::string(table);
  return s;
}

Result<std::vector<ConfigSection>> ProjectConfig::SectionArray(std::string_view table) const {
  std::vector<ConfigSection> out;
  if (!root_.Has(table)) return out;
  const auto& v = toml::find(AsValue(root_.node_), std::string(table));
  if (!v.is_array()) return root_.KeyError(table, fmt::format("expected [[{}]] entries", table));
  for (const auto& entry : v.as_array()) {
    if (!entry.is_table()) return root_.KeyError(table, fmt::format("expected [[{}]] entries", table));
    out.push_back(ConfigSection(root_.root_, &entry, fmt::format("{}[{}]", table, out.size())));
  }
  return out;
}

namespace {

// Wraps a Result-returning read so several keys read in a row stay short.
template <typename T>
Status Read(Result<T> got, T& into) {
  if (!got.ok()) return got.status();
  into = std::move(got.value());
  return Status::Ok();
}

Status ReadProject(const ConfigSection& p, ProjectConfig& c) {
  // user_dictionary and learn_new_words lived here before [text] existed;
  // the text module still reads them from here for older configs.
  BRANDLENS_RETURN_IF_ERROR(p.CheckKeys({"name", "industry", "currency", "time_zone", "workspace", "channels",
                                         "user_dictionary", "learn_new_words"}));
  BRANDLENS_RETURN_IF_ERROR(Read(p.String("name", ""), c.name));
  BRANDLENS_RETURN_IF_ERROR(Read(p.String("industry", c.industry), c.industry));
  BRANDLENS_RETURN_IF_ERROR(Read(p.String("currency", c.currency), c.currency));
  BRANDLENS_RETURN_IF_ERROR(Read(p.String("time_zone", c.time_zone), c.time_zone));
  BRANDLENS_RETURN_IF_ERROR(Read(p.String("workspace", c.workspace), c.workspace));
  return Read(p.Strings("channels"), c.channels);
}

Status ReadBrands(const ProjectConfig& config, std::vector<BrandConfig>& brands) {
  auto entries = config.SectionArray("brands");
  if (!entries.ok()) return entries.status();
  for (const auto& b : *entries) {
    BRANDLENS_RETURN_IF_ERROR(b.CheckKeys({"name", "own", "aliases"}));
    BrandConfig bc;
    BRANDLENS_RETURN_IF_ERROR(Read(b.String("name", ""), bc.name));
    BRANDLENS_RETURN_IF_ERROR(Read(b.Bool("own", false), bc.own));
    BRANDLENS_RETURN_IF_ERROR(Read(b.Strings("aliases"), bc.aliases));
    brands.push_back(std::move(bc));
  }
  return Status::Ok();
}

Status ValidateBrands(const ProjectConfig& c, const std::string& file) {
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
  return Status::Ok();
}

}  // namespace

Result<ProjectConfig> LoadConfig(const std::filesystem::path& path) {
  const std::string file = path.string();
  if (!std::filesystem::exists(path))
    return Status::NotFound(fmt::format("{}: no such config file (create one with `brandlens init`)", file));
  ProjectConfig c;
  c.file = path;
  c.dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  auto node = std::make_shared<ConfigSection::Node>();
  node->file = file;
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(fmt::format("{}: cannot read", file));
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // TOML is UTF-8 without NULs. Checked first because toml11 3.7 reads past
  // its buffer on some invalid bytes inside quoted keys (found by fuzzing).
  auto line_of = [&](size_t offset) { return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'); };
  if (const size_t bad = FindInvalidUtf8(bytes); bad != std::string::npos)
    return Status::InvalidInput(fmt::format("{}:{}: not valid UTF-8 (save the file as UTF-8)", file, line_of(bad)));
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos)
    return Status::InvalidInput(fmt::format("{}:{}: a NUL byte", file, line_of(nul)));
  try {
    std::istringstream stream(bytes);
    node->root = toml::parse(stream, file);
  } catch (const std::exception& e) {
    // toml11's messages already carry the file, line and a caret under the
    // offending text.
    return Status::InvalidInput(e.what());
  }
  if (!node->root.is_table()) return Status::InvalidInput(fmt::format("{}: not a TOML table", file));
  BRANDLENS_RETURN_IF_ERROR(RefuseSecrets(node->root, file, ""));
  const void* root = &node->root;
  c.root_ = ConfigSection(std::move(node), root, "");
  BRANDLENS_RETURN_IF_ERROR(ReadProject(c.Section("project"), c));
  BRANDLENS_RETURN_IF_ERROR(ReadBrands(c, c.brands));
  BRANDLENS_RETURN_IF_ERROR(ValidateBrands(c, file));
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
channels = ["douyin", "xiaohongshu", "wechat", "tmall", "offline"]

# The text engine.
[text]
# Words to keep whole when segmenting, one per line (optional file).
user_dictionary = "dictionary.txt"
# Append words discovered in new mentions (slang, product nicknames) to the
# user dictionary on each `brandlens run`.
learn_new_words = true

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

# Listening: crisis alerts (see docs/ARCHITECTURE.md for the rule).
# [listening]
# crisis_min_z = 4.0            # robust z of a day's negatives against the baseline
# crisis_min_negatives = 8      # negatives a day needs to alert
# crisis_max_p = 1e-5           # Poisson tail probability a day must fall below
# crisis_baseline_days = 28     # days of history the baseline is taken from

# Personas: customer segments from users, orders and events.
# [personas]
# window_days = 365             # behaviour window, ending at the data's last activity
# k = 0                         # segments; 0: chosen automatically (silhouette + stability)
# max_k = 8                     # the largest k tried automatically
# restarts = 4                  # k-means restarts (k-means++ seeding)
# seed = 1
# algorithm = "kmeans"          # or "dbscan": density-shaped segments, outliers apart
# min_points = 10               # DBSCAN (and outlier flags): neighbours of a core user
# eps = 0                       # DBSCAN radius in scaled units; 0: read off the data

# Planning: forecasts of sales, mentions and channel revenue in the report.
# [planning]
# horizon_days = 28             # how far to forecast
# history_days = 180            # history shown before the forecast

# Campaigns: KPIs by channel and campaign, attribution of orders to touches.
# [campaigns]
# attribution_lookback_days = 7 # touches this long before an order share its credit

# Secrets (API keys, passwords) never go into this file: sections name the
# environment variable that holds them (api_key_env = "DEEPSEEK_API_KEY").
)";
}

}  // namespace brandlens
