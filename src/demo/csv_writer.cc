#include "demo/csv_writer.h"

#include <fmt/format.h>

namespace brandlens::demo {

void AppendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

CsvLine& CsvLine::operator<<(std::string_view field) {
  if (!first_) line_.push_back(',');
  first_ = false;
  AppendCsvField(line_, field);
  return *this;
}

CsvLine& CsvLine::operator<<(int64_t value) { return *this << std::string_view(fmt::format("{}", value)); }
CsvLine& CsvLine::operator<<(double value) { return *this << std::string_view(fmt::format("{:.2f}", value)); }

std::string CsvLine::Take() {
  std::string line = std::move(line_);
  line.push_back('\n');
  line_.clear();
  first_ = true;
  return line;
}

void CsvWriter::Row(std::initializer_list<std::string_view> fields) {
  for (auto f : fields) line_ << f;
  EndRow();
}

Status CsvWriter::Close() {
  out_.close();
  return out_ ? Status::Ok() : Status::IoError(fmt::format("{}: write failed", path_));
}

}  // namespace brandlens::demo
