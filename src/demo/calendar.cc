#include "demo/calendar.h"

#include <algorithm>
#include <cmath>

#include "core/timestamp.h"

namespace brandlens::demo {

namespace {
const int64_t kStart = DaysFromCivil(2024, 10, 1);
}

int64_t DayToDaysSinceEpoch(int day) { return kStart + day; }
std::string DayToDate(int day) { return CivilFromDays(kStart + day); }
int DayOfWeek(int day) { return static_cast<int>(((kStart + day) % 7 + 10) % 7); }  // 1970-01-01 was a Thursday

double DayOfYearFraction(int day) {
  const std::string date = DayToDate(day);
  const int year = std::stoi(date.substr(0, 4));
  return static_cast<double>(kStart + day - DaysFromCivil(year, 1, 1)) / 365.0;
}

FestivalEffect FestivalOn(int day) {
  const int64_t d = kStart + day;
  FestivalEffect e;
  for (int year : {2024, 2025, 2026}) {
    const int64_t d618 = DaysFromCivil(year, 6, 18), d1111 = DaysFromCivil(year, 11, 11);
    if (d >= d618 - 17 && d <= d618) e.shopping = std::max(e.shopping, 1.0 - static_cast<double>(d618 - d) / 18.0);
    if (d >= d1111 - 22 && d <= d1111) e.shopping = std::max(e.shopping, 1.0 - static_cast<double>(d1111 - d) / 23.0);
  }
  for (int64_t lny : {DaysFromCivil(2025, 1, 29), DaysFromCivil(2026, 2, 17)}) {
    const auto distance = static_cast<double>(std::llabs(d - lny));
    if (distance <= 7) e.spring_festival = std::max(e.spring_festival, 1.0 - distance / 8.0);
  }
  return e;
}

}  // namespace brandlens::demo
