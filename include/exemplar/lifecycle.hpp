// exemplar/lifecycle.hpp: the candidate exemplar's lifecycle as a decider, decided by one pipeline.
//
//   discovered → fostered → registered → reviewed → recognized → commended → replicated
//   off-ramps: withdrawn, rejected, disqualified, revoked; nominate: one level up, registered again;
//   propose: a higher award is proposed to the level that grants it
//
//   DecisionNumber                          a decision's number ("45/QĐ-TTr"), at most 19 bytes
//   Candidate                               the state a host keeps for one candidate (≤ 64 bytes)
//   commands::Discover ... commands::Propose  what a person asks; Command = variant of them
//   events::Discovered ... events::Proposed   what happened; Event = {candidate, actor, date, data, flags}
//   every event, the Event header and the Candidate describe their fields once (fields.hpp)
//   lifecycle_table                         the transition table (fsm.hpp), one row per arrow
//   guards::                                the rows' named guards; find_guard(name) for plans
//   Step, CheckOutcome, Check, Reads        one step as the checks see it; a named check
//   standard_checks()                       the one ordered list every projection walks
//   Workflow                                decide / evolve / apply / options over a Procedure
//
// The decider shape: decide(candidate, command, actor, date) -> expected<Event, Refusal> changes
// nothing; evolve(candidate, event) -> candidate applies what decide produced; replaying a
// candidate's events from Candidate{} rebuilds it exactly.
//
// One pipeline decides every step. decide makes the event the command asks for, then walks the
// workflow's ordered list of named checks: the date, the table's row, authority, date order, the
// arguments, the award's ceiling, the plan's timing, quotas, eligibility, the row's guards. apply
// walks the same list over a stored event, leaving out the checks that read the live plan state
// (their verdict is in the event's flags); options walks it for every command without arguments.
// Each check is a cheap predicate that returns a stable code; its bilingual explanation is built
// only for the refusal a caller receives.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "authority.hpp"
#include "council.hpp"
#include "fields.hpp"
#include "fsm.hpp"
#include "ids.hpp"
#include "procedure.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// The newest format of stored records, snapshots and candidates this library writes and reads;
/// each field's description says the version that added it, and older formats stay readable.
/// Version 2 added the actor's unit to every event and the awards proposed upward to a candidate;
/// version 3 added the number of the submission that carries a proposal upward.
inline constexpr std::uint16_t journal_format_version = 3;
/// The format that added the actor's unit to events: older records name only the actor's role.
inline constexpr std::uint16_t format_with_actor_unit = 2;
/// The format that added the submission number to a proposal: older proposals have none.
inline constexpr std::uint16_t format_with_submission = 3;

/// The number of a recognition decision, such as "45/QĐ-TTr". Stored inline so a Candidate stays
/// small; longer numbers are refused rather than cut.
class DecisionNumber {
 public:
  static constexpr std::size_t capacity = 19;

  constexpr DecisionNumber() noexcept = default;

  /// The number, or a refusal when it is empty or longer than `capacity` bytes.
  [[nodiscard]] static tl::expected<DecisionNumber, Refusal> parse(std::string_view text);

