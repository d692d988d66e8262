// Workflow::options for one candidate and one actor: what a host's screen asks on every render.
#include <benchmark/benchmark.h>

#include <exemplar/lifecycle.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;

}  // namespace

void options_benchmark(benchmark::State& state) {
  // A registered candidate and the council that reviews it: the review's two guarded rows are
  // consulted, the other commands refused by the table or the policy.
  const Workflow flow;
  const UnitId unit{7};
  const Actor head{ActorId{3}, Role::unit_head, unit};
  const Actor council{ActorId{20}, Role::council, UnitId{1}};
  const bg::date day{2022, 3, 1};
  Candidate candidate;
  const Command walk[] = {
      commands::Discover{CandidateId{42}, Subject::individual, unit, Position::staff, Field::inspection,
                         Level::agency, "Sáng kiến"},
      commands::Foster{ActorId{9}},
      commands::Register{"Hồ sơ số 1"},
  };
  for (const Command& command : walk) {
    auto event = flow.decide(candidate, command, head, day);
    if (!event) {
      state.SkipWithError("could not walk the candidate to registered");
      return;
    }
    candidate = flow.evolve(candidate, *event);
  }

  const std::uint64_t before = allocation_count();
  for (auto _ : state) {
    auto options = flow.options(candidate, council, day);
    benchmark::DoNotOptimize(options.data());
  }
  const auto calls = static_cast<double>(state.iterations());
  state.counters["allocs_per_call"] = calls > 0 ? static_cast<double>(allocation_count() - before) / calls : 0.0;
  state.SetItemsProcessed(state.iterations());
}

}  // namespace exemplar::bench
