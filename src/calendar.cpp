// Quarters and working days. Every date that comes in is checked first, so Boost never sees an
// impossible or out-of-range date; make_date is the one place that builds a date from numbers.
#include "exemplar/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <exception>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, quarter_count> quarter_labels{{
    {"q1", "first quarter", "Quý I"},
    {"q2", "second quarter", "Quý II"},
    {"q3", "third quarter", "Quý III"},
    {"q4", "fourth quarter", "Quý IV"},
}};

bool year_supported(int year) noexcept { return year >= first_supported_year && year <= last_supported_year; }

Refusal year_out_of_range(int year) {
  return refuse(RefusalCode::date_out_of_range)
      .with_subject("year")
      .with_detail(fmt::format("the year {} is outside {}-{}", year, first_supported_year, last_supported_year),
                   fmt::format("năm {} nằm ngoài khoảng {}-{}", year, first_supported_year, last_supported_year));
}

bg::date first_supported_date() { return bg::date(first_supported_year, 1, 1); }
bg::date last_supported_date() { return bg::date(last_supported_year, 12, 31); }

template <class T>
tl::expected<T, Refusal> fail(Refusal refusal) {
  return tl::make_unexpected(std::move(refusal));
}

}  // namespace

LabelTable label_table(Quarter) noexcept { return LabelTable{quarter_labels.data(), quarter_labels.size()}; }

tl::expected<void, Refusal> check_date(bg::date date, std::string_view subject) {
  if (date.is_special()) {
    return tl::make_unexpected(refuse(RefusalCode::invalid_date)
        .with_subject(std::string(subject))
        .with_detail("it is not-a-date or an infinity, not a day of the calendar",
                     "đây không phải là một ngày cụ thể trên lịch"));
  }
  if (!year_supported(date.year())) {
    return tl::make_unexpected(refuse(RefusalCode::date_out_of_range)
        .with_subject(std::string(subject))
        .with_date(date)
        .with_detail(fmt::format("the library handles the years {}-{}", first_supported_year, last_supported_year),
                     fmt::format("thư viện chỉ xử lý các năm {}-{}", first_supported_year, last_supported_year)));
  }
  return {};
}

tl::expected<bg::date, Refusal> make_date(int year, int month, int day) {
  if (!year_supported(year)) return fail<bg::date>(year_out_of_range(year));
  if (month < 1 || month > 12) {
    return fail<bg::date>(refuse(RefusalCode::invalid_date)
                              .with_subject("date")
                              .with_detail(fmt::format("there is no month {}", month),
                                           fmt::format("không có tháng {}", month)));
  }
  const int days_in_month = bg::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  if (day < 1 || day > days_in_month) {
    return fail<bg::date>(refuse(RefusalCode::invalid_date)
                              .with_subject("date")
                              .with_detail(fmt::format("{:04}-{:02} has no day {}", year, month, day),
                                           fmt::format("tháng {:02}/{:04} không có ngày {}", month, year, day)));
  }
  try {
    return bg::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                    static_cast<unsigned short>(day));
  } catch (const std::exception&) {
    return fail<bg::date>(refuse(RefusalCode::invalid_date)
                              .with_subject("date")
                              .with_detail(fmt::format("{:04}-{:02}-{:02} is not a calendar date", year, month, day),
                                           fmt::format("{:02}/{:02}/{:04} không phải là ngày hợp lệ", day, month, year)));
  }
}

tl::expected<QuarterOfYear, Refusal> quarter_of(bg::date date) {
  if (auto bad = check_date(date); !bad) return fail<QuarterOfYear>(std::move(bad.error()));
  const int month = date.month().as_number();
  return QuarterOfYear{static_cast<int>(date.year()), static_cast<Quarter>((month - 1) / 3)};
}

tl::expected<bg::date, Refusal> first_day(QuarterOfYear quarter) {
  if (!is_known(quarter.quarter)) {
    return fail<bg::date>(refuse(RefusalCode::invalid_argument)
                              .with_subject("quarter")
                              .with_detail("a year has four quarters", "một năm có bốn quý"));
  }
  return make_date(quarter.year, static_cast<int>(quarter.quarter) * 3 + 1, 1);
}

tl::expected<bg::date, Refusal> last_day(QuarterOfYear quarter) {
  auto first = first_day(quarter.next());
  if (!first) {
    // Q4 of the last supported year ends on its last day, although the next quarter is out of range.
    if (quarter.quarter == Quarter::q4 && year_supported(quarter.year)) return make_date(quarter.year, 12, 31);
    if (!is_known(quarter.quarter)) return first;
    return fail<bg::date>(year_out_of_range(quarter.year));
  }
  return *first - bg::days(1);
}

tl::expected<bg::date, Refusal> first_day_of_year(int year) { return make_date(year, 1, 1); }

tl::expected<bg::date, Refusal> last_day_of_year(int year) { return make_date(year, 12, 31); }

