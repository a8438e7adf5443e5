#include "ingest/importer.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

#include "core/hash.h"
#include "core/text_file.h"
#include "core/timestamp.h"
#include "core/utf8.h"
#include "ingest/field_parser.h"
#include "ingest/import_log.h"

namespace brandlens {

namespace {

constexpr int64_t kProgressEveryRows = 8192;

std::vector<size_t> FieldIndices(const KindSpec& kind, const std::vector<std::string_view>& names) {
  std::vector<size_t> out;
  for (auto name : names)
    for (size_t f = 0; f < kind.fields.size(); ++f)
      if (kind.fields[f].name == name) out.push_back(f);
  return out;
}

// Appends a value's canonical text to a key buffer, with a separator.
void AppendKeyPart(std::string& key, const Value& v) {
  char buf[32];
  if (auto* i = std::get_if<int64_t>(&v)) {
    key.append(buf, std::to_chars(buf, buf + sizeof buf, *i).ptr);
  } else if (auto* d = std::get_if<double>(&v)) {
    key.append(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
  } else if (auto* s = std::get_if<std::string_view>(&v)) {
    key.append(*s);
  }
  key.push_back('\x1F');
}

// Validates rows and turns them into values and dedup keys. Holds the
// per-row buffers so the hot loop allocates nothing once warmed up.
class RowBuilder {
 public:
  RowBuilder(const KindSpec& kind, const TimestampParser& time, const std::map<std::string, std::string>& defaults)
      : kind_(kind),
        time_(time),
        values_(kind.fields.size() + 1),
        scratch_(kind.fields.size()),
        natural_key_(FieldIndices(kind, kind.key_fields)),
        content_key_(FieldIndices(kind, kind.content_fields)) {
    for (size_t f = 0; f < kind.fields.size(); ++f) {
      if (auto it = defaults.find(std::string(kind.fields[f].name)); it != defaults.end())
        defaults_.emplace_back(f, it->second);
      if (kind.fields[f].name == "text") text_field_ = f;
    }
    if (content_key_.empty())
      for (size_t f = 0; f < kind.fields.size(); ++f) content_key_.push_back(f);
  }

  // Checks that the caller's defaults parse; run once before the first row.
  Status CheckDefaults() {
    for (const auto& [f, text] : defaults_) {
      std::string scratch;
      Value v;
      Status s = ParseField(kind_.fields[f], text, time_, v, scratch);
      if (!s.ok()) return Status::InvalidInput(fmt::format("default for field '{}': {}", kind_.fields[f].name, s.message()));
    }
    return Status::Ok();
  }

  // Fills values() from `row`; on a bad row returns the reason, naming the field.
  Status Build(const RawRow& row, const RowSource& source, int64_t import_id) {
    if (!row.error.empty()) return Status::InvalidInput(row.error);
    for (size_t f = 0; f < kind_.fields.size(); ++f) {
      const FieldSpec& spec = kind_.fields[f];
      std::optional<std::string_view> raw = row.values[f];
      if (!raw || raw->empty()) raw = DefaultFor(f);
      Value& v = values_[f];
      Status s = ParseField(spec, raw.value_or(std::string_view()), time_, v, scratch_[f]);
      if (!s.ok()) return s.WithPrefix(FieldLabel(f, source) + ": ");
      if (!std::holds_alternative<std::monostate>(v)) continue;
      if (spec.default_value) {
        v = *spec.default_value;
      } else if (spec.type == FieldType::kLanguage && text_field_) {
        // Fields are parsed in order and text precedes language.
        const auto* text = std::get_if<std::string_view>(&values_[*text_field_]);
        v = std::string_view(text && ContainsHan(*text) ? "zh" : "en");
      } else if (spec.required) {
        return Status::InvalidInput(
            fmt::format("{}: required but {}", FieldLabel(f, source), row.values[f] ? "empty" : "missing"));
      }
    }
    values_.back() = import_id;
    return Status::Ok();
  }

  uint64_t DedupKey() {
    key_.assign(kind_.kind);
    key_.push_back('\x1E');
    bool natural = !natural_key_.empty();
    for (size_t f : natural_key_) natural &= !std::holds_alternative<std::monostate>(values_[f]);
    key_.push_back(natural ? 'N' : 'C');
    for (size_t f : natural ? natural_key_ : content_key_) AppendKeyPart(key_, values_[f]);
    return StableHash({key_});
  }

  const std::vector<Value>& values() const { return values_; }

  // True when a text field holds U+FFFD, the mark of undecodable bytes.
  bool HasReplacementCharacter() const {
    for (const auto& v : values_)
      if (const auto* s = std::get_if<std::string_view>(&v); s && s->find("\xEF\xBF\xBD") != std::string_view::npos)
        return true;
    return false;
  }

 private:
  std::optional<std::string_view> DefaultFor(size_t f) const {
    for (const auto& [field, text] : defaults_)
      if (field == f) return std::string_view(text);
    return std::nullopt;
  }

  std::string FieldLabel(size_t f, const RowSource& source) const {
    const std::string column = source.ColumnOf(f);
    return column.empty() || column == kind_.fields[f].name
               ? fmt::format("field '{}'", kind_.fields[f].name)
               : fmt::format("field '{}' (column '{}')", kind_.fields[f].name, column);
  }

  const KindSpec& kind_;
  const TimestampParser& time_;
  std::vector<Value> values_;         // one per field, then import_id
  std::vector<std::string> scratch_;  // per field: text a value views
  std::vector<size_t> natural_key_, content_key_;
  std::vector<std::pair<size_t, std::string>> defaults_;
  std::optional<size_t> text_field_;
  std::string key_;
};

}  // namespace

Result<ImportReport> ImportFile(Store& store, const std::string& kind_name, const std::filesystem::path& path,
                                const ImportOptions& options) {
  const KindSpec* kind = FindKind(kind_name);
  if (!kind) return Status::InvalidInput(fmt::format("unknown kind '{}': one of {}", kind_name, KindNames()));
  for (const auto& [field, value] : options.defaults) {
    bool known = false;
    for (const auto& f : kind->fields) known |= f.name == field;
    if (!known) return Status::InvalidInput(fmt::format("{} has no field '{}' to default", kind_name, field));
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto mtime = std::filesystem::last_write_time(path, ec);
  const std::string fingerprint =
      ec ? std::string() : fmt::format("{}:{}", size, mtime.time_since_epoch().count());
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  if (options.skip_unchanged && !fingerprint.empty()) {
    auto seen = HasImported(store, absolute, fingerprint);
    if (!seen.ok()) return seen.status();
    if (*seen) {
      ImportReport report;
      report.path = path.string();
      report.encoding = "-";
      report.unchanged = true;
      return report;
    }
  }
  auto time = TimestampParser::Create(options.time_zone);
  if (!time.ok()) return time.status();
  auto file = TextFile::Open(path.string(), options.encoding);
  if (!file.ok()) return file.status();

  std::vector<std::string_view> defaulted;
  for (const auto& [field, value] : options.defaults) defaulted.push_back(field);
  auto source = OpenRowSource(**file, *kind, options.mapping, defaulted);
  if (!source.ok()) return source.status();
  RowBuilder builder(*kind, **time, options.defaults);
  BRANDLENS_RETURN_IF_ERROR(builder.CheckDefaults());

  auto txn = Transaction::Begin(store);
  if (!txn.ok()) return txn.status();
  ImportRecord record;
  record.kind = kind_name;
  record.path = absolute;
  record.fingerprint = fingerprint;
  record.encoding = (*file)->encoding();
  record.started_at = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  auto import_id = StartImport(store, record);
  if (!import_id.ok()) return import_id.status();

  std::vector<std::string_view> columns;
  for (const auto& f : kind->fields) columns.push_back(f.name);
  columns.push_back("import_id");
  auto writer = store.PrepareInsert(kind->table, columns);
  if (!writer.ok()) return writer.status();
  auto rejects = RejectLog::Prepare(store);
  if (!rejects.ok()) return rejects.status();

  ImportReport report;
  report.path = path.string();
  report.encoding = record.encoding;
  // The encoding is worth a word when it was a judgement: another encoding
  // than UTF-8, or UTF-8 with bytes that are not.
  const std::string& reason = (*file)->encoding_reason();
  if (options.encoding == "auto" && (record.encoding != "utf-8" || reason.find("invalid") != std::string::npos))
    report.warnings.push_back(fmt::format("{}: read as {} ({})", report.path, record.encoding, reason));
  constexpr size_t kMaxWarnings = 20;
  // Bytes a converted file's encoding cannot decode come out as U+FFFD.
  const bool reject_replacement_chars = (*file)->converted();
  RawRow row;
  for (;;) {
    auto got = (*source)->Next(row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    ++report.rows_read;
    Status s = builder.Build(row, **source, *import_id);
    if (s.ok() && reject_replacement_chars && builder.HasReplacementCharacter())
      s = Status::InvalidInput(fmt::format("bytes that are not valid {}", record.encoding));
    if (!s.ok() && !row.warning.empty()) s = Status::InvalidInput(s.message() + "; " + row.warning);
    if (s.ok() && !row.warning.empty()) {
      const std::string warning = fmt::format("{}:{}: {}", report.path, row.line, row.warning);
      if (options.strict)
        return Status::InvalidInput(fmt::format("{} (--strict: nothing from this file was imported)", warning));
      if (report.warnings.size() < kMaxWarnings) report.warnings.push_back(warning);
    }
    if (!s.ok()) {
      ++report.rows_rejected;
      std::string error = fmt::format("{}:{}: {}", report.path, row.line, s.message());
      if (options.strict)
        return Status::InvalidInput(fmt::format("{} (--strict: nothing from this file was imported)", error));
      BRANDLENS_RETURN_IF_ERROR(rejects->Add(*import_id, row.line, error));
      if (report.errors.size() < options.max_errors_kept) report.errors.push_back(std::move(error));
      continue;
    }
    auto inserted = (*writer)->Insert(builder.DedupKey(), builder.values());
    if (!inserted.ok()) return inserted.status();
    ++(*inserted ? report.rows_inserted : report.rows_duplicate);
    if (options.on_progress && report.rows_read % kProgressEveryRows == 0)
      options.on_progress({(*file)->bytes_consumed(), (*file)->size_bytes(), report.rows_read});
  }
  report.lines_read = (*source)->LinesRead();
  record.rows_read = report.rows_read;
  record.rows_inserted = report.rows_inserted;
  record.rows_duplicate = report.rows_duplicate;
  record.rows_rejected = report.rows_rejected;
  BRANDLENS_RETURN_IF_ERROR(FinishImport(store, *import_id, record));
  writer->reset();  // finalize the statements before COMMIT
  rejects->Close();
  BRANDLENS_RETURN_IF_ERROR(txn->Commit());
  if (options.on_progress) options.on_progress({(*file)->size_bytes(), (*file)->size_bytes(), report.rows_read});
  return report;
}

}  // namespace brandlens
