// src/detail/binary_reader.hpp: what the journal shares with the binary forms.
//
//   read_record(bytes, record)   reads one record blob into `record`, reusing its strings
//   reordered(gap, found)        a record_gap whose missing record comes later: record_out_of_order
#pragma once

#include <cstdint>
#include <optional>

#include "exemplar/journal.hpp"

namespace exemplar::detail {

/// Reads one record blob into `record`; the problem (record_malformed, record_unknown_kind or
/// record_unknown_version, with `record` the blob's own number when it could be read), or nullopt.
[[nodiscard]] std::optional<Refusal> read_record(ByteView bytes, Record& record);

/// The refusal for a record numbered `found` that came before the record `gap.record` it skipped.
[[nodiscard]] Refusal reordered(Refusal gap, std::uint64_t found);

}  // namespace exemplar::detail
