#include "ingest/csv_columns.h"

#include <fmt/format.h>

#include "core/text_file.h"
#include "ingest/csv_reader.h"
#include "ingest/row_source.h"

namespace brandlens {

Status ForEachCsvRow(const std::string& path, const std::vector<std::string>& columns,
                     const std::function<Status(int64_t, std::span<const std::string_view>)>& visit,
                     const std::function<void(int64_t, const std::string&)>& on_bad_row, const std::string& encoding) {
  auto file = TextFile::Open(path, encoding);
  if (!file.ok()) return file.status();
  CsvReader reader(**file);
  CsvRecord header, record;
  auto got = reader.Next(header);
  if (!got.ok()) return got.status();
  if (!*got) return Status::InvalidInput(fmt::format("{}: the file is empty (expected a header row)", path));
  if (!header.error.empty()) return Status::InvalidInput(fmt::format("{}:{}: header row: {}", path, header.line, header.error));
  std::vector<size_t> index;
  for (const auto& column : columns) {
    size_t found = header.fields.size();
    for (size_t i = 0; i < header.fields.size() && found == header.fields.size(); ++i)
      if (header.fields[i] == column) found = i;
    for (size_t i = 0; i < header.fields.size() && found == header.fields.size(); ++i)
      if (CanonicalColumnName(header.fields[i]) == CanonicalColumnName(column)) found = i;
    if (found == header.fields.size())
      return Status::InvalidInput(fmt::format("{}: no column '{}'; columns: {}", path, column, fmt::join(header.fields, ", ")));
    index.push_back(found);
  }
  const size_t width = header.fields.size();
  std::vector<std::string_view> fields(columns.size());
  for (;;) {
    got = reader.Next(record);
    if (!got.ok()) return got.status();
    if (!*got) return Status::Ok();
    if (!record.error.empty()) {
      on_bad_row(record.line, record.error);
      continue;
    }
    if (record.fields.size() != width) {
      on_bad_row(record.line, fmt::format("expected {} fields as in the header, found {}", width, record.fields.size()));
      continue;
    }
    for (size_t i = 0; i < index.size(); ++i) fields[i] = record.fields[index[i]];
    BRANDLENS_RETURN_IF_ERROR(visit(record.line, fields));
  }
}

}  // namespace brandlens
