// The lifecycle decider: one ordered list of named checks, walked by decide, apply and options.
#include "exemplar/lifecycle.hpp"

#include <algorithm>
#include <limits>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "detail/day_number.hpp"
#include "detail/examine.hpp"
#include "exemplar/calendar.hpp"
#include "pipeline.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, step_flag_count> step_flag_labels{{
    {"late", "late", "quá hạn"},
    {"waived", "late, allowed by the agency head", "quá hạn, được Thủ trưởng cho phép"},
    {"eligibility_warning", "criteria not met (warning)", "chưa đạt tiêu chuẩn (cảnh báo)"},
}};

constexpr std::array<Label, purpose_count> purpose_labels{{
    {"decide", "decide a command", "quyết định một yêu cầu"},
    {"apply", "check a stored event", "kiểm tra sự kiện đã lưu"},
    {"options", "list what may be done", "liệt kê các bước được phép"},
}};

constexpr std::array<Label, reads_count> reads_labels{{
    {"step", "the step", "bước thực hiện"},
    {"arguments", "the command's arguments", "thông tin của yêu cầu"},
    {"plan_state", "the running plan", "tình hình thực hiện kế hoạch"},
}};

Refusal argument_error(std::string subject, Text detail) {
  Refusal refusal = refuse(RefusalCode::invalid_argument).with_subject(std::move(subject));
  refusal.detail = std::move(detail);
  return refusal;
}

// ---------------------------------------------------------------------------------------------
// The event a command asks for.

/// The year of a date that the date check accepts, from its day number: Boost's own split costs
/// more than a step's other checks together.
std::uint16_t year_of(bg::date date) noexcept {
  return static_cast<std::uint16_t>(detail::civil_of(date.day_number()).year);
}

/// Writes the data a command asks for straight into an event's data: no event data is built and
/// then moved, on every step of a sweep.
struct DataOf {
  const Candidate& candidate;
  bg::date date;
  const CouncilRules& council;
  EventData& out;

  void operator()(const commands::Discover& c) const { out.emplace<events::Discovered>(c.as); }
  void operator()(const commands::Register& c) const {
    out.emplace<events::Registered>(events::Registered{c, date.is_special() ? std::uint16_t{0} : year_of(date)});
  }
  void operator()(const commands::Review& c) const {
    out.emplace<events::Reviewed>(events::Reviewed{c, council.approves(c.members, c.votes_for)});
  }
  void operator()(const commands::Nominate&) const {
    out.emplace<events::Nominated>(events::Nominated{candidate.level, next_level(candidate.level).value_or(candidate.level)});
  }
  template <class Same>
  void operator()(const Same& c) const {
    out.emplace<Same>(c);
  }
};

/// Fills `event` with what `command` asks for: what decide checks and, when every check passes,
/// returns.
void make_event(Event& event, const Candidate& candidate, const Command& command, const Actor& actor, bg::date date,
                const CouncilRules& council) {
  const auto* discover = std::get_if<commands::Discover>(&command);
  event.candidate = discover != nullptr ? discover->id : candidate.id;
  event.actor = actor.id;
  event.actor_unit = actor.unit;
  event.role = actor.role;
  event.date = date;
  event.flags = StepFlags{};
  std::visit(DataOf{candidate, date, council, event.data}, command);
}

/// An event of `kind` with default data: what options() walks the checks with.
template <std::size_t... I>
EventData blank_data(CommandKind kind, std::index_sequence<I...>) {
  using Maker = EventData (*)();
  static constexpr Maker makers[] = {[]() -> EventData { return std::variant_alternative_t<I, EventData>{}; }...};
  return makers[static_cast<std::size_t>(kind)]();
}

// ---------------------------------------------------------------------------------------------
// The command's arguments, read from the event it makes: one set of rules, two reports.

/// The record format that added event type T: its static `since`, or 1.
template <class T, class = void>
struct since_trait : std::integral_constant<std::uint16_t, 1> {};
template <class T>
struct since_trait<T, std::void_t<decltype(T::since)>> : std::integral_constant<std::uint16_t, T::since> {};
template <class T>
constexpr std::uint16_t since_of() noexcept {
  return since_trait<T>::value;
}