  [[nodiscard]] std::string_view view() const noexcept { return {chars_.data(), size_}; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  friend bool operator==(const DecisionNumber& a, const DecisionNumber& b) noexcept { return a.view() == b.view(); }
  friend bool operator!=(const DecisionNumber& a, const DecisionNumber& b) noexcept { return !(a == b); }

 private:
  std::array<char, capacity> chars_{};
  std::uint8_t size_ = 0;
};

/// Marks an accepted step may carry, set by the plan's checks.
enum class StepFlag : std::uint8_t {
  late,                 ///< taken after its deadline and accepted as the plan allows
  waived,               ///< taken late with the agency head's waiver
  eligibility_warning,  ///< registered although the criteria were not met (the plan's soft guard), or with
                        ///< counted criteria failed so that only the council's judgement can carry it
};
inline constexpr std::size_t step_flag_count = 3;
[[nodiscard]] LabelTable label_table(StepFlag) noexcept;
template <>
struct enumerators<StepFlag> {
  static constexpr std::size_t count = step_flag_count;
};

/// A set of StepFlag.
using StepFlags = EnumSet<StepFlag, std::uint8_t>;

/// One candidate as the host keeps it: identity, where it stands, and the facts later steps need.
/// A plain value: copy it, compare it, store it. History lives in the host's journal of events.
struct Candidate {
  CandidateId id;
  UnitId unit;
  ActorId mentor;                                   ///< the leader in charge of fostering
  boost::gregorian::date last_step{boost::gregorian::not_a_date_time};  ///< date of the last event
  boost::gregorian::date decision_date{boost::gregorian::not_a_date_time};  ///< recognition decision
  DecisionNumber decision;                          ///< recognition decision's number
  std::uint16_t round_year = 0;                     ///< the year of the current round
  std::uint16_t votes_for = 0;                      ///< the council's last review
  std::uint16_t votes_against = 0;
  std::uint16_t council_members = 0;
  PerKind<Replication, std::uint16_t, replication_count> replications{};  ///< activities recorded, by kind
  Stage stage = Stage::initial;
  Subject subject = Subject::individual;
  Position position = Position::none;
  Level level = Level::agency;
  Field field = Field::general;
  Award award = Award::public_commendation;         ///< meaningful from `commended` on
  bool council_proposed = false;                    ///< the council proposed recognition this round
  AwardSet proposed_awards;                         ///< higher awards proposed upward and not yet conferred

  /// The total of replication activities recorded so far, over every level.
  [[nodiscard]] unsigned replication_total() const noexcept;

  static constexpr auto fields() {
    return std::make_tuple(
        field_of({"id", "candidate", "ứng viên"}, &Candidate::id),
        field_of({"unit", "unit", "đơn vị"}, &Candidate::unit),
        field_of({"mentor", "leader in charge", "lãnh đạo phụ trách"}, &Candidate::mentor),
        field_of({"last_step", "date of the last step", "ngày của bước gần nhất"}, &Candidate::last_step),
        field_of({"decision_date", "date of the recognition decision", "ngày quyết định công nhận"}, &Candidate::decision_date),
        field_of({"decision", "number of the recognition decision", "số quyết định công nhận"}, &Candidate::decision),
        field_of({"round_year", "year of the round", "năm của đợt"}, &Candidate::round_year),
        field_of({"votes_for", "votes for", "số phiếu đồng ý"}, &Candidate::votes_for),
        field_of({"votes_against", "votes against", "số phiếu không đồng ý"}, &Candidate::votes_against),
        field_of({"council_members", "council members", "số thành viên Hội đồng"}, &Candidate::council_members),
        field_of({"replications", "replication activities", "hoạt động nhân rộng"}, &Candidate::replications),
        field_of({"stage", "stage", "trạng thái"}, &Candidate::stage),
        field_of({"subject", "subject", "đối tượng"}, &Candidate::subject),
        field_of({"position", "position", "chức vụ"}, &Candidate::position),
        field_of({"level", "level", "cấp"}, &Candidate::level),
        field_of({"field", "field", "lĩnh vực"}, &Candidate::field),
        field_of({"award", "form of award", "hình thức khen thưởng"}, &Candidate::award),
        field_of({"council_proposed", "proposed by the council", "được Hội đồng đề nghị"}, &Candidate::council_proposed),
        field_of({"proposed_awards", "awards proposed upward", "hình thức khen thưởng đã đề nghị cấp trên"},
              &Candidate::proposed_awards, FieldRules{}.added_in(2)));
  }
};

/// A free-text reason, the one argument of the off-ramps (withdraw, reject, disqualify, revoke).
template <CommandKind Kind>
struct Reason {
  std::string reason;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"reason", "reason", "lý do"}, &Reason::reason, mandatory));
  }
};

namespace events {
using described::operator==;
using described::operator!=;

/// The candidate as discovered: everything a Candidate's identity needs but its id, which the
/// Event carries.
struct Discovered {
  Subject subject = Subject::individual;
  UnitId unit;
  Position position = Position::none;  ///< Position::none for a collective
  Field field = Field::general;
  Level level = Level::agency;         ///< the level at which it starts its walk
  std::string description;             ///< a short description of the new factor or model

