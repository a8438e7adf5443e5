// Mainland China's official working calendar: statutory holidays and the
// make-up working days (调休) that the State Council moves every year, so a
// Saturday can be a working day and a Wednesday a holiday. Daily demand
// follows these days, not the plain weekday.
//
// The table holds the State Council's published schedules for 2023–2026;
// a day outside them is kUnknown (treat it by its weekday). Extend the
// table when a new year's notice is published (each November).
#pragma once

#include <cstdint>

namespace brandlens {

enum class OfficialDay {
  kUnknown,         // outside the table
  kOrdinary,        // works or rests by its weekday
  kHoliday,         // a statutory holiday or a day off joined to one
  kMakeupWorkday,   // a weekend day worked to make up for a holiday (调休上班)
};

// `day`: days since 1970-01-01 (local date).
OfficialDay OfficialDayOf(int32_t day);

}  // namespace brandlens
