#include "planning/work_calendar.h"

#include <string_view>
#include <utility>

#include "core/timestamp.h"

namespace brandlens {

namespace {

// From the State Council's annual notices on public holidays
// (国务院办公厅关于…年部分节假日安排的通知), 2023–2026: first and last day off.
constexpr std::pair<std::string_view, std::string_view> kHolidays[] = {
    {"2022-12-31", "2023-01-02"}, {"2023-01-21", "2023-01-27"}, {"2023-04-05", "2023-04-05"}, {"2023-04-29", "2023-05-03"},
    {"2023-06-22", "2023-06-24"}, {"2023-09-29", "2023-10-06"}, {"2024-01-01", "2024-01-01"}, {"2024-02-10", "2024-02-17"},
    {"2024-04-04", "2024-04-06"}, {"2024-05-01", "2024-05-05"}, {"2024-06-10", "2024-06-10"}, {"2024-09-15", "2024-09-17"},
    {"2024-10-01", "2024-10-07"}, {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
    {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"}, {"2026-01-01", "2026-01-03"},
    {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"}, {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"},
    {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"},
};

// The weekend days worked to make up for them (调休上班).
constexpr std::string_view kMakeupWorkdays[] = {
    "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
    "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04",
    "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
};

}  // namespace

OfficialDay OfficialDayOf(int32_t day) {
  if (day < DayNumber("2022-12-31") || day > DayNumber("2026-12-31")) return OfficialDay::kUnknown;
  for (const auto& [first, last] : kHolidays)
    if (day >= DayNumber(first) && day <= DayNumber(last)) return OfficialDay::kHoliday;
  for (std::string_view d : kMakeupWorkdays)
    if (day == DayNumber(d)) return OfficialDay::kMakeupWorkday;
  return OfficialDay::kOrdinary;
}

}  // namespace brandlens
