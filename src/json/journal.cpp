// Records, journals, snapshots and candidates to and from JSON, through the strict Reader.
#include "exemplar/json/journal.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace exemplar::json {
namespace bg = boost::gregorian;

namespace {

/// Writes event data member by member: building objects by assignment is several times faster
/// than nested initializer lists, which matters to hosts exporting millions of records.
struct DataWriter {
  Json& out;

  void operator()(const events::Discovered& e) const {
    out["subject"] = enum_to_json(e.subject);
    out["unit"] = e.unit.value();
    out["position"] = enum_to_json(e.position);
    out["field"] = enum_to_json(e.field);
    out["level"] = enum_to_json(e.level);
    out["description"] = e.description;
  }
  void operator()(const events::Fostered& e) const { out["mentor"] = e.mentor.value(); }
  void operator()(const events::Registered& e) const {
    out["year"] = e.year;
    out["dossier"] = e.dossier;
  }
  void operator()(const events::Reviewed& e) const {
    out["members"] = e.members;
    out["present"] = e.present;
    out["votes_for"] = e.votes_for;
    out["votes_against"] = e.votes_against;
    out["proposed"] = e.proposed;
  }
  void operator()(const events::Recognized& e) const {
    out["decision_number"] = std::string(e.decision_number.view());
    out["decision_date"] = date_to_json(e.decision_date);
  }
  void operator()(const events::Commended& e) const { out["award"] = enum_to_json(e.award); }
  void operator()(const events::Replicated& e) const {
    out["activity"] = enum_to_json(e.activity);
    out["note"] = e.note;
  }
  void operator()(const events::Nominated& e) const {
    out["from"] = enum_to_json(e.from);
    out["to"] = enum_to_json(e.to);
  }
  template <class WithReason>
  void operator()(const WithReason& e) const {
    out["reason"] = e.reason;
  }
};

DecisionNumber read_decision_number(const Reader& field, bool allow_empty) {
  const std::string text = field.text(DecisionNumber::capacity);
  if (field.failed() || (allow_empty && text.empty())) return DecisionNumber{};
  auto number = DecisionNumber::parse(text);
  if (!number) {
    field.fail(number.error().detail.en, number.error().detail.vi);
    return DecisionNumber{};
  }
  return *number;
}

EventData read_data(const Reader& d, CommandKind kind) {
  switch (kind) {
    case CommandKind::discover: {
      d.only({"subject", "unit", "position", "field", "level", "description"});
      events::Discovered e;
      e.subject = d["subject"].enumeration<Subject>();
      e.unit = UnitId{d["unit"].integer<std::uint32_t>()};
      e.position = d["position"].enumeration<Position>();
      e.field = d["field"].enumeration<Field>();
      e.level = d["level"].enumeration<Level>();
      e.description = d["description"].text();
      return e;
    }
    case CommandKind::foster:
      d.only({"mentor"});
      return events::Fostered{ActorId{d["mentor"].integer<std::uint32_t>()}};
    case CommandKind::register_: {
      d.only({"year", "dossier"});
      events::Registered e;
      e.year = d["year"].integer<std::uint16_t>();
      e.dossier = d["dossier"].text();
      return e;
    }
    case CommandKind::review: {
      d.only({"members", "present", "votes_for", "votes_against", "proposed"});
      events::Reviewed e;
      e.members = d["members"].integer<std::uint16_t>();
      e.present = d["present"].integer<std::uint16_t>();
      e.votes_for = d["votes_for"].integer<std::uint16_t>();
      e.votes_against = d["votes_against"].integer<std::uint16_t>();
      e.proposed = d["proposed"].boolean();
      return e;
    }
    case CommandKind::recognize: {
      d.only({"decision_number", "decision_date"});
      events::Recognized e;
      e.decision_number = read_decision_number(d["decision_number"], false);
      e.decision_date = d["decision_date"].date();
      return e;
    }
    case CommandKind::commend:
      d.only({"award"});
      return events::Commended{d["award"].enumeration<Award>()};
    case CommandKind::replicate: {
      d.only({"activity", "note"});
      events::Replicated e;
      e.activity = d["activity"].enumeration<Replication>();
      e.note = d["note"].text();
      return e;
    }
    case CommandKind::nominate: {
      d.only({"from", "to"});
      events::Nominated e;
      e.from = d["from"].enumeration<Level>();
      e.to = d["to"].enumeration<Level>();
      return e;
    }
    case CommandKind::withdraw: d.only({"reason"}); return events::Withdrawn{d["reason"].text()};
    case CommandKind::reject: d.only({"reason"}); return events::Rejected{d["reason"].text()};
    case CommandKind::disqualify: d.only({"reason"}); return events::Disqualified{d["reason"].text()};
    case CommandKind::revoke: d.only({"reason"}); return events::Revoked{d["reason"].text()};
  }
  d.fail("unknown event kind", "loại sự kiện không xác định");
  return events::Discovered{};
}

Digest read_digest(const Reader& field) {
  const std::string hex = field.text(64);
  if (field.failed()) return Digest{};
  if (auto digest = parse_digest(hex)) return *digest;
  field.fail("not a SHA-256 digest (64 hexadecimal digits)", "không phải mã băm SHA-256 (64 chữ số thập lục phân)");
  return Digest{};
}

/// A record at `r`; `problem` says which JournalProblem the first failure is.
Record read_record(const Reader& r, JournalProblem& problem, std::uint64_t& found) {
  Record record;
  const Reader version = r["version"];
  const auto raw_version = version.integer<std::uint16_t>();
  const bool too_new = !r.failed() && raw_version > journal_format_version;
  record.version = version.version(journal_format_version);
  if (too_new) problem = JournalProblem::unknown_version;
  record.sequence = r["sequence"].integer<std::uint64_t>();
  if (!r.failed()) found = record.sequence;
  r.only({"version", "sequence", "candidate_sequence", "previous", "event", "hash"});
  record.candidate_sequence = r["candidate_sequence"].integer<std::uint32_t>();
  record.previous = read_digest(r["previous"]);

  const Reader e = r["event"];
  const Reader kind_field = e["kind"];
  const std::string kind_name = kind_field.text(64);
  const auto kind = from_identifier<CommandKind>(kind_name);
  if (!e.failed() && !kind) {
    problem = JournalProblem::unknown_kind;
    kind_field.fail("'" + kind_name + "' is not an event kind this library knows",
                    "'" + kind_name + "' không phải loại sự kiện đã biết");
  }
  e.only({"candidate", "actor", "role", "date", "flags", "kind", "data"});
  record.event.candidate = CandidateId{e["candidate"].integer<std::uint32_t>()};
  record.event.actor = ActorId{e["actor"].integer<std::uint32_t>()};
  record.event.role = e["role"].enumeration<Role>();
  record.event.date = e["date"].date();
  const Reader flags = e["flags"];
  const std::size_t flag_count = flags.size();
  for (std::size_t i = 0; i < flag_count && !flags.failed(); ++i) {
    const Reader item = flags.at(i);
    const StepFlag flag = item.enumeration<StepFlag>();
    if (!item.failed() && (record.event.flags & flag_bit(flag)) != 0) item.fail("listed twice", "bị lặp lại");
    record.event.flags = static_cast<StepFlags>(record.event.flags | flag_bit(flag));
  }
  if (kind && !e.failed()) record.event.data = read_data(e["data"], *kind);
  record.hash = read_digest(r["hash"]);
  return record;
}

Candidate read_candidate(const Reader& c) {
  Candidate candidate;
  static_cast<void>(c["version"].version(journal_format_version));
  c.only({"version", "id", "unit", "mentor", "stage", "subject", "position", "level", "field", "round_year",
          "last_step", "council_members", "votes_for", "votes_against", "council_proposed", "decision",
          "decision_date", "award", "replications"});
  candidate.id = CandidateId{c["id"].integer<std::uint32_t>()};
  candidate.unit = UnitId{c["unit"].integer<std::uint32_t>()};
  candidate.mentor = ActorId{c["mentor"].integer<std::uint32_t>()};
  candidate.stage = c["stage"].enumeration<Stage>();
  candidate.subject = c["subject"].enumeration<Subject>();
  candidate.position = c["position"].enumeration<Position>();
  candidate.level = c["level"].enumeration<Level>();
  candidate.field = c["field"].enumeration<Field>();
  candidate.round_year = c["round_year"].integer<std::uint16_t>();
  candidate.last_step = c["last_step"].optional_date();
  candidate.council_members = c["council_members"].integer<std::uint16_t>();
  candidate.votes_for = c["votes_for"].integer<std::uint16_t>();
  candidate.votes_against = c["votes_against"].integer<std::uint16_t>();
  candidate.council_proposed = c["council_proposed"].boolean();
  candidate.decision = read_decision_number(c["decision"], true);
  candidate.decision_date = c["decision_date"].optional_date();
  candidate.award = c["award"].enumeration<Award>();
  const Reader replications = c["replications"];
  const std::vector<Replication> kinds = all_values<Replication>();
  if (!replications.failed()) {
    std::vector<std::string> names;
    for (Replication kind : kinds) names.emplace_back(identifier(kind));
    replications.only({names[0], names[1], names[2], names[3]});
  }
  for (Replication kind : kinds) {
    candidate.replications[static_cast<std::size_t>(kind)] = replications[identifier(kind)].integer<std::uint16_t>();
  }
  return candidate;
}

void require_schema(const Reader& document, std::string_view schema) {
  const Reader field = document["schema"];
  const std::string written = field.text(64);
  if (!field.failed() && written != schema) {
    field.fail(fmt::format("'{}' is not a {} document", written, schema), fmt::format("'{}' không phải tài liệu {}", written, schema));
  }
}

}  // namespace

