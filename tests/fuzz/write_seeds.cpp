// Writes the seeds of tests/fuzz/corpus/ that this library writes, so they are real journals and
// plans: `write_seeds <corpus dir>`. Run by hand when the formats change.
//   fuzz_journal_json/every_kind.json, three_records.json      the journal fixture, current format
//   fuzz_journal_binary/every_kind.bin, snapshot_then_records.bin   the same as binary blobs
//   fuzz_plan_json/<plan id>.json                               two built-in plans, current plan format
// The *_v1.* and *_v2.* journal seeds were written by the library of journal formats 1 and 2 and
// are kept as they are, never rewritten: records of older formats must still read and replay.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>
#include <exemplar/plan.hpp>

#include "../support/journal_fixture.hpp"

namespace {

void write(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void write_text(const std::string& path, std::string_view text) {
  write(path, std::vector<std::uint8_t>(text.begin(), text.end()));
}

void append_blob(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& blob) {
  out.push_back(static_cast<std::uint8_t>(blob.size() & 0xFFU));
  out.push_back(static_cast<std::uint8_t>((blob.size() >> 8) & 0xFFU));
  out.insert(out.end(), blob.begin(), blob.end());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: write_seeds <corpus dir>\n";
    return 2;
  }
  const std::string dir = argv[1];
  const exemplar::Workflow flow;
  const std::vector<exemplar::Record> records = exemplar::fixture::every_kind_journal(flow);

  write_text(dir + "/fuzz_journal_json/every_kind.json", exemplar::json::to_json(records).dump(1));
  const std::vector<exemplar::Record> first(records.begin(), records.begin() + 3);
  write_text(dir + "/fuzz_journal_json/three_records.json", exemplar::json::to_json(first).dump());

  std::vector<std::uint8_t> journal;
  for (const exemplar::Record& record : records) append_blob(journal, exemplar::to_binary(record));
  write(dir + "/fuzz_journal_binary/every_kind.bin", journal);

  const std::size_t half = records.size() / 2;
  const auto snapshot = exemplar::replay(std::vector<exemplar::Record>(records.begin(), records.begin() + half), flow);
  if (!snapshot) {
    std::cerr << snapshot.error().message() << '\n';
    return 1;
  }
  std::vector<std::uint8_t> resumed;
  append_blob(resumed, exemplar::to_binary(*snapshot));
  for (std::size_t i = half; i < records.size(); ++i) append_blob(resumed, exemplar::to_binary(records[i]));
  write(dir + "/fuzz_journal_binary/snapshot_then_records.bin", resumed);

  for (const char* id : {"inspectorate-2021", "langson-inspectorate-2025"}) {
    const auto plan = exemplar::plans::find(id);
    if (!plan) {
      std::cerr << plan.error().message() << '\n';
      return 1;
    }
    write_text(dir + "/fuzz_plan_json/" + id + ".json", exemplar::json::to_text(*plan));
  }
  return 0;
}
