// A plan's procedure: its defaults, its checks when it is loaded, and its table.
#include "exemplar/procedure.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "exemplar/lifecycle.hpp"
#include "pipeline.hpp"

namespace exemplar {
namespace {

constexpr std::array<Label, year_basis_count> year_basis_labels{{
    {"step_date", "the year of the step", "năm thực hiện bước"},
    {"candidate_round", "the candidate's round", "năm đăng ký của ứng viên"},
}};

constexpr std::array<Label, timing_rule_count> timing_rule_labels{{
    {"inside", "inside the milestone's open period", "trong thời hạn của mốc"},
    {"after_deadline", "after the milestone's deadline", "sau khi mốc hết hạn"},
}};

constexpr std::array<Label, quota_scope_count> quota_scope_labels{{
    {"per_unit", "each unit", "mỗi đơn vị"},
    {"agency", "the whole agency", "toàn cơ quan"},
}};

constexpr std::array<Label, guard_mode_count> guard_mode_labels{{
    {"hard", "registering needs the criteria met", "đăng ký phải đạt tiêu chuẩn"},
    {"soft", "registering warns when the criteria are not met", "đăng ký được, có cảnh báo khi chưa đạt tiêu chuẩn"},
    {"council", "the council judges the criteria at review", "Hội đồng xem xét tiêu chuẩn khi bình xét"},
}};

tl::unexpected<Refusal> bad(std::string path, std::string en, std::string vi) {
  return tl::make_unexpected(refuse(RefusalCode::invalid_argument).with_subject(std::move(path)).with_detail(std::move(en), std::move(vi)));
}

std::string at(const char* list, std::size_t index, const char* part = nullptr) {
  return part == nullptr ? fmt::format("{}/{}", list, index) : fmt::format("{}/{}/{}", list, index, part);
}

template <class E, class Bits>
[[nodiscard]] bool known_bits(EnumSet<E, Bits> set) noexcept {
  const std::size_t count = label_table(E{}).size;
  return count >= sizeof(Bits) * 8 || (set.bits() >> count) == 0;
}

tl::expected<void, Refusal> validate_selector(const MilestoneSelector& s, const std::string& path) {
  if (!is_known(s.kind)) return bad(path + "/kind", "unknown milestone kind", "loại mốc không xác định");
  if (!is_known(s.year)) return bad(path + "/year", "unknown year basis", "cách xác định năm không xác định");
  if (s.id.size() > max_milestone_id_bytes) {
    return bad(path + "/id", fmt::format("a milestone id has at most {} bytes", max_milestone_id_bytes),
               fmt::format("mã mốc dài tối đa {} byte", max_milestone_id_bytes));
  }
  return {};
}

/// The stages the procedure's steps reach from `initial`.
StageSet reachable(const std::vector<LifecycleRow>& rows) {
  StageSet reached{Stage::initial};
  for (bool grew = true; grew;) {
    grew = false;
    for (const LifecycleRow& row : rows) {
      if (reached.contains(row.from) && !reached.contains(row.to)) {
        reached = reached.with(row.to);
        grew = true;
      }
    }
  }
  return reached;
}

}  // namespace

LabelTable label_table(YearBasis) noexcept { return LabelTable{year_basis_labels.data(), year_basis_labels.size()}; }
LabelTable label_table(TimingRule) noexcept { return LabelTable{timing_rule_labels.data(), timing_rule_labels.size()}; }
LabelTable label_table(QuotaScope) noexcept { return LabelTable{quota_scope_labels.data(), quota_scope_labels.size()}; }
LabelTable label_table(GuardMode) noexcept { return LabelTable{guard_mode_labels.data(), guard_mode_labels.size()}; }

bool operator==(const Procedure& a, const Procedure& b) {
  const auto same_grants = std::equal(a.grants.begin(), a.grants.end(), b.grants.begin(), b.grants.end(),
                                      [](const Grant& x, const Grant& y) {
                                        return x.command == y.command && x.role == y.role && x.scope == y.scope &&
                                               x.stages == y.stages && x.levels == y.levels;
                                      });
  return a.steps == b.steps && a.arrows == b.arrows && same_grants && a.awards == b.awards && a.council == b.council &&
         a.timings == b.timings && a.quotas == b.quotas && a.registration == b.registration;
}

std::vector<AwardPower> default_award_powers() {
  using A = Award;
  return {
      {Role::agency_head, {A::public_commendation, A::agency_certificate},
       {A::provincial_certificate, A::ministry_certificate, A::prime_minister_certificate}},
      {Role::provincial_board, {A::public_commendation, A::provincial_certificate},
       {A::ministry_certificate, A::prime_minister_certificate}},
  };
}

std::vector<Timing> default_timings() {
  using K = MilestoneKind;
  return {
      {CommandKind::register_, TimingRule::inside, {K::registration, YearBasis::step_date, {}}},
      {CommandKind::review, TimingRule::after_deadline, {K::registration, YearBasis::candidate_round, {}}},
      {CommandKind::commend, TimingRule::inside, {K::six_month_review, YearBasis::candidate_round, {}}},
      {CommandKind::commend, TimingRule::inside, {K::year_end_review, YearBasis::candidate_round, {}}},
      {CommandKind::nominate, TimingRule::inside, {K::send_up, YearBasis::step_date, {}}},
  };
}

Procedure default_procedure() {
  Procedure procedure;
  procedure.grants = Policy::defaults().grants();
  procedure.awards = default_award_powers();
  procedure.timings = default_timings();
  return procedure;
}

tl::expected<void, Refusal> validate(const Procedure& p) {
  if (!known_bits(p.steps)) return bad("steps", "a step is not one the library knows", "có bước không xác định");
  if (!p.steps.contains(CommandKind::discover)) {
    return bad("steps", "a plan without discovery can never start a candidate", "kế hoạch không có bước phát hiện thì không có ứng viên nào");
  }
  for (std::size_t i = 0; i < p.grants.size(); ++i) {
    const Grant& g = p.grants[i];
    if (!is_known(g.command)) return bad(at("grants", i, "command"), "unknown step", "bước không xác định");
    if (!is_known(g.role)) return bad(at("grants", i, "role"), "unknown role", "vai trò không xác định");
    if (!is_known(g.scope)) return bad(at("grants", i, "scope"), "unknown scope", "phạm vi không xác định");
    if (!known_bits(g.stages)) return bad(at("grants", i, "stages"), "unknown stage", "trạng thái không xác định");
    if (!known_bits(g.levels)) return bad(at("grants", i, "levels"), "unknown level", "cấp không xác định");
  }
  for (CommandKind step : all_values<CommandKind>()) {
    if (!p.steps.contains(step)) continue;
    const bool granted = std::any_of(p.grants.begin(), p.grants.end(), [&](const Grant& g) {
      return g.command == step && !g.stages.empty() && !g.levels.empty();
    });
    if (!granted) {
      return bad("steps", fmt::format("the plan uses the step '{}' but grants it to no role", identifier(step)),
                 fmt::format("kế hoạch có bước «{}» nhưng không giao cho vai trò nào", label(step, Lang::vi)));
    }
  }
  for (std::size_t i = 0; i < p.arrows.size(); ++i) {
    const Arrow& a = p.arrows[i];
    if (!is_known(a.from)) return bad(at("arrows", i, "from"), "unknown stage", "trạng thái không xác định");
    if (!is_known(a.to)) return bad(at("arrows", i, "to"), "unknown stage", "trạng thái không xác định");
    if (!is_known(a.command)) return bad(at("arrows", i, "command"), "unknown step", "bước không xác định");
    if (is_terminal(a.from)) {
      return bad(at("arrows", i, "from"), fmt::format("'{}' is a final stage: no step leaves it", identifier(a.from)),
                 fmt::format("«{}» là trạng thái kết thúc, không có bước nào tiếp theo", label(a.from, Lang::vi)));
    }
    if (a.to == Stage::initial) {
      return bad(at("arrows", i, "to"), "no step leads back to before discovery", "không bước nào quay về trước khi phát hiện");
    }
    if (!p.steps.contains(a.command)) {
      return bad(at("arrows", i, "command"), fmt::format("the plan does not use the step '{}'", identifier(a.command)),
                 fmt::format("kế hoạch không có bước «{}»", label(a.command, Lang::vi)));
    }
    if (!a.guard.empty() && find_guard(a.guard) == nullptr) {
      std::string known;
      for (const NamedGuard& g : named_guards()) known += (known.empty() ? "" : ", ") + std::string(g.name);
      return bad(at("arrows", i, "guard"), fmt::format("'{}' is not a guard; the guards are {}", a.guard, known),
                 fmt::format("«{}» không phải điều kiện đã biết; các điều kiện: {}", a.guard, known));
    }
  }
  const std::vector<LifecycleRow> rows = detail::procedure_rows(p);
  if (LifecycleTable::check(rows.data(), rows.size()) != fsm::TableProblem::none) {
    return bad("arrows", "the plan's table has too many rows", "bảng trạng thái của kế hoạch có quá nhiều dòng");
  }
  const StageSet reached = reachable(rows);
  for (std::size_t i = 0; i < p.arrows.size(); ++i) {
    if (!reached.contains(p.arrows[i].from)) {
      return bad(at("arrows", i, "from"),
                 fmt::format("no step of the plan reaches '{}', so this arrow can never be taken", identifier(p.arrows[i].from)),
                 fmt::format("không bước nào của kế hoạch dẫn tới «{}», nên bước này không bao giờ thực hiện được",
                             label(p.arrows[i].from, Lang::vi)));
    }
  }
  for (const LifecycleRow& row : rows) {
    if (!reached.contains(row.from)) {
      return bad("steps",
                 fmt::format("no step of the plan reaches '{}', so '{}' from there can never be taken", identifier(row.from),
                             identifier(row.event)),
                 fmt::format("không bước nào của kế hoạch dẫn tới «{}», nên bước «{}» không bao giờ thực hiện được",
                             label(row.from, Lang::vi), label(row.event, Lang::vi)));
    }
  }
  for (std::size_t i = 0; i < p.awards.size(); ++i) {
    const AwardPower& power = p.awards[i];
    if (!is_known(power.role)) {
      return bad(at("awards", i, "role"), "an award power names a role the library does not know",
                 "thẩm quyền khen thưởng nêu vai trò không xác định");
    }
    if (!known_bits(power.grants)) return bad(at("awards", i, "grants"), "unknown form of award", "hình thức khen thưởng không xác định");
    if (!known_bits(power.proposes)) {
      return bad(at("awards", i, "proposes"), "unknown form of award", "hình thức khen thưởng không xác định");
    }
    if ((power.grants.bits() & power.proposes.bits()) != 0) {
      return bad(at("awards", i, "proposes"), "an award is either granted or proposed upward, not both",
                 "một hình thức khen thưởng chỉ được tặng hoặc đề nghị cấp trên, không phải cả hai");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (p.awards[j].role == power.role) {
        return bad(at("awards", i, "role"), fmt::format("the role '{}' is listed twice", identifier(power.role)),
                   fmt::format("vai trò «{}» bị liệt kê hai lần", label(power.role, Lang::vi)));
      }
    }
  }
  if (auto council = validate(p.council); !council) {
    Refusal refusal = std::move(council.error());
    refusal.subject = "council/" + refusal.subject;
    return tl::make_unexpected(std::move(refusal));
  }
  for (std::size_t i = 0; i < p.timings.size(); ++i) {
    const Timing& t = p.timings[i];
    if (!is_known(t.step)) return bad(at("timings", i, "step"), "unknown step", "bước không xác định");
    if (!is_known(t.rule)) return bad(at("timings", i, "rule"), "unknown timing rule", "quy tắc thời hạn không xác định");
    if (auto ok = validate_selector(t.milestones, at("timings", i, "milestones")); !ok) return ok;
  }
  for (std::size_t i = 0; i < p.quotas.size(); ++i) {
    const StepQuota& q = p.quotas[i];
    if (!is_known(q.step)) return bad(at("quotas", i, "step"), "unknown step", "bước không xác định");
    if (!is_known(q.scope)) return bad(at("quotas", i, "scope"), "unknown scope", "phạm vi không xác định");
    if (auto ok = validate_selector(q.milestones, at("quotas", i, "milestones")); !ok) return ok;
    if (!q.at_least && !q.at_most) {
      return bad(at("quotas", i), "a quota says at least or at most how many", "chỉ tiêu phải nêu số lượng tối thiểu hoặc tối đa");
    }
    if (q.at_least && *q.at_least == 0) {
      return bad(at("quotas", i, "at_least"), "a quota of at least 0 asks nothing", "chỉ tiêu tối thiểu 0 không có ý nghĩa");
    }
    if (q.at_most && *q.at_most == 0) {
      return bad(at("quotas", i, "at_most"), "a quota of at most 0 allows nobody", "chỉ tiêu tối đa 0 không cho phép ai");
    }
    if (q.at_least && q.at_most && *q.at_least > *q.at_most) {
      return bad(at("quotas", i, "at_least"), fmt::format("at least {} is more than at most {}", *q.at_least, *q.at_most),
                 fmt::format("tối thiểu {} lớn hơn tối đa {}", *q.at_least, *q.at_most));
    }
  }
  if (!is_known(p.registration)) return bad("registration", "unknown registration guard", "chế độ kiểm tra đăng ký không xác định");
  return {};
}

namespace detail {

std::vector<LifecycleRow> procedure_rows(const Procedure& procedure) {
  std::vector<LifecycleRow> rows;
  for (const LifecycleRow& row : lifecycle_table.rows()) {
    if (procedure.steps.contains(row.event)) rows.push_back(row);
  }
  for (const Arrow& arrow : procedure.arrows) {
    const NamedGuard* guard = arrow.guard.empty() ? nullptr : find_guard(arrow.guard);
    const LifecycleRow row{arrow.from, arrow.command, arrow.to, guard ? guard->guard : nullptr,
                           guard ? guard->name : std::string_view{}, guard ? guard->explain : nullptr};
    const auto last = std::find_if(rows.rbegin(), rows.rend(), [&](const LifecycleRow& r) {
      return r.from == arrow.from && r.event == arrow.command;
    });
    rows.insert(last == rows.rend() ? rows.end() : last.base(), row);
  }
  return rows;
}

}  // namespace detail
}  // namespace exemplar
