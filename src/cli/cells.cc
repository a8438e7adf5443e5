#include "cli/cells.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <fstream>

#include "core/yes_no.h"
#include "ingest/csv_columns.h"

namespace brandlens {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Result<double> ParseNumberCell(std::string_view cell, const std::string& path, int64_t line, const std::string& column) {
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  double value = 0;
  const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (cell.empty() || ec != std::errc() || ptr != cell.data() + cell.size() || !std::isfinite(value))
    return Status::InvalidInput(
        fmt::format("{}:{}: column '{}': '{}' is not a number", path, line, column, std::string(cell.substr(0, 40))));
  return value;
}

Result<double> ParseOutcomeCell(std::string_view cell, const std::string& path, int64_t line,
                                const std::string& column) {
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  if (const auto yes = ParseYesNo(cell)) return *yes ? 1.0 : 0.0;
  return ParseNumberCell(cell, path, line, column);
}

Status ForEachStrictCsvRow(const std::string& path, const std::vector<std::string>& columns,
                           const std::function<Status(int64_t line, std::span<const std::string_view> fields)>& visit,
                           const std::string& encoding) {
  Status bad_row;
  BRANDLENS_RETURN_IF_ERROR(ForEachCsvRow(
      path, columns, visit,
      [&](int64_t line, const std::string& why) {
        if (bad_row.ok()) bad_row = Status::InvalidInput(fmt::format("{}:{}: {}", path, line, why));
      },
      encoding));
  return bad_row;
}

Status WriteJsonFile(const std::string& path, const std::string& json) {
  std::ofstream out(path, std::ios::binary);
  if (!(out << json << '\n')) return Status::IoError(fmt::format("{}: cannot write the file", path));
  return Status::Ok();
}

}  // namespace brandlens
