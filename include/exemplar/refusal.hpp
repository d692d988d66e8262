// exemplar/refusal.hpp: why a step was refused, as a value a host can compare, log and show.
//
//   enum class RefusalCode        stable machine codes (their identifiers never change)
//   struct Text { en, vi }        one sentence in both languages
//   struct Refusal                code + the facts behind it + a specific reason
//     message(lang)               a full sentence in Vietnamese or English
//   refuse(code)                  start a refusal; the with_* setters add facts
//
// Expected refusals are values: every fallible function of the library returns
// tl::expected<T, Refusal> (T = void where there is nothing to return), a stored journal's problems
// included (the record_* codes, with `record` naming the record). Broken preconditions that a
// caller could not have checked stop the program through EXEMPLAR_EXPECTS (precondition.hpp);
// nothing else throws across the API.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "ids.hpp"
#include "labels.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// Why a step was refused. Codes are stable: hosts map them to screens and store them.
enum class RefusalCode : std::uint8_t {
  not_allowed_from_stage,  ///< the table has no row for this command from the candidate's stage
  stage_is_terminal,       ///< withdrawn, rejected, disqualified and revoked accept nothing
  not_authorised,          ///< the actor's role has no right to this command here
  outside_actor_unit,      ///< the role has the right only in its own unit
  missing_prerequisite,    ///< an earlier fact is missing (the council's proposal, a recognition)
  invalid_argument,        ///< a command's argument is empty, out of range or inconsistent
  invalid_date,            ///< not a calendar date (not-a-date, infinity)
  date_out_of_range,       ///< a date outside what the library or the plan can handle
  date_out_of_order,       ///< the step is dated before the candidate's last step
  no_quorum,               ///< too few council members present
  no_higher_level,         ///< a national exemplar cannot be nominated further
  outside_window,          ///< the plan's window for this step is not open on that day
  deadline_passed,         ///< the deadline passed and the plan refuses late steps
  needs_waiver,            ///< the deadline passed and the plan needs the agency head's waiver
  not_eligible,            ///< the plan's criteria are not met
  step_not_in_plan,        ///< the plan's procedure does not use this step
  award_not_in_power,      ///< the acting role may not grant this form of award (it may propose it upward)
  quota_exceeded,          ///< the plan's quota for this step is already filled
  plan_rule,               ///< a rule the plan or the host added refuses the step (`subject` names it)
  record_gap,              ///< a stored record's number skips the next expected one: a record is missing
  record_duplicate,        ///< a stored record repeats the number of the record before it
  record_out_of_order,     ///< a stored record's number is lower than expected, or the expected one comes later
  record_edited,           ///< a stored record's hash does not match its content
  record_chain_broken,     ///< a stored record's previous-hash is not the hash of the record before it
  record_candidate_sequence,  ///< a stored record's number among its candidate's records is not the next one
  record_unknown_kind,     ///< a stored record's event kind is not one this library knows
  record_unknown_version,  ///< a stored record, snapshot or document is of a newer format than this library reads
  record_malformed,        ///< a stored record cannot be read: truncated, a bad length, a bad field
  journal_busy,            ///< an observer tried to change the journal that is announcing a record to it
};

inline constexpr std::size_t refusal_code_count = 29;

/// True for the codes that describe a stored journal rather than a step.
[[nodiscard]] constexpr bool is_journal_problem(RefusalCode code) noexcept {
  return code >= RefusalCode::record_gap && code <= RefusalCode::record_malformed;
}

[[nodiscard]] LabelTable label_table(RefusalCode) noexcept;

/// One sentence in both languages.
struct Text {
  std::string en;
  std::string vi;

  [[nodiscard]] const std::string& in(Lang lang) const noexcept { return lang == Lang::vi ? vi : en; }
  [[nodiscard]] bool empty() const noexcept { return en.empty() && vi.empty(); }
  friend bool operator==(const Text& a, const Text& b) { return a.en == b.en && a.vi == b.vi; }
  friend bool operator!=(const Text& a, const Text& b) { return !(a == b); }
};

/// A refused step: a stable code, the facts that led to it, and a reason in both languages.
/// Every fact is optional; `message()` uses the ones present.
struct Refusal {
  RefusalCode code = RefusalCode::invalid_argument;
  std::optional<CommandKind> command;        ///< the step that was refused
  std::optional<Stage> stage;                ///< the candidate's stage at the time
  std::optional<Level> level;                ///< the candidate's level at the time
  std::optional<Role> role;                  ///< the acting role
  std::optional<UnitId> actor_unit;          ///< the actor's unit (for outside_actor_unit)
  std::optional<UnitId> candidate_unit;      ///< the candidate's unit
  std::optional<boost::gregorian::date> date;       ///< the date of the refused step
  std::optional<boost::gregorian::date> reference;  ///< the date it was measured against
  std::optional<std::uint64_t> record;       ///< the journal record replay stopped at (its expected number)
  std::string subject;                       ///< what the refusal is about: an argument, a milestone, a rule
  Text detail;                               ///< the specific reason, in both languages

  /// A full sentence for a person, in the given language; a journal record's number leads it.
  [[nodiscard]] std::string message(Lang lang = Lang::en) const;

  Refusal& with_command(CommandKind value) { command = value; return *this; }
  Refusal& with_stage(Stage value) { stage = value; return *this; }
  Refusal& with_level(Level value) { level = value; return *this; }
  Refusal& with_role(Role value) { role = value; return *this; }
  Refusal& with_units(UnitId actor, UnitId candidate) { actor_unit = actor; candidate_unit = candidate; return *this; }
  Refusal& with_date(boost::gregorian::date value) { date = value; return *this; }
  Refusal& with_reference(boost::gregorian::date value) { reference = value; return *this; }
  Refusal& with_record(std::uint64_t value) { record = value; return *this; }
  Refusal& with_subject(std::string value) { subject = std::move(value); return *this; }
  Refusal& with_detail(std::string en, std::string vi) { detail = Text{std::move(en), std::move(vi)}; return *this; }

  friend bool operator==(const Refusal& a, const Refusal& b);
  friend bool operator!=(const Refusal& a, const Refusal& b) { return !(a == b); }
};

/// Starts a refusal with a code; chain the with_* setters to add its facts.
[[nodiscard]] inline Refusal refuse(RefusalCode code) {
  Refusal refusal;
  refusal.code = code;
  return refusal;
}

/// A date as people write it: 25/03/2021 in Vietnamese, 2021-03-25 in English; "not a date" otherwise.
[[nodiscard]] std::string format_date(boost::gregorian::date date, Lang lang = Lang::en);

}  // namespace exemplar
