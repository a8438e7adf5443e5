// Parsing the timestamps that platform exports contain into Unix seconds (UTC).
//
// Accepted forms (a date alone means midnight):
//   ISO 8601        2024-06-18, 2024-06-18T20:15:00, 2024-06-18 20:15:00.123+08:00, ...Z
//   slashes/dots    2024/6/18 20:15, 2024.06.18 20:15:30
//   Chinese         2024年6月18日 20:15, 2024年6月18日20时15分
//   Unix epoch      1718712900 (seconds, 9–10 digits), 1718712900000 (milliseconds, 12–13 digits)
// Times without an explicit offset are wall-clock times in the configured
// time zone (an IANA id such as Asia/Shanghai), DST-aware via ICU.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace brandlens {

class TimestampParser {
 public:
  // Fails when `time_zone` is not a time zone ICU knows.
  static Result<std::unique_ptr<TimestampParser>> Create(const std::string& time_zone);
  ~TimestampParser();
  TimestampParser(const TimestampParser&) = delete;
  TimestampParser& operator=(const TimestampParser&) = delete;

  // Unix seconds, or InvalidInput with a message that quotes the text.
  // Years outside 1970–2100 are rejected as implausible for an export.
  Result<int64_t> Parse(std::string_view text) const;

  // The local calendar date (YYYY-MM-DD) of a Unix time in this time zone.
  std::string LocalDate(int64_t unix_seconds) const;

  // The zone's offset from UTC in force at a Unix time, in seconds.
  int32_t UtcOffsetSeconds(int64_t unix_seconds) const;

 private:
  struct Impl;
  explicit TimestampParser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// Inverse of DaysFromCivil, formatted as YYYY-MM-DD.
std::string CivilFromDays(int64_t days);

// Days since 1970-01-01 of a YYYY-MM-DD date (as CivilFromDays and
// TimestampParser::LocalDate write them, and the import stores dates).
int32_t DayNumber(std::string_view yyyy_mm_dd);

}  // namespace brandlens