  static constexpr auto fields() {
    return std::make_tuple(field_of({"subject", "subject", "đối tượng"}, &Discovered::subject),
                           field_of({"unit", "unit", "đơn vị"}, &Discovered::unit, mandatory),
                           field_of({"position", "position", "chức vụ"}, &Discovered::position),
                           field_of({"field", "field", "lĩnh vực"}, &Discovered::field),
                           field_of({"level", "level", "cấp"}, &Discovered::level),
                           field_of({"description", "description", "mô tả"}, &Discovered::description, mandatory));
  }
};
}  // namespace events

namespace commands {
using described::operator==;
using described::operator!=;

/// Put a newly found collective or individual on the books (phát hiện): candidate `id`, as described.
struct Discover {
  CandidateId id;
  events::Discovered as;
};
/// Assign a leader in charge of fostering (000 IV.1 "phân công lãnh đạo phụ trách").
struct Foster {
  ActorId mentor;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"mentor", "leader in charge", "lãnh đạo phụ trách"}, &Foster::mentor, mandatory));
  }
};
/// Put the candidate on the registration list, with a description of its model (001 II.2).
struct Register {
  std::string dossier;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"dossier", "dossier", "hồ sơ"}, &Register::dossier, mandatory));
  }
};
/// The council's deliberation: who sat and how they voted (001 II.2).
struct Review {
  std::uint16_t members = 0;  ///< the whole membership: the denominator of quorum and approval
  std::uint16_t present = 0;
  std::uint16_t votes_for = 0;
  std::uint16_t votes_against = 0;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"members", "council members", "số thành viên Hội đồng"}, &Review::members),
                           field_of({"present", "members present", "số thành viên dự họp"}, &Review::present),
                           field_of({"votes_for", "votes for", "số phiếu đồng ý"}, &Review::votes_for),
                           field_of({"votes_against", "votes against", "số phiếu không đồng ý"}, &Review::votes_against));
  }
};
/// The agency head's recognition decision (001 II.2).
struct Recognize {
  std::string decision_number;  ///< at most DecisionNumber::capacity bytes
  boost::gregorian::date decision_date{boost::gregorian::not_a_date_time};

  static constexpr auto fields() {
    return std::make_tuple(
        field_of({"decision_number", "decision number", "số quyết định"}, &Recognize::decision_number,
              mandatory.at_most(DecisionNumber::capacity)),
        field_of({"decision_date", "decision date", "ngày quyết định"}, &Recognize::decision_date, mandatory));
  }
};
/// Grant the form of award (001 II.3; 004 V.2), within the actor's power or as conferred above on
/// the agency's proposal.
struct Commend {
  Award award = Award::agency_certificate;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"award", "form of award", "hình thức khen thưởng"}, &Commend::award));
  }
};
/// Record one replication activity (001 II.3; 000 IV.2).
struct Replicate {
  Replication activity = Replication::meeting;
  std::string note;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"activity", "replication activity", "hoạt động nhân rộng"}, &Replicate::activity),
                           field_of({"note", "note", "ghi chú"}, &Replicate::note));
  }
};
using Withdraw = Reason<CommandKind::withdraw>;
using Reject = Reason<CommandKind::reject>;
/// For example, a disciplinary sanction (000 II.2a; 003 III.1; 004 III.1).
using Disqualify = Reason<CommandKind::disqualify>;
/// Send an exemplar one level up, registered again (003 IV.1).
struct Nominate {};
/// Take back an award, for fraud or a later sanction (Law 06/2022).
using Revoke = Reason<CommandKind::revoke>;
/// Propose a higher award to the level that grants it (004 V.2 «đề nghị cấp trên xét khen thưởng»).
struct Propose {
  Award award = Award::provincial_certificate;
  std::string submission{};  ///< the number of the agency's submission (tờ trình), such as "25/TTr-TTr"

  /// The record format that added this event: a record of an older format cannot hold it.
  static constexpr std::uint16_t since = 2;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"award", "form of award", "hình thức khen thưởng"}, &Propose::award),
                           field_of({"submission", "submission number", "số tờ trình"}, &Propose::submission,
                                    FieldRules{}.added_in(format_with_submission).at_most(DecisionNumber::capacity)));
  }
};

}  // namespace commands

