// The roadmap gate: which milestone a lifecycle step belongs to, and what its deadline says.
#include "exemplar/window.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, window_rule_count> window_rule_labels{{
    {"inside", "inside the milestone's window", "trong thời hạn của mốc"},
    {"after_deadline", "after the milestone's deadline", "sau khi mốc hết hạn"},
}};

constexpr std::array<Label, year_basis_count> year_basis_labels{{
    {"step_date", "the year of the step", "năm thực hiện bước"},
    {"candidate_round", "the candidate's round", "năm đăng ký của ứng viên"},
}};

std::string quoted(const Milestone& m, Lang lang) { return "«" + m.title.in(lang) + "»"; }

/// A refusal about step `kind` on `date`, naming milestone `m`.
Refusal about(RefusalCode code, const Milestone& m, CommandKind kind, Stage stage, bg::date date, bg::date reference) {
  return refuse(code).with_command(kind).with_stage(stage).with_date(date).with_subject(m.id).with_reference(reference);
}

/// The verdict for a step after milestone `index`'s deadline and inside its window.
GateVerdict late_verdict(const Roadmap& roadmap, std::size_t index, CommandKind kind, Stage stage, bg::date date) {
  const Milestone& m = roadmap.milestones()[index];
  GateVerdict verdict;
  switch (m.deadline.late) {
    case LatePolicy::accept_flagged:
      verdict.flags = flag_bit(StepFlag::late);
      return verdict;
    case LatePolicy::needs_waiver: {
      const auto& waived = roadmap.progress(index).waived;
      if (waived && *waived <= date) {
        verdict.flags = flag_bit(StepFlag::waived);
        return verdict;
      }
      verdict.refusal = about(RefusalCode::needs_waiver, m, kind, stage, date, m.deadline.date)
                            .with_detail(fmt::format("{} was due {}; the head of agency may waive the milestone",
                                                     quoted(m, Lang::en), describe(m.deadline, Lang::en)),
                                         fmt::format("{} phải hoàn thành {}; Thủ trưởng cơ quan có thể cho miễn mốc này",
                                                     quoted(m, Lang::vi), describe(m.deadline, Lang::vi)));
      return verdict;
    }
    case LatePolicy::refuse:
      break;
  }
  verdict.refusal = about(RefusalCode::deadline_passed, m, kind, stage, date, m.deadline.date)
                        .with_detail(fmt::format("{} was due {} and the plan refuses late steps", quoted(m, Lang::en),
                                                 describe(m.deadline, Lang::en)),
                                     fmt::format("{} phải hoàn thành {}, kế hoạch không chấp nhận bước quá hạn",
                                                 quoted(m, Lang::vi), describe(m.deadline, Lang::vi)));
  return verdict;
}

/// Steps tied `inside` several milestones: on time in any of them passes; otherwise the first one
/// whose deadline passed with its window still open decides; otherwise the step is outside.
GateVerdict inside_verdict(const Roadmap& roadmap, const std::vector<std::size_t>& indexes, CommandKind kind,
                           Stage stage, bg::date date) {
  std::optional<std::size_t> late;
  std::optional<std::size_t> early;
  std::optional<std::size_t> closed;
  for (std::size_t index : indexes) {
    const Milestone& m = roadmap.milestones()[index];
    if (date < m.window.opens) {
      if (!early || m.window.opens < roadmap.milestones()[*early].window.opens) early = index;
    } else if (roadmap.days(index).on_time(date)) {
      return GateVerdict{};
    } else if (date <= m.window.closes) {
      if (!late) late = index;
    } else if (!closed || m.window.closes > roadmap.milestones()[*closed].window.closes) {
      closed = index;
    }
  }
  if (late) return late_verdict(roadmap, *late, kind, stage, date);
  GateVerdict verdict;
  if (early) {
    const Milestone& m = roadmap.milestones()[*early];
    verdict.refusal = about(RefusalCode::outside_window, m, kind, stage, date, m.window.opens)
                          .with_detail(fmt::format("{} opens on {}", quoted(m, Lang::en), format_date(m.window.opens, Lang::en)),
                                       fmt::format("{} bắt đầu từ ngày {}", quoted(m, Lang::vi), format_date(m.window.opens, Lang::vi)));
  } else {
    const Milestone& m = roadmap.milestones()[*closed];
    verdict.refusal = about(RefusalCode::outside_window, m, kind, stage, date, m.window.closes)
                          .with_detail(fmt::format("{} closed on {}, late steps included", quoted(m, Lang::en),
                                                   format_date(m.window.closes, Lang::en)),
                                       fmt::format("{} đã kết thúc ngày {}, kể cả thời gian nhận bước quá hạn",
                                                   quoted(m, Lang::vi), format_date(m.window.closes, Lang::vi)));
  }
  return verdict;
}

}  // namespace

