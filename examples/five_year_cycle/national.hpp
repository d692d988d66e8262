// The national run (issue 7, `--scale national`): seed 000's plan over a whole country's civil
// service — 2.5 million individuals and 150 thousand collectives in 700 units — for five years,
// every lifecycle step decided by the library and appended to a hash-chained journal file.
//
// Nobody's record is stored up front. Each person's facts for a year (rating, titles, initiatives,
// certificates, a sanction) are a pure function of (seed, person, year), so the evidence the
// eligibility guard and the council read is built on demand for the candidate being judged, and
// the run needs memory for the candidates, not for the country. The same seed gives the same run,
// event for event, and the same report, byte for byte; the timings go to a separate account.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>

namespace sim {

using namespace exemplar;

struct NationalSettings {
  std::uint64_t seed = 2021;
  std::uint32_t units = 700;
  std::uint32_t individuals = 2'500'000;
  std::uint32_t collectives = 150'000;
  std::string journal_path = "national-journal.bin";  ///< the binary journal, written as the run goes
  bool verify = true;  ///< read the journal file back and replay it: it must give the live state
};

/// What happened in one year of the period.
struct NationalYear {
  std::uint16_t year = 0;
  std::array<std::uint64_t, command_count> steps{};  ///< accepted steps by command kind
  std::array<std::uint64_t, rating_count> ratings{};  ///< individuals by their rating for the year
  std::array<std::uint64_t, verdict_count> verdicts{};  ///< the council's evaluations by verdict
  std::uint64_t proposed = 0;   ///< reviews in which the council proposed recognition
  std::uint64_t flagged = 0;    ///< steps accepted with a flag (late, waived, criteria not met)
};

/// How long one phase took, in seconds of wall time: reported apart from the outcome.
struct Phase {
  std::string name;
  double seconds = 0.0;
};

struct NationalOutcome {
  std::vector<NationalYear> years;
  std::array<std::uint64_t, refusal_code_count> refused{};  ///< refused lifecycle steps by code
  std::array<std::uint64_t, stage_count> final_stages{};    ///< candidates by their stage at the end
  std::uint64_t candidates = 0;
  std::uint64_t records = 0;
  std::uint64_t journal_bytes = 0;
  Digest head{};
  std::uint64_t roadmap_events = 0;  ///< completions and what the daily ticks reported
  std::array<std::uint64_t, refusal_code_count> roadmap_refused{};  ///< milestone completions refused, by code
  bool verified = false;             ///< the journal file replayed to the live state
  std::vector<Phase> phases;
};

/// Runs seed 000's plan (or any plan) at national scale. An error message when the plan cannot run,
/// the journal file cannot be written, or the journal read back does not give the live state.
[[nodiscard]] tl::expected<NationalOutcome, std::string> run_national(const Plan& plan, const NationalSettings& settings);

/// What the run did: deterministic, the same seed gives the same text.
[[nodiscard]] std::string national_report(const Plan& plan, const NationalSettings& settings,
                                          const NationalOutcome& outcome, Lang lang);

/// How long each phase took and the peak memory: differs from run to run, so kept apart.
[[nodiscard]] std::string national_timings(const NationalOutcome& outcome);

}  // namespace sim
