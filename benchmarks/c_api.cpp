// BM_CApi: what a host in another language pays for the C API's JSON boundary, against the same
// step called from C++, in one run (issue 15, "Speed").
//
//   BM_CApi/cpp_step              Workflow::decide then Workflow::evolve over a Candidate, the
//                                 commands and actors as C++ values: the C++ call
//   BM_CApi/c_step                exemplar_workflow_step: command and actor JSON in, the event
//                                 JSON out (decide and evolve in one crossing), then exemplar_free
//   BM_CApi/c_decide_then_evolve  exemplar_workflow_decide (event JSON out), then
//                                 exemplar_workflow_evolve with that event JSON back in: two
//                                 crossings, the event read back and checked by Workflow::apply
//
// One iteration is one step. The steps are seed 000's walk (discover, foster, register, review,
// recognise, commend, replicate: Kế hoạch 10/KH-TT ngày 28/5/2021 của Thanh tra tỉnh Hà Tĩnh, mục
// IV), repeated from a new candidate after the last; every step must be accepted, or the benchmark
// fails. Counter ns_per_step: wall time per step.
#include <array>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>

#include <exemplar/c/exemplar.h>
#include <exemplar/exemplar.hpp>
#include <exemplar/json/command.hpp>

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;

struct Walk {
  Command command;
  Actor actor;
  bg::date date;
};

std::array<Walk, 7> walk() {
  const Actor head{ActorId{3}, Role::unit_head, UnitId{7}};
  const Actor council{ActorId{20}, Role::council, UnitId{1}};
  const Actor chief{ActorId{1}, Role::agency_head, UnitId{1}};
  const Actor office{ActorId{30}, Role::secretariat, UnitId{1}};
  return {{{commands::Discover{CandidateId{1}, {Subject::individual, UnitId{7}, Position::staff, Field::inspection,
                                               Level::agency, "Thanh tra viên có 3 sáng kiến"}},
            head, bg::date{2022, 2, 10}},
           {commands::Foster{ActorId{9}}, head, bg::date{2022, 2, 11}},
           {commands::Register{"Mô hình thanh tra chuyên đề"}, head, bg::date{2022, 3, 20}},
           {commands::Review{9, 8, 7, 1}, council, bg::date{2022, 4, 5}},
           {commands::Recognize{"45/QĐ-TTr", bg::date{2022, 4, 10}}, chief, bg::date{2022, 4, 10}},
           {commands::Commend{Award::agency_certificate}, chief, bg::date{2022, 12, 20}},
           {commands::Replicate{Replication::web_publication, "Cổng thông tin"}, office, bg::date{2023, 1, 5}}}};
}

/// The walk as the JSON texts a host sends: written by the library's own codecs.
struct JsonWalk {
  std::string command;
  std::string actor;
  std::string date;
};

std::array<JsonWalk, 7> json_walk() {
  std::array<JsonWalk, 7> out;
  const auto steps = walk();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    out[i] = {json::to_json(steps[i].command).dump(), json::to_json(steps[i].actor).dump(),
              json::date_to_json(steps[i].date).get<std::string>()};
  }
  return out;
}

void per_step(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations());
  state.counters["ns_per_step"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 1e-9, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void cpp_step(benchmark::State& state) {
  const auto plan = plans::find("hatinh-inspectorate-2021-2025");
  auto flow = Workflow::make(plan->procedure);
  const auto steps = walk();
  Candidate candidate;
  std::size_t at = 0;
  for (auto _ : state) {
    const Walk& step = steps[at];
    auto event = flow->decide(candidate, step.command, step.actor, step.date);
    if (!event) {
      state.SkipWithError("a step of the walk was refused");
      break;
    }
    candidate = flow->evolve(candidate, *event);
    benchmark::DoNotOptimize(candidate);
    if (++at == steps.size()) {
      at = 0;
      candidate = Candidate{};
    }
  }
  per_step(state);
}

/// Seed 000's workflow through the C API.
exemplar_workflow* c_workflow() {
  exemplar_plan* plan = nullptr;
  exemplar_workflow* flow = nullptr;
  if (exemplar_plan_builtin("hatinh-inspectorate-2021-2025", &plan, nullptr) != EXEMPLAR_OK) std::abort();
  if (exemplar_workflow_new(plan, &flow, nullptr) != EXEMPLAR_OK) std::abort();
  exemplar_plan_destroy(plan);
  return flow;
}

/// Walks seed 000's lifecycle through the C API over and over, one timed `cross` per step: the
/// step's JSON in, the event's JSON out (freed here), the candidate reset after the last step.
template <class Cross>
void c_walk(benchmark::State& state, Cross cross) {
  exemplar_workflow* flow = c_workflow();
  const auto steps = json_walk();
  std::size_t at = 0;
  for (auto _ : state) {
    const JsonWalk& step = steps[at];
    char* event = nullptr;
    const bool taken = cross(flow, step, &event);
    benchmark::DoNotOptimize(event);
    exemplar_free(event);
    if (!taken) {
      state.SkipWithError("a step of the walk was refused");
      break;
    }
    if (++at == steps.size()) {
      at = 0;
      (void)exemplar_workflow_load(flow, nullptr, nullptr);
    }
  }
  exemplar_workflow_destroy(flow);
  per_step(state);
}

void c_step(benchmark::State& state) {
  c_walk(state, [](exemplar_workflow* flow, const JsonWalk& step, char** event) {
    return exemplar_workflow_step(flow, step.command.c_str(), step.actor.c_str(), step.date.c_str(), event, nullptr) ==
           EXEMPLAR_OK;
  });
}

void c_decide_then_evolve(benchmark::State& state) {
  c_walk(state, [](exemplar_workflow* flow, const JsonWalk& step, char** event) {
    return exemplar_workflow_decide(flow, step.command.c_str(), step.actor.c_str(), step.date.c_str(), event, nullptr) ==
               EXEMPLAR_OK &&
           exemplar_workflow_evolve(flow, *event, nullptr) == EXEMPLAR_OK;
  });
}

const bool registered = [] {
  benchmark::RegisterBenchmark("BM_CApi/cpp_step", cpp_step);
  benchmark::RegisterBenchmark("BM_CApi/c_step", c_step);
  benchmark::RegisterBenchmark("BM_CApi/c_decide_then_evolve", c_decide_then_evolve);
  return true;
}();

}  // namespace
}  // namespace exemplar::bench
