// Local calendar days of many Unix times in one time zone, fast: ICU offset
// look-ups are the slow part at a million rows, so offsets are cached per
// UTC hour. An hour whose start and end offsets differ holds a transition
// (which need not fall on the hour: Asia/Kathmandu moved to +5:45 at 18:30
// UTC, Australia/Lord_Howe shifts by 30 minutes at 15:30 UTC); times in such
// an hour are looked up exactly. So the result always equals ICU's.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "core/timestamp.h"

namespace brandlens {

class LocalDays {
 public:
  explicit LocalDays(const TimestampParser& time) : time_(time) {}

  // The zone's UTC offset in force at `unix_seconds`.
  int32_t OffsetAt(int64_t unix_seconds);
  // Days since 1970-01-01 of the local date at `unix_seconds`.
  int32_t DayOf(int64_t unix_seconds);

 private:
  static constexpr int32_t kTransitionInHour = INT32_MIN;  // cache marker: look up exactly
  const TimestampParser& time_;
  std::unordered_map<int64_t, int32_t> offset_by_hour_;
};

}  // namespace brandlens
