// exemplar/lifecycle.hpp: the candidate exemplar's lifecycle as a decider.
//
//   discovered → fostered → registered → reviewed → recognized → commended → replicated
//   off-ramps: withdrawn, rejected, disqualified, revoked; nominate: one level up, registered again
//
//   DecisionNumber                          a decision's number ("45/QĐ-TTr"), at most 19 bytes
//   Candidate                               the state a host keeps for one candidate (≤ 64 bytes)
//   Standing                                the 16 bytes of it every step touches
//   commands::Discover ... commands::Revoke what a person asks; Command = variant of them
//   events::Discovered ... events::Revoked  what happened; Event = {candidate, actor, date, data, flags}
//   lifecycle_table                         the transition table (fsm.hpp), one row per arrow
//   StepGate                                where a plan's windows and criteria plug in
//   Workflow                                decide / evolve / apply / options; advance for sweeps
//
// The decider shape: decide(candidate, command, actor, date) -> expected<Event, Refusal> changes
// nothing; evolve(candidate, event) -> candidate replays what decide produced; replaying a
// candidate's events from Candidate{} rebuilds it exactly.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "authority.hpp"
#include "council.hpp"
#include "fsm.hpp"
#include "ids.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

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

/// Marks an accepted step may carry, set by the plan's gate (StepGate).
enum class StepFlag : std::uint8_t {
  late,                 ///< taken after its deadline and accepted as the plan allows
  waived,               ///< taken late with the agency head's waiver
  eligibility_warning,  ///< registered although the criteria were not met (the plan's soft guard)
};
inline constexpr std::size_t step_flag_count = 3;
[[nodiscard]] LabelTable label_table(StepFlag) noexcept;

/// A set of StepFlag, as bits.
using StepFlags = std::uint8_t;
/// The bit of one flag in StepFlags.
[[nodiscard]] constexpr StepFlags flag_bit(StepFlag flag) noexcept {
  return static_cast<StepFlags>(1U << static_cast<unsigned>(flag));
}

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
  std::array<std::uint16_t, replication_count> replications{};  ///< activities recorded, by kind
  Stage stage = Stage::initial;
  Subject subject = Subject::individual;
  Position position = Position::none;
  Level level = Level::agency;
  Field field = Field::general;
  Award award = Award::public_commendation;         ///< meaningful from `commended` on
  bool council_proposed = false;                    ///< the council proposed recognition this round

  /// The total of replication activities recorded so far, over every level.
  [[nodiscard]] unsigned replication_total() const noexcept;

  friend bool operator==(const Candidate& a, const Candidate& b) noexcept;
  friend bool operator!=(const Candidate& a, const Candidate& b) noexcept { return !(a == b); }
};

/// The facts of a candidate that every lifecycle step reads or writes, in 16 bytes: where it
/// stands, in which unit and at which level, since when, and the two facts its guards ask about.
/// A host that sweeps millions of candidates (a re-simulation, an import) keeps these in one dense
/// array, apart from the rest of each Candidate, and steps them with Workflow::advance.
struct Standing {
  UnitId unit;
  std::uint32_t last_day = 0;     ///< the last step's Boost day number; 0 before the first step
  std::uint16_t round_year = 0;   ///< the year of the current round
  Stage stage = Stage::initial;
  Level level = Level::agency;
  bool council_proposed = false;  ///< the council proposed recognition this round
  bool recognized = false;        ///< holds a recognition decision this round

  /// The standing of a whole candidate: Standing::of(evolve(c, e)) is what advance makes of
  /// Standing::of(c) for the same step.
  [[nodiscard]] static Standing of(const Candidate& candidate) noexcept;

  friend bool operator==(const Standing& a, const Standing& b) noexcept {
    return a.unit == b.unit && a.last_day == b.last_day && a.round_year == b.round_year && a.stage == b.stage &&
           a.level == b.level && a.council_proposed == b.council_proposed && a.recognized == b.recognized;
  }
  friend bool operator!=(const Standing& a, const Standing& b) noexcept { return !(a == b); }
};
static_assert(sizeof(Standing) <= 16, "the state a step touches stays within 16 bytes");

