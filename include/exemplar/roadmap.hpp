// exemplar/roadmap.hpp: a plan's years, quarters and milestones, as machines and a decider.
//
//   period: planning → implementing → midterm_review → intensifying → final_review → closed
//   year:   q1_registration → q2_six_month_review → q3_evaluation → q4_year_end_review → closed
//
//   period_table, year_table          the two machines, tables of the same engine as the lifecycle
//   MilestoneKind, DateSource         what a milestone is; where each of its dates comes from
//   Milestone                         id, titles, kind, owner, level, year, open period, deadline, sources
//   PhaseStart, RoadmapSpec           the definition a plan writes (or a file loads)
//   roadmap_commands::Complete/Waive  what people do to a milestone
//   roadmap_events::*                 what happened: completed, waived, deadline passed, quarter
//                                     ended, phase entered, ticked
//   Roadmap                           make(spec) validated; decide / apply / evolve; tick; status;
//                                     phase_on(day), year_phase_on(year, day)
//
// A Roadmap is a plain value: its definition plus the progress recorded so far (completions,
// waivers, the last tick). Where the period and each year stand on a day is read from their tables
// and the dates, never kept, so every question about a day has one answer. decide(command, actor, date) changes nothing and
// returns the event to store; evolve(event) returns the next value. tick(today) returns the events
// of the boundaries (deadlines, quarter ends, phase starts) that passed since the last tick, ending
// with a Ticked event that records the day: ticking again on the same day returns nothing, and a
// host that was down for a week receives exactly the events it missed, in order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "authority.hpp"
#include "calendar.hpp"
#include "deadline.hpp"
#include "fsm.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// What a milestone is, as the plans name them (000 III, 002 III.1, 003 IV, 004 IV; docs/roadmap.md).
enum class MilestoneKind : std::uint8_t {
  registration,         ///< units send their registration lists (đăng ký)
  send_up,              ///< the selected exemplars go to the next level (gửi cấp trên)
  six_month_review,     ///< the six-month review (sơ kết 6 tháng)
  year_end_review,      ///< the year-end review and its commendations (tổng kết năm)
  midterm_review,       ///< the period's preliminary review (sơ kết giai đoạn)
  final_review,         ///< the period's final review (tổng kết giai đoạn)
  exemplar_conference,  ///< the exemplar conference (Hội nghị điển hình tiên tiến)
  emulation_congress,   ///< the Patriotic Emulation Congress (Đại hội Thi đua yêu nước)
  report,               ///< a report or evaluation sent up the line (báo cáo, đánh giá)
};
inline constexpr std::size_t milestone_kind_count = 9;
[[nodiscard]] LabelTable label_table(MilestoneKind) noexcept;

/// Where a date of a timetable comes from, so a reader can tell the plan's words from our choices.
enum class DateSource : std::uint8_t {
  stated,        ///< the plan gives the day ("trước ngày 25/3/2021")
  period_bound,  ///< the plan names a quarter or a year; the day is its first or last day
  defaulted,     ///< the plan gives none; a documented default (see docs/roadmap.md)
};
inline constexpr std::size_t date_source_count = 3;
[[nodiscard]] LabelTable label_table(DateSource) noexcept;

/// The five-year period's phases (seed 000 section III).
enum class PeriodPhase : std::uint8_t { planning, implementing, midterm_review, intensifying, final_review, closed };
inline constexpr std::size_t period_phase_count = 6;
[[nodiscard]] LabelTable label_table(PeriodPhase) noexcept;

/// What moves the period on: the start of the next phase's day passes.
enum class PeriodEvent : std::uint8_t { phase_ended };
inline constexpr std::size_t period_event_count = 1;
[[nodiscard]] LabelTable label_table(PeriodEvent) noexcept;

/// A year's quarters (seed 004 section IV), and the year closed after Q4.
enum class YearPhase : std::uint8_t { q1_registration, q2_six_month_review, q3_evaluation, q4_year_end_review, closed };
inline constexpr std::size_t year_phase_count = 5;
[[nodiscard]] LabelTable label_table(YearPhase) noexcept;

/// What moves a year on: a quarter's last day passes.
enum class YearEvent : std::uint8_t { quarter_ended };
inline constexpr std::size_t year_event_count = 1;
[[nodiscard]] LabelTable label_table(YearEvent) noexcept;

/// What the roadmap machines' guards would see: the day of the boundary.
struct Boundary {
  boost::gregorian::date on;
};

/// The period machine's table type.
using PeriodTable = fsm::Table<PeriodPhase, PeriodEvent, Boundary, Refusal, period_phase_count, period_event_count, 5>;
/// The year machine's table type.
using YearTable = fsm::Table<YearPhase, YearEvent, Boundary, Refusal, year_phase_count, year_event_count, 4>;

