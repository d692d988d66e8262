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

// The seeds are real journals: they replay, so the fuzzers start from deep inside the formats.
TEST(FuzzRegressions, TheJournalSeedsReplayWhole) {
  std::ifstream in(fs::path(EXEMPLAR_SOURCE_DIR) / "tests/fuzz/corpus/fuzz_journal_binary/every_kind.bin",
                   std::ios::binary);
  const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const Workflow flow;

  const auto state = replay_binary(fuzz::split_blobs(bytes.data(), bytes.size()), flow);

  ASSERT_TRUE(state) << state.error().message();
  EXPECT_EQ(state->candidates.size(), 5U);
}

}  // namespace
}  // namespace exemplar
#endif
