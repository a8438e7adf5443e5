#include "planning/work_calendar.h"

#include "core/timestamp.h"

namespace brandlens {

namespace {

struct Span {
  int year, month, day, last_month, last_day;
};

// From the State Council's annual notices on public holidays
// (国务院办公厅关于…年部分节假日安排的通知), 2023–2026.
constexpr Span kHolidays[] = {
    {2022, 12, 31, 1, 2},  // 元旦 2023 (to 2023-01-02)
    {2023, 1, 21, 1, 27},   {2023, 4, 5, 4, 5},    {2023, 4, 29, 5, 3},   {2023, 6, 22, 6, 24},
    {2023, 9, 29, 10, 6},   {2024, 1, 1, 1, 1},    {2024, 2, 10, 2, 17},  {2024, 4, 4, 4, 6},
    {2024, 5, 1, 5, 5},     {2024, 6, 10, 6, 10},  {2024, 9, 15, 9, 17},  {2024, 10, 1, 10, 7},
    {2025, 1, 1, 1, 1},     {2025, 1, 28, 2, 4},   {2025, 4, 4, 4, 6},    {2025, 5, 1, 5, 5},
    {2025, 5, 31, 6, 2},    {2025, 10, 1, 10, 8},  {2026, 1, 1, 1, 3},    {2026, 2, 15, 2, 23},
    {2026, 4, 4, 4, 6},     {2026, 5, 1, 5, 5},    {2026, 6, 19, 6, 21},  {2026, 9, 25, 9, 27},
    {2026, 10, 1, 10, 7},
};

struct Date {
  int year, month, day;
};

constexpr Date kMakeupWorkdays[] = {
    {2023, 1, 28}, {2023, 1, 29}, {2023, 4, 23}, {2023, 5, 6},  {2023, 6, 25}, {2023, 10, 7}, {2023, 10, 8},
    {2024, 2, 4},  {2024, 2, 18}, {2024, 4, 7},  {2024, 4, 28}, {2024, 5, 11}, {2024, 9, 14}, {2024, 9, 29},
    {2024, 10, 12}, {2025, 1, 26}, {2025, 2, 8}, {2025, 4, 27}, {2025, 9, 28}, {2025, 10, 11}, {2026, 1, 4},
    {2026, 2, 14}, {2026, 2, 28}, {2026, 5, 9},  {2026, 9, 20}, {2026, 10, 10},
};

int32_t Day(int year, int month, int day) {
  return static_cast<int32_t>(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

}  // namespace

OfficialDay OfficialDayOf(int32_t day) {
  if (day < Day(2022, 12, 31) || day > Day(2026, 12, 31)) return OfficialDay::kUnknown;
  for (const Span& s : kHolidays) {
    const int last_year = s.last_month < s.month ? s.year + 1 : s.year;
    if (day >= Day(s.year, s.month, s.day) && day <= Day(last_year, s.last_month, s.last_day))
      return OfficialDay::kHoliday;
  }
  for (const Date& d : kMakeupWorkdays)
    if (day == Day(d.year, d.month, d.day)) return OfficialDay::kMakeupWorkday;
  return OfficialDay::kOrdinary;
}

}  // namespace brandlens