/// The record format that added each event kind, in CommandKind order.
template <std::size_t... I>
constexpr std::array<std::uint16_t, sizeof...(I)> formats_of_kinds(std::index_sequence<I...>) noexcept {
  return {since_of<std::variant_alternative_t<I, EventData>>()...};
}

/// Keeps the first problem's code and stops: the cheap test.
struct CodeReport {
  std::optional<RefusalCode> code;

  template <class Detail>
  bool operator()(RefusalCode found, const Label&, Detail&&) {
    code = found;
    return false;
  }
};

/// Builds the refusal of the first problem: the explanation.
struct RefusalReport {
  std::optional<Refusal> refusal;

  template <class Detail>
  bool operator()(RefusalCode found, const Label& subject, Detail&& detail) {
    Text reason = detail();
    refusal = refuse(found).with_subject(std::string(subject.id));
    refusal->detail = Text{fmt::format("{}: {}", subject.en, reason.en), fmt::format("{}: {}", subject.vi, reason.vi)};
    return false;
  }
};

constexpr Label kEventLabel{"candidate", "the event's candidate", "ứng viên của sự kiện"};
constexpr Label kDataLabel{"data", "the event's data", "dữ liệu của sự kiện"};
constexpr Label kPositionLabel{"position", "position", "chức vụ"};
constexpr Label kYearLabel{"year", "year of the round", "năm của đợt"};
constexpr Label kMembersLabel{"members", "council members", "số thành viên Hội đồng"};
constexpr Label kPresentLabel{"present", "members present", "số thành viên dự họp"};
constexpr Label kVotesLabel{"votes", "votes", "số phiếu"};
constexpr Label kQuorumLabel{"present", "quorum", "số thành viên dự họp"};
constexpr Label kProposedLabel{"proposed", "proposed recognition", "đề nghị công nhận"};
constexpr Label kDecisionDateLabel{"decision_date", "decision date", "ngày quyết định"};
constexpr Label kNominationLabel{"to", "nomination", "đề nghị lên cấp trên"};

/// The rules of each event's data beyond what its fields' descriptions say.
template <class Report>
struct DataRules {
  const Step& step;
  const CouncilRules& council;
  Report& report;

