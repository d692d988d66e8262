#include <gtest/gtest.h>

#include <exemplar/calendar.hpp>

namespace {

namespace bg = boost::gregorian;
using exemplar::Quarter;
using exemplar::QuarterOfYear;
using exemplar::RefusalCode;
using exemplar::WorkingCalendar;

bg::date d(int year, int month, int day) { return *exemplar::make_date(year, month, day); }

WorkingCalendar with_holidays(std::vector<bg::date> holidays, std::vector<bg::date> make_up = {}) {
  return *WorkingCalendar::make({bg::Saturday, bg::Sunday}, std::move(holidays), std::move(make_up));
}

TEST(Calendar, MakeDateAcceptsTheTwentyNinthOfFebruaryInALeapYear) {
  const auto leap = exemplar::make_date(2024, 2, 29);

  ASSERT_TRUE(leap);
  EXPECT_EQ(*leap, bg::date(2024, 2, 29));
}

TEST(Calendar, MakeDateRefusesTheTwentyNinthOfFebruaryInACommonYear) {
  const auto common = exemplar::make_date(2023, 2, 29);

  ASSERT_FALSE(common);
  EXPECT_EQ(common.error().code, RefusalCode::invalid_date);
  EXPECT_NE(common.error().detail.en.find("no day 29"), std::string::npos);
  EXPECT_NE(common.error().detail.vi.find("không có ngày 29"), std::string::npos);
}

TEST(Calendar, MakeDateRefusesImpossibleMonthsAndDaysWithoutThrowing) {
  EXPECT_EQ(exemplar::make_date(2021, 13, 1).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::make_date(2021, 0, 1).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::make_date(2021, 4, 31).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::make_date(2021, 1, 0).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::make_date(2021, 1, -5).error().code, RefusalCode::invalid_date);
}

TEST(Calendar, MakeDateRefusesYearsOutsideTheSupportedRange) {
  EXPECT_EQ(exemplar::make_date(1899, 12, 31).error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(exemplar::make_date(3000, 1, 1).error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(exemplar::make_date(-1, 1, 1).error().code, RefusalCode::date_out_of_range);
  EXPECT_TRUE(exemplar::make_date(2999, 12, 31));
}

TEST(Calendar, CheckDateRefusesSpecialAndOutOfRangeDates) {
  const auto special = exemplar::check_date(bg::date(bg::not_a_date_time), "deadline");
  const auto infinite = exemplar::check_date(bg::date(bg::pos_infin));
  const auto old = exemplar::check_date(bg::date(1850, 1, 1));

  ASSERT_FALSE(special || infinite || old);
  EXPECT_EQ(special.error().code, RefusalCode::invalid_date);
  EXPECT_EQ(special.error().subject, "deadline");
  EXPECT_EQ(infinite.error().code, RefusalCode::invalid_date);
  EXPECT_EQ(old.error().code, RefusalCode::date_out_of_range);
  EXPECT_TRUE(exemplar::check_date(d(2021, 3, 25)));
}

TEST(Calendar, TheQuarterOfADateFollowsItsMonth) {
  EXPECT_EQ(*exemplar::quarter_of(d(2025, 3, 31)), (QuarterOfYear{2025, Quarter::q1}));
  EXPECT_EQ(*exemplar::quarter_of(d(2025, 4, 1)), (QuarterOfYear{2025, Quarter::q2}));
  EXPECT_EQ(*exemplar::quarter_of(d(2025, 9, 30)), (QuarterOfYear{2025, Quarter::q3}));
  EXPECT_EQ(*exemplar::quarter_of(d(2025, 12, 31)), (QuarterOfYear{2025, Quarter::q4}));
}

TEST(Calendar, QuartersStartAndEndOnTheirCalendarDays) {
  // seed 004 IV: the four quarters of 2025.
  EXPECT_EQ(*exemplar::first_day(QuarterOfYear{2025, Quarter::q1}), d(2025, 1, 1));
  EXPECT_EQ(*exemplar::last_day(QuarterOfYear{2025, Quarter::q1}), d(2025, 3, 31));
  EXPECT_EQ(*exemplar::last_day(QuarterOfYear{2025, Quarter::q2}), d(2025, 6, 30));
  EXPECT_EQ(*exemplar::last_day(QuarterOfYear{2025, Quarter::q3}), d(2025, 9, 30));
  EXPECT_EQ(*exemplar::first_day(QuarterOfYear{2025, Quarter::q4}), d(2025, 10, 1));
  EXPECT_EQ(*exemplar::last_day(QuarterOfYear{2025, Quarter::q4}), d(2025, 12, 31));
}

TEST(Calendar, TheFirstQuarterOfALeapYearEndsAfterTheTwentyNinthOfFebruary) {
  const auto q1 = QuarterOfYear{2024, Quarter::q1};

  EXPECT_EQ(*exemplar::quarter_of(d(2024, 2, 29)), q1);
  EXPECT_EQ((*exemplar::last_day(q1) - *exemplar::first_day(q1)).days() + 1, 91);
}

TEST(Calendar, TheFourthQuarterIsFollowedByTheFirstQuarterOfTheNextYear) {
  const QuarterOfYear q4{2025, Quarter::q4};

  const QuarterOfYear next = q4.next();

  EXPECT_EQ(next, (QuarterOfYear{2026, Quarter::q1}));
  EXPECT_EQ(*exemplar::first_day(next), *exemplar::last_day(q4) + bg::days(1));
}

TEST(Calendar, TheLastSupportedQuarterStillHasALastDay) {
  EXPECT_EQ(*exemplar::last_day(QuarterOfYear{2999, Quarter::q4}), d(2999, 12, 31));
  EXPECT_EQ(exemplar::first_day(QuarterOfYear{3000, Quarter::q1}).error().code, RefusalCode::date_out_of_range);
}

TEST(Calendar, AnUnknownQuarterIsRefused) {
  const auto bad = exemplar::first_day(QuarterOfYear{2025, static_cast<Quarter>(7)});

  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, RefusalCode::invalid_argument);
}

TEST(Calendar, YearsStartOnTheFirstOfJanuaryAndEndOnTheThirtyFirstOfDecember) {
  EXPECT_EQ(*exemplar::first_day_of_year(2021), d(2021, 1, 1));
  EXPECT_EQ(*exemplar::last_day_of_year(2021), d(2021, 12, 31));
}

TEST(Calendar, SpecialDatesAreRefusedByEveryCalendarFunction) {
  const WorkingCalendar calendar;
  const bg::date nad(bg::not_a_date_time);

  EXPECT_EQ(exemplar::quarter_of(nad).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(calendar.is_working_day(bg::date(bg::pos_infin)).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(calendar.add_working_days(bg::date(bg::neg_infin), 3).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(calendar.working_days_between(nad, d(2021, 1, 1)).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(calendar.next_working_day(nad).error().code, RefusalCode::invalid_date);
}

TEST(WorkingCalendar, SaturdaysAndSundaysAreOffByDefault) {
  const WorkingCalendar calendar;

  EXPECT_TRUE(*calendar.is_working_day(d(2025, 3, 28)));   // Friday
  EXPECT_FALSE(*calendar.is_working_day(d(2025, 3, 29)));  // Saturday
  EXPECT_FALSE(*calendar.is_working_day(d(2025, 3, 30)));  // Sunday
  EXPECT_TRUE(*calendar.is_working_day(d(2025, 3, 31)));   // Monday
}

TEST(WorkingCalendar, HolidaysFromTheHostAreNotWorked) {
  // Tết 2025 follows the lunar calendar: the host supplies it.
  const WorkingCalendar calendar = with_holidays({d(2025, 1, 28), d(2025, 1, 29), d(2025, 1, 30)});

  EXPECT_FALSE(*calendar.is_working_day(d(2025, 1, 29)));
  EXPECT_EQ(*calendar.add_working_days(d(2025, 1, 27), 1), d(2025, 1, 31));
}

TEST(WorkingCalendar, AddingWorkingDaysSkipsTheWeekend) {
  const WorkingCalendar calendar;

  EXPECT_EQ(*calendar.add_working_days(d(2025, 3, 28), 1), d(2025, 3, 31));
  EXPECT_EQ(*calendar.add_working_days(d(2025, 3, 28), 6), d(2025, 4, 7));
  EXPECT_EQ(*calendar.add_working_days(d(2025, 3, 29), 0), d(2025, 3, 29));
}

TEST(WorkingCalendar, SubtractingWorkingDaysWalksBackOverTheWeekend) {
  const WorkingCalendar calendar;

  EXPECT_EQ(*calendar.add_working_days(d(2025, 3, 31), -1), d(2025, 3, 28));
  EXPECT_EQ(*calendar.add_working_days(d(2025, 3, 30), -5), d(2025, 3, 24));
}

TEST(WorkingCalendar, AMakeUpSaturdayIsWorked) {
  // 2025: Saturday 26/4 was worked in exchange for Friday 2/5.
  const WorkingCalendar calendar = with_holidays({d(2025, 4, 30), d(2025, 5, 1), d(2025, 5, 2)}, {d(2025, 4, 26)});

  EXPECT_TRUE(*calendar.is_working_day(d(2025, 4, 26)));
  EXPECT_FALSE(*calendar.is_working_day(d(2025, 5, 2)));
  EXPECT_EQ(*calendar.add_working_days(d(2025, 4, 25), 1), d(2025, 4, 26));
  EXPECT_EQ(*calendar.next_working_day(d(2025, 4, 30)), d(2025, 5, 5));
}

TEST(WorkingCalendar, WorkingDaysBetweenCountsTheDaysAfterTheStartUpToTheEnd) {
  const WorkingCalendar calendar;

  EXPECT_EQ(*calendar.working_days_between(d(2025, 3, 28), d(2025, 3, 31)), 1);
  EXPECT_EQ(*calendar.working_days_between(d(2025, 3, 31), d(2025, 3, 28)), -1);
  EXPECT_EQ(*calendar.working_days_between(d(2025, 3, 31), d(2025, 3, 31)), 0);
  EXPECT_EQ(*calendar.working_days_between(d(2024, 1, 1), d(2024, 12, 31)), 261);
}

TEST(WorkingCalendar, AddingTheWorkingDaysBetweenTwoDaysLandsOnTheSecond) {
  const WorkingCalendar calendar = with_holidays({d(2024, 2, 8), d(2024, 2, 9), d(2024, 2, 12)});
  const bg::date from = d(2024, 1, 15);
  const bg::date to = d(2024, 3, 1);

  const long between = *calendar.working_days_between(from, to);

  EXPECT_EQ(*calendar.add_working_days(from, static_cast<int>(between)), to);
}

TEST(WorkingCalendar, AnotherWeekendCanBeConfigured) {
  const auto calendar = WorkingCalendar::make({bg::Friday, bg::Saturday}, {});

  ASSERT_TRUE(calendar);
  EXPECT_TRUE(*calendar->is_working_day(d(2025, 3, 30)));   // Sunday
  EXPECT_FALSE(*calendar->is_working_day(d(2025, 3, 28)));  // Friday
  EXPECT_EQ(calendar->weekend(), (std::vector<WorkingCalendar::Weekday>{bg::Friday, bg::Saturday}));
}

TEST(WorkingCalendar, AWeekWithoutWorkingDaysIsRefused) {
  const auto calendar = WorkingCalendar::make(
      {bg::Sunday, bg::Monday, bg::Tuesday, bg::Wednesday, bg::Thursday, bg::Friday, bg::Saturday}, {});

  ASSERT_FALSE(calendar);
  EXPECT_EQ(calendar.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(calendar.error().subject, "weekend");
}

TEST(WorkingCalendar, BadInputIsRefused) {
  // 7: Boost's weekdays enum holds 0-7 only, so a cast of 8 or more would itself be undefined (UBSan).
  EXPECT_EQ(WorkingCalendar::make({static_cast<WorkingCalendar::Weekday>(7)}, {}).error().subject, "weekend day");
  EXPECT_EQ(WorkingCalendar::make({bg::Sunday}, {bg::date(bg::not_a_date_time)}).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(WorkingCalendar::make({bg::Sunday}, {}, {d(2025, 4, 28)}).error().subject, "make-up working day");
  EXPECT_EQ(WorkingCalendar::make({bg::Saturday}, {d(2025, 4, 26)}, {d(2025, 4, 26)}).error().subject,
            "make-up working day");
}

TEST(WorkingCalendar, HolidaysAreSortedAndRepeatsDropped) {
  const WorkingCalendar calendar = with_holidays({d(2025, 9, 2), d(2025, 1, 1), d(2025, 9, 2)});

  EXPECT_EQ(calendar.holidays(), (std::vector<bg::date>{d(2025, 1, 1), d(2025, 9, 2)}));
}

TEST(WorkingCalendar, ArithmeticPastTheSupportedYearsIsRefused) {
  const WorkingCalendar calendar;

  EXPECT_EQ(calendar.add_working_days(d(2999, 12, 31), 1).error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(calendar.add_working_days(d(1900, 1, 1), -1).error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(calendar.add_working_days(d(2021, 1, 1), exemplar::max_working_day_shift + 1).error().code,
            RefusalCode::invalid_argument);
}

}  // namespace