/// A command, in CommandKind order.
using Command = std::variant<commands::Discover, commands::Foster, commands::Register, commands::Review,
                             commands::Recognize, commands::Commend, commands::Replicate,
                             commands::Withdraw, commands::Reject, commands::Disqualify,
                             commands::Nominate, commands::Revoke, commands::Propose>;

/// The kind of a command.
[[nodiscard]] inline CommandKind kind_of(const Command& command) noexcept {
  return static_cast<CommandKind>(command.index());
}

namespace events {
using Fostered = commands::Foster;
/// Registered for the round of `year`, the year of the step.
struct Registered : commands::Register {
  std::uint16_t year = 0;

  static constexpr auto fields() {
    return std::tuple_cat(std::make_tuple(field_of({"year", "year of the round", "năm của đợt"}, &Registered::year)),
                          commands::Register::fields());
  }
};
/// The council's review and whether it proposed recognition under the plan's council rules.
struct Reviewed : commands::Review {
  bool proposed = false;

  static constexpr auto fields() {
    return std::tuple_cat(commands::Review::fields(),
                          std::make_tuple(field_of({"proposed", "proposed recognition", "đề nghị công nhận"}, &Reviewed::proposed)));
  }
};
using Recognized = commands::Recognize;
using Commended = commands::Commend;
using Replicated = commands::Replicate;
using Withdrawn = commands::Withdraw;
using Rejected = commands::Reject;
using Disqualified = commands::Disqualify;
/// Sent up from one level to the next.
struct Nominated {
  Level from = Level::agency;
  Level to = Level::province;

  static constexpr auto fields() {
    return std::make_tuple(field_of({"from", "from level", "từ cấp"}, &Nominated::from),
                           field_of({"to", "to level", "lên cấp"}, &Nominated::to));
  }
};
using Revoked = commands::Revoke;
using Proposed = commands::Propose;

}  // namespace events

/// What an event says happened, in CommandKind order.
using EventData = std::variant<events::Discovered, events::Fostered, events::Registered, events::Reviewed,
                               events::Recognized, events::Commended, events::Replicated,
                               events::Withdrawn, events::Rejected, events::Disqualified,
                               events::Nominated, events::Revoked, events::Proposed>;

/// The first record format that holds events of `kind` (an event type says so with a static
/// `since`; the others exist since format 1).
[[nodiscard]] std::uint16_t introduced_in(CommandKind kind) noexcept;

/// One accepted step: what the host stores. Replaying a candidate's events rebuilds it.
struct Event {
  CandidateId candidate;
  ActorId actor;
  UnitId actor_unit;  ///< the actor's unit, so a stored event's authority can be checked again
  Role role = Role::unit_head;
  boost::gregorian::date date;
  StepFlags flags;
  EventData data;

  /// The command kind that produced this event.
  [[nodiscard]] CommandKind kind() const noexcept { return static_cast<CommandKind>(data.index()); }
  [[nodiscard]] bool has(StepFlag flag) const noexcept { return flags.contains(flag); }

  /// The fields beside `data`, whose own fields each event type describes.
  static constexpr auto fields() {
    return std::make_tuple(field_of({"candidate", "candidate", "ứng viên"}, &Event::candidate, mandatory),
                           field_of({"actor", "actor", "người thực hiện"}, &Event::actor),
                           field_of({"actor_unit", "actor's unit", "đơn vị của người thực hiện"}, &Event::actor_unit,
                                 FieldRules{}.added_in(format_with_actor_unit)),
                           field_of({"role", "role", "vai trò"}, &Event::role),
                           field_of({"date", "date", "ngày"}, &Event::date, mandatory),
                           field_of({"flags", "flags", "ghi chú"}, &Event::flags));
  }

  friend bool operator==(const Event& a, const Event& b) { return same_fields(a, b) && a.data == b.data; }
  friend bool operator!=(const Event& a, const Event& b) { return !(a == b); }
};

/// What a row guard sees: the candidate before the step and the step's event data.
struct Transit {
  const Candidate& candidate;
  const EventData& data;
};

