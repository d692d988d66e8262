// exemplar/deadline.hpp: a deadline is a date plus explicit rules, never a guess.
//
//   enum class DeadlineBound { inclusive, exclusive }        "by 31/3" or "before 25/3"
//   enum class DayCount { calendar_days, working_days }
//   enum class LatePolicy { refuse, accept_flagged, needs_waiver }
//   enum class MilestoneState { upcoming, open, due_soon, met, met_late, missed, waived }
//   struct Deadline { date, bound, count, due_soon_days, late }
//     Deadline::by(d), Deadline::before(d), counting(), due_soon_within(), when_late()
//   struct OpenPeriod { opens, closes }                         when steps for a milestone are taken
//   struct DeadlineDays { due_soon_from, last_on_time }      a deadline resolved on a calendar
//   resolve(deadline, calendar) -> expected<DeadlineDays, Refusal>
//   state_on(today, opens, days, completed, waived) -> MilestoneState   (branch-free)
//   is_late(state), describe(deadline, lang)
//
// "trước ngày 25/3/2021" reads "before 25 March": the deadline day itself is late under an exclusive
// bound and on time under an inclusive one. Under working days an inclusive deadline that falls on
// a day off moves to the next working day (Civil Code 2015 art. 148(5)); an exclusive one never
// moves, since "before 25/3" cannot end on or after 25/3.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "calendar.hpp"
#include "labels.hpp"
#include "refusal.hpp"

namespace exemplar {

/// Whether the deadline day itself is still on time.
enum class DeadlineBound : std::uint8_t {
  inclusive,  ///< "by 31/3" (chậm nhất ngày): 31/3 is on time
  exclusive,  ///< "before 25/3" (trước ngày): 25/3 is late
};
inline constexpr std::size_t deadline_bound_count = 2;
[[nodiscard]] LabelTable label_table(DeadlineBound) noexcept;

/// How a deadline's days are counted.
enum class DayCount : std::uint8_t {
  calendar_days,  ///< every day counts; the deadline stays where it is
  working_days,   ///< only working days count; an inclusive deadline on a day off moves forward
};
inline constexpr std::size_t day_count_count = 2;
[[nodiscard]] LabelTable label_table(DayCount) noexcept;

/// What a step taken after the deadline gets.
enum class LatePolicy : std::uint8_t {
  refuse,          ///< refused (RefusalCode::deadline_passed)
  accept_flagged,  ///< accepted and flagged late (StepFlag::late)
  needs_waiver,    ///< refused (RefusalCode::needs_waiver) until the agency head waives the milestone
};
inline constexpr std::size_t late_policy_count = 3;
[[nodiscard]] LabelTable label_table(LatePolicy) noexcept;

/// Where a milestone stands on a given day.
enum class MilestoneState : std::uint8_t {
  upcoming,  ///< its open period has not begun
  open,      ///< open, and the deadline is not near
  due_soon,  ///< open, and the deadline is within the due-soon span
  met,       ///< completed on time
  met_late,  ///< completed after the deadline
  missed,    ///< the deadline passed and it is not completed
  waived,    ///< the agency head waived it
};
inline constexpr std::size_t milestone_state_count = 7;
[[nodiscard]] LabelTable label_table(MilestoneState) noexcept;

/// True for the states a report shows as late: missed, or met after the deadline.
[[nodiscard]] constexpr bool is_late(MilestoneState state) noexcept {
  return state == MilestoneState::missed || state == MilestoneState::met_late;
}

/// The most days a due-soon span may cover.
inline constexpr std::uint16_t max_due_soon_days = 366;

/// A date and the rules that say what it means. Build one with by() or before() so the bound is
/// always written out; the other rules default to calendar days, 7 days' notice and needs_waiver.
struct Deadline {
  boost::gregorian::date date{boost::gregorian::not_a_date_time};
  DeadlineBound bound = DeadlineBound::inclusive;
  DayCount count = DayCount::calendar_days;
  std::uint16_t due_soon_days = 7;  ///< how many days (in `count`) before the last on-time day it is due soon
  LatePolicy late = LatePolicy::needs_waiver;