  bool operator()(const events::Discovered& e) const {
    if ((e.subject == Subject::collective) != (e.position == Position::none)) {
      return report(RefusalCode::invalid_argument, kPositionLabel, [] {
        return Text{"a collective has no position and an individual has one", "tập thể không có chức vụ, cá nhân phải có chức vụ"};
      });
    }
    return true;
  }
  bool operator()(const events::Registered& e) const {
    if (e.year != year_of(step.event.date)) {
      return report(RefusalCode::invalid_argument, kYearLabel, [&] {
        return Text{fmt::format("the round of {} is registered in {}", e.year, year_of(step.event.date)),
                    fmt::format("đợt năm {} phải đăng ký trong năm {}", e.year, year_of(step.event.date))};
      });
    }
    return true;
  }
  bool operator()(const events::Reviewed& e) const {
    if (e.members == 0) {
      return report(RefusalCode::invalid_argument, kMembersLabel,
                    [] { return Text{"the council has no members", "Hội đồng không có thành viên"}; });
    }
    if (e.present > e.members) {
      return report(RefusalCode::invalid_argument, kPresentLabel, [] {
        return Text{"more members present than the council has", "số thành viên dự họp nhiều hơn số thành viên Hội đồng"};
      });
    }
    if (!votes_fit(e.members, e.present, e.votes_for, e.votes_against)) {
      return report(RefusalCode::invalid_argument, kVotesLabel, [] {
        return Text{"votes for and against add up to more than the members present",
                    "số phiếu đồng ý và không đồng ý nhiều hơn số thành viên dự họp"};
      });
    }
    if (!council.has_quorum(e.members, e.present)) {
      return report(RefusalCode::no_quorum, kQuorumLabel, [&] {
        return Text{fmt::format("{} of {} members present, {} needed", e.present, e.members, council.quorum_needed(e.members)),
                    fmt::format("{}/{} thành viên dự họp, cần ít nhất {}", e.present, e.members, council.quorum_needed(e.members))};
      });
    }
    if (e.proposed != council.approves(e.members, e.votes_for)) {
      return report(RefusalCode::invalid_argument, kProposedLabel, [&] {
        return Text{fmt::format("{} votes for out of {} members {} a proposal under the plan's council rules", e.votes_for,
                                e.members, e.proposed ? "do not make" : "make"),
                    fmt::format("{} phiếu đồng ý trên {} thành viên {} là đề nghị theo quy chế Hội đồng của kế hoạch",
                                e.votes_for, e.members, e.proposed ? "không" : "")};
      });
    }
    return true;
  }
  bool operator()(const events::Recognized& e) const {
    if (e.decision_date > step.event.date) {
      return report(RefusalCode::invalid_argument, kDecisionDateLabel, [] {
        return Text{"the decision is dated after the step that records it", "ngày quyết định sau ngày ghi nhận"};
      });
    }
    if (!step.candidate.last_step.is_special() && e.decision_date < step.candidate.last_step) {
      return report(RefusalCode::date_out_of_order, kDecisionDateLabel, [&] {
        return Text{fmt::format("the decision of {} is dated before the candidate's last step on {}",
                                format_date(e.decision_date, Lang::en), format_date(step.candidate.last_step, Lang::en)),
                    fmt::format("quyết định ngày {} trước ngày của bước gần nhất ({})", format_date(e.decision_date, Lang::vi),
                                format_date(step.candidate.last_step, Lang::vi))};
      });
    }
    return true;
  }
  bool operator()(const events::Nominated& e) const {
    // A nomination from the top level is the guard's to refuse (no_higher_level).
    const auto above = next_level(e.from);
    if (e.from != step.candidate.level || (above && e.to != *above)) {
      return report(RefusalCode::invalid_argument, kNominationLabel, [] {
        return Text{"a nomination goes from the candidate's level exactly one level up",
                    "chỉ đề nghị từ cấp hiện tại của ứng viên lên một cấp"};
      });
    }
    return true;
  }
  template <class Other>
  bool operator()(const Other&) const {
    return true;
  }
};

/// Every field of the event and of its data, by their descriptions, then — with `step` — the rules
/// of its data and its candidate, told to `report` until it stops. One visit of the data serves both.
template <class Report>
void examine_event(const Event& e, std::uint16_t format, const Step* step, Report& report) {
  if (!detail::examine_fields(e, format, report)) return;
  if (e.data.valueless_by_exception()) {
    report(RefusalCode::invalid_argument, kDataLabel, [] { return Text{"the event has no data", "sự kiện không có dữ liệu"}; });
    return;
  }
  if (step != nullptr && step->candidate.stage != Stage::initial && e.candidate != step->candidate.id) {
    report(RefusalCode::invalid_argument, kEventLabel,
           [] { return Text{"the event belongs to another candidate", "sự kiện thuộc về ứng viên khác"}; });
    return;
  }
  std::visit(
      [&](const auto& data) {
        if (!detail::examine_fields(data, format, report) || step == nullptr) return;
        DataRules<Report>{*step, step->workflow.council(), report}(data);
      },
      e.data);
}

/// Every rule of the step's arguments, in order, told to `report`.
template <class Report>
void examine_arguments(const Step& step, Report& report) {
  examine_event(step.event, step.format, &step, report);
}

// ---------------------------------------------------------------------------------------------
// The library's checks, in the order standard_checks() lists them.

CheckOutcome date_test(const Step& step) noexcept {
  const bg::date date = step.event.date;
  if (date.is_special()) return CheckOutcome::refuse(RefusalCode::invalid_date);
  const auto day = static_cast<std::uint32_t>(date.day_number());
  if (day < detail::first_supported_day || day > detail::last_supported_day) return CheckOutcome::refuse(RefusalCode::date_out_of_range);
  return CheckOutcome::pass();
}
Refusal date_explain(const Step& step, RefusalCode) { return check_date(step.event.date).error(); }

