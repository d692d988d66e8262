// The nightly deadline sweep: the state of every milestone on one day (issue 7, goal <= 5 ms for 1M).
//
//   BM_DeadlineStatus/1000000                   state_on() over 1M milestones whose deadlines were
//                                               resolved once, when the milestones were defined: the
//                                               sweep's row holds what state_on reads (window opening,
//                                               resolved days, optional completion and waiver: 28 bytes)
//   BM_DeadlineStatus/with_deadline/1000000     the same, over rows that also carry the Deadline they
//                                               were resolved from (40 bytes a row), as an earlier
//                                               version of this benchmark kept them
//   BM_DeadlineStatus/compact/1000000           state_on() over the same milestones stored densely: five
//                                               4-byte dates, "none" as not_a_date_time (20 bytes a row)
//   BM_DeadlineStatus/resolve_and_state/1000000 resolve() on the working calendar, then state_on(),
//                                               for a host that keeps only the Deadline
//
// Counters: time_per_milestone (CPU seconds per milestone; the console prints it with an SI
// prefix), allocs_per_milestone, row_bytes (sizeof the row a sweep reads), missed_share.
//
// A sweep over a whole country's units reads each milestone's row from the host's store and writes
// one state byte. The Deadline itself is part of the milestone's definition, which the host reads
// when it resolves the deadline (once, when the milestone is defined or the calendar changes), not
// on every sweep; so the headline row leaves it out, and `with_deadline` shows what carrying it
// costs. state_on() is what Roadmap::state_of() and Roadmap::status() call per milestone; status()
// also copies each milestone's id into a report, which is a screen's need, not a sweep's.
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include <exemplar/calendar.hpp>
#include <exemplar/deadline.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;

constexpr std::size_t kMilestones = 1'000'000;

/// One milestone as a sweep reads it: what state_on() needs, nothing more.
struct MilestoneRow {
  bg::date opens;
  DeadlineDays days;
  std::optional<bg::date> completed;
  std::optional<bg::date> waived;
};

/// The milestones: each one's Deadline (its definition) and, in the same order, its sweep row.
struct Milestones {
  std::vector<Deadline> deadlines;
  std::vector<MilestoneRow> rows;
};

/// Milestones spread over the five years of a plan, so that on the sweep's day every state occurs:
/// windows of 30 to 120 days, deadlines by or before a day, some completed (on time or late), a few
/// waived. Fixed seed.
Milestones make_milestones(const WorkingCalendar& calendar) {
  std::mt19937_64 random(20211);
  std::uniform_int_distribution<int> start(0, 5 * 365 - 1);
  std::uniform_int_distribution<int> length(30, 120);
  std::uniform_int_distribution<int> percent(0, 99);
  const bg::date first{2021, 1, 1};
  Milestones all;
  all.deadlines.reserve(kMilestones);
  all.rows.reserve(kMilestones);
  for (std::size_t i = 0; i < kMilestones; ++i) {
    MilestoneRow row;
    row.opens = first + bg::days(start(random));
    const bg::date due = row.opens + bg::days(length(random));
    Deadline deadline = percent(random) < 50 ? Deadline::by(due) : Deadline::before(due);
    if (percent(random) < 30) deadline = deadline.counting(DayCount::working_days);
    row.days = *resolve(deadline, calendar);
    const int roll = percent(random);
    if (roll < 40) {
      row.completed = row.opens + bg::days(percent(random) * (due - row.opens).days() / 80);
    } else if (roll < 43) {
      row.waived = due + bg::days(3);
    }
    all.deadlines.push_back(deadline);
    all.rows.push_back(row);
  }
  return all;
}

const Milestones& milestones_for(const WorkingCalendar& calendar) {
  static const Milestones all = make_milestones(calendar);
  return all;
}

/// The sweep's day: the middle of the plan, so upcoming, open, due soon, met, late and missed all occur.
const bg::date kToday{2023, 6, 15};

