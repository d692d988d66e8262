// The journal's hot paths (issue 7, goal >= 3 million records/s for binary replay with the SHA-256
// chain checked).
//
//   BM_Journal/append_binary   Journal::append (apply, number, chain, hash) + append_binary into one
//                              buffer, 100 000 records
//   BM_Journal/replay_binary   replay_binary(): decode each blob, check number, previous hash and the
//                              record's own hash (OpenSSL EVP SHA-256), apply the event, 100 000 records
//   BM_Journal/replay_json     parse the journal document's text, journal_from_json, replay() with
//                              the same checks, 100 000 records
//   BM_Journal/sha256          default_hasher().sha256 over each record's canonical bytes alone: the
//                              stateless call a host makes, which sets up an OpenSSL context per call
//   BM_Journal/sha256_session  the same digests through one HashSession, as the journal hashes: the
//                              floor under both replays and append
//   BM_Journal/append_stream/<candidates>, BM_Journal/replay_stream/<candidates>
//                              a whole journal in one contiguous buffer (a file, a segment), appended
//                              with Journal::append + append_binary, replayed blob by blob with
//                              Journal::replay_binary; at 25 000 and 500 000 candidates (100 000 and
//                              2 000 000 records), to show what a country's worth of candidates costs
//
// Counters: time_per_record (CPU seconds per record; the console prints it with an SI prefix),
// allocs_per_record (operator new calls; OpenSSL's own mallocs are not seen), bytes_per_record
// (blob, canonical bytes or JSON text).
//
// The records: N candidates (25 000 unless the name says), each discovered, fostered, registered and
// reviewed by the council, step by step across all candidates (so candidates interleave, as in a real
// journal), dates never going back. Events are decided once, outside the timing.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>
#ifdef EXEMPLAR_BENCH_JSON
#include <exemplar/json/journal.hpp>
#endif

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;

constexpr std::uint32_t kCandidates = 25'000;
constexpr std::size_t kSteps = 4;
constexpr std::size_t kRecords = kCandidates * kSteps;

/// The events of `candidates` candidates taking kSteps steps each, interleaved; empty on failure.
std::vector<Event> decide_events(const Workflow& flow, std::uint32_t count) {
  std::vector<Event> events;
  const UnitId unit{7};
  const Actor head{ActorId{3}, Role::unit_head, unit};
  const Actor council{ActorId{20}, Role::council, UnitId{1}};
  std::vector<Candidate> candidates(count);
  events.reserve(std::size_t{count} * kSteps);
  for (std::size_t step = 0; step < kSteps; ++step) {
    const bg::date day = bg::date{2022, 3, 1} + bg::days(static_cast<long>(7 * step));
    for (std::uint32_t c = 0; c < count; ++c) {
      Command command;
      const Actor* actor = &head;
      switch (step) {
        case 0:
          command = commands::Discover{CandidateId{c + 1}, Subject::individual, unit, Position::staff,
                                       Field::inspection, Level::agency, "Sáng kiến"};
          break;
        case 1: command = commands::Foster{ActorId{9}}; break;
        case 2: command = commands::Register{"Hồ sơ số 1"}; break;
        default:
        {
          // 3 to 7 votes for out of 7: some reviews propose recognition, some reject.
          const auto votes = static_cast<std::uint16_t>(3 + c % 5);
          command = commands::Review{7, 7, votes, static_cast<std::uint16_t>(7 - votes)};
          actor = &council;
          break;
        }
      }
      auto event = flow.decide(candidates[c], command, *actor, day);
      if (!event) return {};
      candidates[c] = flow.evolve(candidates[c], *event);
      events.push_back(std::move(*event));
    }
  }
  return events;
}

/// The decided events, and the journal they make, as records, blobs and JSON text.
struct Material {
  std::vector<Event> events;
  std::vector<Record> records;
  std::vector<std::vector<std::uint8_t>> blobs;
  std::vector<std::vector<std::uint8_t>> canonical;
  std::size_t blob_bytes = 0;
#ifdef EXEMPLAR_BENCH_JSON
  std::string json_text;
#endif
  bool ok = false;
};

Material make_material(const Workflow& flow) {
  Material m;
  m.events = decide_events(flow, kCandidates);
  if (m.events.size() != kRecords) return m;
  Journal journal(flow);
  m.records.reserve(kRecords);
  for (const Event& event : m.events) {
    auto record = journal.append(event);
    if (!record) return m;
    m.records.push_back(std::move(*record));
  }
  m.blobs.reserve(kRecords);
  m.canonical.reserve(kRecords);
  for (const Record& record : m.records) {
    m.blobs.push_back(to_binary(record));
    m.blob_bytes += m.blobs.back().size();
    m.canonical.push_back(canonical_bytes(record));
  }
#ifdef EXEMPLAR_BENCH_JSON
  m.json_text = json::to_json(m.records).dump();
#endif
  m.ok = true;
  return m;
}

