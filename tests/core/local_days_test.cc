#include "core/local_days.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

// Every 5 minutes across a span, the cached offset must equal ICU's exact
// one. Transitions off the UTC hour are where a per-hour cache went wrong.
void ExpectExactOffsets(const std::string& zone, int64_t from, int64_t to) {
  auto time = std::move(TimestampParser::Create(zone).value());
  LocalDays days(*time);
  int mismatches = 0;
  for (int64_t t = from; t < to; t += 300) {
    const int32_t exact = time->UtcOffsetSeconds(t);
    mismatches += days.OffsetAt(t) != exact;
    ASSERT_EQ(days.DayOf(t), (t + exact) >= 0 ? (t + exact) / 86400 : ((t + exact) - 86399) / 86400);
  }
  EXPECT_EQ(mismatches, 0) << zone;
}

TEST(LocalDaysTest, KathmanduMovedToQuarterHourOffsetAtHalfPast) {
  // 1986-01-01 00:00 local: +5:30 became +5:45 at 1985-12-31 18:30 UTC.
  ExpectExactOffsets("Asia/Kathmandu", 504900000, 504990000);
}

TEST(LocalDaysTest, LordHoweShiftsByHalfAnHourOffTheHour) {
  // Daylight saving on Lord Howe Island moves clocks by 30 minutes at 02:00
  // local time, 15:30 UTC: a whole year of transitions.
  ExpectExactOffsets("Australia/Lord_Howe", 1704067200, 1735689600);
}

TEST(LocalDaysTest, ShanghaiDaysAreUtcPlusEight) {
  auto time = std::move(TimestampParser::Create("Asia/Shanghai").value());
  LocalDays days(*time);
  // 2024-06-18 16:00 UTC is 2024-06-19 00:00 in Shanghai.
  EXPECT_EQ(days.DayOf(1718726400), DaysFromCivil(2024, 6, 19));
  EXPECT_EQ(days.DayOf(1718726399), DaysFromCivil(2024, 6, 18));
  EXPECT_EQ(days.DayOf(-1), DaysFromCivil(1970, 1, 1));  // 1970-01-01 07:59:59 local
}

}  // namespace
}  // namespace brandlens
