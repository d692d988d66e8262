#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include <exemplar/deadline.hpp>

namespace {

namespace bg = boost::gregorian;
using exemplar::DayCount;
using exemplar::Deadline;
using exemplar::DeadlineDays;
using exemplar::Lang;
using exemplar::LatePolicy;
using exemplar::MilestoneState;
using exemplar::RefusalCode;
using exemplar::WorkingCalendar;

bg::date d(int year, int month, int day) { return *exemplar::make_date(year, month, day); }

DeadlineDays resolved(const Deadline& deadline, const WorkingCalendar& calendar = {}) {
  return *exemplar::resolve(deadline, calendar);
}

MilestoneState on(bg::date today, bg::date opens, const DeadlineDays& days,
                  std::optional<bg::date> completed = std::nullopt, std::optional<bg::date> waived = std::nullopt) {
  return exemplar::state_on(today, opens, days, completed, waived);
}

TEST(Deadline, InclusiveDeadlineKeepsTheDeadlineDayOnTime) {
  // "by 31/3": 31/3 itself is on time.
  const DeadlineDays days = resolved(Deadline::by(d(2025, 3, 31)));

  EXPECT_EQ(days.last_on_time, d(2025, 3, 31));
  EXPECT_TRUE(days.on_time(d(2025, 3, 31)));
  EXPECT_FALSE(days.on_time(d(2025, 4, 1)));
}

TEST(Deadline, ExclusiveDeadlineRefusesTheDeadlineDayItself) {
  // seed 003 IV.1: "trước ngày 25/3/2021" reads "before 25 March".
  const DeadlineDays days = resolved(Deadline::before(d(2021, 3, 25)));

  EXPECT_EQ(days.last_on_time, d(2021, 3, 24));
  EXPECT_TRUE(days.on_time(d(2021, 3, 24)));
  EXPECT_FALSE(days.on_time(d(2021, 3, 25)));
}

TEST(Deadline, BeforeTheFirstOfMarchInALeapYearEndsOnTheTwentyNinthOfFebruary) {
  const DeadlineDays leap = resolved(Deadline::before(d(2024, 3, 1)));
  const DeadlineDays common = resolved(Deadline::before(d(2023, 3, 1)));

  EXPECT_EQ(leap.last_on_time, d(2024, 2, 29));
  EXPECT_EQ(common.last_on_time, d(2023, 2, 28));
}

TEST(Deadline, ADeadlineOnTheTwentyNinthOfFebruaryIsOnTimeThatDay) {
  const DeadlineDays days = resolved(Deadline::by(d(2024, 2, 29)).due_soon_within(2));

  EXPECT_EQ(days.last_on_time, d(2024, 2, 29));
  EXPECT_EQ(days.due_soon_from, d(2024, 2, 27));
}

TEST(Deadline, AHolidayMovesAnInclusiveWorkingDayDeadlineToTheNextWorkingDay) {
  // Civil Code 2015 art. 148(5). 30/4 and 1/5/2025 are public holidays, 2/5 was given off.
  const WorkingCalendar calendar =
      *WorkingCalendar::make({bg::Saturday, bg::Sunday}, {d(2025, 4, 30), d(2025, 5, 1), d(2025, 5, 2)});
  const Deadline deadline = Deadline::by(d(2025, 4, 30));

  const DeadlineDays working = resolved(deadline.counting(DayCount::working_days), calendar);
  const DeadlineDays calendar_days = resolved(deadline, calendar);

  EXPECT_EQ(working.last_on_time, d(2025, 5, 5));
  EXPECT_EQ(calendar_days.last_on_time, d(2025, 4, 30));
}

TEST(Deadline, AWeekendMovesAnInclusiveWorkingDayDeadlineToMonday) {
  const DeadlineDays days = resolved(Deadline::by(d(2025, 3, 29)).counting(DayCount::working_days));

  EXPECT_EQ(days.last_on_time, d(2025, 3, 31));
}

TEST(Deadline, AnExclusiveWorkingDayDeadlineNeverMovesPastItsDay) {
  const WorkingCalendar calendar = *WorkingCalendar::make({bg::Saturday, bg::Sunday}, {d(2025, 3, 24)});

  const DeadlineDays days = resolved(Deadline::before(d(2025, 3, 25)).counting(DayCount::working_days), calendar);

  EXPECT_EQ(days.last_on_time, d(2025, 3, 24));
}

TEST(Deadline, DueSoonCountsCalendarDaysBeforeTheLastOnTimeDay) {
  const DeadlineDays days = resolved(Deadline::before(d(2021, 3, 25)));

  EXPECT_EQ(days.due_soon_from, d(2021, 3, 17));
}

TEST(Deadline, DueSoonCountsWorkingDaysWhenTheDeadlineDoes) {
  const WorkingCalendar calendar = *WorkingCalendar::make({bg::Saturday, bg::Sunday}, {d(2025, 3, 26)});

  const DeadlineDays days =
      resolved(Deadline::by(d(2025, 3, 28)).counting(DayCount::working_days).due_soon_within(5), calendar);

  EXPECT_EQ(days.last_on_time, d(2025, 3, 28));
  EXPECT_EQ(days.due_soon_from, d(2025, 3, 20));
}

TEST(Deadline, AMilestoneIsUpcomingThenOpenThenDueSoonThenMissed) {
  const bg::date opens = d(2025, 1, 1);
  const DeadlineDays days = resolved(Deadline::before(d(2025, 3, 31)));

  EXPECT_EQ(on(d(2024, 12, 31), opens, days), MilestoneState::upcoming);
  EXPECT_EQ(on(d(2025, 1, 1), opens, days), MilestoneState::open);
  EXPECT_EQ(on(d(2025, 3, 22), opens, days), MilestoneState::open);
  EXPECT_EQ(on(d(2025, 3, 23), opens, days), MilestoneState::due_soon);
  EXPECT_EQ(on(d(2025, 3, 30), opens, days), MilestoneState::due_soon);
  EXPECT_EQ(on(d(2025, 3, 31), opens, days), MilestoneState::missed);
}

TEST(Deadline, CompletionOnTheLastOnTimeDayIsMetAndTheDayAfterIsMetLate) {
  const bg::date opens = d(2021, 1, 11);
  const DeadlineDays days = resolved(Deadline::before(d(2021, 3, 25)));

  EXPECT_EQ(on(d(2021, 4, 1), opens, days, d(2021, 3, 24)), MilestoneState::met);
  EXPECT_EQ(on(d(2021, 4, 1), opens, days, d(2021, 3, 25)), MilestoneState::met_late);
}

TEST(Deadline, ACompletionRecordedLaterDoesNotCountBeforeItsDay) {
  const bg::date opens = d(2021, 1, 11);
  const DeadlineDays days = resolved(Deadline::before(d(2021, 3, 25)));

  EXPECT_EQ(on(d(2021, 3, 20), opens, days, d(2021, 3, 22)), MilestoneState::due_soon);
  EXPECT_EQ(on(d(2021, 3, 22), opens, days, d(2021, 3, 22)), MilestoneState::met);
}

TEST(Deadline, AWaiverAfterAMissTurnsTheMilestoneWaived) {
  const bg::date opens = d(2021, 1, 11);
  const DeadlineDays days = resolved(Deadline::before(d(2021, 3, 25)));
  const bg::date waived = d(2021, 3, 27);

  EXPECT_EQ(on(d(2021, 3, 26), opens, days, std::nullopt, waived), MilestoneState::missed);
  EXPECT_EQ(on(d(2021, 3, 27), opens, days, std::nullopt, waived), MilestoneState::waived);
}

TEST(Deadline, AMilestoneStateIsReadFromItsResolvedDaysAlone) {
  // No calendar is needed once the deadline is resolved: a host's nightly sweep reads two dates.
  const bg::date opens(2021, 1, 11);
  const DeadlineDays days{bg::date(2021, 3, 17), bg::date(2021, 3, 24)};

  const MilestoneState due_soon = exemplar::state_on(bg::date(2021, 3, 20), opens, days, std::nullopt, std::nullopt);
  const MilestoneState met_late = exemplar::state_on(bg::date(2021, 4, 1), opens, days, bg::date(2021, 3, 25), std::nullopt);

  EXPECT_EQ(due_soon, MilestoneState::due_soon);
  EXPECT_EQ(met_late, MilestoneState::met_late);
  EXPECT_EQ(on(d(2021, 1, 10), opens, days), MilestoneState::upcoming);
}

/// The rules of state_on written with Boost's own date operators: the branch-free
/// state_on must give the same answer for every date Boost can hold, special values included.
MilestoneState reference_state(bg::date today, bg::date opens, const DeadlineDays& days,
                               std::optional<bg::date> completed, std::optional<bg::date> waived) {
  if (waived && *waived <= today) return MilestoneState::waived;
  if (completed && *completed <= today) return *completed <= days.last_on_time ? MilestoneState::met : MilestoneState::met_late;
  if (today < opens) return MilestoneState::upcoming;
  if (today <= days.last_on_time) return today >= days.due_soon_from ? MilestoneState::due_soon : MilestoneState::open;
  return MilestoneState::missed;
}

TEST(Deadline, AMilestoneStateFollowsBoostsDateOrderForEveryKindOfDate) {
  const std::vector<bg::date> dates{bg::date(bg::neg_infin),       bg::date(1400, 1, 1), d(2021, 3, 17),
                                    d(2021, 3, 24),                d(2021, 3, 25),       bg::date(9999, 12, 31),
                                    bg::date(bg::pos_infin),       bg::date(bg::not_a_date_time)};
  std::vector<std::optional<bg::date>> maybe{std::nullopt};
  maybe.insert(maybe.end(), dates.begin(), dates.end());
  std::size_t checked = 0;
  std::size_t differ = 0;

  for (bg::date today : dates) {
    for (bg::date opens : dates) {
      for (bg::date soon : dates) {
        for (bg::date last : dates) {
          for (const auto& completed : maybe) {
            for (const auto& waived : maybe) {
              const DeadlineDays days{soon, last};
              ++checked;
              if (on(today, opens, days, completed, waived) != reference_state(today, opens, days, completed, waived)) {
                ++differ;
              }
            }
          }
        }
      }
    }
  }

  EXPECT_EQ(checked, 8U * 8U * 8U * 8U * 9U * 9U);
  EXPECT_EQ(differ, 0U);
}

TEST(Deadline, OnlyMissedAndMetLateCountAsLate) {
  EXPECT_TRUE(exemplar::is_late(MilestoneState::missed));
  EXPECT_TRUE(exemplar::is_late(MilestoneState::met_late));
  EXPECT_FALSE(exemplar::is_late(MilestoneState::waived));
  EXPECT_FALSE(exemplar::is_late(MilestoneState::due_soon));
  EXPECT_FALSE(exemplar::is_late(MilestoneState::met));
}

TEST(Deadline, SpecialDatesAndBadRulesAreRefused) {
  const WorkingCalendar calendar;

  EXPECT_EQ(exemplar::resolve(Deadline{}, calendar).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::resolve(Deadline::by(bg::date(bg::pos_infin)), calendar).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(exemplar::resolve(Deadline::by(d(2025, 1, 1)).due_soon_within(400), calendar).error().code,
            RefusalCode::invalid_argument);
  EXPECT_EQ(exemplar::resolve(Deadline::by(d(2025, 1, 1)).when_late(static_cast<LatePolicy>(9)), calendar).error().subject,
            "late policy");
  EXPECT_EQ(exemplar::resolve(Deadline::before(d(1900, 1, 1)), calendar).error().code, RefusalCode::date_out_of_range);
}

TEST(Deadline, ADeadlineReadsInBothLanguages) {
  EXPECT_EQ(exemplar::describe(Deadline::before(d(2021, 3, 25)), Lang::en), "before 2021-03-25");
  EXPECT_EQ(exemplar::describe(Deadline::before(d(2021, 3, 25)), Lang::vi), "trước ngày 25/03/2021");
  EXPECT_EQ(exemplar::describe(Deadline::by(d(2025, 3, 31)), Lang::en), "by 2025-03-31");
  EXPECT_EQ(exemplar::describe(Deadline::by(d(2025, 3, 31)), Lang::vi), "chậm nhất ngày 31/03/2025");
}

TEST(Deadline, EveryStateAndPolicyHasLabelsInBothLanguages) {
  for (MilestoneState state : exemplar::all_values<MilestoneState>()) {
    EXPECT_NE(exemplar::label(state, Lang::en), exemplar::label(state, Lang::vi));
    EXPECT_EQ(exemplar::from_identifier<MilestoneState>(exemplar::identifier(state)), state);
  }
  EXPECT_EQ(exemplar::all_values<MilestoneState>().size(), exemplar::milestone_state_count);
  EXPECT_EQ(exemplar::all_values<LatePolicy>().size(), exemplar::late_policy_count);
  EXPECT_EQ(exemplar::identifier(LatePolicy::needs_waiver), "needs_waiver");
  EXPECT_EQ(exemplar::label(MilestoneState::due_soon, Lang::vi), "sắp đến hạn");
}

}  // namespace
