#include "core/local_days.h"

namespace brandlens {

namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : (a - b + 1) / b; }

}  // namespace

int32_t LocalDays::OffsetAt(int64_t unix_seconds) {
  const int64_t hour = FloorDiv(unix_seconds, 3600);
  auto it = offset_by_hour_.find(hour);
  if (it == offset_by_hour_.end()) {
    // No zone changes its offset twice within one hour, so equal offsets at
    // both ends mean one offset for the whole hour.
    const int32_t start = time_.UtcOffsetSeconds(hour * 3600);
    const int32_t end = time_.UtcOffsetSeconds(hour * 3600 + 3599);
    it = offset_by_hour_.emplace(hour, start == end ? start : kTransitionInHour).first;
  }
  return it->second == kTransitionInHour ? time_.UtcOffsetSeconds(unix_seconds) : it->second;
}

int32_t LocalDays::DayOf(int64_t unix_seconds) {
  return static_cast<int32_t>(FloorDiv(unix_seconds + OffsetAt(unix_seconds), 86400));
}

}  // namespace brandlens
