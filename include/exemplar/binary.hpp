// exemplar/binary.hpp: a compact binary form of records, snapshots and candidates.
//
//   to_binary(record) / record_from_binary(bytes)         about 100 bytes a record; its prefix is
//                                                         the canonical encoding the hash covers
//
// Every form is written and read field by field from the descriptions of lifecycle.hpp (fields.hpp),
// in the format version the record or blob carries: a field added in version N exists only in
// blobs of version N or later, so older blobs keep their bytes and their hashes.
//   to_binary(snapshot) / snapshot_from_binary(bytes)
//   to_binary(candidate) / candidate_from_binary(bytes)
//   replay_binary(stored, workflow[, from])               decode and replay stored records in order
//   Journal::replay_binary(blob) (journal.hpp)            the same one blob at a time, e.g. from a file
//
// For hosts that keep millions of records: little-endian fixed-width fields, one blob per record
// (a BLOB column, a file per segment). Each blob starts with a form tag and the format version;
// readers refuse a wrong tag, a newer version, a truncated or over-long blob, an unknown event kind,
// an enumerator, date, boolean or text that a writer could not have produced. Layout: docs/journal.md.
#pragma once

#include <cstdint>
#include <vector>

#include <tl/expected.hpp>

#include "journal.hpp"
#include "lifecycle.hpp"
#include "refusal.hpp"

namespace exemplar {

/// The first byte of each binary form, so that one form is never read as another.
enum class BinaryForm : std::uint8_t { record, snapshot, candidate };
inline constexpr std::size_t binary_form_count = 3;
[[nodiscard]] LabelTable label_table(BinaryForm) noexcept;

/// The byte a blob of that form starts with ('R', 'S', 'C').
[[nodiscard]] constexpr std::uint8_t form_tag(BinaryForm form) noexcept {
  constexpr std::uint8_t tags[] = {0x52, 0x53, 0x43};
  return tags[static_cast<std::size_t>(form)];
}

/// The record's binary form: canonical_bytes(record) followed by its 32-byte hash.
[[nodiscard]] std::vector<std::uint8_t> to_binary(const Record& record);
/// Appends the record's binary form to `out`, for hosts that batch records into one buffer.
void append_binary(const Record& record, std::vector<std::uint8_t>& out);
/// Reads one record blob. Problems are record_malformed, record_unknown_kind or
/// record_unknown_version, with `record` the record's number when it could be read. Does not check
/// the hash: replay does.
[[nodiscard]] tl::expected<Record, Refusal> record_from_binary(ByteView bytes);

/// The snapshot's binary form: header, then the candidates in id order.
[[nodiscard]] std::vector<std::uint8_t> to_binary(const Snapshot& snapshot);
/// Reads a snapshot blob; the refusal's subject names the bad field ("candidates[3].stage").
[[nodiscard]] tl::expected<Snapshot, Refusal> snapshot_from_binary(ByteView bytes);

/// One candidate's binary form.
[[nodiscard]] std::vector<std::uint8_t> to_binary(const Candidate& candidate);
/// Reads a candidate blob; the refusal's subject names the bad field.
[[nodiscard]] tl::expected<Candidate, Refusal> candidate_from_binary(ByteView bytes);

/// Decodes and replays stored record blobs in order from `from`; a blob that cannot be read stops
/// replay at its place like any other bad record.
[[nodiscard]] tl::expected<Snapshot, Refusal> replay_binary(const std::vector<std::vector<std::uint8_t>>& stored,
                                                                 const Workflow& workflow, Snapshot from = {},
                                                                 const Hasher& hasher = default_hasher());

}  // namespace exemplar