LabelTable label_table(WindowRule) noexcept { return LabelTable{window_rule_labels.data(), window_rule_labels.size()}; }
LabelTable label_table(YearBasis) noexcept { return LabelTable{year_basis_labels.data(), year_basis_labels.size()}; }

std::vector<StepWindow> default_step_windows() {
  return {
      {CommandKind::register_, MilestoneKind::registration, WindowRule::inside, YearBasis::step_date},
      {CommandKind::review, MilestoneKind::registration, WindowRule::after_deadline, YearBasis::candidate_round},
      {CommandKind::commend, MilestoneKind::six_month_review, WindowRule::inside, YearBasis::candidate_round},
      {CommandKind::commend, MilestoneKind::year_end_review, WindowRule::inside, YearBasis::candidate_round},
      {CommandKind::nominate, MilestoneKind::send_up, WindowRule::inside, YearBasis::step_date},
  };
}

GateVerdict check_window(const Roadmap& roadmap, const std::vector<StepWindow>& windows, CommandKind kind,
                         std::uint16_t round_year, Stage stage, bg::date date) {
  GateVerdict verdict;
  if (auto bad = check_date(date)) {
    verdict.refusal = std::move(bad->with_command(kind).with_stage(stage));
    return verdict;
  }
  const auto year_of = [&](YearBasis basis) {
    return basis == YearBasis::candidate_round && round_year != 0 ? round_year : static_cast<std::uint16_t>(date.year());
  };

  std::vector<std::size_t> inside;
  for (const StepWindow& window : windows) {
    if (window.step != kind || window.rule != WindowRule::inside) continue;
    for (std::size_t index : roadmap.indexes_of(window.milestone, year_of(window.year))) inside.push_back(index);
  }
  std::sort(inside.begin(), inside.end());
  inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
  if (!inside.empty()) {
    verdict = inside_verdict(roadmap, inside, kind, stage, date);
    if (verdict.refusal) return verdict;
  }

  for (const StepWindow& window : windows) {
    if (window.step != kind || window.rule != WindowRule::after_deadline) continue;
    for (std::size_t index : roadmap.indexes_of(window.milestone, year_of(window.year))) {
      const Milestone& m = roadmap.milestones()[index];
      const MilestoneProgress& progress = roadmap.progress(index);
      const bool closed = !roadmap.days(index).on_time(date) || (progress.completed && *progress.completed <= date) ||
                          (progress.waived && *progress.waived <= date);
      if (closed) continue;
      verdict.flags = 0;
      verdict.refusal = about(RefusalCode::outside_window, m, kind, stage, date, m.deadline.date)
                            .with_detail(fmt::format("this step comes after {} closes ({})", quoted(m, Lang::en),
                                                     describe(m.deadline, Lang::en)),
                                         fmt::format("bước này thực hiện sau khi {} kết thúc ({})", quoted(m, Lang::vi),
                                                     describe(m.deadline, Lang::vi)));
      return verdict;
    }
  }
  return verdict;
}

RoadmapGate::RoadmapGate(const Roadmap& roadmap, std::vector<StepWindow> windows)
    : roadmap_(&roadmap), windows_(std::move(windows)) {}

GateVerdict RoadmapGate::check(const GateQuery& query) const {
  return check_window(*roadmap_, windows_, query.kind, query.candidate.round_year, query.candidate.stage, query.date);
}

}  // namespace exemplar
