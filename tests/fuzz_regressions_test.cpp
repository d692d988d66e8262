// Every stored fuzz input, seeds and any input a fuzzer once failed on, replayed with the normal
// build through the very checks the libFuzzer targets make (tests/fuzz/targets.hpp), so a fixed
// failure stays fixed without clang. A failing input is saved as tests/fuzz/corpus/<target>/crash-*.
// The command-stream target reads its bytes through clang's FuzzedDataProvider and is not replayed
// here; the invariant tests check the same properties on random streams.
#include <gtest/gtest.h>

#ifdef EXEMPLAR_HAS_JSON
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/targets.hpp"

namespace exemplar {
namespace {

namespace fs = std::filesystem;

using Check = bool (*)(const std::uint8_t*, std::size_t);

// Runs every file of the target's corpus through the check; returns how many there were.
std::size_t replay_corpus(const std::string& target, Check check) {
  const fs::path dir = fs::path(EXEMPLAR_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target;
  std::size_t count = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_TRUE(check(bytes.data(), bytes.size())) << entry.path();
    ++count;
  }
  return count;
}

TEST(FuzzRegressions, EveryStoredPlanInputIsRefusedOrReadsBackTheSame) {
  const std::size_t count = replay_corpus("fuzz_plan_json", &fuzz::plan_json_holds);

  EXPECT_GE(count, 2U);
}

TEST(FuzzRegressions, EveryStoredJsonJournalInputIsRefusedOrReplaysTheSameTwice) {
  const std::size_t count = replay_corpus("fuzz_journal_json", &fuzz::journal_json_holds);

  EXPECT_GE(count, 2U);
}

TEST(FuzzRegressions, EveryStoredBinaryJournalInputIsRefusedOrReplaysTheSameTwice) {
  const std::size_t count = replay_corpus("fuzz_journal_binary", &fuzz::journal_binary_holds);

  EXPECT_GE(count, 2U);
}

/// The bytes of a stored input.
std::vector<std::uint8_t> corpus_file(const std::string& target, const std::string& name) {
  std::ifstream in(fs::path(EXEMPLAR_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The seeds are real journals: they replay, so the fuzzers start from deep inside the formats.
TEST(FuzzRegressions, TheJournalSeedsReplayWhole) {
  const std::vector<std::uint8_t> bytes = corpus_file("fuzz_journal_binary", "every_kind.bin");
  const auto blobs = fuzz::split_blobs(bytes.data(), bytes.size());
  const Workflow flow;

  const auto state = replay_binary(blobs, flow);

  ASSERT_TRUE(state) << state.error().message();
  EXPECT_EQ(state->candidates.size(), 5U);
  EXPECT_EQ(record_from_binary(blobs.front())->version, journal_format_version);
}

// Seeds written by the libraries of formats 1 and 2 are kept as they were: their journals still
// replay, from binary and from JSON alike.
void expect_old_seeds_replay_whole(const std::string& suffix, std::uint16_t version) {
  const std::vector<std::uint8_t> bytes = corpus_file("fuzz_journal_binary", "every_kind" + suffix + ".bin");
  const auto blobs = fuzz::split_blobs(bytes.data(), bytes.size());
  const std::vector<std::uint8_t> text = corpus_file("fuzz_journal_json", "every_kind" + suffix + ".json");
  const auto document = json::parse(std::string_view{reinterpret_cast<const char*>(text.data()), text.size()});
  ASSERT_TRUE(document);
  const auto records = json::journal_from_json(*document);
  ASSERT_TRUE(records) << records.error().message();
  const Workflow flow;

  const auto from_binary = replay_binary(blobs, flow);
  const auto from_json = replay(*records, flow);

  ASSERT_TRUE(from_binary) << from_binary.error().message();
  EXPECT_EQ(from_binary->candidates.size(), 5U);
  ASSERT_TRUE(from_json) << from_json.error().message();
  EXPECT_EQ(*from_json, *from_binary);
  for (const auto& blob : blobs) EXPECT_EQ(record_from_binary(blob)->version, version);
  for (const auto& record : *records) EXPECT_EQ(record.version, version);
}

TEST(FuzzRegressions, TheVersionOneJournalSeedsStillReplayWhole) { expect_old_seeds_replay_whole("_v1", 1); }

TEST(FuzzRegressions, TheVersionTwoJournalSeedsStillReplayWhole) { expect_old_seeds_replay_whole("_v2", 2); }

// A version-1 snapshot seed still reads, and the version-1 records after it replay from it.
TEST(FuzzRegressions, TheVersionOneSnapshotSeedStillResumes) {
  const std::vector<std::uint8_t> bytes = corpus_file("fuzz_journal_binary", "snapshot_then_records_v1.bin");
  const auto blobs = fuzz::split_blobs(bytes.data(), bytes.size());
  ASSERT_GE(blobs.size(), 2U);
  const auto from = snapshot_from_binary(blobs.front());
  ASSERT_TRUE(from) << from.error().message();
  const Workflow flow;

  const auto state = replay_binary(std::vector<fuzz::Blob>(blobs.begin() + 1, blobs.end()), flow, *from);

  ASSERT_TRUE(state) << state.error().message();
  EXPECT_EQ(state->candidates.size(), 5U);
  EXPECT_EQ(blobs.front()[1], 1U) << "the snapshot's format version";
}

// The plan seeds are of the current plan format: they load, so the fuzzer starts inside the format.
TEST(FuzzRegressions, ThePlanSeedsLoad) {
  for (const char* name : {"inspectorate-2021.json", "langson-inspectorate-2025.json"}) {
    const std::vector<std::uint8_t> text = corpus_file("fuzz_plan_json", name);

    const auto plan = json::plan_from_text(std::string_view{reinterpret_cast<const char*>(text.data()), text.size()});

    EXPECT_TRUE(plan) << name << ": " << plan.error().message();
  }
}

}  // namespace
}  // namespace exemplar
#endif
