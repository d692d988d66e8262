// The seed-000 individual profile over 1 million candidates' evidence (issue 7, goal <= 150 ns each).
//
//   BM_Evaluate/seed000_individual           evaluate_into(evaluation, profiles::hatinh_inspectorate_2021_2025(),
//                                            evidence, day) for each of 1M pre-generated Evidence values, in
//                                            order, into one reused Evaluation: what a batch does
//   BM_Evaluate/seed000_individual/in_cache  the same on the first 1 000 values only, which stay in the
//                                            caches: the work without the memory traffic
//   BM_Evaluate/seed000_individual/evaluate  evaluate() over the 1M values: a new Evaluation (and its
//                                            results vector) per candidate
//
// Counters: time_per_evaluation (CPU seconds per evaluation; the console prints it with an SI
// prefix), allocs_per_evaluation (operator new calls), results_per_evaluation, eligible_share.
//
// The profile is the plan's any-of: (3 applied initiatives, 2 grassroots emulation soldier titles,
// 5 years rated good or better with 3 excellent) or the council's Ho Chi Minh judgement. The
// evidence is what an Inspectorate's staff would hold in 2025: 5 to 8 rated years, a few titles
// and initiatives, sometimes a sanction or the council's judgement. Both entry points validate the
// evidence first, as the real API does.
#include <array>
#include <cstdint>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include <exemplar/criteria.hpp>
#include <exemplar/profiles.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;

constexpr std::size_t kCandidates = 1'000'000;

/// 1M individuals' evidence, fixed seed, so that every verdict occurs.
std::vector<Evidence> make_evidence() {
  std::mt19937_64 random(2025000);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<int> small(0, 4);
  constexpr Field fields[] = {Field::inspection, Field::citizen_reception, Field::anti_corruption, Field::general};
  std::vector<Evidence> all;
  all.reserve(kCandidates);
  for (std::size_t i = 0; i < kCandidates; ++i) {
    Evidence e;
    e.subject = Subject::individual;
    e.position = static_cast<Position>(1 + percent(random) % 3);
    e.field = fields[percent(random) % 4];
    const int years = 5 + small(random) % 4;
    e.ratings.reserve(static_cast<std::size_t>(years));
    for (int y = 0; y < years; ++y) {
      const int roll = percent(random);
      const Rating rating = roll < 45 ? Rating::excellent : roll < 92 ? Rating::good : Rating::completed;
      e.ratings.push_back(YearRating{static_cast<std::uint16_t>(2024 - y), rating});
    }
    const int titles = small(random) % 4;
    for (int t = 0; t < titles; ++t) {
      const Title title = percent(random) < 70 ? Title::grassroots_emulation_soldier : Title::advanced_worker;
      e.titles.push_back(YearTitle{static_cast<std::uint16_t>(2024 - 2 * t), title});
    }
    const int initiatives = small(random);
    for (int k = 0; k < initiatives; ++k) {
      Initiative initiative;
      initiative.year = static_cast<std::uint16_t>(2020 + k);
      initiative.level = percent(random) < 80 ? InitiativeLevel::grassroots : InitiativeLevel::provincial;
      initiative.kind = percent(random) < 70 ? InitiativeKind::initiative : InitiativeKind::research_topic;
      initiative.applied = percent(random) < 85;
      e.initiatives.push_back(initiative);
    }
    if (percent(random) < 3) {
      e.sanctions.push_back(Sanction{SanctionLevel::reprimand, bg::date{2023, 3, 1}, bg::date{2024, 2, 29}});
    }
    if (percent(random) < 20) {
      e.judgements.push_back(CouncilJudgement{"000.individual.ho_chi_minh", percent(random) < 50});
    }
    all.push_back(std::move(e));
  }
  return all;
}

/// Generated once: Google Benchmark calls a benchmark several times to choose its iteration count.
const std::vector<Evidence>& evidence_records() {
  static const std::vector<Evidence> all = make_evidence();
  return all;
}

/// How a benchmark calls the library.
enum class Entry { evaluate_into, evaluate };

void evaluate_seed000_individual(benchmark::State& state, std::size_t count, Entry entry) {
  const Profile profile = profiles::hatinh_inspectorate_2021_2025();
  if (validate(profile)) {
    state.SkipWithError("the seed-000 profile does not validate");
    return;
  }
  const std::vector<Evidence>& all = evidence_records();
  const bool part = count < all.size();
  const std::vector<Evidence> first(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(part ? count : 0));
  const std::vector<Evidence>& evidence = part ? first : all;
  const bg::date day{2025, 3, 1};
  std::array<std::size_t, verdict_count> verdicts{};
  std::size_t refused = 0;
  std::size_t results = 0;

  // The reused Evaluation is warmed outside the timing: its first call allocates the results.
  Evaluation reused;
  if (evaluate_into(reused, profile, evidence.front(), day)) {
    state.SkipWithError("evaluate_into() refused generated evidence");
    return;
  }

  const std::uint64_t before = allocation_count();
  for (auto _ : state) {
    verdicts = {};
    refused = 0;
    results = 0;
    if (entry == Entry::evaluate_into) {
      for (const Evidence& e : evidence) {
        if (evaluate_into(reused, profile, e, day)) {
          ++refused;
          continue;
        }
        ++verdicts[static_cast<std::size_t>(reused.verdict)];
        results += reused.results.size();
      }
    } else {
      for (const Evidence& e : evidence) {
        auto evaluation = evaluate(profile, e, day);
        if (!evaluation) {
          ++refused;
          continue;
        }
        ++verdicts[static_cast<std::size_t>(evaluation->verdict)];
        results += evaluation->results.size();
      }
    }
    benchmark::DoNotOptimize(verdicts.data());
  }
  const std::uint64_t allocations = allocation_count() - before;

  if (refused != 0) {
    state.SkipWithError("the library refused generated evidence");
    return;
  }
  for (std::size_t count : verdicts) {
    if (count == 0) {
      state.SkipWithError("a verdict never occurs: the evidence is not representative");
      return;
    }
  }
  const auto processed = static_cast<double>(state.iterations()) * static_cast<double>(evidence.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
  state.counters["time_per_evaluation"] =
      benchmark::Counter(processed, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["allocs_per_evaluation"] = processed > 0 ? static_cast<double>(allocations) / processed : 0.0;
  state.counters["results_per_evaluation"] = static_cast<double>(results) / static_cast<double>(evidence.size());
  state.counters["eligible_share"] =
      static_cast<double>(verdicts[static_cast<std::size_t>(Verdict::eligible)]) / static_cast<double>(evidence.size());
}

}  // namespace

void register_evaluate_benchmarks() {
  benchmark::RegisterBenchmark("BM_Evaluate/seed000_individual", evaluate_seed000_individual, kCandidates,
                               Entry::evaluate_into)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Evaluate/seed000_individual/in_cache", evaluate_seed000_individual,
                               std::size_t{1000}, Entry::evaluate_into)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Evaluate/seed000_individual/evaluate", evaluate_seed000_individual, kCandidates,
                               Entry::evaluate)
      ->Unit(benchmark::kMillisecond);
}

}  // namespace exemplar::bench
