// The built-in plans, plan validation, the quota tally, and a plan wired to the lifecycle.
#include "exemplar/plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "exemplar/profiles.hpp"
#include "exemplar/timetables.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, quota_state_count> quota_state_labels{{
    {"open", "open", "đang thực hiện"},
    {"met", "met", "đã đạt"},
    {"short", "short", "chưa đủ"},
    {"full", "full", "đã đủ số lượng tối đa"},
}};

tl::unexpected<Refusal> plan_error(std::string subject, std::string en, std::string vi) {
  return tl::make_unexpected(
      refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi)));
}

/// Puts a part's refusal under the plan part it came from, keeping its own facts.
tl::unexpected<Refusal> within(const std::string& part, Refusal refusal) {
  refusal.subject = refusal.subject.empty() ? part : part + "/" + refusal.subject;
  return tl::make_unexpected(std::move(refusal));
}

/// A selector's milestone id names a milestone of the roadmap, of the kind the selector says.
tl::expected<void, Refusal> check_reference(const RoadmapSpec& roadmap, const MilestoneSelector& s, const std::string& path) {
  if (s.id.empty()) return {};
  const auto found = std::find_if(roadmap.milestones.begin(), roadmap.milestones.end(),
                                  [&](const Milestone& m) { return m.id == s.id; });
  if (found == roadmap.milestones.end()) {
    return plan_error(path + "/id", fmt::format("the roadmap has no milestone '{}'", s.id),
                      fmt::format("lộ trình không có mốc «{}»", s.id));
  }
  if (found->kind != s.kind) {
    return plan_error(path + "/kind", fmt::format("the milestone '{}' is a {}, not a {}", s.id, identifier(found->kind), identifier(s.kind)),
                      fmt::format("mốc «{}» là {}, không phải {}", s.id, label(found->kind, Lang::vi), label(s.kind, Lang::vi)));
  }
  return {};
}

Plan assemble(std::string id, Text title, std::string seed, const Roadmap& roadmap, Profile profile, Procedure procedure) {
  Plan plan;
  plan.id = std::move(id);
  plan.title = std::move(title);
  plan.seed = std::move(seed);
  plan.roadmap = roadmap.spec();
  plan.profile = std::move(profile);
  plan.procedure = std::move(procedure);
  return plan;
}

/// The default procedure with the plan's registration guard.
Procedure guarded(GuardMode registration) {
  Procedure procedure = default_procedure();
  procedure.registration = registration;
  return procedure;
}

Timing timing(CommandKind step, TimingRule rule, MilestoneKind kind, YearBasis year) {
  return Timing{step, rule, MilestoneSelector{kind, year, {}}};
}

/// A step tied to one dated milestone of the roadmap, of kind `kind`.
Timing at_event(CommandKind step, MilestoneKind kind, std::string milestone) {
  return Timing{step, TimingRule::inside, MilestoneSelector{kind, YearBasis::step_date, std::move(milestone)}};
}

}  // namespace

LabelTable label_table(QuotaState) noexcept { return LabelTable{quota_state_labels.data(), quota_state_labels.size()}; }

tl::expected<void, Refusal> validate(const Plan& plan) {
  if (plan.id.empty()) return plan_error("id", "a plan needs an id", "kế hoạch phải có mã");
  if (plan.title.en.empty() || plan.title.vi.empty()) {
    return plan_error("title", "a plan needs a title in English and Vietnamese", "kế hoạch phải có tên tiếng Anh và tiếng Việt");
  }
  if (auto roadmap = Roadmap::make(plan.roadmap); !roadmap) return within("roadmap", std::move(roadmap.error()));
  if (auto profile = validate(plan.profile); !profile) return within("profile", std::move(profile.error()));
  if (auto procedure = validate(plan.procedure); !procedure) return within("procedure", std::move(procedure.error()));
  const Procedure& p = plan.procedure;
  for (std::size_t i = 0; i < p.timings.size(); ++i) {
    if (auto ok = check_reference(plan.roadmap, p.timings[i].milestones, fmt::format("procedure/timings/{}/milestones", i)); !ok) {
      return ok;
    }
  }
  for (std::size_t i = 0; i < p.quotas.size(); ++i) {
    if (auto ok = check_reference(plan.roadmap, p.quotas[i].milestones, fmt::format("procedure/quotas/{}/milestones", i)); !ok) {
      return ok;
    }
  }
  return {};
}

