// Records, journals, snapshots and candidates to and from JSON, field by field from the field
// descriptions of lifecycle.hpp, through the strict Reader.
#include "exemplar/json/journal.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "detail/examine.hpp"
#include "fields.hpp"
#include "reader.hpp"

namespace exemplar::json {
namespace bg = boost::gregorian;

namespace {

/// Reads the data of event kind `kind` for format `version` into `data`.
template <std::size_t... I>
void read_data(const Reader& r, std::size_t kind, std::uint16_t version, EventData& data, std::index_sequence<I...>) {
  ((kind == I ? void(fields_from_json(r, version, data.emplace<I>())) : void()), ...);
}

Digest read_digest(const Reader& field) {
  const std::string hex = field.text(64);
  if (field.failed()) return Digest{};
  if (auto digest = parse_digest(hex)) return *digest;
  field.fail("not a SHA-256 digest (64 hexadecimal digits)", "không phải mã băm SHA-256 (64 chữ số thập lục phân)");
  return Digest{};
}

/// An event of format `version` at `e` into `event`; an unknown kind makes `code` record_unknown_kind.
void read_event(const Reader& e, std::uint16_t version, Event& event, RefusalCode& code) {
  const Reader kind_field = e["kind"];
  const std::string kind_name = kind_field.text(64);
  // An index rather than an optional enum: GCC's -O3 takes the latter for uninitialised.
  const auto named = from_identifier<CommandKind>(kind_name);
  const std::size_t kind = named && introduced_in(*named) <= version ? static_cast<std::size_t>(*named) : command_count;
  if (!e.failed() && kind == command_count) {
    code = RefusalCode::record_unknown_kind;
    kind_field.fail("'" + kind_name + "' is not an event kind this library knows",
                    "'" + kind_name + "' không phải loại sự kiện đã biết");
  }
  fields_from_json(e, version, event, {"kind", "data"});
  if (kind < command_count && !e.failed()) {
    read_data(e["data"], kind, version, event.data, std::make_index_sequence<std::variant_size_v<EventData>>{});
  }
}

/// A record at `r`; `code` says which record_* code the first failure is.
Record read_record(const Reader& r, RefusalCode& code, std::uint64_t& found) {
  Record record;
  const Reader version = r["version"];
  const auto raw_version = version.integer<std::uint16_t>();
  const bool too_new = !r.failed() && raw_version > journal_format_version;
  record.version = version.version(journal_format_version);
  if (too_new) code = RefusalCode::record_unknown_version;
  record.sequence = r["sequence"].integer<std::uint64_t>();
  if (!r.failed()) found = record.sequence;
  r.only({"version", "sequence", "candidate_sequence", "previous", "event", "hash"});
  record.candidate_sequence = r["candidate_sequence"].integer<std::uint32_t>();
  record.previous = read_digest(r["previous"]);

  read_event(r["event"], record.version, record.event, code);
  record.hash = read_digest(r["hash"]);
  return record;
}

void require_schema(const Reader& document, std::string_view schema) {
  const Reader field = document["schema"];
  const std::string written = field.text(64);
  if (!field.failed() && written != schema) {
    field.fail(fmt::format("'{}' is not a {} document", written, schema), fmt::format("'{}' không phải tài liệu {}", written, schema));
  }
}

/// A journal problem at record `place` (0 when not known).
Refusal journal_problem(Refusal failure, RefusalCode code, std::uint64_t place) {
  failure.code = code;
  if (place != 0) failure.record = place;
  return failure;
}

}  // namespace

Json to_json(const Event& event) {
  Json out = Json::object();
  fields_to_json(event, journal_format_version, out);
  out["kind"] = enum_to_json(event.kind());
  Json data = Json::object();
  std::visit([&](const auto& each) { fields_to_json(each, journal_format_version, data); }, event.data);
  out["data"] = std::move(data);
  return out;
}

tl::expected<Event, Refusal> event_from_json(const Json& document) {
  std::optional<Refusal> failure;
  RefusalCode code = RefusalCode::record_malformed;
  Event event;
  read_event(Reader{document, failure}, journal_format_version, event, code);
  if (failure) {
    failure->code = code;
    return tl::make_unexpected(std::move(*failure));
  }
  return event;
}

Json to_json(const Record& record) {
  Json event = Json::object();
  fields_to_json(record.event, record.version, event);
  event["kind"] = enum_to_json(record.event.kind());
  Json data = Json::object();
  std::visit([&](const auto& each) { fields_to_json(each, record.version, data); }, record.event.data);
  event["data"] = std::move(data);
  Json out = Json::object();
  out["version"] = record.version;
  out["sequence"] = record.sequence;
  out["candidate_sequence"] = record.candidate_sequence;
  out["previous"] = to_hex(record.previous);
  out["event"] = std::move(event);
  out["hash"] = to_hex(record.hash);
  return out;
}

tl::expected<Record, Refusal> record_from_json(const Json& document) {
  std::optional<Refusal> failure;
  RefusalCode code = RefusalCode::record_malformed;
  std::uint64_t found = 0;
  Record record = read_record(Reader{document, failure}, code, found);
  if (failure) return tl::make_unexpected(journal_problem(std::move(*failure), code, found));
  return record;
}

Json to_json(const std::vector<Record>& records) {
  Json list = Json::array();
  for (const Record& record : records) list.push_back(to_json(record));
  return Json{{"schema", journal_schema}, {"version", journal_format_version}, {"records", std::move(list)}};
}

tl::expected<std::vector<Record>, Refusal> journal_from_json(const Json& document) {
  std::optional<Refusal> failure;
  const Reader doc{document, failure};
  const Reader version = doc["version"];
  const auto raw_version = version.integer<std::uint16_t>();
  const bool too_new = !doc.failed() && raw_version > journal_format_version;
  static_cast<void>(version.version(journal_format_version));
  RefusalCode code = too_new ? RefusalCode::record_unknown_version : RefusalCode::record_malformed;
  require_schema(doc, journal_schema);
  doc.only({"schema", "version", "records"});
  const Reader list = doc["records"];
  const std::size_t count = list.size();
  if (failure) return tl::make_unexpected(journal_problem(std::move(*failure), code, 0));

  std::vector<Record> records;
  records.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t found = 0;
    Record record = read_record(list.at(i), code, found);
    if (failure) {
      const std::uint64_t place = records.empty() ? found : records.back().sequence + 1;
      return tl::make_unexpected(journal_problem(std::move(*failure), code, place));
    }
    records.push_back(std::move(record));
  }
  return records;
}

Json to_json(const Candidate& c) {
  Json out = Json::object();
  out["version"] = journal_format_version;
  fields_to_json(c, journal_format_version, out);
  return out;
}

namespace {

Candidate read_candidate(const Reader& c) {
  Candidate candidate;
  const std::uint16_t version = c["version"].version(journal_format_version);
  fields_from_json(c, version, candidate, {"version"});
  return candidate;
}

}  // namespace

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