const Workflow& workflow() {
  static const Workflow flow;
  return flow;
}

/// Built once: Google Benchmark calls each benchmark several times to choose its iteration count.
const Material& material() {
  static const Material m = make_material(workflow());
  return m;
}

/// False, after telling Google Benchmark why, when the journal's input could not be built.
template <class Input>
bool usable(benchmark::State& state, const Input& input) {
  if (!input.ok) state.SkipWithError("could not build the journal's events");
  return input.ok;
}

void report(benchmark::State& state, std::uint64_t allocations) {
  const auto processed = static_cast<double>(state.iterations()) * static_cast<double>(kRecords);
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
  state.counters["time_per_record"] =
      benchmark::Counter(processed, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["allocs_per_record"] = processed > 0 ? static_cast<double>(allocations) / processed : 0.0;
  state.counters["records"] = static_cast<double>(kRecords);
}

/// Appends `events` to a new journal and encodes each record into one buffer, once per
/// iteration; false (after SkipWithError) when the result is not the reference journal. Adds the
/// allocations of the timed part to `allocations`.
bool append_all(benchmark::State& state, const std::vector<Event>& events, const Digest& head, std::size_t bytes,
                std::uint64_t& allocations) {
  std::vector<std::uint8_t> buffer;
  buffer.reserve(bytes);
  for (auto _ : state) {
    state.PauseTiming();
    buffer.clear();
    auto journal = std::make_unique<Journal>(workflow());
    state.ResumeTiming();
    const std::uint64_t before = allocation_count();
    for (const Event& event : events) {
      auto record = journal->append(event);
      if (!record) {
        state.SkipWithError("the journal refused an event it had accepted before");
        return false;
      }
      append_binary(*record, buffer);
    }
    allocations += allocation_count() - before;
    benchmark::DoNotOptimize(buffer.data());
    state.PauseTiming();
    const bool same = journal->head() == head && buffer.size() == bytes;
    journal.reset();
    state.ResumeTiming();
    if (!same) {
      state.SkipWithError("the appended journal differs from the reference");
      return false;
    }
  }
  return true;
}

void append_binary_benchmark(benchmark::State& state) {
  const Material& m = material();
  if (!usable(state, m)) return;
  std::uint64_t allocations = 0;
  if (!append_all(state, m.events, m.records.back().hash, m.blob_bytes, allocations)) return;
  report(state, allocations);
  state.counters["bytes_per_record"] = static_cast<double>(m.blob_bytes) / static_cast<double>(kRecords);
}

void replay_binary_benchmark(benchmark::State& state) {
  const Material& m = material();
  if (!usable(state, m)) return;
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const std::uint64_t before = allocation_count();
    auto snapshot = replay_binary(m.blobs, workflow());
    allocations += allocation_count() - before;
    if (!snapshot || snapshot->hash != m.records.back().hash || snapshot->candidates.size() != kCandidates) {
      state.SkipWithError("binary replay did not reach the journal's head");
      return;
    }
    state.PauseTiming();
    snapshot = Snapshot{};
    state.ResumeTiming();
  }
  report(state, allocations);
  state.counters["bytes_per_record"] = static_cast<double>(m.blob_bytes) / static_cast<double>(kRecords);
}

void sha256_benchmark(benchmark::State& state) {
  const Material& m = material();
  if (!usable(state, m)) return;
  const Hasher& hasher = default_hasher();
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const std::uint64_t before = allocation_count();
    std::uint8_t mix = 0;
    for (const auto& bytes : m.canonical) mix ^= hasher.sha256(bytes)[0];
    allocations += allocation_count() - before;
    benchmark::DoNotOptimize(mix);
  }
  report(state, allocations);
  state.counters["bytes_per_record"] =
      static_cast<double>(m.blob_bytes - 32 * kRecords) / static_cast<double>(kRecords);
}

void sha256_session_benchmark(benchmark::State& state) {
  const Material& m = material();
  if (!usable(state, m)) return;
  const auto session = default_hasher().session();
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const std::uint64_t before = allocation_count();
    std::uint8_t mix = 0;
    for (const auto& bytes : m.canonical) mix ^= session->sha256(bytes)[0];
    allocations += allocation_count() - before;
    benchmark::DoNotOptimize(mix);
  }
  report(state, allocations);
  state.counters["bytes_per_record"] =
      static_cast<double>(m.blob_bytes - 32 * kRecords) / static_cast<double>(kRecords);
}

/// A whole journal as a host stores it in a file: the blobs end to end, and where each starts.
struct Stream {
  std::uint32_t candidates = 0;
  std::vector<Event> events;
  std::vector<std::uint8_t> bytes;
  std::vector<std::size_t> starts;  ///< blob i is bytes[starts[i], starts[i + 1]); one more entry at the end
  Digest head{};
  bool ok = false;
};