Json to_json(const Event& event) {
  Json flags = Json::array();
  for (StepFlag flag : all_values<StepFlag>()) {
    if (event.has(flag)) flags.push_back(enum_to_json(flag));
  }
  Json data = Json::object();
  std::visit(DataWriter{data}, event.data);
  Json out = Json::object();
  out["candidate"] = event.candidate.value();
  out["actor"] = event.actor.value();
  out["role"] = enum_to_json(event.role);
  out["date"] = date_to_json(event.date);
  out["flags"] = std::move(flags);
  out["kind"] = enum_to_json(event.kind());
  out["data"] = std::move(data);
  return out;
}

Json to_json(const Record& record) {
  Json out = Json::object();
  out["version"] = record.version;
  out["sequence"] = record.sequence;
  out["candidate_sequence"] = record.candidate_sequence;
  out["previous"] = to_hex(record.previous);
  out["event"] = to_json(record.event);
  out["hash"] = to_hex(record.hash);
  return out;
}

tl::expected<Record, JournalError> record_from_json(const Json& document) {
  std::optional<Refusal> failure;
  JournalProblem problem = JournalProblem::malformed;
  std::uint64_t found = 0;
  Record record = read_record(Reader{document, failure}, problem, found);
  if (failure) return tl::make_unexpected(JournalError{problem, found, found, std::move(*failure)});
  return record;
}

