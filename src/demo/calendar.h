// The demo world's calendar: its two-year window and the Chinese shopping
// festivals and holidays that shape demand.
#pragma once

#include <cstdint>
#include <string>

namespace brandlens::demo {

// The world spans 730 days from 2024-10-01 (local dates, Asia/Shanghai).
inline constexpr int kDays = 730;
int64_t DayToDaysSinceEpoch(int day);  // day index -> days since 1970-01-01
std::string DayToDate(int day);        // YYYY-MM-DD
int DayOfWeek(int day);                // 0 = Monday
double DayOfYearFraction(int day);     // 0 at Jan 1, 1 at Dec 31

// Demand multipliers near festivals: 618 (June 1–18), 双11 (Oct 20 – Nov 11)
// and the Spring Festival (Lunar New Year 2025-01-29 and 2026-02-17, dates
// from the State Council holiday notices), when many tea shops close.
struct FestivalEffect {
  double shopping = 0;        // 0..1: how deep into a shopping festival
  double spring_festival = 0; // 0..1: closeness to Lunar New Year's Day
};
FestivalEffect FestivalOn(int day);

}  // namespace brandlens::demo
