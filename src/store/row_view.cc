#include "store/row_view.h"

#include <fmt/format.h>

namespace brandlens {

namespace {

std::string_view TypeName(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (std::holds_alternative<int64_t>(v)) return "an integer";
  if (std::holds_alternative<double>(v)) return "a real number";
  return "text";
}

}  // namespace

void RowView::Fail(size_t i, std::string_view wanted) {
  if (!status_.ok()) return;
  const std::string_view column = i < columns_.size() ? columns_[i] : std::string_view("?");
  status_ = Status::Corruption(fmt::format("workspace table {}, row {} of the scan: column {} holds {} where {} was expected",
                                           table_, row_number_, column, TypeName(values_[i]), wanted));
}

int64_t RowView::Int(size_t i) {
  if (const auto* v = std::get_if<int64_t>(&values_[i])) return *v;
  Fail(i, "an integer");
  return 0;
}

double RowView::Real(size_t i) {
  if (const auto* d = std::get_if<double>(&values_[i])) return *d;
  if (const auto* v = std::get_if<int64_t>(&values_[i])) return static_cast<double>(*v);
  Fail(i, "a number");
  return 0;
}

std::string_view RowView::Text(size_t i) {
  if (const auto* s = std::get_if<std::string_view>(&values_[i])) return *s;
  Fail(i, "text");
  return {};
}

std::optional<int64_t> RowView::OptionalInt(size_t i) {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<double> RowView::OptionalReal(size_t i) {
  if (IsNull(i)) return std::nullopt;
  return Real(i);
}

std::optional<std::string_view> RowView::OptionalText(size_t i) {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

}  // namespace brandlens