Json to_json(const std::vector<Record>& records) {
  Json list = Json::array();
  for (const Record& record : records) list.push_back(to_json(record));
  return Json{{"schema", journal_schema}, {"version", journal_format_version}, {"records", std::move(list)}};
}

tl::expected<std::vector<Record>, JournalError> journal_from_json(const Json& document) {
  std::optional<Refusal> failure;
  const Reader doc{document, failure};
  const Reader version = doc["version"];
  const auto raw_version = version.integer<std::uint16_t>();
  const bool too_new = !doc.failed() && raw_version > journal_format_version;
  static_cast<void>(version.version(journal_format_version));
  JournalProblem problem = too_new ? JournalProblem::unknown_version : JournalProblem::malformed;
  require_schema(doc, journal_schema);
  doc.only({"schema", "version", "records"});
  const Reader list = doc["records"];
  const std::size_t count = list.size();
  if (failure) return tl::make_unexpected(JournalError{problem, 0, 0, std::move(*failure)});

  std::vector<Record> records;
  records.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t found = 0;
    Record record = read_record(list.at(i), problem, found);
    if (failure) {
      const std::uint64_t place = records.empty() ? found : records.back().sequence + 1;
      return tl::make_unexpected(JournalError{problem, place, found, std::move(*failure)});
    }
    records.push_back(std::move(record));
  }
  return records;
}

