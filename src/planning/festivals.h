// China's shopping festivals and holidays as dated windows, and their
// effect on a daily series. The Spring Festival follows the lunar calendar:
// its dates come from a table (Gregorian date of the first day of the
// first lunar month, 2015–2035, from the published Chinese calendar).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace brandlens {

struct FestivalWindow {
  std::string name;   // 春节, 618, 双11, 双12, 国庆, 元旦
  int32_t first_day;  // days since 1970-01-01, local dates, inclusive
  int32_t last_day;
};

// Every festival window overlapping [first_day, last_day].
std::vector<FestivalWindow> FestivalsBetween(int32_t first_day, int32_t last_day);

struct FestivalEffect {
  std::string name;
  int occurrences = 0;  // windows measured
  double lift = 1;      // mean over the window ÷ the baseline around it, averaged over occurrences
};

// Measures each festival's lift on a daily series starting at `first_day`:
// the window's mean against the median of the four weeks on either side
// (a week away from the window, other festivals left out). Festivals with
// no complete window and baseline in the series are not reported.
std::vector<FestivalEffect> MeasureFestivals(std::span<const double> daily, int32_t first_day);

}  // namespace brandlens