/// The period, one row per arrow of seed 000 section III (2021 plan ... 2025 final review).
inline constexpr PeriodTable period_table{std::array<PeriodTable::row_type, 5>{{
    {PeriodPhase::planning, PeriodEvent::phase_ended, PeriodPhase::implementing, nullptr, {}},
    {PeriodPhase::implementing, PeriodEvent::phase_ended, PeriodPhase::midterm_review, nullptr, {}},
    {PeriodPhase::midterm_review, PeriodEvent::phase_ended, PeriodPhase::intensifying, nullptr, {}},
    {PeriodPhase::intensifying, PeriodEvent::phase_ended, PeriodPhase::final_review, nullptr, {}},
    {PeriodPhase::final_review, PeriodEvent::phase_ended, PeriodPhase::closed, nullptr, {}},
}}};

/// A year, one row per arrow of seed 004 section IV (Q1 register ... Q4 year-end review).
inline constexpr YearTable year_table{std::array<YearTable::row_type, 4>{{
    {YearPhase::q1_registration, YearEvent::quarter_ended, YearPhase::q2_six_month_review, nullptr, {}},
    {YearPhase::q2_six_month_review, YearEvent::quarter_ended, YearPhase::q3_evaluation, nullptr, {}},
    {YearPhase::q3_evaluation, YearEvent::quarter_ended, YearPhase::q4_year_end_review, nullptr, {}},
    {YearPhase::q4_year_end_review, YearEvent::quarter_ended, YearPhase::closed, nullptr, {}},
}}};

/// Where each of a milestone's three dates comes from.
struct DateSources {
  DateSource opens = DateSource::defaulted;
  DateSource deadline = DateSource::defaulted;
  DateSource closes = DateSource::defaulted;

  friend bool operator==(const DateSources& a, const DateSources& b) noexcept {
    return a.opens == b.opens && a.deadline == b.deadline && a.closes == b.closes;
  }
  friend bool operator!=(const DateSources& a, const DateSources& b) noexcept { return !(a == b); }
};

/// The longest milestone id, in bytes.
inline constexpr std::size_t max_milestone_id_bytes = 64;

/// One dated step of a plan: who owes it, when it opens, when it is due, and what late means.
struct Milestone {
  std::string id;  ///< stable and unique in its roadmap ("registration-2021"); refusals name it
  Text title;      ///< what people read, in both languages
  MilestoneKind kind = MilestoneKind::registration;
  Role owner = Role::secretariat;  ///< who completes it (the agency head may always record it)
  Level level = Level::agency;     ///< the level the step happens at
  std::uint16_t year = 0;          ///< the roadmap year it belongs to (a year-end review may end in January)
  OpenPeriod open_period;  ///< the days its steps are accepted on, late ones included
  Deadline deadline;
  DateSources sources;
  std::string basis;  ///< the plan's words behind the dates, or why a default was chosen

  friend bool operator==(const Milestone& a, const Milestone& b);
  friend bool operator!=(const Milestone& a, const Milestone& b) { return !(a == b); }
};

/// The day a phase of the period starts.
struct PhaseStart {
  PeriodPhase phase = PeriodPhase::planning;
  boost::gregorian::date starts{boost::gregorian::not_a_date_time};
  DateSource source = DateSource::defaulted;

  friend bool operator==(const PhaseStart& a, const PhaseStart& b) noexcept {
    return a.phase == b.phase && a.starts == b.starts && a.source == b.source;
  }
  friend bool operator!=(const PhaseStart& a, const PhaseStart& b) noexcept { return !(a == b); }
};

/// A roadmap's definition, as a plan writes it. `phases` is empty for a plan of one year, which
/// has no five-year period; otherwise it names every phase of period_table in order.
struct RoadmapSpec {
  std::string id;
  Text title;
  std::uint16_t first_year = 0;
  std::uint16_t last_year = 0;
  std::vector<PhaseStart> phases;
  std::vector<Milestone> milestones;
  WorkingCalendar calendar;

  friend bool operator==(const RoadmapSpec& a, const RoadmapSpec& b);
  friend bool operator!=(const RoadmapSpec& a, const RoadmapSpec& b) { return !(a == b); }
};

/// What has been recorded against one milestone.
struct MilestoneProgress {
  std::optional<boost::gregorian::date> completed;
  ActorId completed_by;
  std::optional<boost::gregorian::date> waived;
  ActorId waived_by;
  std::string waiver_reason;

  friend bool operator==(const MilestoneProgress& a, const MilestoneProgress& b);
  friend bool operator!=(const MilestoneProgress& a, const MilestoneProgress& b) { return !(a == b); }
};