CheckOutcome row_test(const Step& step) noexcept {
  const Stage stage = step.candidate.stage;
  if (!is_known(stage)) return CheckOutcome::refuse(RefusalCode::invalid_argument);
  if (is_terminal(stage)) return CheckOutcome::refuse(RefusalCode::stage_is_terminal);
  if (!step.workflow.procedure().steps.contains(step.kind())) return CheckOutcome::refuse(RefusalCode::step_not_in_plan);
  if (!step.workflow.table().has_transition(stage, step.kind())) return CheckOutcome::refuse(RefusalCode::not_allowed_from_stage);
  return CheckOutcome::pass();
}
Refusal row_explain(const Step&, RefusalCode code) {
  if (code == RefusalCode::invalid_argument) {
    return argument_error("stage", Text{"the candidate's stage is not one the library knows", "trạng thái của ứng viên không xác định"});
  }
  return refuse(code);
}

CheckOutcome authority_test(const Step& step) noexcept {
  // A discovery's level comes from the command, and the role from the host: an unknown one is named
  // before the policy, which would otherwise call it a missing right.
  if (!is_known(step.level) || !is_known(step.actor.role)) return CheckOutcome::refuse(RefusalCode::invalid_argument);
  const Policy& policy = step.workflow.policy();
  // permits() is the inline bit test every taken step needs; denial() finds the code only when refused.
  if (policy.permits(step.actor, step.kind(), step.candidate.stage, step.level, step.unit)) return CheckOutcome::pass();
  return CheckOutcome::refuse(*policy.denial(step.actor, step.kind(), step.candidate.stage, step.level, step.unit));
}
Refusal authority_explain(const Step& step, RefusalCode code) {
  if (code == RefusalCode::invalid_argument) {
    if (!is_known(step.actor.role)) {
      return argument_error("role", Text{"role: the value is not one the library knows", "vai trò: giá trị không xác định"});
    }
    return argument_error("level", Text{"level: the value is not one the library knows", "cấp: giá trị không xác định"});
  }
  return step.workflow.policy().check(step.actor, step.kind(), step.candidate.stage, step.level, step.unit).error();
}

CheckOutcome date_order_test(const Step& step) noexcept {
  const bg::date last = step.candidate.last_step;
  if (!last.is_special() && step.event.date < last) return CheckOutcome::refuse(RefusalCode::date_out_of_order);
  return CheckOutcome::pass();
}
Refusal date_order_explain(const Step& step, RefusalCode code) {
  return refuse(code).with_reference(step.candidate.last_step);
}

CheckOutcome arguments_test(const Step& step) noexcept {
  CodeReport report;
  examine_arguments(step, report);
  return report.code ? CheckOutcome::refuse(*report.code) : CheckOutcome::pass();
}
Refusal arguments_explain(const Step& step, RefusalCode code) {
  RefusalReport report;
  examine_arguments(step, report);
  return report.refusal ? std::move(*report.refusal) : refuse(code);
}

/// The award a commend or propose step names, or null for other steps.
const Award* award_of(const Event& event) noexcept {
  if (const auto* commend = std::get_if<events::Commended>(&event.data)) return &commend->award;
  if (const auto* propose = std::get_if<events::Proposed>(&event.data)) return &propose->award;
  return nullptr;
}

/// The award powers of `role` in the procedure; none for a role it does not list.
AwardPower power_of(const Procedure& procedure, Role role) noexcept {
  for (const AwardPower& power : procedure.awards) {
    if (power.role == role) return power;
  }
  return AwardPower{role, {}, {}};
}

CheckOutcome award_test(const Step& step) noexcept {
  const Award* award = award_of(step.event);
  if (award == nullptr) return CheckOutcome::pass();
  const AwardPower power = power_of(step.workflow.procedure(), step.actor.role);
  if (step.kind() == CommandKind::propose) {
    return power.proposes.contains(*award) ? CheckOutcome::pass() : CheckOutcome::refuse(RefusalCode::award_not_in_power);
  }
  // An award above the actor's own power enters the record when the level it was proposed to
  // conferred it: the commendation comes back on the same candidate.
  if (power.grants.contains(*award) || step.candidate.proposed_awards.contains(*award)) return CheckOutcome::pass();
  return CheckOutcome::refuse(RefusalCode::award_not_in_power);
}

