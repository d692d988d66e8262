// src/pipeline.hpp: the parts of the decide pipeline that live beside the plan, not in lifecycle.cpp.
//
//   procedure_rows(procedure)    the lifecycle's rows for the steps a procedure uses, and its arrows
//   timing_*, quota_*, eligibility_*   the plan checks of standard_checks(); they read the
//                                 running plan (plan.hpp's PlanState) and run only when there is one
#pragma once

#include <optional>
#include <vector>

#include "exemplar/lifecycle.hpp"

namespace exemplar::detail {

/// The rows of a procedure's table: lifecycle_table's rows whose command the procedure uses, each
/// extra arrow placed right after the rows of its stage and command (or at the end). The procedure
/// must be valid (validate(procedure)).
[[nodiscard]] std::vector<LifecycleRow> procedure_rows(const Procedure& procedure);

/// What is wrong with the values of an event a stored record could not carry, read from the
/// descriptions of its fields: an unknown enumerator or flag, an empty mandatory text or id, text
/// too long or not UTF-8, a mandatory date that is not one. The arguments check begins with it.
[[nodiscard]] std::optional<Refusal> malformed(const Event& event, std::uint16_t format);

/// The step's milestones and their deadlines (Timing): the steps the procedure times.
[[nodiscard]] CheckOutcome timing_test(const Step& step) noexcept;
[[nodiscard]] Refusal timing_explain(const Step& step, RefusalCode code);
[[nodiscard]] bool timing_applies(const Procedure& procedure, CommandKind step) noexcept;
/// The plan's "at most" quotas (StepQuota): the steps they count.
[[nodiscard]] CheckOutcome quota_test(const Step& step) noexcept;
[[nodiscard]] Refusal quota_explain(const Step& step, RefusalCode code);
[[nodiscard]] bool quota_applies(const Procedure& procedure, CommandKind step) noexcept;
/// The plan's criteria at registration (GuardMode), unless the council judges them.
[[nodiscard]] CheckOutcome eligibility_test(const Step& step) noexcept;
[[nodiscard]] Refusal eligibility_explain(const Step& step, RefusalCode code);
[[nodiscard]] bool eligibility_applies(const Procedure& procedure, CommandKind step) noexcept;

}  // namespace exemplar::detail
