// The parser is hand-written because exports mix many layouts in one column
// and ICU's SimpleDateFormat needs one exact pattern per attempt (and is ~20x
// slower when several are tried per row). Time-zone arithmetic is left to ICU.
#include "core/timestamp.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <mutex>

namespace brandlens {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's public-domain days_from_civil algorithm.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04d}-{:02d}-{:02d}", y + (m <= 2), m, d);
}

int32_t DayNumber(std::string_view d) {
  const auto field = [&](size_t at, size_t length) { return std::stoi(std::string(d.substr(at, length))); };
  return static_cast<int32_t>(
      DaysFromCivil(field(0, 4), static_cast<unsigned>(field(5, 2)), static_cast<unsigned>(field(8, 2))));
}

struct TimestampParser::Impl {
  std::unique_ptr<icu::TimeZone> zone;
  // ICU time zones are not documented as thread-safe for getOffset; imports
  // parse on one thread, but the lock keeps shared use correct.
  mutable std::mutex mu;

  // UTC offset in force at `seconds`, read as local wall-clock time or as UTC.
  int32_t OffsetSeconds(int64_t seconds, bool local) const {
    std::lock_guard lock(mu);
    int32_t raw = 0, dst = 0;
    UErrorCode err = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(seconds) * 1000.0, local, raw, dst, err);
    return U_SUCCESS(err) ? (raw + dst) / 1000 : 0;
  }
};

TimestampParser::TimestampParser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TimestampParser::~TimestampParser() = default;

Result<std::unique_ptr<TimestampParser>> TimestampParser::Create(const std::string& time_zone) {
  auto impl = std::make_unique<Impl>();
  impl->zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(time_zone)));
  icu::UnicodeString id;
  impl->zone->getID(id);
  if (*impl->zone == icu::TimeZone::getUnknown()) {
    return Status::InvalidInput(fmt::format(
        "unknown time zone '{}': use an IANA id such as Asia/Shanghai or UTC", time_zone));
  }
  return std::unique_ptr<TimestampParser>(new TimestampParser(std::move(impl)));
}

int32_t TimestampParser::UtcOffsetSeconds(int64_t unix_seconds) const {
  return impl_->OffsetSeconds(unix_seconds, /*local=*/false);
}

std::string TimestampParser::LocalDate(int64_t unix_seconds) const {
  const int64_t local = unix_seconds + impl_->OffsetSeconds(unix_seconds, /*local=*/false);
  const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return CivilFromDays(days);
}

namespace {

// A cursor over the text with the small lexing steps the formats share.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  bool eat(std::string_view word) {
    if (s.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  }
  // Reads 1..max_digits decimal digits; returns the count read (0 if none).
  int number(int64_t& out, int max_digits) {
    int n = 0;
    out = 0;
    while (n < max_digits && !done() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      out = out * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    return n;
  }
  void skip_spaces() {
    while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

constexpr int64_t kMinPlausible = 0;            // 1970-01-01
constexpr int64_t kMaxPlausible = 4102444800;   // 2100-01-01

}  // namespace

Result<int64_t> TimestampParser::Parse(std::string_view text) const {
  auto fail = [&](std::string_view why) -> Status {
    return Status::InvalidInput(fmt::format("cannot read '{}' as a timestamp: {}", text, why));
  };
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return fail("it is empty");

  if (AllDigits(text)) {
    // Longer digit strings are no Unix time and would overflow (found by
    // fuzzing).
    if (text.size() > 13) return fail("a Unix time has 9–10 digits (seconds) or 12–13 digits (milliseconds)");
    int64_t value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    int64_t seconds;
    if (text.size() >= 9 && text.size() <= 10) {
      seconds = value;
    } else if (text.size() >= 12 && text.size() <= 13) {
      seconds = value / 1000;
    } else {
      return fail("a Unix time has 9–10 digits (seconds) or 12–13 digits (milliseconds)");
    }
    if (seconds < kMinPlausible || seconds >= kMaxPlausible) return fail("outside 1970–2100");
    return seconds;
  }

  Cursor c{text};
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (c.number(year, 4) != 4) return fail("expected a four-digit year first");
  const bool chinese = c.eat("年");
  char sep = '\0';
  if (!chinese) {
    sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return fail("expected '-', '/', '.' or 年 after the year");
    c.eat(sep);
  }
  if (c.number(month, 2) == 0) return fail("missing month");
  if (chinese ? !c.eat("月") : !c.eat(sep)) return fail("expected a separator after the month");
  if (c.number(day, 2) == 0) return fail("missing day");
  if (chinese && !c.eat("日")) c.eat("号");

  bool has_time = false;
  if (!c.done()) {
    if (!c.eat('T')) c.skip_spaces();
    if (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek()))) {
      has_time = true;
      if (c.number(hour, 2) == 0) return fail("missing hour");
      if (!(c.eat(':') || c.eat("时") || c.eat("点"))) return fail("expected ':' after the hour");
      if (c.number(minute, 2) == 0) return fail("missing minute");
      c.eat("分");
      if (c.eat(':')) {
        if (c.number(second, 2) == 0) return fail("missing seconds");
      } else if (!c.done() && std::isdigit(static_cast<unsigned char>(c.peek()))) {
        if (c.number(second, 2) == 0) return fail("missing seconds");
      }
      c.eat("秒");
      if (c.eat('.') || c.eat(',')) {
        int64_t frac;
        if (c.number(frac, 9) == 0) return fail("missing fraction digits");
      }
    }
  }
  if (month < 1 || month > 12) return fail("month out of range");
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day < 1 || day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return fail("day out of range");
  if (hour > 23 || minute > 59 || second > 60) return fail("time of day out of range");
  if (second == 60) second = 59;  // leap second: clamp rather than reject

  const int64_t local = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
                        hour * 3600 + minute * 60 + second;
  int64_t utc;
  c.skip_spaces();
  if (c.done()) {
    utc = local - impl_->OffsetSeconds(local, /*local=*/true);
  } else if (has_time && (c.eat('Z') || c.eat('z'))) {
    utc = local;
  } else if (has_time && (c.peek() == '+' || c.peek() == '-')) {
    const int sign = c.peek() == '+' ? 1 : -1;
    c.i++;
    int64_t oh = 0, om = 0;
    if (c.number(oh, 2) != 2) return fail("offset needs two-digit hours (+08:00)");
    c.eat(':');
    c.number(om, 2);
    if (oh > 14 || om > 59) return fail("offset out of range");
    utc = local - sign * (oh * 3600 + om * 60);
  } else {
    return fail("unexpected text after the date/time");
  }
  if (!c.done()) return fail("unexpected text after the offset");
  if (utc < kMinPlausible || utc >= kMaxPlausible) return fail("outside 1970–2100");
  return utc;
}

}  // namespace brandlens