std::string award_list(AwardSet awards, Lang lang) {
  std::string list;
  for (Award award : all_values<Award>()) {
    if (!awards.contains(award)) continue;
    if (!list.empty()) list += ", ";
    list += label(award, lang);
  }
  return list.empty() ? std::string(lang == Lang::vi ? "không có" : "none") : list;
}

Refusal award_explain(const Step& step, RefusalCode code) {
  const Award award = *award_of(step.event);
  const AwardPower power = power_of(step.workflow.procedure(), step.actor.role);
  Refusal refusal = refuse(code).with_role(step.actor.role).with_subject("award");
  if (step.kind() == CommandKind::propose) {
    refusal.detail = Text{fmt::format("{} may propose upward: {}", label(step.actor.role, Lang::en), award_list(power.proposes, Lang::en)),
                          fmt::format("{} được đề nghị cấp trên: {}", label(step.actor.role, Lang::vi), award_list(power.proposes, Lang::vi))};
    return refusal;
  }
  const bool proposable = power.proposes.contains(award);
  refusal.detail = Text{
      fmt::format("«{}» is not in the power of the {}, who grants: {}{}", label(award, Lang::en), label(step.actor.role, Lang::en),
                  award_list(power.grants, Lang::en), proposable ? "; propose it to the level above instead" : ""),
      fmt::format("«{}» không thuộc thẩm quyền của {}, chỉ được tặng: {}{}", label(award, Lang::vi), label(step.actor.role, Lang::vi),
                  award_list(power.grants, Lang::vi), proposable ? "; hãy đề nghị cấp trên khen thưởng" : "")};
  return refusal;
}

bool awards_apply(const Procedure&, CommandKind step) noexcept {
  return step == CommandKind::commend || step == CommandKind::propose;
}

/// The row the table takes for the step, or the one whose guard blocked it.
LifecycleTable::fired_type fire(const Step& step) noexcept {
  return step.workflow.table().fire(step.candidate.stage, step.kind(), Transit{step.candidate, step.event.data});
}

/// The code a blocked row refuses with: the one its named guard gives.
RefusalCode code_of(const LifecycleRow* blocked) noexcept {
  if (blocked == nullptr) return RefusalCode::not_allowed_from_stage;
  return blocked->guard == &guards::has_higher_level ? RefusalCode::no_higher_level : RefusalCode::missing_prerequisite;
}

CheckOutcome guards_test(const Step& step) noexcept {
  const auto fired = fire(step);
  return fired.taken() ? CheckOutcome::pass() : CheckOutcome::refuse(code_of(fired.blocked));
}
Refusal guards_explain(const Step& step, RefusalCode code) {
  const Transit transit{step.candidate, step.event.data};
  return fire(step).failure(transit).value_or(refuse(code));
}

// ---------------------------------------------------------------------------------------------
// What an event changes, beyond the stage and the date.

struct Recorder {
  Candidate& c;
  const Event& event;

  void operator()(const events::Discovered& e) const {
    c.id = event.candidate;
    c.subject = e.subject;
    c.unit = e.unit;
    c.position = e.position;
    c.field = e.field;
    c.level = e.level;
    c.round_year = year_of(event.date);
  }
  void operator()(const events::Fostered& e) const { c.mentor = e.mentor; }
  void operator()(const events::Registered& e) const { c.round_year = e.year; }
  void operator()(const events::Reviewed& e) const {
    c.council_members = e.members;
    c.votes_for = e.votes_for;
    c.votes_against = e.votes_against;
    c.council_proposed = e.proposed;
  }
  void operator()(const events::Recognized& e) const {
    auto number = DecisionNumber::parse(e.decision_number);
    EXEMPLAR_EXPECTS(number.has_value(), "Workflow::evolve: a recognition decision's number that decide did not check");
    c.decision = *number;
    c.decision_date = e.decision_date;
  }
  void operator()(const events::Commended& e) const {
    c.award = e.award;
    c.proposed_awards = c.proposed_awards.without(e.award);
  }
  void operator()(const events::Proposed& e) const { c.proposed_awards = c.proposed_awards.with(e.award); }
  void operator()(const events::Replicated& e) const {
    auto& count = c.replications[static_cast<std::size_t>(e.activity)];
    if (count < std::numeric_limits<std::uint16_t>::max()) ++count;
  }
  void operator()(const events::Nominated& e) const {
    // A new round one level up: the previous round's council and decision facts no longer apply;
    // mentor, replication counts and proposals are the exemplar's history and stay.
    c.level = e.to;
    c.round_year = year_of(event.date);
    c.council_proposed = false;
    c.votes_for = c.votes_against = c.council_members = 0;
    c.decision = DecisionNumber{};
    c.decision_date = bg::date{bg::not_a_date_time};
    c.award = Award::public_commendation;
  }
  template <class Off>
  void operator()(const Off&) const {}
};

}  // namespace

