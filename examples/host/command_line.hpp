// host/command_line.hpp: what the example hosts (sqlite_host, postgres_host) share around the
// library, so that both speak the same command line and find the same problems in the same words.
//
//   ExitCode                         the exit codes both hosts document
//   say(text or value, lang)         a person-readable text in the chosen language
//   Problem, at_record(...)          something wrong with stored data, at the record where trust ends
//   parse_date, parse_id, parse_actor, iso(date)
//   Inputs, CommandLine, add_commands(app, inputs)   the lifecycle steps and the show/options/verify
//                                                    screens as CLI11 subcommands
//   make_command(kind, inputs)       the library's Command from the checked options
//   StoredColumns, column_problem    a journal row's copied columns against its record
//   projection_problem               a candidates row (the projection) against the replayed state
//   report_untrusted, report_refusal, unknown_candidate, print_options
//
// Header-only on purpose: the hosts are examples, each one file plus its storage; this is the part
// of them that is not about storage.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exemplar/binary.hpp>
#include <exemplar/exemplar.hpp>
#include <exemplar/journal.hpp>

namespace host {

namespace bg = boost::gregorian;
using namespace exemplar;

enum ExitCode : int {
  exit_done = 0,
  exit_self_check = 1,
  exit_usage = 2,
  exit_refused = 3,
  exit_untrusted = 4,
  exit_storage = 5,
  exit_crashed = 99,
};

// A person-readable text in the language the user chose.
inline std::string say(const Text& text, Lang lang) { return text.in(lang); }
template <class T>
std::string say(const T& value, Lang lang) {
  return lang == Lang::vi ? fmt::format("{:vi}", value) : fmt::format("{}", value);
}

// Something wrong with the stored data, at the record where the journal stops being trustworthy.
struct Problem {
  std::uint64_t sequence = 0;  // 0 when no single record is to blame
  Text text;
};

inline Problem at_record(std::uint64_t sequence, const std::string& en, const std::string& vi) {
  return Problem{sequence, Text{fmt::format("Journal record {}: {}", sequence, en), fmt::format("Bản ghi nhật ký số {}: {}", sequence, vi)}};
}

// "2022-02-10" as a date; nullopt for anything else, including impossible dates (Boost throws on
// those: this is the one place that catches it).
inline std::optional<bg::date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto number = [&](std::size_t from, std::size_t size) {
    int value = 0;
    for (std::size_t i = from; i < from + size; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  try {
    return bg::date(static_cast<unsigned short>(number(0, 4)), static_cast<unsigned short>(number(5, 2)),
                    static_cast<unsigned short>(number(8, 2)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A positive 32-bit number written in plain decimal digits.
inline std::optional<std::uint32_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 10) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value == 0 || value > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

// "unit_head:3:7" as an actor: role, person and unit.
inline std::optional<Actor> parse_actor(std::string_view text) {
  const auto first = text.find(':');
  const auto second = first == std::string_view::npos ? first : text.find(':', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto role = from_identifier<Role>(text.substr(0, first));
  const auto id = parse_id(text.substr(first + 1, second - first - 1));
  const auto unit = parse_id(text.substr(second + 1));
  if (!role || !id || !unit) return std::nullopt;
  return Actor{ActorId{*id}, *role, UnitId{*unit}};
}

template <class E>
std::vector<std::string> identifiers() {
  std::vector<std::string> names;
  for (E value : all_values<E>()) names.emplace_back(identifier(value));
  return names;
}

template <class E>
E enum_from(const std::string& text) {
  return from_identifier<E>(text).value();  // the option's IsMember check already admitted it
}

// The date as the journal's date column holds it: 2022-02-10.
inline std::string iso(bg::date date) { return format_date(date, Lang::en); }

// Everything a step or screen may carry on the command line; each subcommand reads the fields it declares.
struct Inputs {
  std::string lang = "en";
  std::uint32_t id = 0;
  std::uint32_t unit = 0;
  std::uint32_t mentor = 0;
  std::string subject = "individual";
  std::string position = "staff";
  std::string field = "general";
  std::string level = "agency";
  std::string description;
  std::string dossier;
  std::uint16_t members = 0, present = 0, votes_for = 0, votes_against = 0;
  std::string decision;
  std::string decision_date;
  std::string award = "agency_certificate";
  std::string activity = "meeting";
  std::string note;
  std::string reason;
  std::string actor;
  std::string date;
};

// The command a subcommand asks for, from options the parser has already checked.
inline Command make_command(CommandKind kind, const Inputs& in) {
  switch (kind) {
    case CommandKind::discover:
      return commands::Discover{CandidateId{in.id},
                                {enum_from<Subject>(in.subject), UnitId{in.unit}, enum_from<Position>(in.position),
                                 enum_from<Field>(in.field), enum_from<Level>(in.level), in.description}};
    case CommandKind::foster: return commands::Foster{ActorId{in.mentor}};
    case CommandKind::register_: return commands::Register{in.dossier};
    case CommandKind::review: return commands::Review{in.members, in.present, in.votes_for, in.votes_against};
    case CommandKind::recognize: return commands::Recognize{in.decision, *parse_date(in.decision_date)};
    case CommandKind::commend: return commands::Commend{enum_from<Award>(in.award)};
    case CommandKind::replicate: return commands::Replicate{enum_from<Replication>(in.activity), in.note};
    case CommandKind::withdraw: return commands::Withdraw{in.reason};
    case CommandKind::reject: return commands::Reject{in.reason};
    case CommandKind::disqualify: return commands::Disqualify{in.reason};
    case CommandKind::nominate: return commands::Nominate{};
    case CommandKind::revoke: return commands::Revoke{in.reason};
    case CommandKind::propose: return commands::Propose{enum_from<Award>(in.award)};
  }
  return commands::Nominate{};
}

inline const CLI::Validator& date_check() {
  static const CLI::Validator check(
      [](std::string& text) { return parse_date(text) ? std::string() : "'" + text + "' is not a date (YYYY-MM-DD)"; },
      "YYYY-MM-DD");
  return check;
}
inline const CLI::Validator& actor_check() {
  static const CLI::Validator check(
      [](std::string& text) {
        return parse_actor(text) ? std::string()
                                 : "'" + text + "' is not ROLE:ID:UNIT (a role such as unit_head, then two positive numbers)";
      },
      "ROLE:ID:UNIT");
  return check;
}

// The subcommands add_commands declared: one per lifecycle step, and the three screens.
struct CommandLine {
  std::map<CLI::App*, CommandKind> command_of;
  CLI::App* show = nullptr;
  CLI::App* options = nullptr;
  CLI::App* verify = nullptr;
};

// Declares every lifecycle step (with its options) and the show, options and verify screens on `app`.
inline CommandLine add_commands(CLI::App& app, Inputs& in) {
  CommandLine line;
  const auto id_range = CLI::Range(1U, std::numeric_limits<std::uint32_t>::max());
  app.add_option("--lang", in.lang, "the language of messages")->check(CLI::IsMember({"en", "vi"}))->capture_default_str();
  auto add_step = [&](CommandKind kind, const char* help) {
    CLI::App* sub = app.add_subcommand(std::string(identifier(kind)), help);
    sub->add_option("--id", in.id, "the candidate's number")->required()->check(id_range);
    sub->add_option("--as", in.actor, "who acts: ROLE:ID:UNIT, e.g. unit_head:3:7")->required()->check(actor_check());
    sub->add_option("--date", in.date, "the day of the step")->required()->check(date_check());
    line.command_of[sub] = kind;
    return sub;
  };
  auto member = [](auto values) { return CLI::IsMember(std::move(values)); };

  CLI::App* discover = add_step(CommandKind::discover, "put a newly found individual or collective on the books");
  discover->add_option("--unit", in.unit, "the candidate's unit")->required()->check(id_range);
  discover->add_option("--subject", in.subject)->check(member(identifiers<Subject>()))->capture_default_str();
  discover->add_option("--position", in.position)->check(member(identifiers<Position>()))->capture_default_str();
  discover->add_option("--field", in.field)->check(member(identifiers<Field>()))->capture_default_str();
  discover->add_option("--level", in.level)->check(member(identifiers<Level>()))->capture_default_str();
  discover->add_option("--description", in.description, "the new factor or model")->required();
  add_step(CommandKind::foster, "assign the leader in charge of fostering")
      ->add_option("--mentor", in.mentor)->required()->check(id_range);
  add_step(CommandKind::register_, "put the candidate on the registration list")
      ->add_option("--dossier", in.dossier, "the model's description")->required();
  CLI::App* review = add_step(CommandKind::review, "the council's deliberation");
  review->add_option("--members", in.members, "the whole membership")->required();
  review->add_option("--present", in.present)->required();
  review->add_option("--for", in.votes_for)->required();
  review->add_option("--against", in.votes_against)->required();
  CLI::App* recognize = add_step(CommandKind::recognize, "the agency head's recognition decision");
  recognize->add_option("--decision", in.decision, "its number, e.g. 45/QĐ-TTr")->required();
  recognize->add_option("--decision-date", in.decision_date)->required()->check(date_check());
  add_step(CommandKind::commend, "grant the form of award")
      ->add_option("--award", in.award)->check(member(identifiers<Award>()))->capture_default_str();
  CLI::App* replicate = add_step(CommandKind::replicate, "record one replication activity");
  replicate->add_option("--activity", in.activity)->check(member(identifiers<Replication>()))->capture_default_str();
  replicate->add_option("--note", in.note);
  const std::pair<CommandKind, const char*> off_ramps[] = {
      {CommandKind::withdraw, "the candidate leaves the walk (moved, retired, declined)"},
      {CommandKind::reject, "reject the registration or the council's proposal"},
      {CommandKind::disqualify, "disqualify, for example after a disciplinary sanction"},
      {CommandKind::revoke, "take back an award, for fraud or a later sanction"},
  };
  for (const auto& [kind, help] : off_ramps) add_step(kind, help)->add_option("--reason", in.reason)->required();
  add_step(CommandKind::nominate, "send a commended exemplar one level up");
  add_step(CommandKind::propose, "propose a higher form of award to the level that grants it")
      ->add_option("--award", in.award)->required()->check(member(identifiers<Award>()));

  line.show = app.add_subcommand("show", "a candidate and its journal records; every candidate without --id");
  line.show->add_option("--id", in.id)->check(id_range);
  line.options = app.add_subcommand("options", "what this actor may do now, and why not");
  line.options->add_option("--id", in.id)->required()->check(id_range);
  line.options->add_option("--as", in.actor)->required()->check(actor_check());
  line.options->add_option("--date", in.date)->required()->check(date_check());
  line.verify = app.add_subcommand("verify", "replay the journal and check the snapshots against it");
  return line;
}

// The columns a host copies out of each record for its SQL queries.
struct StoredColumns {
  std::uint64_t sequence = 0;
  std::int64_t candidate = 0, candidate_sequence = 0, actor = 0;
  std::string kind, date, role, hash;
};

// The first copied column that disagrees with its record: a copy that disagrees is an edit too.
inline std::optional<Problem> column_problem(const StoredColumns& row, const Record& record) {
  const Event& event = record.event;
  auto column = [&](const char* name, const std::string& stored, const std::string& expected) {
    return at_record(row.sequence, fmt::format("its column {} holds '{}' but its record says '{}'", name, stored, expected),
                     fmt::format("cột {} ghi '{}' nhưng bản ghi ghi '{}'", name, stored, expected));
  };
  if (row.sequence != record.sequence) return column("sequence", std::to_string(row.sequence), std::to_string(record.sequence));
  if (row.candidate != event.candidate.value()) return column("candidate", std::to_string(row.candidate), fmt::format("{}", event.candidate));
  if (row.candidate_sequence != record.candidate_sequence) {
    return column("candidate_sequence", std::to_string(row.candidate_sequence), std::to_string(record.candidate_sequence));
  }
  if (row.kind != identifier(event.kind())) return column("kind", row.kind, std::string(identifier(event.kind())));
  if (row.date != iso(event.date)) return column("date", row.date, iso(event.date));
  if (row.actor != event.actor.value()) return column("actor", std::to_string(row.actor), fmt::format("{}", event.actor));
  if (row.role != identifier(event.role)) return column("role", row.role, std::string(identifier(event.role)));
  if (row.hash != to_hex(record.hash)) return column("hash", row.hash, to_hex(record.hash));
  return std::nullopt;
}

// One row of the candidates table: a snapshot of one candidate kept for queries.
struct ProjectionRow {
  std::int64_t id = 0;
  std::string stage, level;
  std::int64_t unit = 0;
  std::vector<std::uint8_t> snapshot;
  std::int64_t candidate_sequence = 0;
  std::int64_t sequence = 0;
};

// Compares a candidates row with the replayed state (`last`: the candidate's latest record); a row
// that disagrees is blamed on the later of that record and the one the row names.
inline std::optional<Problem> projection_problem(const ProjectionRow& row, const Snapshot::Entry& entry, std::uint64_t last) {
  const auto stored = candidate_from_binary(row.snapshot);
  const bool agrees = stored && *stored == entry.candidate && row.stage == identifier(entry.candidate.stage) &&
                      row.level == identifier(entry.candidate.level) && row.unit == entry.candidate.unit.value() &&
                      row.candidate_sequence == entry.candidate_sequence && static_cast<std::uint64_t>(row.sequence) == last;
  if (agrees) return std::nullopt;
  const auto row_sequence = static_cast<std::uint64_t>(std::max<std::int64_t>(row.sequence, 0));
  return at_record(std::max(last, row_sequence),
                   fmt::format("the candidates row of candidate {} does not match the journal, which has it {} after record {}",
                               row.id, identifier(entry.candidate.stage), last),
                   fmt::format("dòng của ứng viên {} trong bảng candidates không khớp với nhật ký, theo đó ứng viên ở giai đoạn «{}» "
                               "sau bản ghi {}",
                               row.id, label(entry.candidate.stage, Lang::vi), last));
}

inline Problem orphan_row(std::int64_t id) {
  return Problem{0, Text{fmt::format("Candidate row {} has no record in the journal", id),
                         fmt::format("Dòng ứng viên {} không có bản ghi nào trong nhật ký", id)}};
}

inline Problem missing_row(CandidateId id, std::uint64_t last) {
  return at_record(last, fmt::format("candidate {} has no row in the candidates table", id),
                   fmt::format("ứng viên {} không có dòng nào trong bảng candidates", id));
}

// Lists the problems from the earliest record on: the first one is where trust ends.
inline int report_untrusted(std::vector<Problem> problems, Lang lang) {
  auto place = [](const Problem& problem) {
    return problem.sequence == 0 ? std::numeric_limits<std::uint64_t>::max() : problem.sequence;
  };
  std::stable_sort(problems.begin(), problems.end(), [&](const Problem& a, const Problem& b) { return place(a) < place(b); });
  std::fprintf(stderr, "%s\n",
               say(Text{fmt::format("The database cannot be trusted ({} problem(s)); nothing was changed:", problems.size()),
                        fmt::format("Không thể tin cậy cơ sở dữ liệu ({} vấn đề); không có gì thay đổi:", problems.size())},
                   lang)
                   .c_str());
  for (const Problem& problem : problems) std::fprintf(stderr, "  %s\n", say(problem.text, lang).c_str());
  return exit_untrusted;
}

inline int report_refusal(const Refusal& refusal, Lang lang) {
  std::fprintf(stderr, "%s (%s): %s\n", lang == Lang::vi ? "bị từ chối" : "refused", std::string(identifier(refusal.code)).c_str(),
               refusal.message(lang).c_str());
  return exit_refused;
}

inline Refusal unknown_candidate(CandidateId id) {
  return refuse(RefusalCode::invalid_argument)
      .with_subject("id")
      .with_detail(fmt::format("there is no candidate {} in this database; discover it first", id),
                   fmt::format("cơ sở dữ liệu không có ứng viên {}; hãy phát hiện ứng viên trước", id));
}

// The options screen: the candidate (or that it is not stored yet), then what the actor may do and why not.
inline void print_options(const Workflow& flow, const Candidate* known, CandidateId id, const Actor& actor, bg::date date,
                          Lang lang) {
  if (known) {
    std::printf("%s\n", say(*known, lang).c_str());
  } else {
    std::printf("%s\n", say(Text{fmt::format("candidate {}: not in this database yet", id),
                                 fmt::format("ứng viên {}: chưa có trong cơ sở dữ liệu", id)},
                            lang)
                            .c_str());
  }
  std::printf("%s\n", say(Text{fmt::format("what {} may do on {}:", say(actor, Lang::en), format_date(date, Lang::en)),
                               fmt::format("{} được làm gì vào ngày {}:", say(actor, Lang::vi), format_date(date, Lang::vi))},
                          lang)
                          .c_str());
  for (const Option& option : flow.options(known ? *known : Candidate{}, actor, date)) std::printf("  %s\n", say(option, lang).c_str());
}

}  // namespace host
