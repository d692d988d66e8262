// exemplar/json/journal.hpp: records, journals, snapshots and candidates as JSON documents.
//
//   to_json(record)    / record_from_json(json)      {"version":1,"sequence":..,"event":{..},"hash":..}
//   to_json(records)   / journal_from_json(json)     {"schema":"exemplar.journal","version":1,"records":[..]}
//   to_json(snapshot)  / snapshot_from_json(json)    {"schema":"exemplar.snapshot","version":1,..}
//   to_json(candidate) / candidate_from_json(json)   {"version":1,"id":..,"stage":"registered",..}
//   to_json(event)     / event_from_json(json)       {"candidate":..,"kind":"foster","data":{..},..}
//
// Every form is written and read field by field from the descriptions of lifecycle.hpp, in the
// format version the record carries. Enums are written by their stable identifiers, sets as arrays
// of them, dates as "YYYY-MM-DD", digests as 64 hex digits.
// Every record and candidate carries its format version and every container its schema and version;
// a newer version than journal_format_version is refused. A malformed document is refused whole,
// with the JSON pointer of the first bad field. The shapes are in docs/journal.md.
#pragma once

#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "../journal.hpp"
#include "../lifecycle.hpp"
#include "../refusal.hpp"
#include "document.hpp"

namespace exemplar::json {

/// The "schema" of a journal document.
inline constexpr std::string_view journal_schema = "exemplar.journal";
/// The "schema" of a snapshot document.
inline constexpr std::string_view snapshot_schema = "exemplar.snapshot";

/// One record; a host may keep it in a JSON column.
[[nodiscard]] Json to_json(const Record& record);
/// A record back. Problems are record_malformed, record_unknown_kind or record_unknown_version; the
/// refusal's subject is the JSON pointer of the bad field. The hash is not checked here: replay does.
[[nodiscard]] tl::expected<Record, Refusal> record_from_json(const Json& document);

/// A journal document: the records in order.
[[nodiscard]] Json to_json(const std::vector<Record>& records);
/// The records of a journal document; a bad record is reported at its place in the journal.
[[nodiscard]] tl::expected<std::vector<Record>, Refusal> journal_from_json(const Json& document);

/// A snapshot document.
[[nodiscard]] Json to_json(const Snapshot& snapshot);
[[nodiscard]] tl::expected<Snapshot, Refusal> snapshot_from_json(const Json& document);

/// One candidate's state.
[[nodiscard]] Json to_json(const Candidate& candidate);
[[nodiscard]] tl::expected<Candidate, Refusal> candidate_from_json(const Json& document);

/// The event part of a record, for hosts that show or export events without the chain.
[[nodiscard]] Json to_json(const Event& event);
/// An event back, in the newest format (the form to_json(event) writes): for hosts that hand
/// events across a boundary before the journal numbers them. Problems are record_malformed or
/// record_unknown_kind, with the JSON pointer as subject.
[[nodiscard]] tl::expected<Event, Refusal> event_from_json(const Json& document);

}  // namespace exemplar::json