// ---------------------------------------------------------------------------------------------

LabelTable label_table(StepFlag) noexcept { return LabelTable{step_flag_labels.data(), step_flag_labels.size()}; }
LabelTable label_table(Purpose) noexcept { return LabelTable{purpose_labels.data(), purpose_labels.size()}; }
LabelTable label_table(Reads) noexcept { return LabelTable{reads_labels.data(), reads_labels.size()}; }

namespace guards {

bool council_proposed(const Transit& step) noexcept {
  const auto* review = std::get_if<events::Reviewed>(&step.data);
  return review != nullptr && review->proposed;
}

bool council_did_not_propose(const Transit& step) noexcept {
  const auto* review = std::get_if<events::Reviewed>(&step.data);
  return review != nullptr && !review->proposed;
}

bool has_council_proposal(const Transit& step) noexcept { return step.candidate.council_proposed; }

bool has_recognition(const Transit& step) noexcept {
  return !step.candidate.decision.empty() && !step.candidate.decision_date.is_special();
}

bool has_higher_level(const Transit& step) noexcept { return next_level(step.candidate.level).has_value(); }

Refusal why_not_proposed(const Transit&) {
  return refuse(RefusalCode::missing_prerequisite)
      .with_subject("council proposal")
      .with_detail("the council did not propose recognition", "Hội đồng không đề nghị công nhận");
}

Refusal why_proposed(const Transit&) {
  return refuse(RefusalCode::missing_prerequisite)
      .with_subject("council proposal")
      .with_detail("the council proposed recognition", "Hội đồng đã đề nghị công nhận");
}

Refusal why_no_council_proposal(const Transit&) {
  return refuse(RefusalCode::missing_prerequisite)
      .with_subject("council proposal")
      .with_detail("recognition needs the council's proposal", "công nhận phải căn cứ đề nghị của Hội đồng");
}

Refusal why_no_recognition(const Transit&) {
  return refuse(RefusalCode::missing_prerequisite)
      .with_subject("recognition decision")
      .with_detail("commendation needs a recognition decision", "khen thưởng phải có quyết định công nhận");
}

Refusal why_no_higher_level(const Transit& step) {
  return refuse(RefusalCode::no_higher_level).with_level(step.candidate.level);
}

}  // namespace guards

std::uint16_t introduced_in(CommandKind kind) noexcept {
  static constexpr auto since = formats_of_kinds(std::make_index_sequence<std::variant_size_v<EventData>>{});
  const auto index = static_cast<std::size_t>(kind);
  return index < since.size() ? since[index] : std::uint16_t{0xFFFF};
}

namespace detail {

std::optional<Refusal> malformed(const Event& event, std::uint16_t format) {
  RefusalReport report;
  examine_event(event, format, nullptr, report);
  return std::move(report.refusal);
}

}  // namespace detail

const std::vector<NamedGuard>& named_guards() {
  static const std::vector<NamedGuard> all{
      {"council_proposed", &guards::council_proposed, &guards::why_not_proposed},
      {"council_did_not_propose", &guards::council_did_not_propose, &guards::why_proposed},
      {"has_council_proposal", &guards::has_council_proposal, &guards::why_no_council_proposal},
      {"has_recognition", &guards::has_recognition, &guards::why_no_recognition},
      {"has_higher_level", &guards::has_higher_level, &guards::why_no_higher_level},
  };
  return all;
}