namespace roadmap_commands {
/// Record that a milestone was done (the list was sent, the conference was held).
struct Complete {
  std::string milestone;
};
/// The agency head waives a milestone, with a reason: it no longer counts as missed, and steps
/// that needed a waiver are accepted.
struct Waive {
  std::string milestone;
  std::string reason;
};
}  // namespace roadmap_commands

/// A command on the roadmap.
using RoadmapCommand = std::variant<roadmap_commands::Complete, roadmap_commands::Waive>;

/// The kinds of roadmap event, in RoadmapEventData order.
enum class RoadmapEventKind : std::uint8_t { completed, waived, deadline_passed, quarter_ended, phase_entered, ticked };
inline constexpr std::size_t roadmap_event_kind_count = 6;
[[nodiscard]] LabelTable label_table(RoadmapEventKind) noexcept;

namespace roadmap_events {
/// A milestone was completed.
struct Completed {
  std::string milestone;
  ActorId actor;
  Role role = Role::secretariat;

  friend bool operator==(const Completed& a, const Completed& b) {
    return a.milestone == b.milestone && a.actor == b.actor && a.role == b.role;
  }
};
/// The agency head waived a milestone.
struct Waived {
  std::string milestone;
  ActorId actor;
  std::string reason;

  friend bool operator==(const Waived& a, const Waived& b) {
    return a.milestone == b.milestone && a.actor == b.actor && a.reason == b.reason;
  }
};
/// A milestone's last on-time day passed (the event is dated the day after), with its state then:
/// met, met_late, missed or waived.
struct DeadlinePassed {
  std::string milestone;
  MilestoneState outcome = MilestoneState::missed;

  friend bool operator==(const DeadlinePassed& a, const DeadlinePassed& b) {
    return a.milestone == b.milestone && a.outcome == b.outcome;
  }
};
/// A quarter of a roadmap year ended (the event is dated the first day of the next quarter).
struct QuarterEnded {
  std::uint16_t year = 0;
  Quarter quarter = Quarter::q1;

  friend bool operator==(const QuarterEnded& a, const QuarterEnded& b) noexcept {
    return a.year == b.year && a.quarter == b.quarter;
  }
};
/// The period entered a phase (the event is dated the phase's first day).
struct PhaseEntered {
  PeriodPhase phase = PeriodPhase::planning;

  friend bool operator==(const PhaseEntered& a, const PhaseEntered& b) noexcept { return a.phase == b.phase; }
};
/// The roadmap was ticked on the event's date: later ticks start after it.
struct Ticked {
  friend bool operator==(const Ticked&, const Ticked&) noexcept { return true; }
};
}  // namespace roadmap_events

/// What a roadmap event says happened, in RoadmapEventKind order.
using RoadmapEventData =
    std::variant<roadmap_events::Completed, roadmap_events::Waived, roadmap_events::DeadlinePassed,
                 roadmap_events::QuarterEnded, roadmap_events::PhaseEntered, roadmap_events::Ticked>;

/// One roadmap event: what the host stores, next to the lifecycle's events.
struct RoadmapEvent {
  boost::gregorian::date date;
  RoadmapEventData data;

  [[nodiscard]] RoadmapEventKind kind() const noexcept { return static_cast<RoadmapEventKind>(data.index()); }

  friend bool operator==(const RoadmapEvent& a, const RoadmapEvent& b) { return a.date == b.date && a.data == b.data; }
  friend bool operator!=(const RoadmapEvent& a, const RoadmapEvent& b) { return !(a == b); }
};

/// One milestone on one day.
struct MilestoneStatus {
  std::string id;
  MilestoneKind kind = MilestoneKind::registration;
  std::uint16_t year = 0;
  MilestoneState state = MilestoneState::upcoming;
  DeadlineDays days;
};

/// One year on one day: its quarter (read from the dates, in year_table's order) and whether any of
/// its milestones is late.
struct YearStatus {
  std::uint16_t year = 0;
  bool started = false;  ///< false before 1 January of the year
  YearPhase phase = YearPhase::q1_registration;
  bool late = false;
};

/// The whole roadmap on one day: what is open, due soon, late, missed, met or waived.
struct RoadmapStatus {
  boost::gregorian::date today;
  std::optional<PeriodPhase> phase;  ///< nullopt for a plan of one year
  std::vector<YearStatus> years;
  std::vector<MilestoneStatus> milestones;
  bool late = false;  ///< some year is late

  /// The milestone with this id, or null.
  [[nodiscard]] const MilestoneStatus* find(std::string_view id) const noexcept;
  /// The status of this year, or null when the roadmap does not cover it.
  [[nodiscard]] const YearStatus* year(std::uint16_t year) const noexcept;
  /// How many milestones are in `state`.
  [[nodiscard]] std::size_t count(MilestoneState state) const noexcept;
};

