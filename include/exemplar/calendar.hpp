// exemplar/calendar.hpp: local dates, quarters and working days, with bad dates refused as values.
//
//   first_supported_year, last_supported_year   the years the library computes with (1900-2999)
//   check_date(date, subject)                   accepted, or why the date cannot be used
//   make_date(y, m, d)                          a date, or a refusal for 29/2/2023, month 13 ...
//   enum class Quarter { q1, q2, q3, q4 }
//   struct QuarterOfYear { year, quarter }      next(): Q4 2025 -> Q1 2026
//   quarter_of(date), first_day(q), last_day(q), first_day_of_year(y), last_day_of_year(y)
//   class WorkingCalendar                       weekend days, the host's holidays, make-up days
//     make(weekend, holidays, make_up_days)     validated
//     is_working_day(d), next_working_day(d), add_working_days(d, n), working_days_between(a, b)
//
// Dates are local dates in Vietnam; the host passes them in, the library never reads a clock.
// Holidays are data from the host: Tết and the Hùng Kings' day follow the lunar calendar and cannot
// be computed here. Boost.Date_Time throws on impossible dates; make_date is the one place that
// constructs a date from numbers, and it turns every such case into a Refusal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "labels.hpp"
#include "refusal.hpp"

namespace exemplar {

/// The first and last years the library computes with. Far enough for any plan, and far enough
/// inside Boost.Date_Time's own range (1400-9999) that arithmetic on a supported date never throws.
inline constexpr int first_supported_year = 1900;
inline constexpr int last_supported_year = 2999;

/// The most working days add_working_days moves in one call (about a century), so that a typo in a
/// count is refused instead of walking for a long time.
inline constexpr int max_working_day_shift = 36525;

/// Accepts a calendar date inside the supported years; otherwise refuses it as invalid_date (for
/// not-a-date and the infinities) or date_out_of_range, with `subject` naming the field.
[[nodiscard]] tl::expected<void, Refusal> check_date(boost::gregorian::date date, std::string_view subject = "date");

/// The date year/month/day, or a refusal when no such day exists (29/2/2023, 31/4, month 13) or the
/// year is outside the supported years. Never throws.
[[nodiscard]] tl::expected<boost::gregorian::date, Refusal> make_date(int year, int month, int day);

/// A quarter of the year; plans speak in quarters (seed 004 section IV: "Quý I năm 2025").
enum class Quarter : std::uint8_t { q1, q2, q3, q4 };
inline constexpr std::size_t quarter_count = 4;
[[nodiscard]] LabelTable label_table(Quarter) noexcept;

/// One quarter of one year.
struct QuarterOfYear {
  int year = first_supported_year;
  Quarter quarter = Quarter::q1;

  /// The quarter after this one: Q4 of a year is followed by Q1 of the next.
  [[nodiscard]] constexpr QuarterOfYear next() const noexcept {
    if (quarter == Quarter::q4) return QuarterOfYear{year + 1, Quarter::q1};
    return QuarterOfYear{year, static_cast<Quarter>(static_cast<int>(quarter) + 1)};
  }

  friend constexpr bool operator==(const QuarterOfYear& a, const QuarterOfYear& b) noexcept {
    return a.year == b.year && a.quarter == b.quarter;
  }
  friend constexpr bool operator!=(const QuarterOfYear& a, const QuarterOfYear& b) noexcept { return !(a == b); }
};

/// The quarter a date falls in.
[[nodiscard]] tl::expected<QuarterOfYear, Refusal> quarter_of(boost::gregorian::date date);
/// The first day of a quarter (1/1, 1/4, 1/7, 1/10).
[[nodiscard]] tl::expected<boost::gregorian::date, Refusal> first_day(QuarterOfYear quarter);
/// The last day of a quarter (31/3, 30/6, 30/9, 31/12).
[[nodiscard]] tl::expected<boost::gregorian::date, Refusal> last_day(QuarterOfYear quarter);
/// 1 January of `year`.
[[nodiscard]] tl::expected<boost::gregorian::date, Refusal> first_day_of_year(int year);
/// 31 December of `year`.
[[nodiscard]] tl::expected<boost::gregorian::date, Refusal> last_day_of_year(int year);

/// Which days are worked: a week with configurable weekend days, minus the host's holidays, plus
/// the host's make-up working days (a Saturday worked in exchange for a bridge holiday).
/// A plain value: copy it, compare it, share it across threads.
class WorkingCalendar {
 public:
  using Weekday = boost::date_time::weekdays;

  /// Saturday and Sunday off, no holidays: the civil service's five-day week.
  WorkingCalendar() noexcept = default;

  /// A calendar with the given weekend days, holidays and make-up working days. Refused when a
  /// weekday is not 0-6, when every day of the week is a weekend day, when a date is special or
  /// out of range, or when a make-up day is not on a weekend day or is also a holiday.
  [[nodiscard]] static tl::expected<WorkingCalendar, Refusal> make(std::vector<Weekday> weekend,
                                                                  std::vector<boost::gregorian::date> holidays,
                                                                  std::vector<boost::gregorian::date> make_up_days = {});

  /// True when `day` is one of the weekend days.
  [[nodiscard]] bool is_weekend(Weekday day) const noexcept;
  /// Whether `date` is worked; refused for a special or out-of-range date.
  [[nodiscard]] tl::expected<bool, Refusal> is_working_day(boost::gregorian::date date) const;
  /// `date` when it is worked, otherwise the first working day after it.
  [[nodiscard]] tl::expected<boost::gregorian::date, Refusal> next_working_day(boost::gregorian::date date) const;
  /// The working day `count` working days after `from` (before it when negative); `from` itself is
  /// not counted, and a count of 0 gives `from` unchanged.
  [[nodiscard]] tl::expected<boost::gregorian::date, Refusal> add_working_days(boost::gregorian::date from,
                                                                               int count) const;
  /// The working days in (from, to], negative when `to` is before `from`; so that
  /// add_working_days(from, working_days_between(from, to)) == to whenever `to` is a working day.
  [[nodiscard]] tl::expected<long, Refusal> working_days_between(boost::gregorian::date from,
                                                                 boost::gregorian::date to) const;

  /// The weekend days, Sunday first.
  [[nodiscard]] std::vector<Weekday> weekend() const;
  /// The holidays, sorted, without repeats.
  [[nodiscard]] const std::vector<boost::gregorian::date>& holidays() const noexcept { return holidays_; }
  /// The make-up working days, sorted, without repeats.
  [[nodiscard]] const std::vector<boost::gregorian::date>& make_up_days() const noexcept { return make_up_days_; }

  friend bool operator==(const WorkingCalendar& a, const WorkingCalendar& b) noexcept {
    return a.weekend_ == b.weekend_ && a.holidays_ == b.holidays_ && a.make_up_days_ == b.make_up_days_;
  }
  friend bool operator!=(const WorkingCalendar& a, const WorkingCalendar& b) noexcept { return !(a == b); }

 private:
  /// For a date already checked.
  [[nodiscard]] bool works(boost::gregorian::date date) const noexcept;

  std::uint8_t weekend_ = 0x41;  // bit 0 Sunday, bit 6 Saturday
  std::vector<boost::gregorian::date> holidays_;
  std::vector<boost::gregorian::date> make_up_days_;
};

}  // namespace exemplar
