// Writing RFC 4180 CSV: fields quoted only when they need it.
#pragma once

#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/status.h"

namespace brandlens::demo {

// Builds one CSV line (with its trailing newline) field by field.
class CsvLine {
 public:
  CsvLine& operator<<(std::string_view field);
  CsvLine& operator<<(const std::string& field) { return *this << std::string_view(field); }
  CsvLine& operator<<(const char* field) { return *this << std::string_view(field); }
  CsvLine& operator<<(int64_t value);
  CsvLine& operator<<(double value);  // two decimals
  // The finished line; the builder starts a new one.
  std::string Take();

 private:
  std::string line_;
  bool first_ = true;
};

// A CSV file written line by line: `writer << a << b; writer.EndRow();`
class CsvWriter {
 public:
  explicit CsvWriter(const std::string& path) : path_(path), out_(path, std::ios::binary) {}
  template <typename T>
  CsvWriter& operator<<(const T& field) {
    line_ << field;
    return *this;
  }
  void EndRow() { out_ << line_.Take(); }
  void Row(std::initializer_list<std::string_view> fields);
  Status Close();

 private:
  std::string path_;
  std::ofstream out_;
  CsvLine line_;
};

// Quotes a field when it holds a comma, quote, CR or LF.
void AppendCsvField(std::string& out, std::string_view field);

}  // namespace brandlens::demo