tl::expected<WorkingCalendar, Refusal> WorkingCalendar::make(std::vector<Weekday> weekend,
                                                             std::vector<bg::date> holidays,
                                                             std::vector<bg::date> make_up_days) {
  WorkingCalendar calendar;
  calendar.weekend_ = 0;
  for (Weekday day : weekend) {
    const auto index = static_cast<int>(day);
    if (index < 0 || index > 6) {
      return fail<WorkingCalendar>(refuse(RefusalCode::invalid_argument)
                                       .with_subject("weekend day")
                                       .with_detail("a weekday is numbered 0 (Sunday) to 6 (Saturday)",
                                                    "thứ trong tuần được đánh số từ 0 (Chủ nhật) đến 6 (thứ Bảy)"));
    }
    calendar.weekend_ = static_cast<std::uint8_t>(calendar.weekend_ | (1U << index));
  }
  if (calendar.weekend_ == 0x7F) {
    return fail<WorkingCalendar>(refuse(RefusalCode::invalid_argument)
                                     .with_subject("weekend")
                                     .with_detail("a calendar needs at least one working day in the week",
                                                  "lịch phải có ít nhất một ngày làm việc trong tuần"));
  }
  for (const bg::date& day : holidays) {
    if (auto bad = check_date(day, "holiday"); !bad) return fail<WorkingCalendar>(std::move(bad.error()));
  }
  std::sort(holidays.begin(), holidays.end());
  holidays.erase(std::unique(holidays.begin(), holidays.end()), holidays.end());
  for (const bg::date& day : make_up_days) {
    if (auto bad = check_date(day, "make-up working day"); !bad) return fail<WorkingCalendar>(std::move(bad.error()));
    if (!calendar.is_weekend(day.day_of_week().as_enum())) {
      return fail<WorkingCalendar>(refuse(RefusalCode::invalid_argument)
                                       .with_subject("make-up working day")
                                       .with_date(day)
                                       .with_detail("a make-up working day replaces a weekend day",
                                                    "ngày làm bù phải là ngày nghỉ cuối tuần"));
    }
    if (std::binary_search(holidays.begin(), holidays.end(), day)) {
      return fail<WorkingCalendar>(refuse(RefusalCode::invalid_argument)
                                       .with_subject("make-up working day")
                                       .with_date(day)
                                       .with_detail("the day is also given as a holiday",
                                                    "ngày này cũng được khai báo là ngày nghỉ lễ"));
    }
  }
  std::sort(make_up_days.begin(), make_up_days.end());
  make_up_days.erase(std::unique(make_up_days.begin(), make_up_days.end()), make_up_days.end());
  calendar.holidays_ = std::move(holidays);
  calendar.make_up_days_ = std::move(make_up_days);
  return calendar;
}

bool WorkingCalendar::is_weekend(Weekday day) const noexcept {
  const auto index = static_cast<int>(day);
  return index >= 0 && index <= 6 && (weekend_ & (1U << index)) != 0;
}

bool WorkingCalendar::works(bg::date date) const noexcept {
  if (std::binary_search(holidays_.begin(), holidays_.end(), date)) return false;
  if (!is_weekend(date.day_of_week().as_enum())) return true;
  return std::binary_search(make_up_days_.begin(), make_up_days_.end(), date);
}

tl::expected<bool, Refusal> WorkingCalendar::is_working_day(bg::date date) const {
  if (auto bad = check_date(date); !bad) return fail<bool>(std::move(bad.error()));
  return works(date);
}

tl::expected<bg::date, Refusal> WorkingCalendar::next_working_day(bg::date date) const {
  if (auto bad = check_date(date); !bad) return fail<bg::date>(std::move(bad.error()));
  const bg::date last = last_supported_date();
  while (!works(date)) {
    if (date == last) return fail<bg::date>(check_date(date + bg::days(1)).error());
    date += bg::days(1);
  }
  return date;
}

tl::expected<bg::date, Refusal> WorkingCalendar::add_working_days(bg::date from, int count) const {
  if (auto bad = check_date(from); !bad) return fail<bg::date>(std::move(bad.error()));
  if (count > max_working_day_shift || count < -max_working_day_shift) {
    return fail<bg::date>(refuse(RefusalCode::invalid_argument)
                              .with_subject("working days")
                              .with_detail(fmt::format("{} working days is more than {}", count, max_working_day_shift),
                                           fmt::format("{} ngày làm việc vượt quá {}", count, max_working_day_shift)));
  }
  const bg::date edge = count > 0 ? last_supported_date() : first_supported_date();
  const bg::days step(count > 0 ? 1 : -1);
  int left = std::abs(count);
  bg::date day = from;
  while (left > 0) {
    if (day == edge) return fail<bg::date>(check_date(day + step, "working day").error());
    day += step;
    if (works(day)) --left;
  }
  return day;
}

tl::expected<long, Refusal> WorkingCalendar::working_days_between(bg::date from, bg::date to) const {
  if (auto bad = check_date(from, "start date"); !bad) return fail<long>(std::move(bad.error()));
  if (auto bad = check_date(to, "end date"); !bad) return fail<long>(std::move(bad.error()));
  const bool forward = from <= to;
  bg::date day = forward ? from : to;
  const bg::date end = forward ? to : from;
  long count = 0;
  while (day < end) {
    day += bg::days(1);
    if (works(day)) ++count;
  }
  return forward ? count : -count;
}

std::vector<WorkingCalendar::Weekday> WorkingCalendar::weekend() const {
  std::vector<Weekday> days;
  for (int index = 0; index < 7; ++index) {
    if ((weekend_ & (1U << index)) != 0) days.push_back(static_cast<Weekday>(index));
  }
  return days;
}

}  // namespace exemplar