void report(benchmark::State& state, const std::array<std::size_t, milestone_state_count>& histogram,
            std::uint64_t allocations) {
  const auto processed = static_cast<double>(state.iterations()) * static_cast<double>(kMilestones);
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
  state.counters["time_per_milestone"] =
      benchmark::Counter(processed, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["allocs_per_milestone"] = processed > 0 ? static_cast<double>(allocations) / processed : 0.0;
  state.counters["row_bytes"] = static_cast<double>(sizeof(MilestoneRow));
  for (std::size_t s = 0; s < milestone_state_count; ++s) {
    if (histogram[s] == 0) {
      state.SkipWithError("a milestone state never occurs: the sweep's input is not representative");
      return;
    }
  }
  state.counters["missed_share"] = static_cast<double>(histogram[static_cast<std::size_t>(MilestoneState::missed)]) /
                                   static_cast<double>(kMilestones);
}

/// Sweeps `rows` once per iteration, `state_of(row)` giving each row's state, and reports the
/// states met and the allocations: the timed loop every sweep variant shares.
template <class Row, class StateOf>
void sweep(benchmark::State& state, const std::vector<Row>& rows, StateOf state_of) {
  std::vector<MilestoneState> states(rows.size());
  std::array<std::size_t, milestone_state_count> histogram{};
  const std::uint64_t before = allocation_count();
  for (auto _ : state) {
    for (std::size_t i = 0; i < rows.size(); ++i) states[i] = state_of(rows[i]);
    benchmark::DoNotOptimize(states.data());
    benchmark::ClobberMemory();
  }
  const std::uint64_t allocations = allocation_count() - before;
  for (MilestoneState s : states) ++histogram[static_cast<std::size_t>(s)];
  report(state, histogram, allocations);
}

void deadline_status(benchmark::State& state) {
  const WorkingCalendar calendar;
  sweep(state, milestones_for(calendar).rows, [](const MilestoneRow& row) {
    return state_on(kToday, row.opens, row.days, row.completed, row.waived);
  });
}

/// The sweep row with the Deadline it was resolved from.
struct RowWithDeadline {
  bg::date opens;
  Deadline deadline;
  DeadlineDays days;
  std::optional<bg::date> completed;
  std::optional<bg::date> waived;
};

void deadline_status_with_deadline(benchmark::State& state) {
  const WorkingCalendar calendar;
  const Milestones& all = milestones_for(calendar);
  std::vector<RowWithDeadline> rows;
  rows.reserve(all.rows.size());
  for (std::size_t i = 0; i < all.rows.size(); ++i) {
    const MilestoneRow& row = all.rows[i];
    rows.push_back(RowWithDeadline{row.opens, all.deadlines[i], row.days, row.completed, row.waived});
  }
  sweep(state, rows, [](const RowWithDeadline& row) {
    return state_on(kToday, row.opens, row.days, row.completed, row.waived);
  });
  state.counters["row_bytes"] = static_cast<double>(sizeof(RowWithDeadline));
}

/// The same milestone as five plain dates: what a host that sweeps often would keep.
struct CompactRow {
  bg::date opens;
  bg::date due_soon_from;
  bg::date last_on_time;
  bg::date completed;  ///< not_a_date_time when not completed
  bg::date waived;     ///< not_a_date_time when not waived
};

std::optional<bg::date> present(bg::date day) noexcept {
  return day.is_special() ? std::nullopt : std::optional<bg::date>(day);
}

void deadline_status_compact(benchmark::State& state) {
  const WorkingCalendar calendar;
  const std::vector<MilestoneRow>& rows = milestones_for(calendar).rows;
  std::vector<CompactRow> compact;
  compact.reserve(rows.size());
  for (const MilestoneRow& row : rows) {
    compact.push_back(CompactRow{row.opens, row.days.due_soon_from, row.days.last_on_time,
                                 row.completed.value_or(bg::date{bg::not_a_date_time}),
                                 row.waived.value_or(bg::date{bg::not_a_date_time})});
  }
  sweep(state, compact, [](const CompactRow& row) {
    return state_on(kToday, row.opens, DeadlineDays{row.due_soon_from, row.last_on_time}, present(row.completed),
                    present(row.waived));
  });
  state.counters["row_bytes"] = static_cast<double>(sizeof(CompactRow));
}

void deadline_resolve_and_status(benchmark::State& state) {
  const WorkingCalendar calendar;
  const Milestones& all = milestones_for(calendar);
  const std::vector<MilestoneRow>& rows = all.rows;
  std::vector<MilestoneState> states(rows.size());
  std::array<std::size_t, milestone_state_count> histogram{};
  std::size_t refused = 0;
  const std::uint64_t before = allocation_count();
  for (auto _ : state) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const MilestoneRow& row = rows[i];
      const auto days = resolve(all.deadlines[i], calendar);
      if (!days) {
        ++refused;
        continue;
      }
      states[i] = state_on(kToday, row.opens, *days, row.completed, row.waived);
    }
    benchmark::DoNotOptimize(states.data());
    benchmark::ClobberMemory();
  }
  const std::uint64_t allocations = allocation_count() - before;
  if (refused != 0) {
    state.SkipWithError("resolve() refused a deadline the set-up had resolved");
    return;
  }
  for (MilestoneState s : states) ++histogram[static_cast<std::size_t>(s)];
  report(state, histogram, allocations);
}

}  // namespace

void register_deadline_benchmarks() {
  benchmark::RegisterBenchmark("BM_DeadlineStatus/1000000", deadline_status)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DeadlineStatus/with_deadline/1000000", deadline_status_with_deadline)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DeadlineStatus/compact/1000000", deadline_status_compact)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_DeadlineStatus/resolve_and_state/1000000", deadline_resolve_and_status)
      ->Unit(benchmark::kMillisecond);
}

}  // namespace exemplar::bench