/// The named guards of the lifecycle's rows: cheap predicates, each with an explanation that makes
/// the refusal only when a blocked step must be explained.
namespace guards {
/// The council's review proposed recognition (001 II.2: the council reviews, then proposes).
[[nodiscard]] bool council_proposed(const Transit& step) noexcept;
/// The council's review did not propose recognition: the candidate is rejected.
[[nodiscard]] bool council_did_not_propose(const Transit& step) noexcept;
/// Recognition needs the council's proposal (001 II.2: "căn cứ kết quả bình xét ... đề nghị").
[[nodiscard]] bool has_council_proposal(const Transit& step) noexcept;
/// Commendation needs a recognition decision (001 II.2-3).
[[nodiscard]] bool has_recognition(const Transit& step) noexcept;
/// Nomination needs a level above the candidate's (unit → agency → province → nation).
[[nodiscard]] bool has_higher_level(const Transit& step) noexcept;

/// Why each guard above blocked a step.
[[nodiscard]] Refusal why_not_proposed(const Transit& step);
[[nodiscard]] Refusal why_proposed(const Transit& step);
[[nodiscard]] Refusal why_no_council_proposal(const Transit& step);
[[nodiscard]] Refusal why_no_recognition(const Transit& step);
[[nodiscard]] Refusal why_no_higher_level(const Transit& step);
}  // namespace guards

/// The lifecycle's transition table type: room for the lifecycle's rows and a plan's extra arrows.
using LifecycleTable = fsm::Table<Stage, CommandKind, Transit, Refusal, stage_count, command_count, 48>;
using LifecycleRow = LifecycleTable::row_type;

/// A guard a plan's arrow may name, with its explanation.
struct NamedGuard {
  std::string_view name;
  LifecycleRow::Guard guard;
  LifecycleRow::Explain explain;
};
/// The guards a row may carry, by name: what a plan file's arrows name.
[[nodiscard]] const std::vector<NamedGuard>& named_guards();
/// The guard called `name`, or null.
[[nodiscard]] const NamedGuard* find_guard(std::string_view name) noexcept;

/// The lifecycle, one row per arrow of the candidate lifecycle (docs/architecture.md).
inline constexpr LifecycleTable lifecycle_table{std::array<LifecycleRow, 29>{{
    // from                 command                  to                    guard
    {Stage::initial,    CommandKind::discover,   Stage::discovered,   nullptr, {}, nullptr},
    {Stage::discovered, CommandKind::foster,     Stage::fostered,     nullptr, {}, nullptr},
    {Stage::discovered, CommandKind::withdraw,   Stage::withdrawn,    nullptr, {}, nullptr},
    {Stage::discovered, CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::fostered,   CommandKind::register_,  Stage::registered,   nullptr, {}, nullptr},
    {Stage::fostered,   CommandKind::withdraw,   Stage::withdrawn,    nullptr, {}, nullptr},
    {Stage::fostered,   CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::registered, CommandKind::review,     Stage::reviewed,     &guards::council_proposed, "council_proposed", &guards::why_not_proposed},
    {Stage::registered, CommandKind::review,     Stage::rejected,     &guards::council_did_not_propose, "council_did_not_propose", &guards::why_proposed},
    {Stage::registered, CommandKind::withdraw,   Stage::withdrawn,    nullptr, {}, nullptr},
    {Stage::registered, CommandKind::reject,     Stage::rejected,     nullptr, {}, nullptr},
    {Stage::registered, CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::reviewed,   CommandKind::recognize,  Stage::recognized,   &guards::has_council_proposal, "has_council_proposal", &guards::why_no_council_proposal},
    {Stage::reviewed,   CommandKind::reject,     Stage::rejected,     nullptr, {}, nullptr},
    {Stage::reviewed,   CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::recognized, CommandKind::commend,    Stage::commended,    &guards::has_recognition, "has_recognition", &guards::why_no_recognition},
    {Stage::recognized, CommandKind::reject,     Stage::rejected,     nullptr, {}, nullptr},
    {Stage::recognized, CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::recognized, CommandKind::propose,    Stage::recognized,   nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::replicate,  Stage::replicated,   nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::nominate,   Stage::registered,   &guards::has_higher_level, "has_higher_level", &guards::why_no_higher_level},
    {Stage::commended,  CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::revoke,     Stage::revoked,      nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::propose,    Stage::commended,    nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::replicate,  Stage::replicated,   nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::nominate,   Stage::registered,   &guards::has_higher_level, "has_higher_level", &guards::why_no_higher_level},
    {Stage::replicated, CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::revoke,     Stage::revoked,      nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::propose,    Stage::replicated,   nullptr, {}, nullptr},
}}};