Stream make_stream(const Workflow& flow, std::uint32_t candidates) {
  Stream s;
  s.candidates = candidates;
  s.events = decide_events(flow, candidates);
  if (s.events.size() != std::size_t{candidates} * kSteps) return s;
  Journal journal(flow);
  s.starts.reserve(s.events.size() + 1);
  for (const Event& event : s.events) {
    auto record = journal.append(event);
    if (!record) return s;
    s.starts.push_back(s.bytes.size());
    append_binary(*record, s.bytes);
  }
  s.starts.push_back(s.bytes.size());
  s.head = journal.head();
  s.ok = true;
  return s;
}

/// Built once per size, and kept: 2 million records take about 0.4 GB with their events.
const Stream& stream(std::uint32_t candidates) {
  static std::vector<std::unique_ptr<Stream>> built;
  for (const auto& s : built) {
    if (s->candidates == candidates) return *s;
  }
  built.push_back(std::make_unique<Stream>(make_stream(workflow(), candidates)));
  return *built.back();
}

void report_stream(benchmark::State& state, const Stream& s, std::uint64_t allocations) {
  const auto records = static_cast<double>(s.events.size());
  const auto processed = static_cast<double>(state.iterations()) * records;
  state.SetItemsProcessed(static_cast<std::int64_t>(processed));
  state.counters["time_per_record"] =
      benchmark::Counter(processed, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["allocs_per_record"] = processed > 0 ? static_cast<double>(allocations) / processed : 0.0;
  state.counters["records"] = records;
  state.counters["bytes_per_record"] = static_cast<double>(s.bytes.size()) / records;
}

void append_stream_benchmark(benchmark::State& state) {
  const Stream& s = stream(static_cast<std::uint32_t>(state.range(0)));
  if (!usable(state, s)) return;
  std::uint64_t allocations = 0;
  if (!append_all(state, s.events, s.head, s.bytes.size(), allocations)) return;
  report_stream(state, s, allocations);
}

void replay_stream_benchmark(benchmark::State& state) {
  const Stream& s = stream(static_cast<std::uint32_t>(state.range(0)));
  if (!usable(state, s)) return;
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const std::uint64_t before = allocation_count();
    auto journal = std::make_unique<Journal>(workflow());
    for (std::size_t i = 0; i + 1 < s.starts.size(); ++i) {
      const ByteView blob{s.bytes.data() + s.starts[i], s.starts[i + 1] - s.starts[i]};
      if (!journal->replay_binary(blob)) {
        state.SkipWithError("binary replay refused a record of the reference journal");
        return;
      }
    }
    allocations += allocation_count() - before;
    state.PauseTiming();
    const bool same = journal->head() == s.head && journal->snapshot().candidates.size() == s.candidates;
    journal.reset();
    state.ResumeTiming();
    if (!same) {
      state.SkipWithError("binary replay did not reach the journal's head");
      return;
    }
  }
  report_stream(state, s, allocations);
}

#ifdef EXEMPLAR_BENCH_JSON
void replay_json_benchmark(benchmark::State& state) {
  const Material& m = material();
  if (!usable(state, m)) return;
  std::uint64_t allocations = 0;
  for (auto _ : state) {
    const std::uint64_t before = allocation_count();
    auto document = json::parse(m.json_text);
    if (!document) {
      state.SkipWithError("the journal document does not parse");
      return;
    }
    auto records = json::journal_from_json(*document);
    if (!records) {
      state.SkipWithError("the journal document does not read back");
      return;
    }
    auto snapshot = replay(*records, workflow());
    allocations += allocation_count() - before;
    if (!snapshot || snapshot->hash != m.records.back().hash) {
      state.SkipWithError("JSON replay did not reach the journal's head");
      return;
    }
    state.PauseTiming();
    document = json::Json{};
    records->clear();
    snapshot = Snapshot{};
    state.ResumeTiming();
  }
  report(state, allocations);
  state.counters["bytes_per_record"] = static_cast<double>(m.json_text.size()) / static_cast<double>(kRecords);
}
#endif

}  // namespace

void register_journal_benchmarks() {
  benchmark::RegisterBenchmark("BM_Journal/append_binary", append_binary_benchmark)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Journal/replay_binary", replay_binary_benchmark)->Unit(benchmark::kMillisecond);
#ifdef EXEMPLAR_BENCH_JSON
  benchmark::RegisterBenchmark("BM_Journal/replay_json", replay_json_benchmark)->Unit(benchmark::kMillisecond);
#endif
  benchmark::RegisterBenchmark("BM_Journal/sha256", sha256_benchmark)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Journal/sha256_session", sha256_session_benchmark)->Unit(benchmark::kMillisecond);
  for (const std::int64_t candidates : {std::int64_t{25'000}, std::int64_t{500'000}}) {
    benchmark::RegisterBenchmark("BM_Journal/append_stream", append_stream_benchmark)
        ->Arg(candidates)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("BM_Journal/replay_stream", replay_stream_benchmark)
        ->Arg(candidates)
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace exemplar::bench
