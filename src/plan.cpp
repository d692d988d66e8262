// The built-in plans, plan validation, and a plan wired to the lifecycle.
#include "exemplar/plan.hpp"

#include <stdexcept>

#include "exemplar/profiles.hpp"
#include "exemplar/timetables.hpp"

namespace exemplar {
namespace {

Refusal plan_error(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

/// Puts a part's refusal under the plan part it came from, keeping its own facts.
Refusal within(std::string part, Refusal refusal) {
  refusal.subject = refusal.subject.empty() ? part : part + "." + refusal.subject;
  return refusal;
}

/// The lifecycle steps that follow the roadmap's windows, without the commendation ties: for plans
/// that send exemplars up before any review of the year (seed 003 IV.1: registration before 25/3,
/// send-up before 30/3/2021), commendation cannot wait for the six-month review.
std::vector<StepWindow> windows_without_commendation() {
  std::vector<StepWindow> windows;
  for (const StepWindow& window : default_step_windows()) {
    if (window.step != CommandKind::commend) windows.push_back(window);
  }
  return windows;
}

Plan assemble(std::string id, Text title, std::string seed, const Roadmap& roadmap, Profile profile,
              GuardMode registration) {
  Plan plan;
  plan.id = std::move(id);
  plan.title = std::move(title);
  plan.seed = std::move(seed);
  plan.roadmap = roadmap.spec();
  plan.windows = default_step_windows();
  plan.profile = std::move(profile);
  plan.registration = registration;
  plan.grants = Policy::defaults().grants();
  return plan;
}

}  // namespace

std::optional<Refusal> validate(const Plan& plan) {
  if (plan.id.empty()) return plan_error("id", "a plan needs an id", "kế hoạch phải có mã");
  if (plan.title.en.empty() || plan.title.vi.empty()) {
    return plan_error("title", "a plan needs a title in English and Vietnamese", "kế hoạch phải có tên tiếng Anh và tiếng Việt");
  }
  if (auto roadmap = Roadmap::make(plan.roadmap); !roadmap) return within("roadmap", std::move(roadmap.error()));
  for (const StepWindow& window : plan.windows) {
    if (!is_known(window.step) || !is_known(window.milestone) || !is_known(window.rule) || !is_known(window.year)) {
      return plan_error("windows", "a step window names a value the library does not know",
                        "ràng buộc thời hạn có giá trị không xác định");
    }
  }
  if (auto bad = validate(plan.profile)) return within("profile", std::move(*bad));
  if (!is_known(plan.registration)) {
    return plan_error("registration", "unknown registration guard", "chế độ kiểm tra đăng ký không xác định");
  }
  try {
    (void)Policy{plan.grants};
  } catch (const std::invalid_argument&) {
    return plan_error("grants", "a grant names an unknown command or role", "một quyền nêu bước hoặc vai trò không xác định");
  }
  if (auto bad = validate(plan.council)) return within("council", std::move(*bad));
  if (plan.send_up && (plan.send_up->at_most == 0 || plan.send_up->at_least > plan.send_up->at_most)) {
    return plan_error("send_up", "the quota's least is above its most, or its most is 0",
                      "số lượng tối thiểu lớn hơn tối đa, hoặc tối đa bằng 0");
  }
  return std::nullopt;
}

namespace plans {

Plan hatinh_inspectorate_2021_2025() {
  // Counted criteria (000 II.2) with the council deliberating: registration warns, never blocks.
  return assemble("hatinh-inspectorate-2021-2025",
                  Text{"Hà Tĩnh provincial Inspectorate: building and replicating advanced exemplars, 2021-2025",
                       "Thanh tra tỉnh Hà Tĩnh: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                  "000", timetables::hatinh_inspectorate_2021_2025(), profiles::hatinh_inspectorate_2021_2025(),
                  GuardMode::soft);
}

Plan inspectorate_2021() {
  // 001 states no counts: "new factors that meet many criteria" are for the council to judge.
  return assemble("inspectorate-2021",
                  Text{"Provincial Inspectorate: outstanding models and advanced exemplars, 2021",
                       "Thanh tra tỉnh: xây dựng, bồi dưỡng, nhân rộng mô hình tiêu biểu và điển hình tiên tiến xuất sắc năm 2021"},
                  "001", timetables::provincial_inspectorate_2021(), profiles::inspectorate_2021(), GuardMode::council);
}

Plan quangbinh_office_2021_2025() {
  // 002's criteria are qualitative (II.1-3): the council judges.
  return assemble("quangbinh-office-2021-2025",
                  Text{"Quảng Bình Provincial People's Committee Office: advanced exemplars, 2021-2025",
                       "Văn phòng UBND tỉnh Quảng Bình: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                  "002", timetables::quangbinh_ppc_office_2021_2025(), profiles::quangbinh_office_2021_2025(),
                  GuardMode::council);
}

Plan hatinh_industry_trade_2021_2025() {
  // 003 counts by position (III.2) but registers in March 2021, before the period's years are
  // rated: a hard guard would refuse everyone, so registration warns.
  Plan plan = assemble("hatinh-industry-trade-2021-2025",
                       Text{"Hà Tĩnh Department of Industry and Trade: advanced exemplars, 2021-2025",
                            "Sở Công Thương Hà Tĩnh: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
                       "003", timetables::hatinh_industry_trade_2021_2025(), profiles::hatinh_industry_trade_2021_2025(),
                       GuardMode::soft);
  plan.windows = windows_without_commendation();
  plan.send_up = Quota{4, 5};  // 003 IV.1: "lựa chọn 04 đến 05 điển hình"
  return plan;
}

Plan langson_inspectorate_2025() {
  // 004 III.1 counts for collectives; individuals are judged. Registration warns.
  return assemble("langson-inspectorate-2025",
                  Text{"Lạng Sơn provincial Inspectorate: advanced exemplars, 2025",
                       "Thanh tra tỉnh Lạng Sơn: xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến năm 2025"},
                  "004", timetables::langson_inspectorate_2025(), profiles::langson_inspectorate_2025(), GuardMode::soft);
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
  if (id == "hatinh-inspectorate-2021-2025") return hatinh_inspectorate_2021_2025();
  if (id == "inspectorate-2021") return inspectorate_2021();
  if (id == "quangbinh-office-2021-2025") return quangbinh_office_2021_2025();
  if (id == "hatinh-industry-trade-2021-2025") return hatinh_industry_trade_2021_2025();
  if (id == "langson-inspectorate-2025") return langson_inspectorate_2025();
  std::string known;
  for (std::string_view each : ids()) known += (known.empty() ? "" : ", ") + std::string(each);
  return tl::make_unexpected(plan_error("plan id", "no built-in plan is called '" + std::string(id) + "'; there are " + known,
                                        "không có kế hoạch «" + std::string(id) + "»; các kế hoạch có sẵn: " + known));
}

}  // namespace plans

GateVerdict GateChain::check(const GateQuery& query) const {
  GateVerdict combined;
  for (const StepGate* gate : gates_) {
    GateVerdict verdict = gate->check(query);
    if (verdict.refusal) return verdict;
    combined.flags = static_cast<StepFlags>(combined.flags | verdict.flags);
  }
  return combined;
}

tl::expected<std::unique_ptr<RunningPlan>, Refusal> RunningPlan::make(Plan plan, const EvidenceSource& evidence) {
  if (auto bad = validate(plan)) return tl::make_unexpected(std::move(*bad));
  auto roadmap = Roadmap::make(plan.roadmap);
  if (!roadmap) return tl::make_unexpected(within("roadmap", std::move(roadmap.error())));
  return std::unique_ptr<RunningPlan>(new RunningPlan(std::move(plan), std::move(*roadmap), evidence));
}

RunningPlan::RunningPlan(Plan plan, Roadmap roadmap, const EvidenceSource& evidence)
    : plan_(std::move(plan)),
      roadmap_(std::move(roadmap)),
      windows_(roadmap_, plan_.windows),
      eligibility_(plan_.profile, evidence, plan_.registration),
      gates_({&windows_, &eligibility_}),
      workflow_(Policy{plan_.grants}, plan_.council, &gates_) {}

tl::expected<void, Refusal> RunningPlan::record(const RoadmapEvent& event) {
  auto next = roadmap_.apply(event);
  if (!next) return tl::make_unexpected(std::move(next.error()));
  roadmap_ = std::move(*next);
  return {};
}

tl::expected<RoadmapEvent, Refusal> RunningPlan::act(const RoadmapCommand& command, const Actor& actor,
                                                    boost::gregorian::date date) {
  auto event = roadmap_.decide(command, actor, date);
  if (!event) return event;
  if (auto recorded = record(*event); !recorded) return tl::make_unexpected(std::move(recorded.error()));
  return event;
}

tl::expected<std::vector<RoadmapEvent>, Refusal> RunningPlan::tick(boost::gregorian::date today) {
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

}  // namespace exemplar