class Workflow;
struct PlanState;

/// Why the pipeline is walked.
enum class Purpose : std::uint8_t {
  decide,   ///< a command, with its arguments, for the event to store
  apply,    ///< an event from outside (a journal), checked again before it changes the candidate
  options,  ///< what the host's screen may offer: every command, without arguments
};
inline constexpr std::size_t purpose_count = 3;
[[nodiscard]] LabelTable label_table(Purpose) noexcept;

/// One step as the checks see it.
struct Step {
  const Workflow& workflow;
  const Candidate& candidate;  ///< before the step
  const Event& event;          ///< decide: the event the command asks for; apply: the stored event;
                               ///< options: an event of the kind with default data
  const Actor& actor;          ///< apply: the actor the event names
  Purpose purpose;
  std::uint16_t format;        ///< the record format the event is read in (journal_format_version but in apply)
  UnitId unit;                 ///< the candidate's unit, or the one a discovery names
  Level level;                 ///< the candidate's level, or the one a discovery names

  [[nodiscard]] CommandKind kind() const noexcept { return event.kind(); }
};

/// What a check said: passed (with the flags it adds to the event), or refused with a code. Two
/// bytes, so that it comes back from a check in a register.
class CheckOutcome {
 public:
  /// Passed, with no flag.
  constexpr CheckOutcome() noexcept = default;
  [[nodiscard]] static constexpr CheckOutcome pass(StepFlags flags = {}) noexcept {
    return CheckOutcome(static_cast<std::uint16_t>(flags.bits() << 8U));
  }
  [[nodiscard]] static constexpr CheckOutcome refuse(RefusalCode code) noexcept {
    return CheckOutcome(static_cast<std::uint16_t>(static_cast<unsigned>(code) + 1U));
  }
  [[nodiscard]] constexpr bool refused() const noexcept { return (bits_ & 0xFFU) != 0; }
  /// The code a refusing check gave (meaningless when it passed).
  [[nodiscard]] constexpr RefusalCode code() const noexcept { return static_cast<RefusalCode>((bits_ & 0xFFU) - 1U); }
  /// The flags a passing check adds to the event.
  [[nodiscard]] constexpr StepFlags flags() const noexcept { return StepFlags::from_bits(static_cast<std::uint8_t>(bits_ >> 8U)); }

 private:
  constexpr explicit CheckOutcome(std::uint16_t bits) noexcept : bits_(bits) {}
  std::uint16_t bits_ = 0;  ///< low byte: the code + 1 when refused, 0 when passed; high byte: the flags
};

/// What a check reads beyond the candidate, the actor, the date and the procedure: the projections
/// leave out the checks whose input they do not have.
enum class Reads : std::uint8_t {
  step,        ///< nothing more: every projection runs it
  arguments,   ///< the command's arguments: options, which has none, leaves it out
  plan_state,  ///< the running plan (roadmap progress, quota counts, evidence): apply leaves it out,
               ///< since a stored event carries that verdict in its flags
};
inline constexpr std::size_t reads_count = 3;
[[nodiscard]] LabelTable label_table(Reads) noexcept;

/// One named check of the pipeline. `test` is cheap (no allocation, no text) and returns a stable
/// code; `explain` builds the refusal a person reads for the code `test` returned, and is called only
/// for a refused step a caller receives. The pipeline adds the command, stage and date to it.
/// `applies`, when set, says which steps of a procedure the check can concern (the award check:
/// commend and propose); a Workflow asks it once, when it is made, and walks the check only for
/// those steps.
struct Check {
  std::string_view name;
  Reads reads = Reads::step;
  CheckOutcome (*test)(const Step& step) noexcept = nullptr;
  Refusal (*explain)(const Step& step, RefusalCode code) = nullptr;
  bool (*applies)(const Procedure& procedure, CommandKind step) noexcept = nullptr;
};

