// The pipeline's plan checks: a step's milestones and deadlines, the plan's quotas, its criteria.
// Each computes one compact verdict; the test returns its code, the explanation words it.
#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "exemplar/plan.hpp"
#include "pipeline.hpp"

namespace exemplar::detail {
namespace bg = boost::gregorian;

namespace {

const PlanState& state_of(const Step& step) noexcept { return *step.workflow.state(); }

/// The year a selector picks for a step: the candidate's round or the step's year.
std::uint16_t year_for(const MilestoneSelector& s, std::uint16_t round_year, bg::date date) noexcept {
  return s.year == YearBasis::candidate_round && round_year != 0 ? round_year : static_cast<std::uint16_t>(date.year());
}

/// True when the selector picks milestone `m` for a step in `year`: one of its kind in that year,
/// or the one it names when that milestone belongs to that year.
bool selects(const Milestone& m, const MilestoneSelector& s, std::uint16_t year) noexcept {
  return m.year == year && (s.id.empty() ? m.kind == s.kind : m.id == s.id);
}

// ---------------------------------------------------------------------------------------------
// Timing

/// What the roadmap says about a step: on time, or why not, about which milestone.
struct TimingVerdict {
  CheckOutcome outcome;
  std::size_t milestone = 0;
  enum class Why : std::uint8_t { none, late, early, closed, still_open } why = Why::none;
};

/// The verdict for a step after milestone `index`'s deadline and inside its open period.
TimingVerdict late_verdict(const Roadmap& roadmap, std::size_t index, bg::date date) noexcept {
  const Milestone& m = roadmap.milestones()[index];
  switch (m.deadline.late) {
    case LatePolicy::accept_flagged: return {CheckOutcome::pass(StepFlags{StepFlag::late}), index, TimingVerdict::Why::none};
    case LatePolicy::needs_waiver: {
      const auto& waived = roadmap.progress(index).waived;
      if (waived && *waived <= date) return {CheckOutcome::pass(StepFlags{StepFlag::waived}), index, TimingVerdict::Why::none};
      return {CheckOutcome::refuse(RefusalCode::needs_waiver), index, TimingVerdict::Why::late};
    }
    case LatePolicy::refuse: break;
  }
  return {CheckOutcome::refuse(RefusalCode::deadline_passed), index, TimingVerdict::Why::late};
}

/// The step's timings against the roadmap. `inside` timings are alternatives: on time in any of
/// them passes; otherwise the first milestone whose deadline passed with its open period still
/// running decides by its late policy; otherwise the step is outside (before the earliest opening,
/// or after the latest close). Then every `after_deadline` timing must find its milestone closed.
TimingVerdict timing_of(const Roadmap& roadmap, const std::vector<Timing>& timings, CommandKind kind,
                        std::uint16_t round_year, bg::date date) noexcept {
  const auto& milestones = roadmap.milestones();
  bool any = false;
  bool on_time = false;
  std::optional<std::size_t> late;
  std::optional<std::size_t> early;
  std::optional<std::size_t> closed;
  for (const Timing& t : timings) {
    if (t.step != kind || t.rule != TimingRule::inside) continue;
    const std::uint16_t year = year_for(t.milestones, round_year, date);
    for (std::size_t i = 0; i < milestones.size() && !on_time; ++i) {
      const Milestone& m = milestones[i];
      if (!selects(m, t.milestones, year)) continue;
      any = true;
      if (date < m.open_period.opens) {
        if (!early || m.open_period.opens < milestones[*early].open_period.opens) early = i;
      } else if (roadmap.days(i).on_time(date)) {
        on_time = true;
      } else if (date <= m.open_period.closes) {
        if (!late || i < *late) late = i;
      } else if (!closed || m.open_period.closes > milestones[*closed].open_period.closes) {
        closed = i;
      }
    }
  }
  TimingVerdict inside;
  if (any && !on_time) {
    if (late) {
      inside = late_verdict(roadmap, *late, date);
      if (inside.outcome.refused()) return inside;
    } else if (early) {
      return {CheckOutcome::refuse(RefusalCode::outside_window), *early, TimingVerdict::Why::early};
    } else {
      return {CheckOutcome::refuse(RefusalCode::outside_window), *closed, TimingVerdict::Why::closed};
    }
  }
  for (const Timing& t : timings) {
    if (t.step != kind || t.rule != TimingRule::after_deadline) continue;
    const std::uint16_t year = year_for(t.milestones, round_year, date);
    for (std::size_t i = 0; i < milestones.size(); ++i) {
      if (!selects(milestones[i], t.milestones, year)) continue;
      const MilestoneProgress& progress = roadmap.progress(i);
      const bool done = !roadmap.days(i).on_time(date) || (progress.completed && *progress.completed <= date) ||
                        (progress.waived && *progress.waived <= date);
      if (!done) return {CheckOutcome::refuse(RefusalCode::outside_window), i, TimingVerdict::Why::still_open};
    }
  }
  return inside;
}

TimingVerdict timing_of(const Step& step) noexcept {
  const PlanState& state = state_of(step);
  if (state.roadmap == nullptr) return {};
  return timing_of(*state.roadmap, step.workflow.procedure().timings, step.kind(), step.candidate.round_year,
                   step.event.date);
}

std::string quoted(const Milestone& m, Lang lang) { return "«" + m.title.in(lang) + "»"; }

}  // namespace

CheckOutcome timing_test(const Step& step) noexcept { return timing_of(step).outcome; }

bool timing_applies(const Procedure& procedure, CommandKind step) noexcept {
  return std::any_of(procedure.timings.begin(), procedure.timings.end(), [&](const Timing& t) { return t.step == step; });
}

Refusal timing_explain(const Step& step, RefusalCode code) {
  const TimingVerdict verdict = timing_of(step);
  const Roadmap& roadmap = *state_of(step).roadmap;
  const Milestone& m = roadmap.milestones()[verdict.milestone];
  Refusal refusal = refuse(code).with_subject(m.id);
  using Why = TimingVerdict::Why;
  switch (verdict.why) {
    case Why::late:
      refusal.with_reference(m.deadline.date);
      if (code == RefusalCode::needs_waiver) {
        refusal.with_detail(fmt::format("{} was due {}; the head of agency may allow the step after the deadline",
                                        quoted(m, Lang::en), describe(m.deadline, Lang::en)),
                            fmt::format("{} phải hoàn thành {}; Thủ trưởng cơ quan có thể cho phép thực hiện sau thời hạn",
                                        quoted(m, Lang::vi), describe(m.deadline, Lang::vi)));
      } else {
        refusal.with_detail(fmt::format("{} was due {} and the plan refuses late steps", quoted(m, Lang::en),
                                        describe(m.deadline, Lang::en)),
                            fmt::format("{} phải hoàn thành {}, kế hoạch không chấp nhận bước quá hạn", quoted(m, Lang::vi),
                                        describe(m.deadline, Lang::vi)));
      }
      break;
    case Why::early:
      refusal.with_reference(m.open_period.opens)
          .with_detail(fmt::format("{} opens on {}", quoted(m, Lang::en), format_date(m.open_period.opens, Lang::en)),
                       fmt::format("{} bắt đầu từ ngày {}", quoted(m, Lang::vi), format_date(m.open_period.opens, Lang::vi)));
      break;
    case Why::closed:
      refusal.with_reference(m.open_period.closes)
          .with_detail(fmt::format("{} closed on {}, late steps included", quoted(m, Lang::en),
                                   format_date(m.open_period.closes, Lang::en)),
                       fmt::format("{} đã kết thúc ngày {}, kể cả thời gian nhận bước quá hạn", quoted(m, Lang::vi),
                                   format_date(m.open_period.closes, Lang::vi)));
      break;
    case Why::still_open:
      refusal.with_reference(m.deadline.date)
          .with_detail(fmt::format("this step comes after {} closes ({})", quoted(m, Lang::en), describe(m.deadline, Lang::en)),
                       fmt::format("bước này thực hiện sau khi {} kết thúc ({})", quoted(m, Lang::vi),
                                   describe(m.deadline, Lang::vi)));
      break;
    case Why::none: break;
  }
  return refusal;
}

// ---------------------------------------------------------------------------------------------
// Quotas

namespace {

/// The first "at most" quota of the step that is full, with where it counts.
struct QuotaVerdict {
  bool full = false;
  std::size_t quota = 0;
  std::size_t milestone = 0;
  UnitId unit;
  std::uint32_t count = 0;
};

QuotaVerdict quota_of(const Step& step) noexcept {
  const PlanState& state = state_of(step);
  if (state.roadmap == nullptr || state.tally == nullptr) return {};
  const auto& quotas = step.workflow.procedure().quotas;
  for (std::size_t q = 0; q < quotas.size(); ++q) {
    const StepQuota& quota = quotas[q];
    if (quota.step != step.kind() || !quota.at_most) continue;
    const auto milestone = quota_milestone(*state.roadmap, quota, step.candidate.round_year, step.event.date);
    if (!milestone) continue;
    const UnitId unit = quota.scope == QuotaScope::per_unit ? step.unit : UnitId{};
    const std::uint32_t count = state.tally->count(q, unit, *milestone);
    if (count >= *quota.at_most) return {true, q, *milestone, unit, count};
  }
  return {};
}

}  // namespace

bool quota_applies(const Procedure& procedure, CommandKind step) noexcept {
  return std::any_of(procedure.quotas.begin(), procedure.quotas.end(),
                     [&](const StepQuota& q) { return q.step == step && q.at_most.has_value(); });
}

CheckOutcome quota_test(const Step& step) noexcept {
  return quota_of(step).full ? CheckOutcome::refuse(RefusalCode::quota_exceeded) : CheckOutcome::pass();
}

Refusal quota_explain(const Step& step, RefusalCode code) {
  const QuotaVerdict verdict = quota_of(step);
  const StepQuota& quota = step.workflow.procedure().quotas[verdict.quota];
  const Milestone& m = state_of(step).roadmap->milestones()[verdict.milestone];
  Refusal refusal = refuse(code).with_subject(m.id);
  if (quota.scope == QuotaScope::per_unit) {
    refusal.with_detail(fmt::format("unit {} already has {} of at most {} in «{}»", verdict.unit.value(), verdict.count,
                                    *quota.at_most, m.title.en),
                        fmt::format("đơn vị {} đã có {}/{} (tối đa {}) trong «{}»", verdict.unit.value(), verdict.count,
                                    *quota.at_most, *quota.at_most, m.title.vi));
  } else {
    refusal.with_detail(fmt::format("the agency already has {} of at most {} in «{}»", verdict.count, *quota.at_most, m.title.en),
                        fmt::format("cơ quan đã có {}/{} (tối đa {}) trong «{}»", verdict.count, *quota.at_most,
                                    *quota.at_most, m.title.vi));
  }
  return refusal;
}

// ---------------------------------------------------------------------------------------------
// Eligibility

namespace {

/// What the criteria say about a registration: passes (maybe with a warning), or why not.
struct EligibilityVerdict {
  CheckOutcome outcome;
  const Evidence* evidence = nullptr;
  const char* mismatch = nullptr;  ///< the evidence's field that differs from the candidate's
};

const char* mismatch_of(const Candidate& c, const Evidence& e) noexcept {
  if (e.subject != c.subject) return "subject";
  if (e.position != c.position) return "position";
  if (e.field != c.field) return "field";
  return nullptr;
}

EligibilityVerdict eligibility_of(const Step& step) noexcept {
  const PlanState& state = state_of(step);
  const GuardMode mode = step.workflow.procedure().registration;
  if (step.kind() != CommandKind::register_ || mode == GuardMode::council || state.profile == nullptr ||
      state.evidence == nullptr) {
    return {};
  }
  const Evidence* evidence = state.evidence->find(step.candidate.id);
  if (evidence == nullptr) return {CheckOutcome::refuse(RefusalCode::missing_prerequisite), nullptr, nullptr};
  if (const char* field = mismatch_of(step.candidate, *evidence)) {
    return {CheckOutcome::refuse(RefusalCode::invalid_argument), evidence, field};
  }
  auto evaluation = evaluate(*state.profile, *evidence, step.event.date);
  if (!evaluation) return {CheckOutcome::refuse(evaluation.error().code), evidence, nullptr};
  if (evaluation->verdict == Verdict::needs_council_judgement && !evaluation->carried_only_by_judgement().empty()) {
    // Counted rules failed: only the council's judgement can still carry the candidate (000 II.2.2b).
    return {CheckOutcome::pass(StepFlags{StepFlag::eligibility_warning}), evidence, nullptr};
  }
  if (evaluation->verdict != Verdict::not_eligible) return {CheckOutcome::pass(), evidence, nullptr};
  if (mode == GuardMode::soft) return {CheckOutcome::pass(StepFlags{StepFlag::eligibility_warning}), evidence, nullptr};
  return {CheckOutcome::refuse(RefusalCode::not_eligible), evidence, nullptr};
}

}  // namespace

CheckOutcome eligibility_test(const Step& step) noexcept { return eligibility_of(step).outcome; }

bool eligibility_applies(const Procedure& procedure, CommandKind step) noexcept {
  return step == CommandKind::register_ && procedure.registration != GuardMode::council;
}

Refusal eligibility_explain(const Step& step, RefusalCode code) {
  const EligibilityVerdict verdict = eligibility_of(step);
  if (verdict.evidence == nullptr) {
    return refuse(code).with_subject("evidence").with_detail(
        "the host has no evidence of the candidate's achievements to check the criteria",
        "chưa có hồ sơ thành tích của ứng viên để xét tiêu chuẩn");
  }
  if (verdict.mismatch != nullptr) {
    const std::string what = verdict.mismatch;
    const char* vi = what == "subject" ? "đối tượng" : what == "position" ? "chức vụ" : "lĩnh vực";
    return refuse(code)
        .with_subject("evidence " + what)
        .with_detail(fmt::format("the evidence's {} differs from the candidate's", what),
                     fmt::format("thông tin về {} trong hồ sơ thành tích khác với ứng viên", vi));
  }
  auto evaluation = evaluate(*state_of(step).profile, *verdict.evidence, step.event.date);
  if (!evaluation) return std::move(evaluation.error());
  std::string ids;
  std::string en;
  std::string vi;
  for (const RuleResult* r : evaluation->failures()) {
    const std::string_view sep = ids.empty() ? "" : "; ";
    if (!ids.empty()) ids += ", ";
    ids += r->rule->id;
    en += fmt::format("{}{} ({}): {}", sep, r->rule->title.en, r->rule->section, explain(*r, Lang::en));
    vi += fmt::format("{}{} ({}): {}", sep, r->rule->title.vi, r->rule->section, explain(*r, Lang::vi));
  }
  return refuse(code).with_subject(std::move(ids)).with_detail(std::move(en), std::move(vi));
}

}  // namespace exemplar::detail
