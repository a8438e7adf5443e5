#include "ingest/field_parser.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "core/yes_no.h"

namespace brandlens {

namespace {

std::string_view Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool StripPrefix(std::string_view& s, std::string_view p) {
  if (!s.starts_with(p)) return false;
  s.remove_prefix(p.size());
  return true;
}
bool StripSuffix(std::string_view& s, std::string_view p) {
  if (!s.ends_with(p)) return false;
  s.remove_suffix(p.size());
  return true;
}

// A decimal with optional thousands separators, parsed by from_chars. Only
// values that carry separators are copied (the hot path allocates nothing).
Result<double> ParseDecimal(std::string_view s, std::string_view what) {
  std::string without_commas;
  std::string_view digits = s;
  if (s.find(',') != std::string_view::npos) {
    for (char c : s)
      if (c != ',') without_commas.push_back(c);
    digits = without_commas;
  }
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty() || !std::isfinite(v))
    return Status::InvalidInput(fmt::format("'{}' is not {}", s, what));
  return v;
}

Status CheckRange(const FieldSpec& spec, double v, std::string_view raw) {
  if (v < spec.min || v > spec.max)
    return Status::InvalidInput(fmt::format("{} is outside [{}, {}]", raw, spec.min, spec.max));
  return Status::Ok();
}

Status CheckText(std::string_view s, size_t limit) {
  if (const size_t bad = FindInvalidUtf8(s); bad != std::string_view::npos)
    return Status::InvalidInput(fmt::format("invalid UTF-8 at byte {} (is the file in another encoding? try --encoding gbk)", bad));
  // A NUL would cut the text short in every C API downstream.
  if (const size_t nul = s.find('\0'); nul != std::string_view::npos)
    return Status::InvalidInput(fmt::format("a NUL byte at byte {}", nul));
  if (s.size() > limit)
    return Status::InvalidInput(fmt::format("{} bytes long, over the {}-byte limit", s.size(), limit));
  return Status::Ok();
}

}  // namespace

Result<int64_t> ParseCount(std::string_view raw) {
  std::string_view s = Trim(raw);
  int64_t plain = 0;  // the common case: plain digits
  if (auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), plain);
      ec == std::errc() && ptr == s.data() + s.size() && plain >= 0) {
    if (plain > kMaxCount) return Status::InvalidInput(fmt::format("'{}' is not a plausible count", raw));
    return plain;
  }
  StripSuffix(s, "+");
  double scale = 1;
  if (StripSuffix(s, "万") || StripSuffix(s, "w") || StripSuffix(s, "W")) {
    scale = 1e4;
  } else if (StripSuffix(s, "亿")) {
    scale = 1e8;
  } else if (StripSuffix(s, "千") || StripSuffix(s, "k") || StripSuffix(s, "K")) {
    scale = 1e3;
  }
  auto v = ParseDecimal(Trim(s), "a count");
  if (!v.ok()) return Status::InvalidInput(fmt::format("'{}' is not a count", raw));
  // 1.2万 is 12000, but a bare 1.5 is no count: say so rather than round it.
  if (scale == 1 && *v != std::floor(*v)) return Status::InvalidInput(fmt::format("'{}' is not a whole number", raw));
  const double n = std::round(*v * scale);
  if (n < 0 || n > static_cast<double>(kMaxCount))
    return Status::InvalidInput(fmt::format("'{}' is not a plausible count", raw));
  return static_cast<int64_t>(n);
}

Status ParseField(const FieldSpec& spec, std::string_view raw, const TimestampParser& time, Value& out,
                  std::string& scratch) {
  out = std::monostate{};
  const std::string_view s = spec.type == FieldType::kText ? raw : Trim(raw);
  if (Trim(s).empty()) return Status::Ok();

  switch (spec.type) {
    case FieldType::kText:
      BRANDLENS_RETURN_IF_ERROR(CheckText(s, kMaxTextBytes));
      out = s;
      return Status::Ok();
    case FieldType::kShort:
      BRANDLENS_RETURN_IF_ERROR(CheckText(s, kMaxShortBytes));
      out = s;
      return Status::Ok();
    case FieldType::kToken:
    case FieldType::kLanguage: {
      scratch.clear();
      for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '_' || c == '-'))
          return Status::InvalidInput(fmt::format("'{}' is not an identifier (letters, digits, _ and - only)", s));
        scratch.push_back(static_cast<char>(std::tolower(u)));
      }
      if (scratch.size() > 64) return Status::InvalidInput(fmt::format("'{}' is longer than 64 characters", s));
      out = std::string_view(scratch);
      return Status::Ok();
    }
    case FieldType::kInteger: {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec != std::errc() || ptr != s.data() + s.size())
        return Status::InvalidInput(fmt::format("'{}' is not an integer", s));
      BRANDLENS_RETURN_IF_ERROR(CheckRange(spec, static_cast<double>(v), s));
      out = v;
      return Status::Ok();
    }
    case FieldType::kCount: {
      auto v = ParseCount(s);
      if (!v.ok()) return v.status();
      out = *v;
      return Status::Ok();
    }
    case FieldType::kReal:
    case FieldType::kMoney: {
      std::string_view m = s;
      if (spec.type == FieldType::kMoney) {
        StripPrefix(m, "¥") || StripPrefix(m, "￥") || StripPrefix(m, "$") || StripPrefix(m, "RMB");
        StripSuffix(m, "元");
        m = Trim(m);
      }
      auto v = ParseDecimal(m, spec.type == FieldType::kMoney ? "an amount" : "a number");
      if (!v.ok()) return v.status();
      BRANDLENS_RETURN_IF_ERROR(CheckRange(spec, *v, s));
      out = *v;
      return Status::Ok();
    }
    case FieldType::kTimestamp: {
      auto v = time.Parse(s);
      if (!v.ok()) return v.status();
      out = *v;
      return Status::Ok();
    }
    case FieldType::kDate: {
      auto v = time.Parse(s);
      if (!v.ok()) return v.status();
      scratch = time.LocalDate(*v);
      out = std::string_view(scratch);
      return Status::Ok();
    }
    case FieldType::kBool: {
      if (const auto yes = ParseYesNo(s)) return out = int64_t{*yes ? 1 : 0}, Status::Ok();
      return Status::InvalidInput(fmt::format("'{}' is not a yes/no value (1/0, true/false, 是/否)", s));
    }
  }
  return Status::Internal("unhandled field type");
}

}  // namespace brandlens
