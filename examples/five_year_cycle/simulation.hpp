// The five-year simulation: a synthetic agency shaped like a plan's reader, walked day by day
// through the plan's roadmap, with every lifecycle step decided by the library and journaled.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>

namespace sim {

namespace bg = boost::gregorian;
using namespace exemplar;

/// A deterministic die: the same seed gives the same agency and the same five years.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : engine_(seed) {}
  unsigned below(unsigned n) { return n == 0 ? 0 : static_cast<unsigned>(engine_() % n); }
  bool chance(double p) { return static_cast<double>(engine_() % 1000000) < p * 1000000.0; }
  double unit() { return static_cast<double>(engine_() % 1000000) / 1000000.0; }

 private:
  std::mt19937_64 engine_;
};

struct Unit {
  UnitId id;
  std::string name;  ///< Vietnamese, as the agency writes it
  Field field = Field::inspection;
};

struct Person {
  CandidateId id;
  UnitId unit;
  Position position = Position::staff;
  double ability = 0.5;  ///< drives ratings, titles and initiatives
};

struct Settings {
  std::uint64_t seed = 2021;
  unsigned units = 29;
  unsigned people = 300;
  bg::date until{bg::not_a_date_time};  ///< not-a-date: the roadmap's last year
  double late_share = 0.12;             ///< registrations sent after the deadline
};

/// One refused step the simulation met, for the report.
struct Refused {
  bg::date date;
  CandidateId candidate;
  Refusal refusal;
};

/// What the simulation did and found.
struct History {
  std::vector<Unit> units;
  std::vector<Person> people;
  std::map<CandidateId, Candidate> candidates;
  std::map<CandidateId, std::uint16_t> cohort;  ///< the year each candidate was discovered
  std::map<CandidateId, Text> why;              ///< for proposed candidates: the verdict and the rules they met
  std::vector<Record> journal;
  std::vector<RoadmapEvent> roadmap_events;
  std::vector<Refused> refused;                 ///< steps the plan refused (late, outside a window, ...)
  std::vector<Event> flagged;                   ///< steps accepted late, by waiver, or with a warning
  RoadmapStatus status;                         ///< the roadmap on the last day
  std::vector<QuotaStanding> quotas;            ///< each unit (or the agency) against the plan's quotas on the last day
  bg::date first_day;
  bg::date last_day;
};

/// The days of one year's round under a plan, read from its roadmap's milestones and its
/// procedure's timings: discovery when registration opens, registration by its deadline, the
/// council ten days later (before the send-up when there is one), recognition the day after,
/// commendation next (or at the first review or dated event the plan ties it to that the round can
/// reach on time), and the send-up near its deadline. A plan that sends exemplars up straight from
/// the council's selection (seed 003: an arrow reviewed --nominate--> registered) sends them up the
/// day after the council, and recognises the others after that.
struct RoundDays {
  bg::date discover;
  bg::date deadline;  ///< the last on-time day of registration
  bg::date council;
  bg::date recognize;
  bg::date commend;
  std::optional<bg::date> send_up;  ///< when the plan sends exemplars up that year
  bool windowed = false;            ///< registration has a window that year
  bool from_council = false;        ///< the send-up takes the council's selection, not honoured exemplars
};
[[nodiscard]] RoundDays round_days(const Plan& plan, const Roadmap& roadmap, std::uint16_t year);

/// How many registrations the plan asks of each unit in a round (its per-unit quotas on
/// registration that count a registration on the round's deadline): at least, at most.
struct UnitQuota {
  std::optional<std::uint16_t> at_least;
  std::optional<std::uint16_t> at_most;
};
[[nodiscard]] UnitQuota registration_quota(const Plan& plan, const Roadmap& roadmap, std::uint16_t year,
                                           const RoundDays& round);

/// How many more exemplars the agency may send up on `day`: what is left of the plan's agency-wide
/// "at most" on nominations (read from the running plan's tally), or `otherwise` when it sets none.
[[nodiscard]] std::size_t send_up_room(const RunningPlan& running, bg::date day, std::size_t otherwise);

/// Who completes a milestone in the simulated agency: the role the plan names, in the agency's Office.
[[nodiscard]] Actor owner_of(const Milestone& milestone);

/// The agency: units shaped like the plan's reader — an inspectorate's Office, divisions, district
/// and department inspectorates (seeds 000, 001, 004); a provincial People's Committee Office
/// (002); a Department of Industry and Trade (003) — and its people.
void build_agency(const Plan& plan, const Settings& settings, Dice& dice, History& history);

/// Runs the plan over the agency from its first to its last day (or settings.until).
/// Returns a refusal when the plan cannot run at all.
[[nodiscard]] tl::expected<History, Refusal> run(const Plan& plan, const Settings& settings);

}  // namespace sim
