// exemplar_benchmarks: exemplar's lifecycle against what a user would write instead (issue 7).
//
//   BM_Lifecycle/<impl>/<candidates>/manual_time   candidates: 1000, 1000000; impl:
//     exemplar      Workflow::decide then Workflow::evolve over a Candidate, default Workflow
//                   (exemplar_machines.cpp): every rule below, the texts and dates' ranges too, and
//                   the Event a host journals or the Refusal it shows
//     switch        the same rules by hand (ruled.cpp, rules.hpp): the arrow, authority by role,
//     table         level and own unit as bit tests, date order, the dossier, the council's votes
//     msm           against its membership, a level to nominate to; as a switch, a constexpr table,
//                   Boost.MSM guards and actions (msm.cpp). rules_check.cpp proves at start-up that
//                   these rules answer as Policy::defaults() and exemplar's review do
//     switch_bare   reference rows that check only the arrows and the step's argument (plain.cpp,
//     table_bare    msm.cpp, statechart.cpp): what a transition costs with no rules, and what
//     msm_bare      exemplar's rules cost on top
//     statechart
//   BM_Options/exemplar                            Workflow::options for one candidate and actor
//   BM_DeadlineStatus/..., BM_Evaluate/..., BM_Journal/...
//                                                  the other hot paths (deadline.cpp, evaluate.cpp,
//                                                  journal.cpp; each file says what it times)
//
// Method. Every lifecycle benchmark runs the same pre-generated stream (stream.hpp). One iteration
// feeds the whole stream, block by block, starting from every candidate at `initial`. Only the
// calls that feed a block are timed, with a steady clock read around each block (UseManualTime,
// hence the "/manual_time" Google Benchmark appends to the names); the reset of terminal candidates
// between blocks, the reset before an iteration and the checks after it are not. After every
// iteration the stage histogram and the number of refused events must equal those the generator
// simulated with exemplar's table, or the benchmark fails with SkipWithError: so all
// implementations provably end in the same state. The same-rules peers and exemplar are handed the
// same actor for every step (stream.hpp, actor_for) and the same review (review_votes).
//
// Ratios. After the benchmarks, standard error gets exemplar's ns/event over each implementation's
// at each size, from the medians of this run when it has repetitions (ratios.cpp).
//
// Counters: ns_per_event (timed nanoseconds over events), items_per_second, cpu_ns_per_event (the
// same blocks measured with the thread's CPU clock, which stops while other processes run), bytes_per_machine
// (sizeof the state kept per candidate: 64 for exemplar's Candidate, 6 for the same-rules peers'
// stage, level, unit and last day, 1 for the bare stage byte, the whole machine for the libraries),
// setup_bytes_per_machine (everything allocated to build and start the machines, per candidate,
// the array included), allocs_per_event (operator new calls in the timed part), invalid_share.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include <benchmark/benchmark.h>

#include "stream.hpp"

namespace exemplar::bench {

void options_benchmark(benchmark::State& state);
void register_deadline_benchmarks();
void register_evaluate_benchmarks();
void register_journal_benchmarks();
std::size_t run_with_ratios();

namespace {

using Factory = std::unique_ptr<Machines> (*)(std::uint32_t);

/// CPU time of this thread: unlike the steady clock it stops while another process has the core,
/// which on a shared machine is the fairer measure (reported beside, never instead).
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

/// One BM_Lifecycle implementation: its name in the benchmark's name, and how to build it.
struct Implementation {
  const char* name;
  Factory make;
};

/// The same-rules peers, the reference rows, then exemplar: the order of the report and the ratios.
constexpr Implementation kImplementations[] = {
    {"switch", &make_switch},
    {"table", &make_table},
    {"msm", &make_msm},
    {"switch_bare", &make_switch_bare},
    {"table_bare", &make_table_bare},
    {"msm_bare", &make_msm_bare},
    {"statechart", &make_statechart},
    {"exemplar", &make_exemplar},
};

/// Candidates per stream: a thousand, whose states stay in the caches, and a million, whose do not.
constexpr std::uint32_t kSizes[] = {1'000, 1'000'000};

void lifecycle(benchmark::State& state, const Implementation& implementation, std::uint32_t candidates) {
  using Clock = std::chrono::steady_clock;
  const Stream& stream = stream_for(candidates);
  const auto setup_before = allocated_bytes();
  auto machines = implementation.make(candidates);
  machines->reset_all();
  const auto setup_bytes = static_cast<double>(allocated_bytes() - setup_before);

  const std::size_t events = stream.steps.size();
  const std::size_t block = stream.spec.block;
  double timed_seconds = 0.0;
  double cpu_seconds = 0.0;
  std::uint64_t timed_allocations = 0;
  for (auto _ : state) {
    machines->reset_all();
    Clock::duration elapsed{};
    for (std::size_t start = 0; start < events; start += block) {
      if (start > 0) machines->reset_terminal();
      const Step* first = stream.steps.data() + start;
      const Step* last = stream.steps.data() + std::min(events, start + block);
      const std::uint64_t allocations_before = allocation_count();
      const double cpu_began = thread_cpu_seconds();
      const auto began = Clock::now();
      machines->run(first, last);
      const auto ended = Clock::now();
      cpu_seconds += thread_cpu_seconds() - cpu_began;
      timed_allocations += allocation_count() - allocations_before;
      elapsed += ended - began;
    }
    const double seconds = std::chrono::duration<double>(elapsed).count();
    state.SetIterationTime(seconds);
    timed_seconds += seconds;

    if (machines->histogram() != stream.expected) {
      state.SkipWithError("the stage histogram differs from the one the generator simulated");
      break;
    }
    if (machines->refused() != stream.refused) {
      state.SkipWithError("the number of refused events differs from the one the generator simulated");
      break;
    }
  }

  const auto processed = static_cast<double>(state.iterations()) * static_cast<double>(events);
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
  state.counters["ns_per_event"] = processed > 0 ? timed_seconds * 1e9 / processed : 0.0;
  state.counters["cpu_ns_per_event"] = processed > 0 ? cpu_seconds * 1e9 / processed : 0.0;
  state.counters["allocs_per_event"] = processed > 0 ? static_cast<double>(timed_allocations) / processed : 0.0;
  state.counters["bytes_per_machine"] = static_cast<double>(machines->bytes_per_machine());
  state.counters["setup_bytes_per_machine"] = setup_bytes / candidates;
  state.counters["invalid_share"] = static_cast<double>(stream.refused) / static_cast<double>(events);
}

}  // namespace
}  // namespace exemplar::bench

int main(int argc, char** argv) {
  using namespace exemplar::bench;
  if (const std::string mismatch = peer_rules_mismatch(); !mismatch.empty()) {
    std::fprintf(stderr, "exemplar_benchmarks: the same-rules peers do not check exemplar's rules: %s\n", mismatch.c_str());
    return 1;
  }
  for (std::uint32_t candidates : kSizes) {
    for (const Implementation& implementation : kImplementations) {
      const std::string name = std::string("BM_Lifecycle/") + implementation.name + "/" + std::to_string(candidates);
      benchmark::RegisterBenchmark(name.c_str(), lifecycle, implementation, candidates)
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::RegisterBenchmark("BM_Options/exemplar", options_benchmark);
  register_deadline_benchmarks();
  register_evaluate_benchmarks();
  register_journal_benchmarks();

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  run_with_ratios();
  benchmark::Shutdown();
  return 0;
}