const NamedGuard* find_guard(std::string_view name) noexcept {
  for (const NamedGuard& each : named_guards()) {
    if (each.name == name) return &each;
  }
  return nullptr;
}

const std::vector<Check>& standard_checks() {
  static const std::vector<Check> checks{
      {"date", Reads::step, &date_test, &date_explain},
      {"row", Reads::step, &row_test, &row_explain},
      {"authority", Reads::step, &authority_test, &authority_explain},
      {"date_order", Reads::step, &date_order_test, &date_order_explain},
      {"arguments", Reads::arguments, &arguments_test, &arguments_explain},
      {"award", Reads::arguments, &award_test, &award_explain, &awards_apply},
      {"timing", Reads::plan_state, &detail::timing_test, &detail::timing_explain, &detail::timing_applies},
      {"quota", Reads::plan_state, &detail::quota_test, &detail::quota_explain, &detail::quota_applies},
      {"eligibility", Reads::plan_state, &detail::eligibility_test, &detail::eligibility_explain, &detail::eligibility_applies},
      {"guards", Reads::step, &guards_test, &guards_explain},
  };
  return checks;
}

tl::expected<DecisionNumber, Refusal> DecisionNumber::parse(std::string_view text) {
  const auto f = field_of({"decision_number", "decision number", "số quyết định"}, &commands::Recognize::decision_number,
                       mandatory.at_most(capacity));
  RefusalReport report;
  if (!detail::examine_value(f, text, report)) return tl::make_unexpected(std::move(*report.refusal));
  DecisionNumber number;
  for (std::size_t i = 0; i < text.size(); ++i) number.chars_[i] = text[i];
  number.size_ = static_cast<std::uint8_t>(text.size());
  return number;
}

unsigned Candidate::replication_total() const noexcept {
  unsigned total = 0;
  for (auto count : replications) total += count;
  return total;
}

// ---------------------------------------------------------------------------------------------
// Workflow

namespace {

/// The default procedure's workflow; that it is valid is the library's own precondition.
Workflow default_workflow() {
  auto made = Workflow::make(default_procedure());
  EXEMPLAR_EXPECTS(made.has_value(), "the default procedure is valid");
  return std::move(*made);
}

}  // namespace

Workflow::Workflow() : Workflow(default_workflow()) {}

Workflow::Workflow(Procedure procedure, Policy policy, LifecycleTable table, std::vector<Check> checks,
                   const PlanState* state)
    : procedure_(std::move(procedure)), policy_(std::move(policy)), table_(table), checks_(std::move(checks)),
      state_(state) {
  for (const Check& check : checks_) {
    for (Purpose purpose : {Purpose::decide, Purpose::apply, Purpose::options}) {
      const bool lacks_input = (check.reads == Reads::arguments && purpose == Purpose::options) ||
                               (check.reads == Reads::plan_state && (purpose == Purpose::apply || state_ == nullptr));
      if (lacks_input) continue;
      for (CommandKind kind : LifecycleTable::events()) {
        if (check.applies == nullptr || check.applies(procedure_, kind)) {
          walks_[static_cast<std::size_t>(purpose)][static_cast<std::size_t>(kind)].push_back(check);
        }
      }
    }
  }
}

tl::expected<Workflow, Refusal> Workflow::make(Procedure procedure, std::vector<Check> checks, const PlanState* state) {
  if (auto valid = validate(procedure); !valid) return tl::make_unexpected(std::move(valid.error()));
  for (const Check& check : checks) {
    if (check.test == nullptr || check.explain == nullptr || check.name.empty() || !is_known(check.reads)) {
      return tl::make_unexpected(argument_error(
          "checks", Text{"every check has a name, a test, an explanation and says what it reads",
                         "mỗi bước kiểm tra phải có tên, hàm kiểm tra, lời giải thích và nêu thông tin cần đọc"}));
    }
  }
  auto policy = Policy::make(procedure.grants);
  if (!policy) return tl::make_unexpected(std::move(policy.error()));
  auto rows = detail::procedure_rows(procedure);
  return Workflow(std::move(procedure), std::move(*policy), LifecycleTable(rows), std::move(checks), state);
}