namespace commands {
/// Put a newly found collective or individual on the books (phát hiện).
struct Discover {
  CandidateId id;
  Subject subject = Subject::individual;
  UnitId unit;
  Position position = Position::staff;  ///< Position::none for a collective
  Field field = Field::general;
  Level level = Level::agency;          ///< the level at which it starts its walk
  std::string description;              ///< a short description of the new factor or model
};
/// Assign a leader in charge of fostering (000 IV.1 "phân công lãnh đạo phụ trách").
struct Foster { ActorId mentor; };
/// Put the candidate on the registration list, with a description of its model (001 II.2).
struct Register { std::string dossier; };
/// The council's deliberation: who sat and how they voted (001 II.2).
struct Review {
  std::uint16_t members = 0;  ///< the whole membership: the denominator of quorum and approval
  std::uint16_t present = 0;
  std::uint16_t votes_for = 0;
  std::uint16_t votes_against = 0;
};
/// The agency head's recognition decision (001 II.2).
struct Recognize {
  std::string decision_number;
  boost::gregorian::date decision_date;
};
/// Grant the form of award (001 II.3; 004 V.2).
struct Commend { Award award = Award::agency_certificate; };
/// Record one replication activity (001 II.3; 000 IV.2).
struct Replicate {
  Replication activity = Replication::meeting;
  std::string note;
};
struct Withdraw { std::string reason; };
struct Reject { std::string reason; };
/// For example, a disciplinary sanction (000 II.2a; 003 III.1; 004 III.1).
struct Disqualify { std::string reason; };
/// Send a commended or replicated exemplar one level up, registered again (003 IV.1).
struct Nominate {};
/// Take back an award, for fraud or a later sanction (Law 06/2022).
struct Revoke { std::string reason; };
}  // namespace commands

/// A command, in CommandKind order.
using Command = std::variant<commands::Discover, commands::Foster, commands::Register, commands::Review,
                             commands::Recognize, commands::Commend, commands::Replicate,
                             commands::Withdraw, commands::Reject, commands::Disqualify,
                             commands::Nominate, commands::Revoke>;

/// The kind of a command.
[[nodiscard]] inline CommandKind kind_of(const Command& command) noexcept {
  return static_cast<CommandKind>(command.index());
}

namespace events {
/// The candidate as discovered; carries everything a Candidate's identity needs.
struct Discovered {
  Subject subject = Subject::individual;
  UnitId unit;
  Position position = Position::none;
  Field field = Field::general;
  Level level = Level::agency;
  std::string description;
};
using Fostered = commands::Foster;
/// Registered for the round of `year`.
struct Registered {
  std::uint16_t year = 0;
  std::string dossier;
};
/// The council's review and whether it proposed recognition.
struct Reviewed {
  std::uint16_t members = 0;
  std::uint16_t present = 0;
  std::uint16_t votes_for = 0;
  std::uint16_t votes_against = 0;
  bool proposed = false;
};
/// The recognition decision, as validated.
struct Recognized {
  DecisionNumber decision_number;
  boost::gregorian::date decision_date;
};
using Commended = commands::Commend;
using Replicated = commands::Replicate;
using Withdrawn = commands::Withdraw;
using Rejected = commands::Reject;
using Disqualified = commands::Disqualify;
/// Sent up from one level to the next.
struct Nominated {
  Level from = Level::agency;
  Level to = Level::province;
};
using Revoked = commands::Revoke;
}  // namespace events

/// What an event says happened, in CommandKind order.
using EventData = std::variant<events::Discovered, events::Fostered, events::Registered, events::Reviewed,
                               events::Recognized, events::Commended, events::Replicated,
                               events::Withdrawn, events::Rejected, events::Disqualified,
                               events::Nominated, events::Revoked>;

/// One accepted step: what the host stores. Replaying a candidate's events rebuilds it.
struct Event {
  CandidateId candidate;
  ActorId actor;
  Role role = Role::unit_head;
  boost::gregorian::date date;
  EventData data;
  StepFlags flags = 0;

  /// The command kind that produced this event.
  [[nodiscard]] CommandKind kind() const noexcept { return static_cast<CommandKind>(data.index()); }
  [[nodiscard]] bool has(StepFlag flag) const noexcept { return (flags & flag_bit(flag)) != 0; }
};

/// What a guard sees: the candidate before the step and the step's event data.
struct Transit {
  const Candidate& candidate;
  const EventData& data;
};

/// The named guards of the lifecycle table: cheap predicates, each with an explanation that makes
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

/// The lifecycle's transition table type.
using LifecycleTable = fsm::Table<Stage, CommandKind, Transit, Refusal, stage_count, command_count, 26>;
using LifecycleRow = LifecycleTable::row_type;

/// The lifecycle, one row per arrow of domain.md's transition table ("The candidate lifecycle").
inline constexpr LifecycleTable lifecycle_table{std::array<LifecycleRow, 26>{{
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
    {Stage::commended,  CommandKind::replicate,  Stage::replicated,   nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::nominate,   Stage::registered,   &guards::has_higher_level, "has_higher_level", &guards::why_no_higher_level},
    {Stage::commended,  CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::commended,  CommandKind::revoke,     Stage::revoked,      nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::replicate,  Stage::replicated,   nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::nominate,   Stage::registered,   &guards::has_higher_level, "has_higher_level", &guards::why_no_higher_level},
    {Stage::replicated, CommandKind::disqualify, Stage::disqualified, nullptr, {}, nullptr},
    {Stage::replicated, CommandKind::revoke,     Stage::revoked,      nullptr, {}, nullptr},
}}};

