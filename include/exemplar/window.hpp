// exemplar/window.hpp: the roadmap's windows and deadlines, applied to lifecycle steps.
//
//   enum class WindowRule { inside, after_deadline }
//   enum class YearBasis { step_date, candidate_round }
//   struct StepWindow { step, milestone, rule, year }     one tie of a lifecycle step to a milestone kind
//   default_step_windows()                                 domain.md's ties (below)
//   check_window(roadmap, windows, kind, round_year, stage, date) -> GateVerdict
//   class RoadmapGate : StepGate                           the same, plugged into a Workflow
//
// Default ties (domain.md, "The candidate lifecycle"; DESIGN.md, "One engine, two machines"):
//   register   inside the registration window of the step's year
//   review     after the registration deadline of the candidate's round (the council reviews once
//              registration has closed)
//   commend    inside the six-month or the year-end review of the candidate's round
//   nominate   inside the send-up window of the step's year
// A step whose ties find no milestone for the year is not constrained: the plan set no window.
// Inside a window a step is on time until the deadline's last on-time day; after it and until the
// window closes the deadline's late policy decides: refused (deadline_passed), accepted and flagged
// late, or refused (needs_waiver) until the agency head waives the milestone, then accepted and
// flagged waived. Outside every window the step is refused as outside_window. Every refusal names
// the milestone (subject), its deadline or window day (reference), and its title in both languages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "labels.hpp"
#include "lifecycle.hpp"
#include "roadmap.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// How a step relates to a milestone's dates.
enum class WindowRule : std::uint8_t {
  inside,          ///< the step is taken inside the milestone's window (late per its policy)
  after_deadline,  ///< the step is taken once the milestone's deadline has passed or it is completed
};
inline constexpr std::size_t window_rule_count = 2;
[[nodiscard]] LabelTable label_table(WindowRule) noexcept;

/// Which roadmap year a step belongs to.
enum class YearBasis : std::uint8_t {
  step_date,        ///< the year of the step's date
  candidate_round,  ///< the candidate's round (the year it registered), or the step's year if none
};
inline constexpr std::size_t year_basis_count = 2;
[[nodiscard]] LabelTable label_table(YearBasis) noexcept;

/// One tie: lifecycle step `step` follows `rule` against the milestones of kind `milestone`.
/// Several ties of one step with rule `inside` are alternatives (commend at either review).
struct StepWindow {
  CommandKind step = CommandKind::register_;
  MilestoneKind milestone = MilestoneKind::registration;
  WindowRule rule = WindowRule::inside;
  YearBasis year = YearBasis::step_date;

  friend constexpr bool operator==(const StepWindow& a, const StepWindow& b) noexcept {
    return a.step == b.step && a.milestone == b.milestone && a.rule == b.rule && a.year == b.year;
  }
};

/// The ties listed in this header's synopsis.
[[nodiscard]] std::vector<StepWindow> default_step_windows();

/// What the roadmap says about step `kind` on `date` for a candidate of round `round_year` (0 when
/// it has none) at `stage`. Pure: reads the roadmap, changes nothing.
[[nodiscard]] GateVerdict check_window(const Roadmap& roadmap, const std::vector<StepWindow>& windows, CommandKind kind,
                                       std::uint16_t round_year, Stage stage, boost::gregorian::date date);

/// A StepGate that applies a roadmap's windows and late policies to a Workflow's steps. It reads
/// the roadmap it was given each time, so a waiver the host evolves into that roadmap counts from
/// the next decide. It holds no cache: share it across threads as long as the roadmap is not being
/// replaced at the same time.
class RoadmapGate final : public StepGate {
 public:
  /// `roadmap` must outlive the gate.
  explicit RoadmapGate(const Roadmap& roadmap, std::vector<StepWindow> windows = default_step_windows());
  /// A gate over a temporary roadmap would dangle.
  RoadmapGate(Roadmap&&, std::vector<StepWindow> = {}) = delete;

  /// check_window for the query's step, candidate round, stage and date.
  [[nodiscard]] GateVerdict check(const GateQuery& query) const override;

  /// The roadmap the gate reads.
  [[nodiscard]] const Roadmap& roadmap() const noexcept { return *roadmap_; }
  /// The ties the gate applies.
  [[nodiscard]] const std::vector<StepWindow>& windows() const noexcept { return windows_; }

 private:
  const Roadmap* roadmap_;
  std::vector<StepWindow> windows_;
};

}  // namespace exemplar