  /// "by `day`": the day itself is on time.
  [[nodiscard]] static Deadline by(boost::gregorian::date day) {
    Deadline deadline;
    deadline.date = day;
    deadline.bound = DeadlineBound::inclusive;
    return deadline;
  }
  /// "before `day`": the day itself is late.
  [[nodiscard]] static Deadline before(boost::gregorian::date day) {
    Deadline deadline;
    deadline.date = day;
    deadline.bound = DeadlineBound::exclusive;
    return deadline;
  }
  /// The same deadline counted in other days.
  [[nodiscard]] Deadline counting(DayCount value) const {
    Deadline copy = *this;
    copy.count = value;
    return copy;
  }
  /// The same deadline, due soon `days` days before its last on-time day.
  [[nodiscard]] Deadline due_soon_within(std::uint16_t days) const {
    Deadline copy = *this;
    copy.due_soon_days = days;
    return copy;
  }
  /// The same deadline with another late policy.
  [[nodiscard]] Deadline when_late(LatePolicy policy) const {
    Deadline copy = *this;
    copy.late = policy;
    return copy;
  }

  friend bool operator==(const Deadline& a, const Deadline& b) noexcept {
    return a.date == b.date && a.bound == b.bound && a.count == b.count && a.due_soon_days == b.due_soon_days &&
           a.late == b.late;
  }
  friend bool operator!=(const Deadline& a, const Deadline& b) noexcept { return !(a == b); }
};

/// The days within which a milestone's step may be taken at all: from `opens` to `closes`, both
/// included. A step after the deadline but inside the open period is late (the late policy applies); a
/// step outside the open period is refused as outside_window.
struct OpenPeriod {
  boost::gregorian::date opens{boost::gregorian::not_a_date_time};
  boost::gregorian::date closes{boost::gregorian::not_a_date_time};

  friend bool operator==(const OpenPeriod& a, const OpenPeriod& b) noexcept { return a.opens == b.opens && a.closes == b.closes; }
  friend bool operator!=(const OpenPeriod& a, const OpenPeriod& b) noexcept { return !(a == b); }
};

/// A deadline resolved on a calendar: the last day a step is on time, and the first day it is due soon.
struct DeadlineDays {
  boost::gregorian::date due_soon_from;
  boost::gregorian::date last_on_time;

  /// True when a step dated `day` is on time.
  [[nodiscard]] bool on_time(boost::gregorian::date day) const noexcept { return day <= last_on_time; }

  friend bool operator==(const DeadlineDays& a, const DeadlineDays& b) noexcept {
    return a.due_soon_from == b.due_soon_from && a.last_on_time == b.last_on_time;
  }
  friend bool operator!=(const DeadlineDays& a, const DeadlineDays& b) noexcept { return !(a == b); }
};

/// Resolves a deadline on a calendar. Refused when the date is special or out of range, an enum is
/// not one the library knows, or the due-soon span is longer than max_due_soon_days.
[[nodiscard]] tl::expected<DeadlineDays, Refusal> resolve(const Deadline& deadline, const WorkingCalendar& calendar);

/// A milestone's state on `today`, given when its open period opens, its resolved deadline, and the days
/// it was completed or waived (if it was). What is recorded after `today` does not count yet. In
/// order: waived on or before `today`; completed on or before `today` (met when on or before the
/// last on-time day, else met late); upcoming before `opens`; due soon from `due_soon_from` to the
/// last on-time day, open before it; missed after it. Free of branches on the data, so that a
/// nightly sweep over millions of milestones is bound by reading them, not by mispredictions.
[[nodiscard]] MilestoneState state_on(boost::gregorian::date today, boost::gregorian::date opens,
                                      const DeadlineDays& days, std::optional<boost::gregorian::date> completed,
                                      std::optional<boost::gregorian::date> waived) noexcept;

/// The deadline as people read it: "before 2021-03-25" / "trước ngày 25/03/2021".
[[nodiscard]] std::string describe(const Deadline& deadline, Lang lang = Lang::en);

}  // namespace exemplar
