// src/detail/day_number.hpp: Boost.Date_Time's day numbers (Julian days) in plain integers,
// for hot paths that compare and split dates without Boost's out-of-line, range-checked conversions.
#pragma once

#include <cstdint>

namespace exemplar::detail {

/// The Julian day number of a proleptic Gregorian date: what boost::gregorian::date::day_number()
/// gives for an ordinary date, by the same integer formula, without its range checks.
[[nodiscard]] constexpr std::int64_t day_number(int year, int month, int day) noexcept {
  const int a = (14 - month) / 12;
  const std::int64_t y = static_cast<std::int64_t>(year) + 4800 - a;
  const std::int64_t m = month + 12 * a - 3;
  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

/// Year, month and day of a Julian day number: the inverse of day_number.
struct CivilDay {
  int year;
  unsigned month;
  unsigned day;
};
[[nodiscard]] constexpr CivilDay civil_of(std::int64_t julian_day) noexcept {
  const std::int64_t a = julian_day + 32044;
  const std::int64_t b = (4 * a + 3) / 146097;
  const std::int64_t c = a - 146097 * b / 4;
  const std::int64_t d = (4 * c + 3) / 1461;
  const std::int64_t e = c - 1461 * d / 4;
  const std::int64_t m = (5 * e + 2) / 153;
  return CivilDay{static_cast<int>(100 * b + d - 4800 + m / 10), static_cast<unsigned>(m + 3 - 12 * (m / 10)),
                  static_cast<unsigned>(e - (153 * m + 2) / 5 + 1)};
}

/// civil_of gives back every year's first and last day over the years the library handles.
[[nodiscard]] constexpr bool days_round_trip(int first_year, int last_year) noexcept {
  for (int year = first_year; year <= last_year; ++year) {
    const CivilDay first = civil_of(day_number(year, 1, 1));
    const CivilDay last = civil_of(day_number(year, 12, 31));
    if (first.year != year || first.month != 1 || first.day != 1 || last.year != year || last.month != 12 ||
        last.day != 31) {
      return false;
    }
  }
  return true;
}
static_assert(days_round_trip(1400, 9999), "civil_of inverts day_number over Boost's whole range");

}  // namespace exemplar::detail