Workflow::Walk Workflow::walk(const Step& step) const noexcept {
  Walk result;
  for (const Check& check : walks_[static_cast<std::size_t>(step.purpose)][static_cast<std::size_t>(step.kind())]) {
    const CheckOutcome outcome = check.test(step);
    if (outcome.refused()) {
      result.refused_by = &check;
      result.code = outcome.code();
      return result;
    }
    result.flags |= outcome.flags();
  }
  return result;
}

Refusal Workflow::explain(const Step& step, const Walk& walk) const {
  Refusal refusal = walk.refused_by->explain(step, walk.code);
  refusal.code = walk.code;
  refusal.command = step.kind();
  refusal.stage = step.candidate.stage;
  if (!refusal.date && !step.event.date.is_special()) refusal.date = step.event.date;
  return refusal;
}

tl::expected<Event, Refusal> Workflow::decide(const Candidate& candidate, const Command& command, const Actor& actor,
                                              bg::date date) const {
  // The event is made in the outcome itself: a taken step moves nothing.
  tl::expected<Event, Refusal> outcome(tl::in_place);
  Event& event = *outcome;
  make_event(event, candidate, command, actor, date, procedure_.council);
  const auto* discovered = std::get_if<events::Discovered>(&event.data);
  const Step step{*this,
                  candidate,
                  event,
                  actor,
                  Purpose::decide,
                  journal_format_version,
                  discovered != nullptr ? discovered->unit : candidate.unit,
                  discovered != nullptr ? discovered->level : candidate.level};
  const Walk walked = walk(step);
  if (walked.refused_by != nullptr) {
    Refusal refusal = explain(step, walked);  // before the outcome, which holds the step's event, changes
    outcome = tl::make_unexpected(std::move(refusal));
    return outcome;
  }
  event.flags = walked.flags;
  return outcome;
}

Candidate Workflow::evolve(const Candidate& candidate, const Event& event) const {
  const auto fired = table_.fire(candidate.stage, event.kind(), Transit{candidate, event.data});
  EXEMPLAR_EXPECTS(fired.taken() && !is_terminal(candidate.stage),
                   "Workflow::evolve: an event the candidate's stage does not allow (use apply for events from outside)");
  Candidate next = candidate;
  next.stage = fired.row->to;
  next.last_step = event.date;
  std::visit(Recorder{next, event}, event.data);
  return next;
}

tl::expected<Candidate, Refusal> Workflow::apply(const Candidate& candidate, const Event& event, std::uint16_t format) const {
  // A record written before the actor's unit was stored names only the role: its authority is
  // checked by role alone, the unit taken as the candidate's.
  const auto* discovered = std::get_if<events::Discovered>(&event.data);
  const UnitId unit = discovered != nullptr ? discovered->unit : candidate.unit;
  const Actor actor{event.actor, event.role, format < format_with_actor_unit ? unit : event.actor_unit};
  const Step step{*this, candidate, event, actor, Purpose::apply, format, unit,
                  discovered != nullptr ? discovered->level : candidate.level};
  const Walk walked = walk(step);
  if (walked.refused_by != nullptr) return tl::expected<Candidate, Refusal>(tl::unexpect, explain(step, walked));
  return evolve(candidate, event);
}

std::vector<Option> Workflow::options(const Candidate& candidate, const Actor& actor, bg::date date) const {
  std::vector<Option> result;
  result.reserve(command_count);
  Event event{candidate.id, actor.id, actor.unit, actor.role, date, StepFlags{}, EventData{}};
  for (CommandKind kind : LifecycleTable::events()) {
    event.data = blank_data(kind, std::make_index_sequence<std::variant_size_v<EventData>>{});
    // A discovery is asked about before its command names the unit: the actor's own.
    const UnitId unit = kind == CommandKind::discover ? actor.unit : candidate.unit;
    const Step step{*this, candidate, event, actor, Purpose::options, journal_format_version, unit, candidate.level};
    const Walk walked = walk(step);
    result.push_back(Option{kind, walked.refused_by != nullptr ? std::optional<Refusal>(explain(step, walked)) : std::nullopt});
  }
  return result;
}

}  // namespace exemplar
