// The registration guard: evaluate the plan's profile and turn the verdict into a gate verdict.
#include "exemplar/eligibility.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

namespace exemplar {
namespace {

constexpr std::array<Label, guard_mode_count> guard_mode_labels{{
    {"hard", "registering needs the criteria met", "đăng ký phải đạt tiêu chuẩn"},
    {"soft", "registering warns when the criteria are not met", "đăng ký được, có cảnh báo khi chưa đạt tiêu chuẩn"},
    {"council", "the council judges the criteria at review", "Hội đồng xem xét tiêu chuẩn khi bình xét"},
}};

GateVerdict refused(Refusal refusal, const GateQuery& q) {
  refusal.command = q.kind;
  refusal.stage = q.candidate.stage;
  if (!refusal.date) refusal.date = q.date;
  return GateVerdict{std::move(refusal), 0};
}

/// The evidence must describe the candidate the lifecycle knows.
std::optional<Refusal> mismatch(const Candidate& c, const Evidence& e) {
  const char* what = nullptr;
  if (e.subject != c.subject) {
    what = "subject";
  } else if (e.position != c.position) {
    what = "position";
  } else if (e.field != c.field) {
    what = "field";
  }
  if (what == nullptr) return std::nullopt;
  return refuse(RefusalCode::invalid_argument)
      .with_subject(fmt::format("evidence {}", what))
      .with_detail(fmt::format("the evidence's {} differs from the candidate's", what),
                   fmt::format("thông tin về {} trong hồ sơ thành tích khác với ứng viên",
                               what[0] == 's' ? "đối tượng" : what[0] == 'p' ? "chức vụ" : "lĩnh vực"));
}

Refusal not_eligible(const Evaluation& evaluation) {
  std::string ids;
  std::string en;
  std::string vi;
  for (const RuleResult* r : evaluation.failures()) {
    const std::string_view sep = ids.empty() ? "" : "; ";
    if (!ids.empty()) ids += ", ";
    ids += r->rule->id;
    en += fmt::format("{}{} ({}): {}", sep, r->rule->title.en, r->rule->section, explain(*r, Lang::en));
    vi += fmt::format("{}{} ({}): {}", sep, r->rule->title.vi, r->rule->section, explain(*r, Lang::vi));
  }
  return refuse(RefusalCode::not_eligible).with_subject(std::move(ids)).with_detail(std::move(en), std::move(vi));
}

}  // namespace

LabelTable label_table(GuardMode) noexcept { return LabelTable{guard_mode_labels.data(), guard_mode_labels.size()}; }

GateVerdict EligibilityGate::check(const GateQuery& query) const {
  if (query.kind != CommandKind::register_ || mode_ == GuardMode::council) return GateVerdict{};
  const Evidence* evidence = source_->find(query.candidate.id);
  if (evidence == nullptr) {
    return refused(refuse(RefusalCode::missing_prerequisite)
                       .with_subject("evidence")
                       .with_detail("the host has no evidence of the candidate's achievements to check the criteria",
                                    "chưa có hồ sơ thành tích của ứng viên để xét tiêu chuẩn"),
                   query);
  }
  if (auto bad = mismatch(query.candidate, *evidence)) return refused(std::move(*bad), query);
  auto evaluation = evaluate(*profile_, *evidence, query.date);
  if (!evaluation) return refused(std::move(evaluation.error()), query);
  if (evaluation->verdict != Verdict::not_eligible) return GateVerdict{};
  if (mode_ == GuardMode::soft) return GateVerdict{std::nullopt, flag_bit(StepFlag::eligibility_warning)};
  return refused(not_eligible(*evaluation), query);
}

}  // namespace exemplar