/// What a plan's gate says about a step: refuse it, or accept it with flags.
struct GateVerdict {
  std::optional<Refusal> refusal;
  StepFlags flags = 0;
};

/// The question a gate answers. `command` is null when the host only asks what is allowed (options).
struct GateQuery {
  const Candidate& candidate;
  CommandKind kind;
  const Command* command;
  const Actor& actor;
  boost::gregorian::date date;
};

/// Where the plan's roadmap windows, deadline policy and eligibility guard plug into `decide`.
/// It runs after the table, authority and argument checks have passed. Implementations must be
/// safe to call from several threads at once if the Workflow is shared.
class StepGate {
 public:
  StepGate() = default;
  StepGate(const StepGate&) = default;
  StepGate& operator=(const StepGate&) = default;
  virtual ~StepGate() = default;

  [[nodiscard]] virtual GateVerdict check(const GateQuery& query) const = 0;
};

/// A command's availability for one candidate, actor and day: the host's button and its tooltip.
struct Option {
  CommandKind command;
  std::optional<Refusal> refusal;  ///< why not; nullopt when the command may be given now

  [[nodiscard]] bool allowed() const noexcept { return !refusal.has_value(); }
};

/// The rules of one plan's lifecycle: the table, an authority policy, council rules and a gate.
/// Immutable after construction; share it across threads (the gate must allow that too).
class Workflow {
 public:
  /// The default policy and council rules, no gate.
  Workflow();
  /// `gate` may be null; when set it must outlive the Workflow.
  Workflow(Policy policy, CouncilRules council, const StepGate* gate = nullptr);

  /// Decides whether `actor` may give `command` on `date`; the event to store, or why not.
  /// Changes nothing.
  [[nodiscard]] tl::expected<Event, Refusal> decide(const Candidate& candidate, const Command& command,
                                                    const Actor& actor, boost::gregorian::date date) const;

  /// Applies an event that decide produced. Throws std::invalid_argument for an event the
  /// candidate's stage does not allow (a broken precondition: use apply() for untrusted input).
  [[nodiscard]] Candidate evolve(const Candidate& candidate, const Event& event) const;

  /// Applies an event from outside (a journal), checking it against the table first.
  [[nodiscard]] tl::expected<Candidate, Refusal> apply(const Candidate& candidate, const Event& event) const;

  /// decide and evolve in one step over a Standing, for sweeps: the same checks in the same order
  /// (date, stage, table and guards, authority, date order, the command's arguments), the same
  /// outcome, no Event and no Refusal built, nothing allocated. Nullopt when the step is taken
  /// (`standing` moves on); otherwise the code decide would refuse with, and `standing` is as it
  /// was (call decide on the whole Candidate for the full refusal). Throws std::logic_error when the
  /// Workflow has a gate: a plan's gates read facts a Standing does not hold (evidence, subject).
  [[nodiscard]] std::optional<RefusalCode> advance(Standing& standing, const Command& command, const Actor& actor,
                                                   boost::gregorian::date date) const;

  /// Every command kind, each allowed now or with the refusal that blocks it. Checks what does not
  /// depend on a command's arguments: the date, the table, authority and the gate's windows.
  [[nodiscard]] std::vector<Option> options(const Candidate& candidate, const Actor& actor,
                                            boost::gregorian::date date) const;

  [[nodiscard]] const Policy& policy() const noexcept { return policy_; }
  [[nodiscard]] const CouncilRules& council() const noexcept { return council_; }
  [[nodiscard]] static const LifecycleTable& table() noexcept { return lifecycle_table; }

 private:
  /// decide's first checks — the date, the stage, the table, a discovery's level, authority, the
  /// date order — in that order, as a code: advance uses it as it is, precheck adds the facts.
  /// `last_day` is the day number of the candidate's last step, 0 before the first.
  [[nodiscard]] std::optional<RefusalCode> screen(Stage stage, CommandKind kind, UnitId unit, Level level,
                                                  const Actor& actor, boost::gregorian::date date,
                                                  std::uint32_t last_day) const noexcept;
  /// screen's verdict as the refusal decide and options return.
  [[nodiscard]] std::optional<Refusal> precheck(const Candidate& candidate, CommandKind kind,
                                                const Command* command, const Actor& actor,
                                                boost::gregorian::date date) const;

  Policy policy_;
  CouncilRules council_;
  const StepGate* gate_ = nullptr;
};

}  // namespace exemplar
