// exemplar/eligibility.hpp: the plan's registration guard, as a lifecycle gate.
//
//   GuardMode        hard | soft | council     what registering needs from the criteria
//   EvidenceSource   the host's read-only lookup of a candidate's evidence
//   EligibilityGate  a StepGate (lifecycle.hpp) that evaluates the profile when a candidate registers
//
//   hard     registering needs a verdict that is not "not eligible": refused with
//            RefusalCode::not_eligible, the failed rules' ids as subject and their numbers as detail
//   soft     registering is accepted with StepFlag::eligibility_warning when not eligible
//   council  registering never waits for the criteria: the council judges at review
//
// A verdict that needs the council's judgement passes in every mode: the council decides it at
// review. The gate keeps no state and only reads the profile and the source, so one gate may serve
// many threads when the source allows concurrent const calls.
#pragma once

#include <cstddef>
#include <cstdint>

#include "criteria.hpp"
#include "evidence.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"

namespace exemplar {

/// How the plan's criteria guard registration.
enum class GuardMode : std::uint8_t { hard, soft, council };
inline constexpr std::size_t guard_mode_count = 3;
[[nodiscard]] LabelTable label_table(GuardMode) noexcept;

/// Where the gate finds a candidate's evidence: the host's database, behind a const lookup.
/// Implementations must allow concurrent calls if the Workflow is shared across threads.
class EvidenceSource {
 public:
  EvidenceSource() = default;
  EvidenceSource(const EvidenceSource&) = default;
  EvidenceSource& operator=(const EvidenceSource&) = default;
  virtual ~EvidenceSource() = default;

  /// The candidate's evidence, or null when the host has none; the pointer must stay valid for the
  /// duration of the gate's check.
  [[nodiscard]] virtual const Evidence* find(CandidateId candidate) const = 0;
};

/// Applies the plan's criteria to the register step; every other step passes untouched.
class EligibilityGate final : public StepGate {
 public:
  /// `profile` and `source` must outlive the gate.
  EligibilityGate(const Profile& profile, const EvidenceSource& source, GuardMode mode) noexcept
      : profile_(&profile), source_(&source), mode_(mode) {}

  /// For a register step in hard or soft mode: evaluates the profile on the step's date. Refused
  /// (whatever the mode) when the host has no evidence for the candidate, when the evidence
  /// describes another subject, position or field than the candidate, or when evaluate() refuses.
  [[nodiscard]] GateVerdict check(const GateQuery& query) const override;

  [[nodiscard]] GuardMode mode() const noexcept { return mode_; }
  [[nodiscard]] const Profile& profile() const noexcept { return *profile_; }

 private:
  const Profile* profile_;
  const EvidenceSource* source_;
  GuardMode mode_;
};

}  // namespace exemplar