namespace plans {

Plan hatinh_inspectorate_2021_2025() {
  // Counted criteria (000 II.2) with the council deliberating: registration warns, never blocks.
  return assemble("hatinh-inspectorate-2021-2025",
                  Text{"Hà Tĩnh provincial Inspectorate: building and replicating advanced exemplars, 2021-2025",
                       "Thanh tra tỉnh Hà Tĩnh: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                  "000", timetables::hatinh_inspectorate_2021_2025(), profiles::hatinh_inspectorate_2021_2025(),
                  guarded(GuardMode::soft));
}

Plan inspectorate_2021() {
  // 001 states no counts: "new factors that meet many criteria" are for the council to judge.
  // II.2: units register «trong quá trình triển khai thực hiện» — all year, with no deadline, so
  // neither registration nor the review that follows it waits for a date.
  Procedure procedure = guarded(GuardMode::council);
  // II.2: «lãnh đạo các phòng và Ban lãnh đạo cơ quan chủ động, phát hiện, lựa chọn»: the agency's
  // leadership discovers too, in any unit.
  procedure.grants.push_back(Grant{CommandKind::discover, Role::agency_head, Scope::any_unit, {Stage::initial},
                                   {Level::unit, Level::agency}});
  procedure.timings = {
      timing(CommandKind::commend, TimingRule::inside, MilestoneKind::six_month_review, YearBasis::candidate_round),
      timing(CommandKind::commend, TimingRule::inside, MilestoneKind::year_end_review, YearBasis::candidate_round),
  };
  return assemble("inspectorate-2021",
                  Text{"Provincial Inspectorate: outstanding models and advanced exemplars, 2021",
                       "Thanh tra tỉnh: xây dựng, bồi dưỡng, nhân rộng mô hình tiêu biểu và điển hình tiên tiến xuất sắc năm 2021"},
                  "001", timetables::provincial_inspectorate_2021(), profiles::inspectorate_2021(), std::move(procedure));
}

Plan quangbinh_office_2021_2025() {
  // 002's criteria are qualitative (II.1-3): the council judges. Exemplars are honoured at each
  // year-end review (III.1.2), at the preliminary review in Q2 2023 (III.1.3 «biểu dương khen
  // thưởng trong Quý II năm 2023») and at the five-year exemplar conference in Q1 2025 (III.1.4).
  Procedure procedure = guarded(GuardMode::council);
  procedure.timings.push_back(at_event(CommandKind::commend, MilestoneKind::midterm_review, "midterm-review-2023"));
  procedure.timings.push_back(at_event(CommandKind::commend, MilestoneKind::exemplar_conference, "exemplar-conference-2025"));
  return assemble("quangbinh-office-2021-2025",
                  Text{"Quảng Bình Provincial People's Committee Office: building and replicating advanced exemplars, 2021-2025",
                       "Văn phòng UBND tỉnh Quảng Bình: xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                  "002", timetables::quangbinh_ppc_office_2021_2025(), profiles::quangbinh_office_2021_2025(),
                  std::move(procedure));
}

Plan hatinh_industry_trade_2021_2025() {
  // 003 counts by position (III.2) but registers in March 2021, before the period's years are
  // rated: a hard guard would refuse everyone, so registration warns.
  Procedure procedure = guarded(GuardMode::soft);
  // IV.1: the Office puts the registrations to the council, which selects 4 to 5 that the Office
  // sends to the provincial board: straight from the council's selection, with no agency
  // recognition or commendation in between.
  procedure.arrows.push_back(Arrow{Stage::reviewed, CommandKind::nominate, Stage::registered, "has_higher_level"});
  procedure.grants.push_back(Grant{CommandKind::nominate, Role::secretariat, Scope::any_unit, {Stage::reviewed},
                                   {Level::unit, Level::agency}});
  // IV.1: each division registers «01 hoặc 02» before 25/3/2021; the council sends «04 đến 05» up
  // before 30/3/2021.
  const MilestoneSelector registration{MilestoneKind::registration, YearBasis::step_date, {}};
  const MilestoneSelector send_up{MilestoneKind::send_up, YearBasis::step_date, {}};
  procedure.quotas.push_back(StepQuota{CommandKind::register_, registration, QuotaScope::per_unit, 1, 2});
  procedure.quotas.push_back(StepQuota{CommandKind::nominate, send_up, QuotaScope::agency, 4, 5});
  return assemble("hatinh-industry-trade-2021-2025",
                  Text{"Hà Tĩnh Department of Industry and Trade: building, fostering and replicating advanced exemplars, 2021-2025",
                       "Sở Công Thương Hà Tĩnh: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                  "003", timetables::hatinh_industry_trade_2021_2025(), profiles::hatinh_industry_trade_2021_2025(),
                  std::move(procedure));
}

Plan langson_inspectorate_2025() {
  // 004 III.1 counts for collectives; individuals are judged. Registration warns.
  Procedure procedure = guarded(GuardMode::soft);
  // IV.1: «mỗi phòng ít nhất từ 01 gương điển hình tiên tiến» in the first quarter.
  procedure.quotas.push_back(StepQuota{CommandKind::register_, MilestoneSelector{MilestoneKind::registration, YearBasis::step_date, {}},
                                       QuotaScope::per_unit, 1, std::nullopt});
  return assemble("langson-inspectorate-2025",
                  Text{"Lạng Sơn provincial Inspectorate: fostering and replicating advanced exemplars, 2025",
                       "Thanh tra tỉnh Lạng Sơn: bồi dưỡng và nhân rộng điển hình tiên tiến năm 2025"},
                  "004", timetables::langson_inspectorate_2025(), profiles::langson_inspectorate_2025(), std::move(procedure));
}

std::vector<std::string_view> ids() {
  return {"hatinh-inspectorate-2021-2025", "inspectorate-2021", "quangbinh-office-2021-2025",
          "hatinh-industry-trade-2021-2025", "langson-inspectorate-2025"};
}

std::vector<Plan> all() {
  return {hatinh_inspectorate_2021_2025(), inspectorate_2021(), quangbinh_office_2021_2025(),
          hatinh_industry_trade_2021_2025(), langson_inspectorate_2025()};
}

tl::expected<Plan, Refusal> find(std::string_view id) {
  using Maker = Plan (*)();
  static constexpr std::array<Maker, 5> makers{&hatinh_inspectorate_2021_2025, &inspectorate_2021, &quangbinh_office_2021_2025,
                                               &hatinh_industry_trade_2021_2025, &langson_inspectorate_2025};
  const std::vector<std::string_view> known = ids();
  for (std::size_t i = 0; i < known.size(); ++i) {
    if (known[i] == id) return makers[i]();
  }
  std::string list;
  for (std::string_view each : known) list += (list.empty() ? "" : ", ") + std::string(each);
  return plan_error("plan id", "no built-in plan is called '" + std::string(id) + "'; there are " + list,
                    "không có kế hoạch «" + std::string(id) + "»; các kế hoạch có sẵn: " + list);
}

}  // namespace plans

std::optional<std::size_t> quota_milestone(const Roadmap& roadmap, const StepQuota& quota, std::uint16_t round_year,
                                           bg::date date) noexcept {
  if (date.is_special()) return std::nullopt;
  const MilestoneSelector& s = quota.milestones;
  const auto year = s.year == YearBasis::candidate_round && round_year != 0 ? round_year : static_cast<std::uint16_t>(date.year());
  const auto& milestones = roadmap.milestones();
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& m = milestones[i];
    const bool picked = m.year == year && (s.id.empty() ? m.kind == s.kind : m.id == s.id);
    if (picked && m.open_period.opens <= date && date <= m.open_period.closes) return i;
  }
  return std::nullopt;
}

std::uint64_t QuotaTally::key(std::size_t quota, UnitId unit, std::size_t milestone) noexcept {
  return (static_cast<std::uint64_t>(quota & 0xFFU) << 56U) | (static_cast<std::uint64_t>(milestone & 0xFFFFFFU) << 32U) |
         unit.value();
}

void QuotaTally::record(const Event& event, const Candidate& before) {
  if (event.kind() == CommandKind::withdraw) {
    const auto held = held_.find(event.candidate);
    if (held == held_.end()) return;
    for (std::uint64_t each : held->second) {
      auto& count = counts_[each];
      if (count > 0) --count;
    }
    held_.erase(held);
    return;
  }
  const auto& quotas = procedure_->quotas;
  for (std::size_t q = 0; q < quotas.size(); ++q) {
    const StepQuota& quota = quotas[q];
    if (quota.step != event.kind()) continue;
    const auto milestone = quota_milestone(*roadmap_, quota, before.round_year, event.date);
    if (!milestone) continue;
    const auto* discovered = std::get_if<events::Discovered>(&event.data);
    const UnitId unit = quota.scope == QuotaScope::agency ? UnitId{} : discovered != nullptr ? discovered->unit : before.unit;
    const std::uint64_t at = key(q, unit, *milestone);
    ++counts_[at];
    held_[event.candidate].push_back(at);
  }
}

std::uint32_t QuotaTally::count(std::size_t quota, UnitId unit, std::size_t milestone) const noexcept {
  const auto found = counts_.find(key(quota, unit, milestone));
  return found == counts_.end() ? 0 : found->second;
}

std::string QuotaStanding::message(const Plan& plan, Lang lang) const {
  const StepQuota& q = plan.procedure.quotas.at(quota);
  const bool vi = lang == Lang::vi;
  std::string asked;
  if (q.at_least && q.at_most) {
    asked = vi ? fmt::format("từ {} đến {}", *q.at_least, *q.at_most) : fmt::format("{} to {}", *q.at_least, *q.at_most);
  } else if (q.at_least) {
    asked = vi ? fmt::format("ít nhất {}", *q.at_least) : fmt::format("at least {}", *q.at_least);
  } else {
    asked = vi ? fmt::format("tối đa {}", *q.at_most) : fmt::format("at most {}", *q.at_most);
  }
  const std::string who = unit.valid() ? fmt::format(vi ? "Đơn vị {}" : "Unit {}", unit.value()) : std::string(vi ? "Cơ quan" : "The agency");
  const auto found = std::find_if(plan.roadmap.milestones.begin(), plan.roadmap.milestones.end(),
                                  [&](const Milestone& m) { return m.id == milestone; });
  const std::string title = found == plan.roadmap.milestones.end() ? milestone : found->title.in(lang);
  return vi ? fmt::format("{}: {} lần {} trong mốc «{}», kế hoạch yêu cầu {}: {}", who, count, label(q.step, lang), title,
                          asked, label(state, lang))
            : fmt::format("{}: {} × {} in «{}», the plan asks {}: {}", who, count, label(q.step, lang), title, asked,
                          label(state, lang));
}

tl::expected<std::unique_ptr<RunningPlan>, Refusal> RunningPlan::make(Plan plan, const EvidenceSource& evidence,
                                                                    std::vector<Check> checks) {
  if (auto valid = validate(plan); !valid) return tl::make_unexpected(std::move(valid.error()));
  auto roadmap = Roadmap::make(plan.roadmap);
  if (!roadmap) return within("roadmap", std::move(roadmap.error()));
  std::unique_ptr<RunningPlan> running(new RunningPlan(std::move(plan), std::move(*roadmap), evidence));
  auto workflow = Workflow::make(running->plan_.procedure, std::move(checks), &running->state_);
  if (!workflow) return within("procedure", std::move(workflow.error()));
  running->workflow_ = std::move(*workflow);
  return running;
}

RunningPlan::RunningPlan(Plan plan, Roadmap roadmap, const EvidenceSource& evidence)
    : plan_(std::move(plan)),
      roadmap_(std::move(roadmap)),
      tally_(roadmap_, plan_.procedure),
      state_{&roadmap_, &tally_, &plan_.profile, &evidence} {}

tl::expected<void, Refusal> RunningPlan::record(const RoadmapEvent& event) {
  auto next = roadmap_.apply(event);
  if (!next) return tl::make_unexpected(std::move(next.error()));
  roadmap_ = std::move(*next);
  return {};
}

tl::expected<RoadmapEvent, Refusal> RunningPlan::act(const RoadmapCommand& command, const Actor& actor, bg::date date) {
  auto event = roadmap_.decide(command, actor, date);
  if (!event) return event;
  if (auto recorded = record(*event); !recorded) return tl::make_unexpected(std::move(recorded.error()));
  return event;
}

tl::expected<std::vector<RoadmapEvent>, Refusal> RunningPlan::tick(bg::date today) {
  auto events = roadmap_.tick(today);
  if (!events) return events;
  Roadmap next = roadmap_;
  for (const RoadmapEvent& event : *events) {
    auto applied = next.apply(event);
    if (!applied) return tl::make_unexpected(std::move(applied.error()));
    next = std::move(*applied);
  }
  roadmap_ = std::move(next);
  return events;
}

std::vector<QuotaStanding> RunningPlan::quotas(const std::vector<UnitId>& units, bg::date today) const {
  std::vector<QuotaStanding> standings;
  const auto& quotas = plan_.procedure.quotas;
  const auto& milestones = roadmap_.milestones();
  for (std::size_t q = 0; q < quotas.size(); ++q) {
    const StepQuota& quota = quotas[q];
    const MilestoneSelector& s = quota.milestones;
    for (std::size_t m = 0; m < milestones.size(); ++m) {
      const Milestone& milestone = milestones[m];
      const bool picked = s.id.empty() ? milestone.kind == s.kind : milestone.id == s.id;
      if (!picked || today < milestone.open_period.opens) continue;
      const bool passed = !roadmap_.days(m).on_time(today);
      const auto stand = [&](UnitId unit) {
        const std::uint32_t count = tally_.count(q, unit, m);
        QuotaState state = QuotaState::open;
        if (quota.at_most && count >= *quota.at_most) {
          state = QuotaState::full;
        } else if (!quota.at_least || count >= *quota.at_least) {
          state = QuotaState::met;
        } else if (passed) {
          state = QuotaState::short_;
        }
        standings.push_back(QuotaStanding{q, milestone.id, unit, count, state});
      };
      if (quota.scope == QuotaScope::agency) {
        stand(UnitId{});
      } else {
        for (UnitId unit : units) stand(unit);
      }
    }
  }
  return standings;
}

}  // namespace exemplar
