// One immutable Workflow shared by several threads at once: decide, evolve and options read it and
// write nothing shared (docs/embedding.md, "Threads"). Also built under ThreadSanitizer.
#include <thread>
#include <vector>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

TEST(Threads, ASharedWorkflowGivesEveryThreadTheSameResults) {
  const Workflow flow;
  const Walked reference = walk_to(flow, Stage::replicated);
  constexpr int thread_count = 4;
  std::vector<Candidate> finals(thread_count);
  std::vector<std::size_t> option_counts(thread_count);

  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        finals[t] = walk_to(flow, Stage::replicated).candidate;
        option_counts[t] = flow.options(finals[t], secretariat, bg::date{2023, 1, 1}).size();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int t = 0; t < thread_count; ++t) {
    EXPECT_EQ(finals[t], reference.candidate);
    EXPECT_EQ(option_counts[t], command_count);
  }
}

}  // namespace
}  // namespace exemplar
