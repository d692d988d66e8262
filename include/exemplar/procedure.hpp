// exemplar/procedure.hpp: how one plan runs the lifecycle, as data.
//
//   Arrow                  an extra row of the lifecycle's table (003: send up from the council's selection)
//   MilestoneSelector      which milestones a rule refers to: every one of a kind in a year, or one by id
//   TimingRule, YearBasis  inside a milestone's open period, or after its deadline; which year
//   Timing                 the milestone or dated event a step belongs to
//   QuotaScope, StepQuota  "at most N" (refused beyond) and "at least N by the deadline" (reported)
//   AwardPower             the awards a role may grant, and those it may only propose upward
//   GuardMode              what registering needs from the plan's criteria
//   Procedure              steps used, arrows, grants, awards, council, timings, quotas, guard mode
//   default_procedure()    the whole lifecycle with the default authority and award powers
//   validate(procedure)    refuses a procedure that cannot be walked, naming the bad part
//
// Each plan writes its own procedure: seed 003 sends exemplars up straight from the council's
// selection, with 1 or 2 registrations per unit and 4 to 5 sent up; seed 002 honours exemplars at
// two dated events as well as at each year-end review; seed 001 registers all year. The library
// checks a procedure when it is loaded, so one that cannot be walked never reaches a Workflow.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "authority.hpp"
#include "council.hpp"
#include "labels.hpp"
#include "refusal.hpp"
#include "roadmap.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// An extra arrow of a plan's lifecycle: from `from`, `command` leads to `to` when the named guard
/// (one of named_guards() in lifecycle.hpp, or none) holds. Its rows come after the lifecycle's own
/// rows for the same stage and command.
struct Arrow {
  Stage from = Stage::reviewed;
  CommandKind command = CommandKind::nominate;
  Stage to = Stage::registered;
  std::string guard;  ///< a guard's name, or empty for none

  friend bool operator==(const Arrow& a, const Arrow& b) {
    return a.from == b.from && a.command == b.command && a.to == b.to && a.guard == b.guard;
  }
};

/// Which roadmap year a step belongs to.
enum class YearBasis : std::uint8_t {
  step_date,        ///< the year of the step's date
  candidate_round,  ///< the candidate's round (the year it registered), or the step's year if none
};
inline constexpr std::size_t year_basis_count = 2;
[[nodiscard]] LabelTable label_table(YearBasis) noexcept;

/// The milestones a timing or quota refers to, among those of the year `year` picks for a step: the
/// one whose id is `id` (a dated event, such as seed 002's review in the second quarter of 2023, which
/// then concerns only steps of 2023), or else every milestone of `kind`.
struct MilestoneSelector {
  MilestoneKind kind = MilestoneKind::registration;
  YearBasis year = YearBasis::step_date;
  std::string id;  ///< when not empty, exactly this milestone, whatever the year

  friend bool operator==(const MilestoneSelector& a, const MilestoneSelector& b) {
    return a.kind == b.kind && a.year == b.year && a.id == b.id;
  }
};

/// How a step relates to the milestones it is tied to.
enum class TimingRule : std::uint8_t {
  inside,          ///< inside a milestone's open period; after its deadline the milestone's late policy decides
  after_deadline,  ///< once the milestone's deadline has passed or it is completed or waived
};
inline constexpr std::size_t timing_rule_count = 2;
[[nodiscard]] LabelTable label_table(TimingRule) noexcept;

/// The milestone or dated event a lifecycle step belongs to. Several `inside` timings of one step
/// are alternatives (commend at either review, or at a dated conference). A step whose timings
/// select no milestone in its year is not constrained: the plan set no date for it then.
struct Timing {
  CommandKind step = CommandKind::register_;
  TimingRule rule = TimingRule::inside;
  MilestoneSelector milestones;

  friend bool operator==(const Timing& a, const Timing& b) {
    return a.step == b.step && a.rule == b.rule && a.milestones == b.milestones;
  }
};

/// What a quota counts over: each unit's own candidates, or the whole agency's.
enum class QuotaScope : std::uint8_t { per_unit, agency };
inline constexpr std::size_t quota_scope_count = 2;
[[nodiscard]] LabelTable label_table(QuotaScope) noexcept;