/// The library's checks in their order: date, row, authority, date_order, arguments, award,
/// timing, quota, eligibility, guards. The plan checks (timing, quota, eligibility) pass when the
/// Workflow has no running plan. A host adds its own by inserting into this list before handing it
/// to a Workflow; nothing else knows the order.
[[nodiscard]] const std::vector<Check>& standard_checks();

/// A command's availability for one candidate, actor and day: the host's button and its tooltip.
struct Option {
  CommandKind command;
  std::optional<Refusal> refusal;  ///< why not; nullopt when the command may be given now

  [[nodiscard]] bool allowed() const noexcept { return !refusal.has_value(); }
};

/// The rules of one plan's lifecycle: the procedure's table, its authority, council and award
/// rules, and the ordered checks. Immutable after construction; share it across threads (a running
/// plan's state must allow that too).
class Workflow {
 public:
  /// The default procedure (default_procedure()) and the standard checks, no running plan.
  Workflow();
  /// A procedure that validate(procedure) accepts, with `checks` in order. `state`, when not null,
  /// is the running plan the plan checks read (plan.hpp); it must outlive the Workflow.
  static tl::expected<Workflow, Refusal> make(Procedure procedure, std::vector<Check> checks = standard_checks(),
                                              const PlanState* state = nullptr);

  /// Decides whether `actor` may give `command` on `date`; the event to store, or why not.
  /// Changes nothing.
  [[nodiscard]] tl::expected<Event, Refusal> decide(const Candidate& candidate, const Command& command,
                                                    const Actor& actor, boost::gregorian::date date) const;

  /// Applies an event that decide produced for this candidate. An event the candidate's stage does
  /// not allow is a broken precondition (EXEMPLAR_EXPECTS): use apply() for untrusted input.
  [[nodiscard]] Candidate evolve(const Candidate& candidate, const Event& event) const;

  /// Applies an event from outside (a journal), checking it against the pipeline first (all but
  /// the checks that read the running plan). `format` is the record format it was stored in: the
  /// fields that format lacks are not checked, and the authority of an event stored before
  /// `format_with_actor_unit` is checked by role alone.
  [[nodiscard]] tl::expected<Candidate, Refusal> apply(const Candidate& candidate, const Event& event,
                                                       std::uint16_t format = journal_format_version) const;

  /// Every command kind, each allowed now or with the refusal that blocks it: the pipeline without
  /// the checks that read a command's arguments.
  [[nodiscard]] std::vector<Option> options(const Candidate& candidate, const Actor& actor,
                                            boost::gregorian::date date) const;

  [[nodiscard]] const Procedure& procedure() const noexcept { return procedure_; }
  [[nodiscard]] const Policy& policy() const noexcept { return policy_; }
  [[nodiscard]] const CouncilRules& council() const noexcept { return procedure_.council; }
  /// The procedure's table: the lifecycle's rows for the steps the plan uses, and its arrows.
  [[nodiscard]] const LifecycleTable& table() const noexcept { return table_; }
  /// The checks, in the order every projection walks them.
  [[nodiscard]] const std::vector<Check>& checks() const noexcept { return checks_; }
  /// The running plan the plan checks read, or null.
  [[nodiscard]] const PlanState* state() const noexcept { return state_; }

 private:
  Workflow(Procedure procedure, Policy policy, LifecycleTable table, std::vector<Check> checks, const PlanState* state);

  /// Walks the checks for `purpose`; the flags the checks added, or the index of the refusing
  /// check and its code.
  struct Walk {
    const Check* refused_by = nullptr;
    RefusalCode code = RefusalCode::invalid_argument;
    StepFlags flags;
  };
  [[nodiscard]] Walk walk(const Step& step) const noexcept;
  [[nodiscard]] Refusal explain(const Step& step, const Walk& walk) const;

  Procedure procedure_;
  Policy policy_;
  LifecycleTable table_;
  std::vector<Check> checks_;
  /// checks_ as each purpose walks each step: the same checks in the same order, less those whose
  /// input that purpose lacks (the plan checks too when there is no running plan) and those that
  /// cannot concern that step, chosen once.
  std::array<std::array<std::vector<Check>, command_count>, purpose_count> walks_;
  const PlanState* state_ = nullptr;
};

}  // namespace exemplar
