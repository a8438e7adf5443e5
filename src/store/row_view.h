// Typed, checked reading of one scanned row. A NULL where a value is
// required, or a value of another type (an integer sum that overflowed into
// a real, text in a number column), is recorded as an error naming the
// table, the column and the row's position in the scan; it never throws.
// ForEachRow returns that error after the visit, so a damaged row stops a
// job with a message instead of crashing it. Each module reads its tables
// through small typed readers built on this (e.g. listening/facts.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace brandlens {

// A cell: NULL, integer, real or UTF-8 text (viewed, not owned).
using Value = std::variant<std::monostate, int64_t, double, std::string_view>;

class RowView {
 public:
  RowView(std::string_view table, std::span<const std::string_view> columns, const std::vector<Value>& values,
          int64_t row_number)
      : table_(table), columns_(columns), values_(values), row_number_(row_number) {}

  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_[i]); }

  // Required values: on NULL or another type, an error is recorded and a
  // zero value returned.
  int64_t Int(size_t i);
  double Real(size_t i);  // an integer is read as a real
  std::string_view Text(size_t i);

  // Optional values: NULL gives nullopt; another type is still an error.
  std::optional<int64_t> OptionalInt(size_t i);
  std::optional<double> OptionalReal(size_t i);
  std::optional<std::string_view> OptionalText(size_t i);

  // The first error recorded, or ok.
  const Status& status() const { return status_; }
  const std::vector<Value>& values() const { return values_; }

 private:
  void Fail(size_t i, std::string_view wanted);

  std::string_view table_;
  std::span<const std::string_view> columns_;
  const std::vector<Value>& values_;
  int64_t row_number_;
  Status status_;
};

}  // namespace brandlens