/// How many steps of a kind a unit (or the agency) takes inside the open period of the selected
/// milestone. `at_most` refuses the step past it (quota_exceeded). `at_least` never refuses: a unit
/// short of it when the milestone's deadline has passed is a fact the running plan reports. A
/// candidate withdrawn after the step frees its place.
struct StepQuota {
  CommandKind step = CommandKind::register_;
  MilestoneSelector milestones;
  QuotaScope scope = QuotaScope::per_unit;
  std::optional<std::uint16_t> at_least;
  std::optional<std::uint16_t> at_most;

  friend bool operator==(const StepQuota& a, const StepQuota& b) {
    return a.step == b.step && a.milestones == b.milestones && a.scope == b.scope && a.at_least == b.at_least &&
           a.at_most == b.at_most;
  }
};

/// The forms of award a role may grant on its own authority, and those it may only propose to the
/// level above. The agency head grants the Giấy khen; Bằng khen of the provincial chairman, a minister
/// or the Prime Minister are proposed upward and come back as a commendation on the same candidate.
struct AwardPower {
  Role role = Role::agency_head;
  AwardSet grants;
  AwardSet proposes;

  friend bool operator==(const AwardPower& a, const AwardPower& b) {
    return a.role == b.role && a.grants == b.grants && a.proposes == b.proposes;
  }
};

/// How the plan's criteria guard registration.
enum class GuardMode : std::uint8_t {
  hard,     ///< registering needs a verdict that is not "not eligible" (refused: not_eligible)
  soft,     ///< registering is accepted with StepFlag::eligibility_warning when not eligible
            ///< (hard and soft both flag a candidate only the council's judgement can still carry)
  council,  ///< registering never waits for the criteria: the council judges at review
};
inline constexpr std::size_t guard_mode_count = 3;
[[nodiscard]] LabelTable label_table(GuardMode) noexcept;

/// One plan's way of running the lifecycle.
struct Procedure {
  CommandSet steps = CommandSet::all(command_count);  ///< the lifecycle steps the plan uses
  std::vector<Arrow> arrows;                          ///< extra rows of its table
  std::vector<Grant> grants;                          ///< who may do what (authority.hpp)
  std::vector<AwardPower> awards;                     ///< award ceilings; a role not listed grants nothing
  CouncilRules council;                               ///< quorum and approval
  std::vector<Timing> timings;                        ///< the milestone or dated event of each step
  std::vector<StepQuota> quotas;
  GuardMode registration = GuardMode::council;        ///< what registering needs from the criteria

  friend bool operator==(const Procedure& a, const Procedure& b);
  friend bool operator!=(const Procedure& a, const Procedure& b) { return !(a == b); }
};

/// The default award powers (docs/authority.md): the agency head grants public commendation and the
/// Giấy khen and proposes every Bằng khen; the provincial board grants the provincial chairman's
/// Bằng khen at province level and proposes the ministry's and the Prime Minister's.
[[nodiscard]] std::vector<AwardPower> default_award_powers();
/// The timings most plans use: register inside the registration window of the step's year; review
/// after the registration deadline of the candidate's round; commend at the six-month or year-end
/// review of the candidate's round; nominate inside the send-up window of the step's year.
[[nodiscard]] std::vector<Timing> default_timings();
/// Every step, no extra arrow, Policy::defaults(), default_award_powers(), the default council,
/// default_timings(), no quota, registration judged by the council.
[[nodiscard]] Procedure default_procedure();

/// Accepts a procedure that can be walked; otherwise refuses it (invalid_argument) with `subject`
/// the path of the bad part, such as "arrows/0/from" or "awards/1/role", and a reason in both
/// languages: an unknown value, a step the plan uses that no role may take, an arrow out of a
/// terminal stage or naming an unknown guard, a stage the plan's steps leave from that no step
/// reaches, a quota of 0 or whose least exceeds its most, an award power naming a role twice or
/// giving one award both to grant and to propose, council rules that cannot be reached.
[[nodiscard]] tl::expected<void, Refusal> validate(const Procedure& procedure);

}  // namespace exemplar
