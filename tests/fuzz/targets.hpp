// What the fuzz targets check, for any bytes: shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp)
// and by the regression test that replays every stored input through the same checks with GCC
// (tests/fuzz_regressions_test.cpp). Each returns false when a promised property does not hold;
// a crash, a leak or an escaping exception is found by the sanitizers or the test itself.
//   plan_json_holds(bytes)       plan_from_text refuses or gives a plan that reads back the same
//   journal_json_holds(bytes)    parse, journal_from_json and replay refuse or read back the same
//   journal_binary_holds(bytes)  the binary readers and replay_binary refuse or read back the same
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/json/document.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>
#include <exemplar/lifecycle.hpp>

namespace exemplar::fuzz {

/// Any bytes as a plan file: a plan that loads writes text that loads as the same plan.
inline bool plan_json_holds(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto plan = json::plan_from_text(text);
  if (!plan) return true;
  const std::string written = json::to_text(*plan);
  const auto again = json::plan_from_text(written);
  return again && json::to_text(*again) == written;
}

/// Any bytes as a stored JSON journal: records that read write back to the same records, and a
/// replay that succeeds once succeeds again with the same state.
inline bool journal_json_holds(const std::uint8_t* data, std::size_t size) {
  static const Workflow flow;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto document = json::parse(text);
  if (!document) return true;
  (void)json::snapshot_from_json(*document);
  (void)json::candidate_from_json(*document);
  (void)json::record_from_json(*document);
  const auto records = json::journal_from_json(*document);
  if (!records) return true;

  const auto again = json::journal_from_json(json::to_json(*records));
  if (!again || *again != *records) return false;
  const auto state = replay(*records, flow);
  if (!state) return true;
  const auto twice = replay(*records, flow);
  return twice && *twice == *state;
}

using Blob = std::vector<std::uint8_t>;

/// The blobs of a binary input: each after a two-byte little-endian length, the last one cut short
/// when the input ends first (tests/fuzz/write_seeds.cpp writes the seeds so).
inline std::vector<Blob> split_blobs(const std::uint8_t* data, std::size_t size) {
  std::vector<Blob> blobs;
  std::size_t at = 0;
  while (at + 2 <= size) {
    const std::size_t length = data[at] | (static_cast<std::size_t>(data[at + 1]) << 8);
    at += 2;
    const std::size_t taken = length < size - at ? length : size - at;
    blobs.emplace_back(data + at, data + at + taken);
    at += taken;
  }
  return blobs;
}

/// One blob as a record, a snapshot and a candidate: whatever reads writes bytes that read the same.
inline bool blob_reads_back(const Blob& blob) {
  if (const auto record = record_from_binary(blob)) {
    const auto again = record_from_binary(to_binary(*record));
    if (!again || *again != *record) return false;
  }
  if (const auto snapshot = snapshot_from_binary(blob)) {
    const auto again = snapshot_from_binary(to_binary(*snapshot));
    if (!again || *again != *snapshot) return false;
  }
  if (const auto candidate = candidate_from_binary(blob)) {
    const auto again = candidate_from_binary(to_binary(*candidate));
    if (!again || *again != *candidate) return false;
  }
  return true;
}

/// Any bytes as stored binary blobs: each reads back, and the blobs replay as a journal from nothing
/// and, when the first is a snapshot, from it, the same way twice.
inline bool journal_binary_holds(const std::uint8_t* data, std::size_t size) {
  static const Workflow flow;
  const std::vector<Blob> blobs = split_blobs(data, size);
  for (const Blob& blob : blobs) {
    if (!blob_reads_back(blob)) return false;
  }
  const auto state = replay_binary(blobs, flow);
  if (state) {
    const auto twice = replay_binary(blobs, flow);
    if (!twice || *twice != *state) return false;
  }
  if (blobs.empty()) return true;
  auto from = snapshot_from_binary(blobs.front());
  if (!from) return true;
  const std::vector<Blob> later(blobs.begin() + 1, blobs.end());
  (void)replay_binary(later, flow, std::move(*from));
  return true;
}

}  // namespace exemplar::fuzz
