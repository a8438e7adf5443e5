#include "planning/festivals.h"

#include <algorithm>
#include <map>

#include "core/timestamp.h"

namespace brandlens {

namespace {

struct Date {
  int year, month, day;
};

// 正月初一 by year (the published Chinese calendar).
constexpr Date kSpringFestival[] = {
    {2015, 2, 19}, {2016, 2, 8},  {2017, 1, 28}, {2018, 2, 16}, {2019, 2, 5},  {2020, 1, 25}, {2021, 2, 12},
    {2022, 2, 1},  {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29}, {2026, 2, 17}, {2027, 2, 6},  {2028, 1, 26},
    {2029, 2, 13}, {2030, 2, 3},  {2031, 1, 23}, {2032, 2, 11}, {2033, 1, 31}, {2034, 2, 19}, {2035, 2, 8},
};

int32_t Day(int year, int month, int day) {
  return static_cast<int32_t>(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::vector<FestivalWindow> WindowsOfYear(int year) {
  std::vector<FestivalWindow> out = {
      {"元旦", Day(year, 1, 1), Day(year, 1, 1)},       {"618", Day(year, 6, 18), Day(year, 6, 18)},
      {"国庆", Day(year, 10, 1), Day(year, 10, 7)},     {"双11", Day(year, 11, 11), Day(year, 11, 11)},
      {"双12", Day(year, 12, 12), Day(year, 12, 12)},
  };
  for (const Date& d : kSpringFestival)
    if (d.year == year) {
      const int32_t first = Day(d.year, d.month, d.day);
      out.push_back({"春节", first - 1, first + 6});  // 除夕 to 初七
    }
  return out;
}

bool InAnyWindow(int32_t day, const std::vector<FestivalWindow>& windows) {
  for (const auto& w : windows)
    if (day >= w.first_day && day <= w.last_day) return true;
  return false;
}

}  // namespace

std::vector<FestivalWindow> FestivalsBetween(int32_t first_day, int32_t last_day) {
  std::vector<FestivalWindow> out;
  const int first_year = std::stoi(CivilFromDays(first_day).substr(0, 4));
  const int last_year = std::stoi(CivilFromDays(last_day).substr(0, 4));
  for (int year = first_year; year <= last_year; ++year)
    for (auto& w : WindowsOfYear(year))
      if (w.last_day >= first_day && w.first_day <= last_day) out.push_back(std::move(w));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first_day < b.first_day; });
  return out;
}

std::vector<FestivalEffect> MeasureFestivals(std::span<const double> daily, int32_t first_day) {
  if (daily.empty()) return {};
  const auto last_day = static_cast<int32_t>(first_day + static_cast<int32_t>(daily.size()) - 1);
  const auto windows = FestivalsBetween(first_day - 60, last_day + 60);
  std::map<std::string, FestivalEffect> effects;
  std::vector<double> baseline;
  for (const auto& w : windows) {
    if (w.first_day - 35 < first_day || w.last_day + 35 > last_day) continue;
    baseline.clear();
    for (int32_t d = w.first_day - 35; d <= w.last_day + 35; ++d) {
      if ((d > w.first_day - 8 && d < w.last_day + 8) || InAnyWindow(d, windows)) continue;
      baseline.push_back(daily[static_cast<size_t>(d - first_day)]);
    }
    if (baseline.size() < 14) continue;
    std::nth_element(baseline.begin(), baseline.begin() + static_cast<std::ptrdiff_t>(baseline.size() / 2), baseline.end());
    const double base = baseline[baseline.size() / 2];
    if (!(base > 0)) continue;
    double sum = 0;
    for (int32_t d = w.first_day; d <= w.last_day; ++d) sum += daily[static_cast<size_t>(d - first_day)];
    const double lift = sum / (w.last_day - w.first_day + 1) / base;
    FestivalEffect& e = effects[w.name];
    e.name = w.name;
    e.lift = (e.lift * e.occurrences + lift) / (e.occurrences + 1);
    ++e.occurrences;
  }
  std::vector<FestivalEffect> out;
  for (auto& [name, e] : effects) out.push_back(std::move(e));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.lift > b.lift; });
  return out;
}

}  // namespace brandlens