/// A plan's roadmap: its definition and the progress recorded so far. Copy it, compare it, keep it
/// in a Plan; a const Roadmap may be read from several threads at once.
class Roadmap {
 public:
  /// A roadmap with no years and no milestones.
  Roadmap() = default;

  /// Validates a definition: ids unique and at most max_milestone_id_bytes, titles in both
  /// languages, known enums, real dates inside the supported years, every open period opening no later
  /// than it closes, every deadline inside its open period, years in order, phases complete and in order.
  [[nodiscard]] static tl::expected<Roadmap, Refusal> make(RoadmapSpec spec);

  /// The definition it was made from: copy it, edit it and make it again to change a rule.
  [[nodiscard]] const RoadmapSpec& spec() const noexcept { return spec_; }
  /// The roadmap's id ("seed-003").
  [[nodiscard]] const std::string& id() const noexcept { return spec_.id; }
  /// The milestones, in the order the plan lists them.
  [[nodiscard]] const std::vector<Milestone>& milestones() const noexcept { return spec_.milestones; }
  /// The host's working calendar the deadlines are resolved on.
  [[nodiscard]] const WorkingCalendar& calendar() const noexcept { return spec_.calendar; }
  /// True when the roadmap has a five-year period (its spec names phases).
  [[nodiscard]] bool has_period() const noexcept { return !spec_.phases.empty(); }

  /// The index of the milestone with this id, or nullopt.
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const noexcept;
  /// The milestone with this id, or null.
  [[nodiscard]] const Milestone* find(std::string_view id) const noexcept;
  /// The indexes of the milestones of `kind` that belong to `year`, in the roadmap's order.
  [[nodiscard]] std::vector<std::size_t> indexes_of(MilestoneKind kind, std::uint16_t year) const;
  /// Milestone `index`'s deadline resolved on the roadmap's calendar.
  [[nodiscard]] const DeadlineDays& days(std::size_t index) const { return days_.at(index); }
  /// What has been recorded against milestone `index`.
  [[nodiscard]] const MilestoneProgress& progress(std::size_t index) const { return progress_.at(index); }
  /// Milestone `index`'s state on `today` (a date the caller has checked).
  [[nodiscard]] MilestoneState state_of(std::size_t index, boost::gregorian::date today) const;

  /// The day of the last tick; not_a_date_time before the first.
  [[nodiscard]] boost::gregorian::date last_tick() const noexcept { return last_tick_; }
  /// The period's phase on `day`: period_table walked from planning across every phase start that
  /// has come by then. Nullopt for a roadmap without a period. The one answer: status(), tick() and
  /// the stored PhaseEntered events all read it.
  [[nodiscard]] std::optional<PeriodPhase> phase_on(boost::gregorian::date day) const noexcept;
  /// A year's quarter on `day`: year_table walked from Q1 across every quarter's end that has passed
  /// by then (closed after Q4). Nullopt for a year the roadmap does not cover.
  [[nodiscard]] std::optional<YearPhase> year_phase_on(std::uint16_t year, boost::gregorian::date day) const noexcept;

  /// Decides whether `actor` may complete or waive a milestone on `date`; the event, or why not.
  /// Changes nothing.
  [[nodiscard]] tl::expected<RoadmapEvent, Refusal> decide(const RoadmapCommand& command, const Actor& actor,
                                                           boost::gregorian::date date) const;
  /// The next value after an event, checked first (use it for events from a journal).
  [[nodiscard]] tl::expected<Roadmap, Refusal> apply(const RoadmapEvent& event) const;
  /// The next value after an event that decide or tick produced; an event apply() refuses is a
  /// broken precondition (EXEMPLAR_EXPECTS).
  [[nodiscard]] Roadmap evolve(const RoadmapEvent& event) const;
  /// The events of the boundaries in (last tick, today], in date order, then Ticked{today}; nothing
  /// when `today` is not after the last tick. Changes nothing.
  [[nodiscard]] tl::expected<std::vector<RoadmapEvent>, Refusal> tick(boost::gregorian::date today) const;
  /// Every milestone's state on `today`, each year's quarter, and lateness rolled up.
  [[nodiscard]] tl::expected<RoadmapStatus, Refusal> status(boost::gregorian::date today) const;

  friend bool operator==(const Roadmap& a, const Roadmap& b);
  friend bool operator!=(const Roadmap& a, const Roadmap& b) { return !(a == b); }

 private:
  [[nodiscard]] std::optional<Refusal> check_event(const RoadmapEvent& event) const;

  RoadmapSpec spec_;
  std::vector<DeadlineDays> days_;
  std::vector<MilestoneProgress> progress_;
  boost::gregorian::date last_tick_{boost::gregorian::not_a_date_time};
};

}  // namespace exemplar
