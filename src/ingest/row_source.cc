#include "ingest/row_source.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "ingest/csv_reader.h"
#include "ingest/line_reader.h"

namespace brandlens {

std::string CanonicalColumnName(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

namespace {

bool Contains(const std::vector<std::string_view>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The names to try for a field, in order: the mapped name alone, or else the
// field's own name followed by its synonyms.
std::vector<std::string> Candidates(const FieldSpec& f, const ColumnMapping& mapping) {
  if (auto it = mapping.find(std::string(f.name)); it != mapping.end()) return {it->second};
  std::vector<std::string> out{std::string(f.name)};
  for (auto s : f.synonyms) out.emplace_back(s);
  return out;
}

Status CheckMappingFields(const KindSpec& kind, const ColumnMapping& mapping) {
  for (const auto& [field, column] : mapping) {
    bool known = false;
    for (const auto& f : kind.fields) known |= f.name == field;
    if (!known) {
      std::vector<std::string_view> names;
      for (const auto& f : kind.fields) names.push_back(f.name);
      return Status::InvalidInput(fmt::format("--map {}={}: {} has no field '{}' (fields: {})", field, column,
                                              kind.kind, field, fmt::join(names, ", ")));
    }
  }
  return Status::Ok();
}

class CsvRowSource final : public RowSource {
 public:
  explicit CsvRowSource(TextFile& file) : path_(file.path()), reader_(file) {}

  Status Init(const KindSpec& kind, const ColumnMapping& mapping, const std::vector<std::string_view>& defaults) {
    const std::string& path = path_;
    auto got = reader_.Next(header_);
    if (!got.ok()) return got.status();
    if (!*got) return Status::InvalidInput(fmt::format("{}: the file is empty (expected a header row)", path));
    if (!header_.error.empty())
      return Status::InvalidInput(fmt::format("{}:{}: header row: {}", path, header_.line, header_.error));
    header_names_.assign(header_.fields.begin(), header_.fields.end());
    std::unordered_map<std::string, size_t> by_name;
    for (size_t i = 0; i < header_names_.size(); ++i) by_name.emplace(CanonicalColumnName(header_names_[i]), i);

    columns_.assign(kind.fields.size(), kAbsent);
    std::vector<bool> taken(header_names_.size(), false);
    for (size_t f = 0; f < kind.fields.size(); ++f) {
      const FieldSpec& spec = kind.fields[f];
      const bool mapped = mapping.count(std::string(spec.name)) > 0;
      for (const auto& name : Candidates(spec, mapping)) {
        auto it = by_name.find(CanonicalColumnName(name));
        if (it != by_name.end() && !taken[it->second]) {
          columns_[f] = it->second;
          taken[it->second] = true;
          break;
        }
      }
      if (columns_[f] != kAbsent) continue;
      if (mapped)
        return Status::InvalidInput(fmt::format("{}: column '{}' (mapped to field '{}') is not in the header; columns: {}",
                                                path, mapping.at(std::string(spec.name)), spec.name,
                                                fmt::join(header_names_, ", ")));
      if (spec.required && !spec.default_value && !Contains(defaults, spec.name))
        return Status::InvalidInput(fmt::format(
            "{}: no column for required field '{}' of {}; columns: {}. Map one with --map {}=COLUMN", path,
            spec.name, kind.kind, fmt::join(header_names_, ", "), spec.name));
    }
    return Status::Ok();
  }

  Result<bool> Next(RawRow& row) override {
    auto got = reader_.Next(record_);
    if (!got.ok() || !*got) return got;
    row.line = record_.line;
    row.error = record_.error;
    row.warning = record_.warning;
    row.values.assign(columns_.size(), std::nullopt);
    if (!row.error.empty()) return true;
    if (record_.fields.size() != header_names_.size()) {
      row.error = fmt::format("expected {} fields as in the header, found {}", header_names_.size(),
                              record_.fields.size());
      return true;
    }
    for (size_t f = 0; f < columns_.size(); ++f)
      if (columns_[f] != kAbsent) row.values[f] = record_.fields[columns_[f]];
    return true;
  }

  std::string ColumnOf(size_t field) const override {
    return columns_[field] == kAbsent ? std::string() : header_names_[columns_[field]];
  }
  int64_t LinesRead() const override { return reader_.lines_read(); }


 private:
  static constexpr size_t kAbsent = static_cast<size_t>(-1);
  std::string path_;
  CsvReader reader_;
  CsvRecord header_, record_;
  std::vector<std::string> header_names_;
  std::vector<size_t> columns_;  // per field: header index or kAbsent
};

class JsonlRowSource final : public RowSource {
 public:
  JsonlRowSource(TextFile& file, const KindSpec& kind, const ColumnMapping& mapping) : reader_(file) {
    for (const auto& spec : kind.fields) candidates_.push_back(Candidates(spec, mapping));
    used_.resize(kind.fields.size());
  }

  Result<bool> Next(RawRow& row) override {
    for (;;) {
      auto got = reader_.Next(line_);
      if (!got.ok() || !*got) return got;
      if (!reader_.too_long() && line_.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
      break;
    }
    row.line = reader_.line_number();
    row.error.clear();
    row.warning.clear();
    row.values.assign(candidates_.size(), std::nullopt);
    row.owned.assign(candidates_.size(), std::string());
    if (reader_.too_long()) {
      row.error = fmt::format("line longer than {} MiB", reader_.max_line_bytes() >> 20);
      return true;
    }
    doc_ = nlohmann::json::parse(line_, nullptr, /*allow_exceptions=*/false);
    if (doc_.is_discarded()) {
      row.error = "not valid JSON";
      return true;
    }
    if (!doc_.is_object()) {
      row.error = "expected a JSON object per line";
      return true;
    }
    for (size_t f = 0; f < candidates_.size(); ++f) {
      for (const auto& key : candidates_[f]) {
        const nlohmann::json* v = Find(key);
        if (!v || v->is_null()) continue;
        used_[f] = key;
        if (v->is_string()) {
          row.values[f] = std::string_view(v->get_ref<const std::string&>());
        } else if (v->is_number() || v->is_boolean()) {
          row.owned[f] = v->is_boolean() ? (v->get<bool>() ? "1" : "0") : v->dump();
          row.values[f] = std::string_view(row.owned[f]);
        } else {
          row.error = fmt::format("key '{}' holds a JSON {}, expected a string or number", key, v->type_name());
        }
        break;
      }
    }
    return true;
  }

  std::string ColumnOf(size_t field) const override { return used_[field]; }
  int64_t LinesRead() const override { return reader_.line_number(); }

 private:
  // Looks a key up, descending into objects on '.' when no flat key matches.
  const nlohmann::json* Find(const std::string& key) const {
    if (auto it = doc_.find(key); it != doc_.end()) return &*it;
    const nlohmann::json* node = &doc_;
    size_t start = 0;
    while (start <= key.size()) {
      const size_t dot = std::min(key.find('.', start), key.size());
      if (!node->is_object()) return nullptr;
      auto it = node->find(key.substr(start, dot - start));
      if (it == node->end()) return nullptr;
      node = &*it;
      start = dot + 1;
    }
    return node == &doc_ ? nullptr : node;
  }

  LineReader reader_;
  std::string line_;
  nlohmann::json doc_;
  std::vector<std::vector<std::string>> candidates_;
  std::vector<std::string> used_;
};

bool IsJsonLines(std::string path) {
  std::transform(path.begin(), path.end(), path.begin(), [](unsigned char c) { return std::tolower(c); });
  return path.ends_with(".jsonl") || path.ends_with(".ndjson") || path.ends_with(".json");
}

}  // namespace

Result<std::unique_ptr<RowSource>> OpenRowSource(TextFile& file, const KindSpec& kind, const ColumnMapping& mapping,
                                                 const std::vector<std::string_view>& defaults) {
  BRANDLENS_RETURN_IF_ERROR(CheckMappingFields(kind, mapping).WithPrefix(file.path() + ": "));
  if (IsJsonLines(file.path())) return std::unique_ptr<RowSource>(new JsonlRowSource(file, kind, mapping));
  auto source = std::make_unique<CsvRowSource>(file);
  BRANDLENS_RETURN_IF_ERROR(source->Init(kind, mapping, defaults));
  return std::unique_ptr<RowSource>(std::move(source));
}

}  // namespace brandlens
