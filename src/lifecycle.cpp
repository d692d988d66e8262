// The lifecycle decider: checks in a fixed order, then the table, then the plan's gate.
#include "exemplar/lifecycle.hpp"

#include <limits>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "exemplar/calendar.hpp"
#include "exemplar/detail/day_number.hpp"
#include "exemplar/detail/text.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, step_flag_count> step_flag_labels{{
    {"late", "late", "quá hạn"},
    {"waived", "late, waived by the agency head", "quá hạn, được Thủ trưởng cho phép"},
    {"eligibility_warning", "criteria not met (warning)", "chưa đạt tiêu chuẩn (cảnh báo)"},
}};

Refusal argument_error(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

/// A free-text field: required (or not), at most max_text_bytes, valid UTF-8.
std::optional<Refusal> check_text(std::string_view text, const char* subject, bool required) {
  if (required && text.empty()) return argument_error(subject, "it must not be empty", "không được để trống");
  if (text.size() > detail::max_text_bytes) {
    return argument_error(subject, "it is longer than 4096 bytes", "dài quá 4096 byte");
  }
  if (!detail::is_valid_utf8(text)) return argument_error(subject, "it is not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
  return std::nullopt;
}

template <class E>
std::optional<Refusal> check_known(E value, const char* subject) {
  if (is_known(value)) return std::nullopt;
  return argument_error(subject, "the value is not one the library knows", "giá trị không xác định");
}

template <class... Checks>
std::optional<Refusal> first_of(Checks&&... checks) {
  std::optional<Refusal> found;
  ((found ? void() : void(found = std::forward<Checks>(checks))), ...);
  return found;
}

/// Turns a command into the event data it would record, or says what is wrong with its arguments.
class EventMaker {
 public:
  EventMaker(const Candidate& candidate, bg::date date, const CouncilRules& council)
      : candidate_(candidate), date_(date), council_(council) {}

  tl::expected<EventData, Refusal> operator()(const commands::Discover& c) const {
    if (!c.id.valid()) return fail(argument_error("candidate id", "0 is not an id", "0 không phải là mã"));
    if (!c.unit.valid()) return fail(argument_error("unit", "the candidate needs a unit", "ứng viên phải thuộc một đơn vị"));
    if (auto bad = first_of(check_known(c.subject, "subject"), check_known(c.position, "position"),
                            check_known(c.field, "field"), check_known(c.level, "level"),
                            check_text(c.description, "description", true))) {
      return fail(std::move(*bad));
    }
    if ((c.subject == Subject::collective) != (c.position == Position::none)) {
      return fail(argument_error("position", "a collective has no position and an individual has one",
                                 "tập thể không có chức vụ, cá nhân phải có chức vụ"));
    }
    return EventData{events::Discovered{c.subject, c.unit, c.position, c.field, c.level, c.description}};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Foster& c) const {
    if (!c.mentor.valid()) {
      return fail(argument_error("mentor", "fostering needs a named leader in charge", "phải phân công lãnh đạo phụ trách"));
    }
    return EventData{c};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Register& c) const {
    if (auto bad = check_text(c.dossier, "dossier", true)) return fail(std::move(*bad));
    return EventData{events::Registered{static_cast<std::uint16_t>(date_.year()), c.dossier}};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Review& c) const {
    if (c.members == 0) return fail(argument_error("council members", "the council has no members", "Hội đồng không có thành viên"));
    if (c.present > c.members) {
      return fail(argument_error("council attendance", "more members present than the council has",
                                 "số thành viên dự họp nhiều hơn số thành viên Hội đồng"));
    }
    if (static_cast<unsigned>(c.votes_for) + c.votes_against > c.present) {
      return fail(argument_error("votes", "votes for and against add up to more than the members present",
                                 "số phiếu đồng ý và không đồng ý nhiều hơn số thành viên dự họp"));
    }
    if (!council_.has_quorum(c.members, c.present)) {
      return fail(refuse(RefusalCode::no_quorum)
                      .with_subject("council attendance")
                      .with_detail(std::to_string(c.present) + " of " + std::to_string(c.members) + " members present",
                                   std::to_string(c.present) + "/" + std::to_string(c.members) + " thành viên dự họp"));
    }
    const bool proposed = council_.approves(c.members, c.votes_for);
    return EventData{events::Reviewed{c.members, c.present, c.votes_for, c.votes_against, proposed}};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Recognize& c) const {
    auto number = DecisionNumber::parse(c.decision_number);
    if (!number) return fail(std::move(number.error()));
    if (auto bad = check_date(c.decision_date, "decision date")) return fail(std::move(*bad));
    if (c.decision_date > date_) {
      return fail(argument_error("decision date", "the decision is dated after the step that records it",
                                 "ngày quyết định sau ngày ghi nhận")
                      .with_reference(c.decision_date));
    }
    if (!candidate_.last_step.is_special() && c.decision_date < candidate_.last_step) {
      return fail(refuse(RefusalCode::date_out_of_order).with_date(c.decision_date).with_reference(candidate_.last_step)
                      .with_subject("decision date"));
    }
    return EventData{events::Recognized{*number, c.decision_date}};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Commend& c) const {
    if (auto bad = check_known(c.award, "award")) return fail(std::move(*bad));
    return EventData{c};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Replicate& c) const {
    if (auto bad = first_of(check_known(c.activity, "replication activity"), check_text(c.note, "note", false))) {
      return fail(std::move(*bad));
    }
    return EventData{c};
  }

  tl::expected<EventData, Refusal> operator()(const commands::Withdraw& c) const { return with_reason(c); }
  tl::expected<EventData, Refusal> operator()(const commands::Reject& c) const { return with_reason(c); }
  tl::expected<EventData, Refusal> operator()(const commands::Disqualify& c) const { return with_reason(c); }
  tl::expected<EventData, Refusal> operator()(const commands::Revoke& c) const { return with_reason(c); }

  tl::expected<EventData, Refusal> operator()(const commands::Nominate&) const {
    const auto to = next_level(candidate_.level);
    if (!to) return fail(refuse(RefusalCode::no_higher_level).with_level(candidate_.level));
    return EventData{events::Nominated{candidate_.level, *to}};
  }

 private:
  static tl::unexpected<Refusal> fail(Refusal refusal) { return tl::make_unexpected(std::move(refusal)); }

  template <class WithReason>
  tl::expected<EventData, Refusal> with_reason(const WithReason& c) const {
    if (auto bad = check_text(c.reason, "reason", true)) return fail(std::move(*bad));
    return EventData{c};
  }

  const Candidate& candidate_;
  bg::date date_;
  const CouncilRules& council_;
};

/// The event data a command kind records when given default arguments: what options() fires the
/// table with, so that guards reading only the candidate are consulted.
EventData default_event_data(CommandKind kind) {
  switch (kind) {
    case CommandKind::discover: return events::Discovered{};
    case CommandKind::foster: return events::Fostered{};
    case CommandKind::register_: return events::Registered{};
    case CommandKind::review: return events::Reviewed{};
    case CommandKind::recognize: return events::Recognized{};
    case CommandKind::commend: return events::Commended{};
    case CommandKind::replicate: return events::Replicated{};
    case CommandKind::withdraw: return events::Withdrawn{};
    case CommandKind::reject: return events::Rejected{};
    case CommandKind::disqualify: return events::Disqualified{};
    case CommandKind::nominate: return events::Nominated{};
    case CommandKind::revoke: return events::Revoked{};
  }
  throw std::invalid_argument("default_event_data: unknown command kind");
}

/// The facts an event changes, beyond the stage and the date.
struct Recorder {
  Candidate& c;
  bg::date date;

  void operator()(const events::Discovered& e) const {
    c.subject = e.subject;
    c.unit = e.unit;
    c.position = e.position;
    c.field = e.field;
    c.level = e.level;
    c.round_year = static_cast<std::uint16_t>(date.year());
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
    c.decision = e.decision_number;
    c.decision_date = e.decision_date;
  }
  void operator()(const events::Commended& e) const { c.award = e.award; }
  void operator()(const events::Replicated& e) const {
    auto& count = c.replications[static_cast<std::size_t>(e.activity)];
    if (count < std::numeric_limits<std::uint16_t>::max()) ++count;
  }
  void operator()(const events::Nominated& e) const {
    // A new round one level up: the previous round's council and decision facts no longer apply;
    // mentor and replication counts are the exemplar's history and stay.
    c.level = e.to;
    c.round_year = static_cast<std::uint16_t>(date.year());
    c.council_proposed = false;
    c.votes_for = c.votes_against = c.council_members = 0;
    c.decision = DecisionNumber{};
    c.decision_date = bg::date{bg::not_a_date_time};
    c.award = Award::public_commendation;
  }
  template <class Off>
  void operator()(const Off&) const {}
};

/// The enum values inside event data are known (data from a journal may carry anything).
std::optional<Refusal> check_event_data(const EventData& data) {
  if (const auto* d = std::get_if<events::Discovered>(&data)) {
    return first_of(check_known(d->subject, "subject"), check_known(d->position, "position"),
                    check_known(d->field, "field"), check_known(d->level, "level"));
  }
  if (const auto* d = std::get_if<events::Commended>(&data)) return check_known(d->award, "award");
  if (const auto* d = std::get_if<events::Replicated>(&data)) return check_known(d->activity, "replication activity");
  if (const auto* d = std::get_if<events::Nominated>(&data)) {
    if (next_level(d->from) != std::optional<Level>{d->to}) {
      return argument_error("nomination", "a nomination goes exactly one level up", "chỉ đề nghị lên một cấp");
    }
  }
  return std::nullopt;
}

/// The supported years' bounds as day numbers, so that a step's date is checked without building
/// a year-month-day from it.
constexpr auto first_supported_day = static_cast<std::uint32_t>(detail::day_number(first_supported_year, 1, 1));
constexpr auto last_supported_day = static_cast<std::uint32_t>(detail::day_number(last_supported_year, 12, 31));

/// The year of a step's day number.
constexpr std::uint16_t year_of(std::uint32_t day) noexcept {
  return static_cast<std::uint16_t>(detail::civil_of(day).year);
}

/// The same verdict as check_text, as a bool.
bool text_ok(std::string_view text, bool required) noexcept {
  return (!required || !text.empty()) && text.size() <= detail::max_text_bytes && detail::is_valid_utf8(text);
}

/// What a guard sees on the fast path: the standing before the step and, for a review, whether the
/// council proposed.
struct StandingStep {
  const Standing& standing;
  bool proposed;
};

namespace standing_guards {
bool council_proposed(const StandingStep& step) noexcept { return step.proposed; }
bool council_did_not_propose(const StandingStep& step) noexcept { return !step.proposed; }
bool has_council_proposal(const StandingStep& step) noexcept { return step.standing.council_proposed; }
bool has_recognition(const StandingStep& step) noexcept { return step.standing.recognized; }
bool has_higher_level(const StandingStep& step) noexcept { return next_level(step.standing.level).has_value(); }
RefusalCode missing_prerequisite(const StandingStep&) { return RefusalCode::missing_prerequisite; }
RefusalCode no_higher_level(const StandingStep&) { return RefusalCode::no_higher_level; }
}  // namespace standing_guards

constexpr std::size_t lifecycle_row_count = std::tuple_size_v<std::decay_t<decltype(lifecycle_table.rows())>>;
using StandingTable = fsm::Table<Stage, CommandKind, StandingStep, RefusalCode, stage_count, command_count, lifecycle_row_count>;
using StandingRow = StandingTable::row_type;

/// Each lifecycle guard's counterpart over a Standing, found by the guard's name (a function's
/// address is not a constant GCC can compare under the sanitizers). A guard added to
/// lifecycle_table without one stops the build here, so the fast path cannot silently skip a rule;
/// tests/standing_test.cpp checks that every name belongs to its guard.
constexpr StandingRow::Guard standing_guard(std::string_view guard) {
  if (guard.empty()) return nullptr;
  if (guard == "council_proposed") return &standing_guards::council_proposed;
  if (guard == "council_did_not_propose") return &standing_guards::council_did_not_propose;
  if (guard == "has_council_proposal") return &standing_guards::has_council_proposal;
  if (guard == "has_recognition") return &standing_guards::has_recognition;
  if (guard == "has_higher_level") return &standing_guards::has_higher_level;
  throw std::logic_error("a lifecycle guard has no counterpart over a Standing");
}

constexpr StandingRow::Explain standing_explain(std::string_view guard) {
  if (guard.empty()) return nullptr;
  if (guard == "has_higher_level") return &standing_guards::no_higher_level;
  return &standing_guards::missing_prerequisite;
}

constexpr std::array<StandingRow, lifecycle_row_count> standing_rows() {
  std::array<StandingRow, lifecycle_row_count> rows{};
  for (std::size_t i = 0; i < lifecycle_row_count; ++i) {
    const LifecycleRow& row = lifecycle_table.rows()[i];
    rows[i] = StandingRow{row.from, row.event, row.to, standing_guard(row.guard_name), row.guard_name,
                          standing_explain(row.guard_name)};
  }
  return rows;
}

/// lifecycle_table with its guards read from a Standing: the same rows, so the same arrows.
constexpr StandingTable standing_table{standing_rows()};

/// The first argument check EventMaker would refuse, as its code; `proposed` gets a review's outcome.
std::optional<RefusalCode> argument_problem(const Command& command, const Standing& standing, std::uint32_t day,
                                            const CouncilRules& council, bool& proposed) noexcept {
  constexpr auto bad = RefusalCode::invalid_argument;
  switch (kind_of(command)) {
    case CommandKind::discover: {
      const auto& c = *std::get_if<commands::Discover>(&command);
      if (!c.id.valid() || !c.unit.valid() || !is_known(c.subject) || !is_known(c.position) || !is_known(c.field) ||
          !is_known(c.level) || !text_ok(c.description, true) ||
          (c.subject == Subject::collective) != (c.position == Position::none)) {
        return bad;
      }
      return std::nullopt;
    }
    case CommandKind::foster:
      if (!std::get_if<commands::Foster>(&command)->mentor.valid()) return bad;
      return std::nullopt;
    case CommandKind::register_:
      if (!text_ok(std::get_if<commands::Register>(&command)->dossier, true)) return bad;
      return std::nullopt;
    case CommandKind::review: {
      const auto& c = *std::get_if<commands::Review>(&command);
      if (c.members == 0 || c.present > c.members || static_cast<unsigned>(c.votes_for) + c.votes_against > c.present) {
        return bad;
      }
      if (!council.has_quorum(c.members, c.present)) return RefusalCode::no_quorum;
      proposed = council.approves(c.members, c.votes_for);
      return std::nullopt;
    }
    case CommandKind::recognize: {
      const auto& c = *std::get_if<commands::Recognize>(&command);
      if (!text_ok(c.decision_number, true) || c.decision_number.size() > DecisionNumber::capacity) return bad;
      if (c.decision_date.is_special()) return RefusalCode::invalid_date;
      const auto decided = static_cast<std::uint32_t>(c.decision_date.day_number());
      if (decided < first_supported_day || decided > last_supported_day) return RefusalCode::date_out_of_range;
      if (decided > day) return bad;
      if (standing.last_day != 0 && decided < standing.last_day) return RefusalCode::date_out_of_order;
      return std::nullopt;
    }
    case CommandKind::commend:
      if (!is_known(std::get_if<commands::Commend>(&command)->award)) return bad;
      return std::nullopt;
    case CommandKind::replicate: {
      const auto& c = *std::get_if<commands::Replicate>(&command);
      if (!is_known(c.activity) || !text_ok(c.note, false)) return bad;
      return std::nullopt;
    }
    case CommandKind::withdraw: return text_ok(std::get_if<commands::Withdraw>(&command)->reason, true) ? std::nullopt : std::optional{bad};
    case CommandKind::reject: return text_ok(std::get_if<commands::Reject>(&command)->reason, true) ? std::nullopt : std::optional{bad};
    case CommandKind::disqualify: return text_ok(std::get_if<commands::Disqualify>(&command)->reason, true) ? std::nullopt : std::optional{bad};
    case CommandKind::revoke: return text_ok(std::get_if<commands::Revoke>(&command)->reason, true) ? std::nullopt : std::optional{bad};
    case CommandKind::nominate:
      if (!next_level(standing.level)) return RefusalCode::no_higher_level;
      return std::nullopt;
  }
  return bad;
}

}  // namespace

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

LabelTable label_table(StepFlag) noexcept { return LabelTable{step_flag_labels.data(), step_flag_labels.size()}; }

tl::expected<DecisionNumber, Refusal> DecisionNumber::parse(std::string_view text) {
  if (auto bad = check_text(text, "decision number", true)) return tl::make_unexpected(std::move(*bad));
  if (text.size() > capacity) {
    return tl::make_unexpected(argument_error("decision number", "it is longer than 19 bytes", "dài quá 19 byte"));
  }
  DecisionNumber number;
  for (std::size_t i = 0; i < text.size(); ++i) number.chars_[i] = text[i];
  number.size_ = static_cast<std::uint8_t>(text.size());
  return number;
}

Standing Standing::of(const Candidate& candidate) noexcept {
  Standing standing;
  standing.unit = candidate.unit;
  standing.last_day = candidate.last_step.is_special() ? 0 : static_cast<std::uint32_t>(candidate.last_step.day_number());
  standing.round_year = candidate.round_year;
  standing.stage = candidate.stage;
  standing.level = candidate.level;
  standing.council_proposed = candidate.council_proposed;
  standing.recognized = guards::has_recognition(Transit{candidate, EventData{}});
  return standing;
}

unsigned Candidate::replication_total() const noexcept {
  unsigned total = 0;
  for (auto count : replications) total += count;
  return total;
}

bool operator==(const Candidate& a, const Candidate& b) noexcept {
  return a.id == b.id && a.unit == b.unit && a.mentor == b.mentor && a.last_step == b.last_step &&
         a.decision_date == b.decision_date && a.decision == b.decision && a.round_year == b.round_year &&
         a.votes_for == b.votes_for && a.votes_against == b.votes_against &&
         a.council_members == b.council_members && a.replications == b.replications && a.stage == b.stage &&
         a.subject == b.subject && a.position == b.position && a.level == b.level && a.field == b.field &&
         a.award == b.award && a.council_proposed == b.council_proposed;
}

Workflow::Workflow() : Workflow(Policy::defaults(), CouncilRules{}) {}

Workflow::Workflow(Policy policy, CouncilRules council, const StepGate* gate)
    : policy_(std::move(policy)), council_(council), gate_(gate) {}

std::optional<RefusalCode> Workflow::screen(Stage stage, CommandKind kind, UnitId unit, Level level, const Actor& actor,
                                            bg::date date, std::uint32_t last_day) const noexcept {
  // Outside the supported years too: deadline arithmetic on such a date would leave Boost's range.
  if (date.is_special()) return RefusalCode::invalid_date;
  const auto day = static_cast<std::uint32_t>(date.day_number());
  if (day < first_supported_day || day > last_supported_day) return RefusalCode::date_out_of_range;
  if (static_cast<std::size_t>(stage) >= stage_count) return RefusalCode::invalid_argument;
  if (is_terminal(stage)) return RefusalCode::stage_is_terminal;
  if (!lifecycle_table.has_transition(stage, kind)) return RefusalCode::not_allowed_from_stage;
  // A discovery's level comes from the command: named before the policy, which would otherwise
  // call an unknown level a missing right.
  if (kind == CommandKind::discover && static_cast<std::size_t>(level) >= level_count) return RefusalCode::invalid_argument;
  if (auto denied = policy_.denial(actor, kind, stage, level, unit)) return denied;
  if (last_day != 0 && day < last_day) return RefusalCode::date_out_of_order;
  return std::nullopt;
}

std::optional<Refusal> Workflow::precheck(const Candidate& c, CommandKind kind, const Command* command,
                                          const Actor& actor, bg::date date) const {
  // Discovery creates the candidate: its unit and level come from the command.
  UnitId unit = c.unit;
  Level level = c.level;
  if (kind == CommandKind::discover) {
    const auto* discover = command ? std::get_if<commands::Discover>(command) : nullptr;
    unit = discover ? discover->unit : actor.unit;
    level = discover ? discover->level : c.level;
  }
  const auto last_day = c.last_step.is_special() ? 0U : static_cast<std::uint32_t>(c.last_step.day_number());
  const auto code = screen(c.stage, kind, unit, level, actor, date, last_day);
  if (!code) return std::nullopt;
  // The same verdict, with the facts a person needs.
  switch (*code) {
    case RefusalCode::invalid_date:
    case RefusalCode::date_out_of_range: return std::move(check_date(date)->with_command(kind).with_stage(c.stage));
    case RefusalCode::invalid_argument:
      if (!is_known(c.stage)) return argument_error("stage", "the candidate's stage is not one the library knows", "giai đoạn không xác định");
      return check_known(level, "level");
    case RefusalCode::not_authorised:
    case RefusalCode::outside_actor_unit: return policy_.check(actor, kind, c.stage, level, unit);
    case RefusalCode::date_out_of_order:
      return refuse(RefusalCode::date_out_of_order).with_command(kind).with_stage(c.stage).with_date(date).with_reference(c.last_step);
    default: return refuse(*code).with_command(kind).with_stage(c.stage);
  }
}

tl::expected<Event, Refusal> Workflow::decide(const Candidate& candidate, const Command& command,
                                              const Actor& actor, bg::date date) const {
  const CommandKind kind = kind_of(command);
  if (auto refusal = precheck(candidate, kind, &command, actor, date)) return tl::make_unexpected(std::move(*refusal));

  auto data = std::visit(EventMaker{candidate, date, council_}, command);
  if (!data) {
    Refusal refusal = std::move(data.error());
    refusal.command = kind;
    refusal.stage = candidate.stage;
    if (!refusal.date) refusal.date = date;
    return tl::make_unexpected(std::move(refusal));
  }

  const Transit step{candidate, *data};
  const auto fired = lifecycle_table.fire(candidate.stage, kind, step);
  if (!fired.taken()) {
    Refusal refusal = fired.failure(step).value_or(refuse(RefusalCode::not_allowed_from_stage));
    refusal.command = kind;
    refusal.stage = candidate.stage;
    return tl::make_unexpected(std::move(refusal));
  }

  StepFlags flags = 0;
  if (gate_ != nullptr) {
    GateVerdict verdict = gate_->check(GateQuery{candidate, kind, &command, actor, date});
    if (verdict.refusal) return tl::make_unexpected(std::move(*verdict.refusal));
    flags = verdict.flags;
  }

  const CandidateId id = kind == CommandKind::discover ? std::get<commands::Discover>(command).id : candidate.id;
  return Event{id, actor.id, actor.role, date, std::move(*data), flags};
}

tl::expected<Candidate, Refusal> Workflow::apply(const Candidate& candidate, const Event& event) const {
  const CommandKind kind = event.kind();
  auto fail = [&](Refusal refusal) {
    refusal.command = kind;
    refusal.stage = candidate.stage;
    return tl::make_unexpected(std::move(refusal));
  };
  if (auto bad = check_date(event.date)) return fail(std::move(*bad));
  if (!is_known(candidate.stage)) return fail(argument_error("stage", "the candidate's stage is not one the library knows", "giai đoạn không xác định"));
  if (is_terminal(candidate.stage)) return fail(refuse(RefusalCode::stage_is_terminal));
  if (!lifecycle_table.has_transition(candidate.stage, kind)) return fail(refuse(RefusalCode::not_allowed_from_stage));
  if (!event.candidate.valid() || (kind != CommandKind::discover && event.candidate != candidate.id)) {
    return fail(argument_error("candidate id", "the event belongs to another candidate", "sự kiện thuộc về ứng viên khác"));
  }
  if (!candidate.last_step.is_special() && event.date < candidate.last_step) {
    return fail(refuse(RefusalCode::date_out_of_order).with_date(event.date).with_reference(candidate.last_step));
  }
  if (auto bad = check_event_data(event.data)) return fail(std::move(*bad));

  const Transit step{candidate, event.data};
  const auto fired = lifecycle_table.fire(candidate.stage, kind, step);
  if (!fired.taken()) return fail(fired.failure(step).value_or(refuse(RefusalCode::not_allowed_from_stage)));

  Candidate next = candidate;
  if (kind == CommandKind::discover) next.id = event.candidate;
  next.stage = fired.row->to;
  next.last_step = event.date;
  std::visit(Recorder{next, event.date}, event.data);
  return next;
}

Candidate Workflow::evolve(const Candidate& candidate, const Event& event) const {
  auto next = apply(candidate, event);
  if (!next) throw std::invalid_argument("exemplar::Workflow::evolve: " + next.error().message());
  return std::move(*next);
}

std::optional<RefusalCode> Workflow::advance(Standing& standing, const Command& command, const Actor& actor,
                                             bg::date date) const {
  if (gate_ != nullptr) {
    throw std::logic_error("exemplar::Workflow::advance: this Workflow has a plan's gate, which needs the whole Candidate; use decide");
  }
  // The checks decide makes first, then the command's arguments, then the table's guards.
  const CommandKind kind = kind_of(command);
  UnitId unit = standing.unit;
  Level level = standing.level;
  if (const auto* discover = std::get_if<commands::Discover>(&command)) {
    unit = discover->unit;
    level = discover->level;
  }
  if (auto refused = screen(standing.stage, kind, unit, level, actor, date, standing.last_day)) return refused;
  const auto day = static_cast<std::uint32_t>(date.day_number());

  bool proposed = false;
  if (auto bad = argument_problem(command, standing, day, council_, proposed)) return bad;
  const StandingStep step{standing, proposed};
  const auto fired = standing_table.fire(standing.stage, kind, step);
  if (!fired.taken()) {
    return fired.blocked != nullptr && fired.blocked->explain != nullptr ? fired.blocked->explain(step)
                                                                         : RefusalCode::not_allowed_from_stage;
  }

  // What evolve's Recorder writes, for the facts a Standing holds.
  Standing next = standing;
  next.stage = fired.row->to;
  next.last_day = day;
  switch (kind) {
    case CommandKind::discover:
      next.unit = unit;
      next.level = level;
      next.round_year = year_of(day);
      break;
    case CommandKind::register_: next.round_year = year_of(day); break;
    case CommandKind::review: next.council_proposed = proposed; break;
    case CommandKind::recognize: next.recognized = true; break;
    case CommandKind::nominate:
      next.level = *next_level(standing.level);
      next.round_year = year_of(day);
      next.council_proposed = false;
      next.recognized = false;
      break;
    default: break;
  }
  standing = next;
  return std::nullopt;
}

std::vector<Option> Workflow::options(const Candidate& candidate, const Actor& actor, bg::date date) const {
  std::vector<Option> result;
  result.reserve(command_count);
  for (CommandKind kind : LifecycleTable::events()) {
    std::optional<Refusal> refusal = precheck(candidate, kind, nullptr, actor, date);
    if (!refusal) {
      const EventData data = default_event_data(kind);
      const Transit step{candidate, data};
      refusal = lifecycle_table.fire(candidate.stage, kind, step).failure(step);
      if (refusal) {
        refusal->command = kind;
        refusal->stage = candidate.stage;
      }
    }
    if (!refusal && gate_ != nullptr) refusal = gate_->check(GateQuery{candidate, kind, nullptr, actor, date}).refusal;
    result.push_back(Option{kind, std::move(refusal)});
  }
  return result;
}

}  // namespace exemplar