Json to_json(const Candidate& c) {
  Json replications = Json::object();
  for (Replication kind : all_values<Replication>()) {
    replications[std::string(identifier(kind))] = c.replications[static_cast<std::size_t>(kind)];
  }
  return Json{{"version", journal_format_version},
              {"id", c.id.value()},
              {"unit", c.unit.value()},
              {"mentor", c.mentor.value()},
              {"stage", enum_to_json(c.stage)},
              {"subject", enum_to_json(c.subject)},
              {"position", enum_to_json(c.position)},
              {"level", enum_to_json(c.level)},
              {"field", enum_to_json(c.field)},
              {"round_year", c.round_year},
              {"last_step", date_to_json(c.last_step)},
              {"council_members", c.council_members},
              {"votes_for", c.votes_for},
              {"votes_against", c.votes_against},
              {"council_proposed", c.council_proposed},
              {"decision", std::string(c.decision.view())},
              {"decision_date", date_to_json(c.decision_date)},
              {"award", enum_to_json(c.award)},
              {"replications", std::move(replications)}};
}

tl::expected<Candidate, Refusal> candidate_from_json(const Json& document) {
  std::optional<Refusal> failure;
  Candidate candidate = read_candidate(Reader{document, failure});
  if (failure) return tl::make_unexpected(std::move(*failure));
  return candidate;
}

Json to_json(const Snapshot& snapshot) {
  Json list = Json::array();
  for (const auto& [id, entry] : snapshot.candidates) {
    list.push_back(Json{{"candidate_sequence", entry.candidate_sequence}, {"candidate", to_json(entry.candidate)}});
  }
  return Json{{"schema", snapshot_schema},
              {"version", journal_format_version},
              {"sequence", snapshot.sequence},
              {"hash", to_hex(snapshot.hash)},
              {"candidates", std::move(list)}};
}

tl::expected<Snapshot, Refusal> snapshot_from_json(const Json& document) {
  std::optional<Refusal> failure;
  const Reader doc{document, failure};
  static_cast<void>(doc["version"].version(journal_format_version));
  require_schema(doc, snapshot_schema);
  doc.only({"schema", "version", "sequence", "hash", "candidates"});
  Snapshot snapshot;
  snapshot.sequence = doc["sequence"].integer<std::uint64_t>();
  snapshot.hash = read_digest(doc["hash"]);
  const Reader list = doc["candidates"];
  const std::size_t count = list.size();
  for (std::size_t i = 0; i < count && !failure; ++i) {
    const Reader item = list.at(i);
    item.only({"candidate_sequence", "candidate"});
    Snapshot::Entry entry;
    const Reader sequence = item["candidate_sequence"];
    entry.candidate_sequence = sequence.integer<std::uint32_t>();
    const Reader candidate = item["candidate"];
    entry.candidate = read_candidate(candidate);
    if (failure) break;
    if (entry.candidate_sequence == 0 || entry.candidate_sequence > snapshot.sequence) {
      sequence.fail("a candidate in a snapshot has between 1 and `sequence` records",
                    "ứng viên trong ảnh chụp phải có từ 1 đến `sequence` bản ghi");
    } else if (!entry.candidate.id.valid()) {
      candidate["id"].fail("0 is not an id", "0 không phải là mã");
    } else if (entry.candidate.stage == Stage::initial) {
      candidate["stage"].fail("a candidate in a snapshot has been discovered", "ứng viên trong ảnh chụp phải đã được phát hiện");
    } else if (!snapshot.candidates.emplace(entry.candidate.id, entry).second) {
      candidate["id"].fail("this candidate is listed twice", "ứng viên này bị liệt kê hai lần");
    }
  }
  if (failure) return tl::make_unexpected(std::move(*failure));
  return snapshot;
}

}  // namespace exemplar::json
