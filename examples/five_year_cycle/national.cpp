// The national run. One RunningPlan (seed 000's roadmap, procedure, eligibility guard, rights and
// council) serves every unit; each unit has its own head, council and secretariat. A year's round
// follows the plan's calendar (round_days, shared with the agency run): discovery when registration
// opens, fostering and registration before the deadline, the council's review with the criteria
// evaluated, recognition, commendation, replication, and the send-up to the province.
#include "national.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "../common/journal_file.hpp"
#include "simulation.hpp"

namespace sim {
namespace {

namespace bg = boost::gregorian;
using Clock = std::chrono::steady_clock;

/// A roll of dice that depends only on (seed, what, who, year): the same roll in any order, so the
/// country's facts need no storage and no generator state.
class Rolls {
 public:
  enum class Die : std::uint8_t {
    ability, year_facts, more_year_facts, indicator, discover, foster_delay, withdraw, register_delay,
    present, votes, spread, meeting,
  };

  explicit Rolls(std::uint64_t seed) : seed_(seed) {}

  [[nodiscard]] std::uint64_t bits(Die die, std::uint64_t who, std::uint64_t year, std::uint64_t extra = 0) const noexcept {
    std::uint64_t x = mix(seed_ ^ (static_cast<std::uint64_t>(die) << 56U));
    x = mix(x ^ who);
    x = mix(x ^ (year << 8U) ^ extra);
    return x;
  }
  /// A number in [0, 1).
  [[nodiscard]] double unit(Die die, std::uint64_t who, std::uint64_t year, std::uint64_t extra = 0) const noexcept {
    return static_cast<double>(bits(die, who, year, extra) >> 11U) * 0x1.0p-53;
  }
  [[nodiscard]] unsigned below(unsigned n, Die die, std::uint64_t who, std::uint64_t year) const noexcept {
    return static_cast<unsigned>(bits(die, who, year) % n);
  }
  /// The `part`-th of the four 16-bit quarters of a roll, as a number in [0, 1).
  [[nodiscard]] static double fraction(std::uint64_t roll, unsigned part) noexcept {
    return static_cast<double>((roll >> (16U * part)) & 0xFFFFU) * 0x1.0p-16;
  }

 private:
  // SplitMix64's finaliser: every input bit reaches every output bit.
  static constexpr std::uint64_t mix(std::uint64_t x) noexcept {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31U);
  }
  std::uint64_t seed_;
};
using Die = Rolls::Die;

/// One person's record for one year, as the year's close on 15 December writes it.
struct YearFacts {
  Rating rating = Rating::completed;
  bool soldier = false;  ///< grassroots emulation soldier
  bool initiative = false;
  InitiativeLevel initiative_level = InitiativeLevel::grassroots;
  bool applied = false;
  std::optional<Award> certificate;
  bool sanction = false;
};

constexpr std::array<Field, 6> kUnitFields{Field::advisory, Field::inspection, Field::inspection,
                                           Field::citizen_reception, Field::anti_corruption, Field::inspection};

/// The synthetic country: who belongs where, and everyone's facts, computed rather than stored.
/// Person p works in collective p mod C; collective c belongs to unit c mod U. The first person of
/// each collective leads it; the next two per unit lead their agency.
class Country {
 public:
  Country(const NationalSettings& settings, std::uint16_t first_year)
      : rolls_(settings.seed), individuals_(settings.individuals), collectives_(settings.collectives),
        units_(settings.units), first_year_(first_year), abilities_(settings.individuals) {
    for (std::uint32_t person = 0; person < individuals_; ++person) abilities_[person] = static_cast<float>(rolls_.unit(Die::ability, person, 0));
  }

  [[nodiscard]] std::uint32_t individuals() const noexcept { return individuals_; }
  [[nodiscard]] std::uint32_t collectives() const noexcept { return collectives_; }
  [[nodiscard]] std::uint32_t units() const noexcept { return units_; }
  [[nodiscard]] const Rolls& rolls() const noexcept { return rolls_; }

  [[nodiscard]] std::uint32_t collective_of(std::uint32_t person) const noexcept { return person % collectives_; }
  [[nodiscard]] UnitId unit_of_collective(std::uint32_t collective) const noexcept { return UnitId{collective % units_ + 1}; }
  [[nodiscard]] UnitId unit_of(std::uint32_t person) const noexcept { return unit_of_collective(collective_of(person)); }
  [[nodiscard]] Field field_of(UnitId unit) const noexcept { return kUnitFields[(unit.value() - 1) % kUnitFields.size()]; }
  [[nodiscard]] Position position_of(std::uint32_t person) const noexcept {
    if (person < collectives_) return Position::unit_leader;
    if (person < collectives_ + 2 * units_) return Position::agency_leader;
    return Position::staff;
  }
  [[nodiscard]] double ability(std::uint32_t person) const noexcept { return abilities_[person]; }

  /// Ids: individuals first, then collectives.
  [[nodiscard]] CandidateId person_id(std::uint32_t person) const noexcept { return CandidateId{person + 1}; }
  [[nodiscard]] CandidateId collective_id(std::uint32_t collective) const noexcept {
    return CandidateId{individuals_ + collective + 1};
  }

  /// The person's rating for the year: what the year's close counts for everyone.
  [[nodiscard]] Rating rating(std::uint32_t person, std::uint16_t year) const noexcept {
    return rating_from(ability(person), Rolls::fraction(rolls_.bits(Die::year_facts, person, year), 0));
  }

  /// Everything the year's close records for the person. Two rolls of 64 bits, cut into the
  /// independent dice a year needs: a country of people is millions of these.
  [[nodiscard]] YearFacts facts(std::uint32_t person, std::uint16_t year) const noexcept {
    const double ability = this->ability(person);
    const std::uint64_t first = rolls_.bits(Die::year_facts, person, year);
    const std::uint64_t second = rolls_.bits(Die::more_year_facts, person, year);
    YearFacts f;
    f.rating = rating_from(ability, Rolls::fraction(first, 0));
    f.initiative = Rolls::fraction(first, 1) < 0.15 + ability * 0.35;
    f.initiative_level = Rolls::fraction(first, 2) < 0.1 ? InitiativeLevel::provincial : InitiativeLevel::grassroots;
    f.applied = Rolls::fraction(first, 3) < 0.85;
    f.soldier = f.rating == Rating::excellent && (f.initiative || Rolls::fraction(second, 0) < 0.5);
    if (Rolls::fraction(second, 1) < 0.04 + ability * 0.12) {
      f.certificate = Award::provincial_certificate;
    } else if (Rolls::fraction(second, 2) < 0.03 + ability * 0.05) {
      f.certificate = Award::ministry_certificate;
    }
    f.sanction = Rolls::fraction(second, 3) < 0.006;
    return f;
  }

  /// The years whose close (15 December) lies on or before `day`, from five years before the period.
  [[nodiscard]] std::pair<std::uint16_t, std::uint16_t> closed_years(bg::date day) const {
    const auto year = static_cast<std::uint16_t>(day.year());
    const bool closed = day >= bg::date{day.year(), 12, 15};
    return {static_cast<std::uint16_t>(first_year_ - 5), static_cast<std::uint16_t>(closed ? year : year - 1)};
  }

  /// A person's evidence on `day`, written into `e` (its buffers are reused).
  void person_evidence(std::uint32_t person, bg::date day, Evidence& e) const {
    clear(e);
    e.subject = Subject::individual;
    e.position = position_of(person);
    e.field = field_of(unit_of(person));
    const auto [from, to] = closed_years(day);
    for (std::uint16_t year = from; year <= to; ++year) {
      const YearFacts f = facts(person, year);
      e.ratings.push_back(YearRating{year, f.rating});
      if (f.rating >= Rating::good) e.titles.push_back(YearTitle{year, Title::advanced_worker});
      if (f.soldier) e.titles.push_back(YearTitle{year, Title::grassroots_emulation_soldier});
      if (f.initiative) e.initiatives.push_back(Initiative{year, f.initiative_level, InitiativeKind::initiative, f.applied, false});
      const bg::date close{year, 12, 15};
      if (f.certificate) e.certificates.push_back(Certificate{*f.certificate, close});
      if (f.sanction) e.sanctions.push_back(Sanction{SanctionLevel::reprimand, close, close + bg::days(365)});
    }
  }

  /// A collective's evidence on `day`: its members counted year by year, its unit's indicators.
  void collective_evidence(std::uint32_t collective, bg::date day, Evidence& e) const {
    clear(e);
    e.subject = Subject::collective;
    e.position = Position::none;
    const UnitId unit = unit_of_collective(collective);
    e.field = field_of(unit);
    const auto [from, to] = closed_years(day);
    for (std::uint16_t year = from; year <= to; ++year) {
      MemberTally tally;
      tally.year = year;
      for (std::uint32_t person = collective; person < individuals_; person += collectives_) {
        const YearFacts f = facts(person, year);
        ++tally.members;
        ++tally.rated[static_cast<std::size_t>(f.rating)];
        if (f.rating >= Rating::good) ++tally.titled[static_cast<std::size_t>(f.soldier ? Title::grassroots_emulation_soldier : Title::advanced_worker)];
        if (f.sanction) ++tally.disciplined[static_cast<std::size_t>(SanctionLevel::reprimand)];
      }
      if (tally.members == 0) continue;
      e.members.push_back(tally);
      const std::uint32_t good = tally.rated[static_cast<std::size_t>(Rating::good)] + tally.rated[static_cast<std::size_t>(Rating::excellent)];
      const double share = static_cast<double>(good) / tally.members;
      e.ratings.push_back(YearRating{year, share >= 0.9 ? Rating::excellent : share >= 0.6 ? Rating::good : Rating::completed});
      using namespace exemplar::profiles::indicators;
      const std::array<std::pair<std::string_view, std::pair<double, double>>, 5> indicators{{
          {planned_inspections, {0.9, 85}},
          {administrative_recommendations, {0.85, 80}},
          {economic_recommendations, {0.2, 65}},
          {complaints_resolved, {0.9, 85}},
          {anti_corruption_plan, {0.9, 85}},
      }};
      for (std::size_t i = 0; i < indicators.size(); ++i) {
        const auto [chance_full, low] = indicators[i].second;
        const double full = rolls_.unit(Die::indicator, collective, year, i * 2);
        const double percent = full < chance_full ? 100.0 : low + rolls_.unit(Die::indicator, collective, year, i * 2 + 1) * (100.0 - low);
        e.indicators.push_back(IndicatorValue{std::string(indicators[i].first), year, percent});
      }
    }
  }

 private:
  static void clear(Evidence& e) {
    e.ratings.clear();
    e.titles.clear();
    e.certificates.clear();
    e.initiatives.clear();
    e.sanctions.clear();
    e.members.clear();
    e.indicators.clear();
    e.judgements.clear();
    e.under_proceedings = false;
  }

  static Rating rating_from(double ability, double roll) noexcept {
    const double score = roll * 0.6 + ability * 0.55;
    return score > 0.78 ? Rating::excellent : score > 0.35 ? Rating::good : score > 0.08 ? Rating::completed : Rating::not_completed;
  }

  Rolls rolls_;
  std::uint32_t individuals_;
  std::uint32_t collectives_;
  std::uint32_t units_;
  std::uint16_t first_year_;
  std::vector<float> abilities_;  ///< drawn once: every year's facts read it
};

/// A candidate of the run: its state and what the country's evidence adds to it.
struct Slot {
  /// The candidate as the journal holds it, once its discovery is journaled. The journal keeps
  /// each candidate in one place for as long as it lives and changes it there on every append, so
  /// the run reads the journal's own state rather than looking it up or keeping a copy.
  const Candidate* state = nullptr;
  std::uint32_t who = 0;  ///< the person's or the collective's index
  bool collective = false;
  bg::date commended{bg::not_a_date_time};  ///< the day this run commended it, for its evidence
  Award award = Award::agency_certificate;

  /// The candidate now: the journal's state, or Candidate{} before its discovery.
  [[nodiscard]] const Candidate& candidate() const noexcept {
    static const Candidate nobody{};
    return state != nullptr ? *state : nobody;
  }
};

/// The evidence source the eligibility guard reads: it builds the candidate's evidence on demand
/// into one buffer, valid until the next call. One run, one thread.
class CountryEvidence final : public EvidenceSource {
 public:
  CountryEvidence(const Country& country, const std::vector<Slot>& slots, const std::vector<std::uint32_t>& slot_of)
      : country_(country), slots_(slots), slot_of_(slot_of) {}

  void set_day(bg::date day) noexcept { day_ = day; }

  const Evidence* find(CandidateId id) const override {
    if (!id.valid() || id.value() > slot_of_.size() || slot_of_[id.value() - 1] == 0) return nullptr;
    return &build(slots_[slot_of_[id.value() - 1] - 1], day_);
  }

  /// The evidence of a slot on a day.
  const Evidence& build(const Slot& slot, bg::date day) const {
    if (slot.collective) {
      country_.collective_evidence(slot.who, day, scratch_);
    } else {
      country_.person_evidence(slot.who, day, scratch_);
    }
    if (!slot.commended.is_special() && slot.commended <= day) scratch_.certificates.push_back(Certificate{slot.award, slot.commended});
    return scratch_;
  }

 private:
  const Country& country_;
  const std::vector<Slot>& slots_;
  const std::vector<std::uint32_t>& slot_of_;
  bg::date day_{bg::not_a_date_time};
  mutable Evidence scratch_;
};

/// What the day's agenda holds: a batch phase of a year's round, or one candidate's next step.
enum class Task : std::uint8_t {
  discover_round, council_sitting, recognize_all, commend_all, nominate_best,  // `target` is the year
  foster, withdraw, register_, replicate_web, replicate_meeting, disqualify, board_review,  // `target` is a slot
  complete_milestone,  // `target` is the milestone's index
};
constexpr std::size_t task_count = 13;

struct Scheduled {
  Task task;
  std::uint32_t target;
};

/// The phases the timings are reported by.
constexpr std::array<const char*, task_count> kTaskPhases{
    "discovery", "council review (criteria evaluated)", "recognition", "commendation", "send-up",
    "fostering", "withdrawal", "registration (eligibility guard)", "replication", "replication",
    "disqualification", "provincial review", "roadmap milestones",
};

class NationalRun {
 public:
  NationalRun(const Plan& plan, const NationalSettings& settings, Clock::time_point began)
      : began_(began), plan_(plan), settings_(settings), country_(settings, plan.roadmap.first_year),
        slot_of_(std::size_t{settings.individuals} + settings.collectives, 0),
        evidence_(country_, slots_, slot_of_), file_(settings.journal_path) {}

  tl::expected<NationalOutcome, std::string> run() {
    const auto began = began_;
    auto running = RunningPlan::make(plan_, evidence_);
    if (!running) return tl::make_unexpected(running.error().message(Lang::en));
    running_ = std::move(*running);
    if (!file_.good()) return tl::make_unexpected("cannot write the journal to '" + settings_.journal_path + "'");
    journal_ = std::make_unique<Journal>(running_->workflow());
    // The quota checks read the running plan's tally: it counts every record the journal applies.
    if (auto subscribed = journal_->subscribe(running_->tally()); !subscribed) {
      return tl::make_unexpected(subscribed.error().message(Lang::en));
    }
    slots_.reserve(std::size_t{settings_.individuals} / 10);

    const RoadmapSpec& spec = running_->roadmap().spec();
    first_day_ = bg::date{spec.first_year, 1, 1};
    const bg::date last_day{spec.last_year, 12, 31};
    agenda_.resize(static_cast<std::size_t>((last_day - first_day_).days()) + 1);
    for (int year = spec.first_year; year <= spec.last_year; ++year) {
      out_.years.push_back(NationalYear{static_cast<std::uint16_t>(year), {}, {}, {}, 0, 0});
      plan_year(static_cast<std::uint16_t>(year));
    }
    plan_milestones();
    phase("set-up", began);

    for (bg::date day = first_day_; day <= last_day; day += bg::days(1)) {
      const auto tick_began = Clock::now();
      auto passed = running_->tick(day);
      if (passed) out_.roadmap_events += passed->size();
      phase("roadmap milestones", tick_began);
      evidence_.set_day(day);
      auto& today = agenda_[index_of(day)];
      for (std::size_t i = 0; i < today.size(); ++i) {
        const Scheduled item = today[i];
        const auto task_began = Clock::now();
        carry_out(item, day);
        phase(kTaskPhases[static_cast<std::size_t>(item.task)], task_began);
      }
      std::vector<Scheduled>().swap(today);
      if (day.month() == 12 && day.day() == 15) {
        const auto close_began = Clock::now();
        close_year(static_cast<std::uint16_t>(day.year()), day);
        phase("year close (everyone rated)", close_began);
      }
    }

    const auto closing = Clock::now();
    if (!file_.close()) return tl::make_unexpected("cannot write the journal to '" + settings_.journal_path + "'");
    phase("journal file closed", closing);
    out_.records = journal_->sequence();
    out_.head = journal_->head();
    out_.journal_bytes = file_.bytes();
    out_.candidates = slots_.size();
    for (const Slot& slot : slots_) ++out_.final_stages[static_cast<std::size_t>(slot.candidate().stage)];
    for (const auto& [name, seconds] : timings_) out_.phases.push_back(Phase{name, seconds});

    if (settings_.verify) {
      const auto verify_began = Clock::now();
      if (auto problem = verify()) return tl::make_unexpected(*problem);
      out_.verified = true;
      out_.phases.push_back(Phase{"journal file read back and replayed", seconds_since(verify_began)});
    }
    out_.phases.push_back(Phase{"total", seconds_since(began)});
    return std::move(out_);
  }

 private:
  static double seconds_since(Clock::time_point began) {
    return std::chrono::duration<double>(Clock::now() - began).count();
  }

  void phase(const char* name, Clock::time_point began) {
    const double seconds = seconds_since(began);
    for (auto& [known, total] : timings_) {
      if (known == name) {
        total += seconds;
        return;
      }
    }
    timings_.emplace_back(name, seconds);
  }

  std::size_t index_of(bg::date day) const { return static_cast<std::size_t>((day - first_day_).days()); }

  void at(bg::date day, Task task, std::uint32_t target) {
    if (day < first_day_ || index_of(day) >= agenda_.size()) return;
    agenda_[index_of(day)].push_back(Scheduled{task, target});
  }

  NationalYear& year_of(bg::date day) { return out_.years[static_cast<std::size_t>(day.year() - out_.years.front().year)]; }

  // Each unit has its own head, council and secretariat; ids are the unit's number times ten plus a role digit.
  static Actor unit_head(UnitId unit) { return Actor{ActorId{unit.value() * 10 + 1}, Role::unit_head, unit}; }
  static Actor head(UnitId unit) { return Actor{ActorId{unit.value() * 10 + 2}, Role::agency_head, unit}; }
  static Actor council(UnitId unit) { return Actor{ActorId{unit.value() * 10 + 3}, Role::council, unit}; }
  static Actor secretariat(UnitId unit) { return Actor{ActorId{unit.value() * 10 + 4}, Role::secretariat, unit}; }
  static Actor board() { return Actor{ActorId{9'000'000}, Role::provincial_board, UnitId{9'000'000}}; }

  /// Decides a step through the plan; journals and writes it when accepted, and keeps the candidate
  /// the journal now holds.
  bool step(std::uint32_t slot_index, const Command& command, const Actor& actor, bg::date day) {
    Slot& slot = slots_[slot_index];
    auto event = running_->workflow().decide(slot.candidate(), command, actor, day);
    if (!event) {
      ++out_.refused[static_cast<std::size_t>(event.error().code)];
      return false;
    }
    auto record = journal_->append(*event);
    if (!record) {
      ++out_.refused[static_cast<std::size_t>(record.error().code)];
      return false;
    }
    file_.append(*record);
    if (slot.state == nullptr) slot.state = journal_->find(event->candidate);
    NationalYear& year = year_of(day);
    ++year.steps[static_cast<std::size_t>(event->kind())];
    if (!event->flags.empty()) ++year.flagged;
    return true;
  }

  void plan_year(std::uint16_t year) {
    const RoundDays round = round_days(plan_, running_->roadmap(), year);
    rounds_.push_back(round);
    at(round.discover, Task::discover_round, year);
    at(round.council, Task::council_sitting, year);
    if (round.send_up && round.from_council) at(*round.send_up, Task::nominate_best, year);
    at(round.recognize, Task::recognize_all, year);
    at(round.commend, Task::commend_all, year);
    if (round.send_up && !round.from_council) at(*round.send_up, Task::nominate_best, year);
  }

  /// Every milestone completed by its owner on its last on-time day; one in ten a few days late.
  void plan_milestones() {
    const Roadmap& roadmap = running_->roadmap();
    for (std::size_t i = 0; i < roadmap.milestones().size(); ++i) {
      bg::date day = roadmap.days(i).last_on_time;
      if (country_.rolls().unit(Die::spread, i, 0, 7) < 0.1) day += bg::days(1 + country_.rolls().below(5, Die::spread, i, 1));
      day = std::max(roadmap.milestones()[i].open_period.opens, std::min(day, roadmap.milestones()[i].open_period.closes));
      at(day, Task::complete_milestone, static_cast<std::uint32_t>(i));
    }
  }

  std::uint32_t new_slot(std::uint32_t who, bool collective) {
    Slot slot;
    slot.who = who;
    slot.collective = collective;
    slots_.push_back(slot);
    const auto index = static_cast<std::uint32_t>(slots_.size() - 1);
    slot_of_[collective ? std::size_t{country_.individuals()} + who : who] = index + 1;
    return index;
  }

  /// Forgets a slot whose discovery was refused: nobody was put on the books.
  void drop_last_slot() {
    const Slot& slot = slots_.back();
    slot_of_[slot.collective ? std::size_t{country_.individuals()} + slot.who : slot.who] = 0;
    slots_.pop_back();
  }

  void carry_out(const Scheduled& item, bg::date day) {
    switch (item.task) {
      case Task::discover_round: return discover_round(static_cast<std::uint16_t>(item.target), day);
      case Task::council_sitting: return council_sitting(static_cast<std::uint16_t>(item.target), day);
      case Task::recognize_all: return recognize_all(static_cast<std::uint16_t>(item.target), day);
      case Task::commend_all: return commend_all(static_cast<std::uint16_t>(item.target), day);
      case Task::nominate_best: return nominate_best(static_cast<std::uint16_t>(item.target), day);
      case Task::foster: {
        const UnitId unit = slots_[item.target].candidate().unit;
        step(item.target, commands::Foster{ActorId{unit_head(unit).id.value() + 5}}, unit_head(unit), day);
        return;
      }
      case Task::withdraw:
        step(item.target, commands::Withdraw{"Chuyển công tác"}, unit_head(slots_[item.target].candidate().unit), day);
        return;
      case Task::register_:
        step(item.target, commands::Register{"Bản mô tả mô hình"}, unit_head(slots_[item.target].candidate().unit), day);
        return;
      case Task::replicate_web:
      case Task::replicate_meeting: {
        const Candidate& c = slots_[item.target].candidate();
        if ((c.stage != Stage::commended && c.stage != Stage::replicated) || c.level != Level::agency) return;
        if (item.task == Task::replicate_web) {
          step(item.target, commands::Replicate{Replication::web_publication, "Cổng TTĐT"}, secretariat(c.unit), day);
        } else {
          step(item.target, commands::Replicate{Replication::meeting, "Hội nghị"}, unit_head(c.unit), day);
        }
        return;
      }
      case Task::disqualify: {
        // One sent up to the province answers to the provincial board.
        const Candidate& c = slots_[item.target].candidate();
        if (!is_terminal(c.stage)) {
          step(item.target, commands::Disqualify{"Bị kỷ luật khiển trách"}, c.level == Level::agency ? head(c.unit) : board(), day);
        }
        return;
      }
      case Task::board_review: {
        const auto present = static_cast<std::uint16_t>(11 + country_.rolls().below(5, Die::present, item.target, 99));
        const auto votes_for = static_cast<std::uint16_t>(std::min<unsigned>(present, 6 + country_.rolls().below(10, Die::votes, item.target, 99)));
        step(item.target, commands::Review{15, present, votes_for, static_cast<std::uint16_t>(present - votes_for)}, board(), day);
        return;
      }
      case Task::complete_milestone: {
        const Milestone& milestone = running_->roadmap().milestones()[item.target];
        auto done = running_->act(roadmap_commands::Complete{milestone.id}, owner_of(milestone), day);
        if (done) {
          ++out_.roadmap_events;
        } else {
          ++out_.roadmap_refused[static_cast<std::size_t>(done.error().code)];
        }
        return;
      }
    }
  }

  /// Each unit finds new factors among people and collectives not yet on the books: the abler a
  /// person, the likelier; then fosters them within a week and registers them before the deadline.
  /// Where the plan sets a per-unit quota on the round's registration, a unit puts forward no more
  /// than its most, and the first of them, as many as its least, stay on the list.
  void discover_round(std::uint16_t year, bg::date day) {
    const RoundDays& round = rounds_[static_cast<std::size_t>(year - out_.years.front().year)];
    const Rolls& rolls = country_.rolls();
    const UnitQuota quota = registration_quota(plan_, running_->roadmap(), year, round);
    std::vector<std::uint32_t> put_forward(quota.at_least || quota.at_most ? std::size_t{country_.units()} + 1 : 0);
    // Whether unit `unit` may put one more forward; `kept` when the plan's least counts on it.
    const auto room = [&](UnitId unit, bool& kept) {
      kept = false;
      if (put_forward.empty()) return true;
      std::uint32_t& n = put_forward[unit.value()];
      if (quota.at_most && n >= *quota.at_most) return false;
      kept = quota.at_least && n < *quota.at_least;
      ++n;
      return true;
    };
    const auto schedule = [&](std::uint32_t slot, bool kept) {
      const bg::date foster_day = day + bg::days(2 + rolls.below(6, Die::foster_delay, slot, year));
      at(foster_day, Task::foster, slot);
      if (rolls.unit(Die::withdraw, slot, year) < 0.03 && !kept) {
        at(foster_day + bg::days(5), Task::withdraw, slot);
        return;
      }
      const bg::date register_day = round.windowed
          ? std::max(foster_day + bg::days(1), round.deadline - bg::days(rolls.below(20, Die::register_delay, slot, year)))
          : foster_day + bg::days(14);
      at(register_day, Task::register_, slot);
    };
    bool kept = false;
    for (std::uint32_t person = 0; person < country_.individuals(); ++person) {
      if (slot_of_[person] != 0) continue;
      if (rolls.unit(Die::discover, person, year) >= 0.004 + country_.ability(person) * 0.03) continue;
      const UnitId unit = country_.unit_of(person);
      if (!room(unit, kept)) continue;
      const std::uint32_t slot = new_slot(person, false);
      const commands::Discover discover{
          country_.person_id(person),
          {Subject::individual, unit, country_.position_of(person), country_.field_of(unit), Level::agency,
           "Nhân tố mới trong phong trào thi đua"}};
      if (step(slot, discover, unit_head(unit), day)) {
        schedule(slot, kept);
      } else {
        drop_last_slot();
      }
    }
    for (std::uint32_t collective = 0; collective < country_.collectives(); ++collective) {
      const std::size_t key = std::size_t{country_.individuals()} + collective;
      if (slot_of_[key] != 0) continue;
      if (rolls.unit(Die::discover, key, year) >= 0.06) continue;
      const UnitId unit = country_.unit_of_collective(collective);
      if (!room(unit, kept)) continue;
      const std::uint32_t slot = new_slot(collective, true);
      const commands::Discover discover{
          country_.collective_id(collective),
          {Subject::collective, unit, Position::none, country_.field_of(unit), Level::agency,
           "Tập thể có mô hình hay, cách làm sáng tạo"}};
      if (step(slot, discover, unit_head(unit), day)) {
        schedule(slot, kept);
      } else {
        drop_last_slot();
      }
    }
  }

  /// Each unit's council reviews its registered candidates of the round, the criteria evaluated on
  /// the day; votes follow the verdict.
  void council_sitting(std::uint16_t year, bg::date day) {
    NationalYear& tally = year_of(day);
    const Rolls& rolls = country_.rolls();
    for (std::uint32_t index = 0; index < slots_.size(); ++index) {
      const Slot& slot = slots_[index];
      const Candidate& c = slot.candidate();
      if (c.stage != Stage::registered || c.level != Level::agency || c.round_year != year) continue;
      Verdict verdict = Verdict::needs_council_judgement;
      if (evaluate_into(evaluation_, plan_.profile, evidence_.build(slot, day), day)) verdict = evaluation_.verdict;
      ++tally.verdicts[static_cast<std::size_t>(verdict)];
      const auto present = static_cast<std::uint16_t>(7 + rolls.below(3, Die::present, index, year));
      unsigned votes = 0;
      switch (verdict) {
        case Verdict::eligible: votes = 6 + rolls.below(3, Die::votes, index, year); break;
        case Verdict::needs_council_judgement: votes = 3 + rolls.below(6, Die::votes, index, year); break;
        case Verdict::not_eligible: votes = 1 + rolls.below(4, Die::votes, index, year); break;
      }
      const auto votes_for = static_cast<std::uint16_t>(std::min<unsigned>(votes, present));
      if (step(index, commands::Review{9, present, votes_for, static_cast<std::uint16_t>(present - votes_for)}, council(c.unit), day) &&
          slots_[index].candidate().stage == Stage::reviewed) {
        ++tally.proposed;
      }
    }
  }

  /// Each head recognises the council's proposals; for those the council backed most strongly, the
  /// head proposes the provincial chairman's certificate upward (beyond the head's own power).
  void recognize_all(std::uint16_t year, bg::date day) {
    for (std::uint32_t index = 0; index < slots_.size(); ++index) {
      const Candidate& c = slots_[index].candidate();
      if (c.stage != Stage::reviewed || c.level != Level::agency || c.round_year != year) continue;
      const std::string number = std::to_string(++decisions_) + "/QĐ";
      if (step(index, commands::Recognize{number, day}, head(c.unit), day) && c.votes_for >= 8) {
        step(index, commands::Propose{Award::provincial_certificate}, head(c.unit), day);
      }
    }
  }

  void commend_all(std::uint16_t year, bg::date day) {
    const Rolls& rolls = country_.rolls();
    const bg::date last_day{out_.years.back().year, 12, 31};
    for (std::uint32_t index = 0; index < slots_.size(); ++index) {
      Slot& slot = slots_[index];
      const Candidate& c = slot.candidate();
      if (c.stage != Stage::recognized || c.level != Level::agency || c.round_year != year) continue;
      // The Giấy khen, or the higher award proposed upward, which comes back conferred.
      const Award award = c.proposed_awards.contains(Award::provincial_certificate) ? Award::provincial_certificate
                                                                                   : Award::agency_certificate;
      if (!step(index, commands::Commend{award}, head(c.unit), day)) continue;
      slot.commended = day;
      slot.award = award;
      const bg::date spread = std::min(day + bg::days(20 + rolls.below(40, Die::spread, index, year)), last_day - bg::days(1));
      if (spread <= day) continue;
      at(spread, Task::replicate_web, index);
      if (rolls.unit(Die::meeting, index, year) < 0.5) {
        at(std::min(spread + bg::days(40 + rolls.below(40, Die::meeting, index, year)), last_day), Task::replicate_meeting, index);
      }
    }
  }

  /// Each unit sends its best (most votes, then lowest id) up to the province, two each, within
  /// what the plan's agency-wide quota leaves (one running plan counts the whole country): its
  /// honoured exemplars, or, when the plan sends up straight from the council's selection, the
  /// round's reviewed candidates, which the secretariat nominates. The board reviews them 20 days on.
  void nominate_best(std::uint16_t year, bg::date day) {
    const bool from_council = rounds_[static_cast<std::size_t>(year - out_.years.front().year)].from_council;
    std::vector<std::vector<std::uint32_t>> by_unit(country_.units() + 1);
    for (std::uint32_t index = 0; index < slots_.size(); ++index) {
      const Candidate& c = slots_[index].candidate();
      if (c.level != Level::agency) continue;
      const bool chosen = from_council ? c.stage == Stage::reviewed && c.round_year == year
                                       : c.stage == Stage::commended || c.stage == Stage::replicated;
      if (chosen) by_unit[c.unit.value()].push_back(index);
    }
    const std::size_t quota = 2;
    std::size_t room = send_up_room(*running_, day, std::numeric_limits<std::size_t>::max());
    for (auto& candidates : by_unit) {
      std::sort(candidates.begin(), candidates.end(), [this](std::uint32_t a, std::uint32_t b) {
        const Candidate& ca = slots_[a].candidate();
        const Candidate& cb = slots_[b].candidate();
        return ca.votes_for != cb.votes_for ? ca.votes_for > cb.votes_for : ca.id < cb.id;
      });
      for (std::size_t i = 0; i < candidates.size() && i < quota && room > 0; ++i) {
        const std::uint32_t index = candidates[i];
        const UnitId unit = slots_[index].candidate().unit;
        if (step(index, commands::Nominate{}, from_council ? secretariat(unit) : head(unit), day)) {
          at(day + bg::days(20), Task::board_review, index);
          --room;
        }
      }
    }
  }

  /// The year's ratings close: counted for everyone; a sanctioned candidate is disqualified the
  /// next day (000 II.2a).
  void close_year(std::uint16_t year, bg::date day) {
    NationalYear& tally = year_of(day);
    for (std::uint32_t person = 0; person < country_.individuals(); ++person) {
      ++tally.ratings[static_cast<std::size_t>(country_.rating(person, year))];
    }
    for (std::uint32_t index = 0; index < slots_.size(); ++index) {
      const Slot& slot = slots_[index];
      if (slot.collective || is_terminal(slot.candidate().stage)) continue;
      if (country_.facts(slot.who, year).sanction) at(day + bg::days(1), Task::disqualify, index);
    }
  }

  /// Reads the journal file back and replays it into a fresh journal: every record's number, chain,
  /// hash and event are checked, and the result must be the live state.
  std::optional<std::string> verify() {
    files::JournalFileReader in(settings_.journal_path);
    if (!in.good()) return "cannot read the journal back from '" + settings_.journal_path + "'";
    // The plan's own procedure; replay checks every step but the running plan's state.
    auto replayer = Workflow::make(plan_.procedure);
    if (!replayer) return "the plan's procedure does not make a workflow: " + replayer.error().message(Lang::en);
    Journal replayed(*replayer);
    for (auto next = in.next(); !std::holds_alternative<files::JournalFileReader::End>(next); next = in.next()) {
      if (const auto* broken = std::get_if<files::JournalFileReader::Broken>(&next)) return "the journal file: " + broken->why.en;
      if (auto applied = replayed.replay_binary(std::get<ByteView>(next)); !applied) {
        return "the journal file does not replay: " + applied.error().message(Lang::en);
      }
    }
    if (replayed.sequence() != journal_->sequence() || replayed.head() != journal_->head()) {
      return std::string("the journal file does not end where the run did");
    }
    for (const Slot& slot : slots_) {
      const Candidate* found = replayed.find(slot.candidate().id);
      if (found == nullptr || *found != slot.candidate()) return "candidate " + std::to_string(slot.candidate().id.value()) + " differs from the live state";
    }
    return std::nullopt;
  }

  Clock::time_point began_;  ///< before the country was drawn: set-up includes it
  const Plan& plan_;
  const NationalSettings& settings_;
  Country country_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> slot_of_;  ///< person (then collective) index -> slot index + 1; 0 when none
  CountryEvidence evidence_;
  files::JournalFileWriter file_;
  std::unique_ptr<RunningPlan> running_;
  std::unique_ptr<Journal> journal_;
  std::vector<RoundDays> rounds_;
  std::vector<std::vector<Scheduled>> agenda_;
  bg::date first_day_;
  unsigned decisions_ = 0;
  Evaluation evaluation_;  ///< the councils' evaluations, one buffer for all
  NationalOutcome out_;
  std::vector<std::pair<std::string, double>> timings_;
};

std::string with_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

/// Peak resident memory of this process in KiB (Linux's VmHWM), or 0 when unknown.
std::uint64_t peak_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

}  // namespace

tl::expected<NationalOutcome, std::string> run_national(const Plan& plan, const NationalSettings& settings) {
  if (settings.units == 0 || settings.collectives < settings.units || settings.individuals < settings.collectives) {
    return tl::make_unexpected(std::string("the national run needs units <= collectives <= individuals, and at least one unit"));
  }
  NationalRun run(plan, settings, Clock::now());
  return run.run();
}

std::string national_report(const Plan& plan, const NationalSettings& settings, const NationalOutcome& outcome, Lang lang) {
  const bool vi = lang == Lang::vi;
  const auto tr = [vi](const char* en, const char* vi_text) { return vi ? vi_text : en; };
  std::ostringstream out;
  out << tr("National five-year run", "Mô phỏng toàn quốc 5 năm") << ": " << (vi ? plan.title.vi : plan.title.en) << "\n";
  out << tr("Plan", "Kế hoạch") << " " << plan.id << " (seed " << plan.seed << "), " << tr("random seed", "hạt giống ngẫu nhiên")
      << " " << settings.seed << "\n";
  out << with_thousands(settings.units) << tr(" units, ", " đơn vị, ") << with_thousands(settings.individuals)
      << tr(" individuals, ", " cá nhân, ") << with_thousands(settings.collectives) << tr(" collectives", " tập thể") << "\n\n";

  out << fmt::format("{:<6}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\n", tr("year", "năm"),
                     tr("discovered", "phát hiện"), tr("fostered", "bồi dưỡng"), tr("registered", "đăng ký"),
                     tr("reviewed", "bình xét"), tr("proposed", "đề nghị"), tr("recognized", "công nhận"),
                     tr("commended", "khen thưởng"), tr("replicated", "nhân rộng"), tr("sent up", "đề nghị lên"));
  for (const NationalYear& y : outcome.years) {
    const auto n = [&y](CommandKind kind) { return y.steps[static_cast<std::size_t>(kind)]; };
    out << fmt::format("{:<6}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\n", y.year, n(CommandKind::discover),
                       n(CommandKind::foster), n(CommandKind::register_), n(CommandKind::review), y.proposed,
                       n(CommandKind::recognize), n(CommandKind::commend), n(CommandKind::replicate), n(CommandKind::nominate));
  }
  out << "\n" << tr("Criteria evaluated at the councils (seed 000's profile)", "Đánh giá tiêu chuẩn tại Hội đồng (tiêu chuẩn của kế hoạch 000)") << ":\n";
  for (const NationalYear& y : outcome.years) {
    out << "  " << y.year << ": ";
    for (std::size_t v = 0; v < verdict_count; ++v) {
      out << (v ? ", " : "") << label(static_cast<Verdict>(v), lang) << " " << with_thousands(y.verdicts[v]);
    }
    out << "; " << tr("withdrawn", "rút") << " " << y.steps[static_cast<std::size_t>(CommandKind::withdraw)] << ", "
        << tr("disqualified", "loại") << " " << y.steps[static_cast<std::size_t>(CommandKind::disqualify)] << ", "
        << tr("flagged", "gắn cờ") << " " << y.flagged << "\n";
  }
  out << "\n" << tr("Annual ratings of all individuals", "Xếp loại hằng năm của toàn bộ cá nhân") << ":\n";
  for (const NationalYear& y : outcome.years) {
    out << "  " << y.year << ": ";
    for (std::size_t r = rating_count; r-- > 0;) {
      out << label(static_cast<Rating>(r), lang) << " " << with_thousands(y.ratings[r]) << (r ? ", " : "\n");
    }
  }
  out << "\n" << tr("Candidates", "Ứng viên") << ": " << with_thousands(outcome.candidates) << "; "
      << tr("where they ended", "giai đoạn cuối") << ":";
  for (std::size_t s = 0; s < stage_count; ++s) {
    if (outcome.final_stages[s] != 0) out << " " << identifier(static_cast<Stage>(s)) << " " << with_thousands(outcome.final_stages[s]);
  }
  out << "\n" << tr("Refused lifecycle steps", "Bước bị từ chối") << ":";
  bool any = false;
  for (std::size_t c = 0; c < refusal_code_count; ++c) {
    if (outcome.refused[c] == 0) continue;
    out << " " << identifier(static_cast<RefusalCode>(c)) << " " << with_thousands(outcome.refused[c]);
    any = true;
  }
  out << (any ? "" : tr(" none", " không có")) << "\n";
  out << tr("Roadmap", "Lộ trình") << ": " << with_thousands(outcome.roadmap_events) << " " << tr("events", "sự kiện");
  for (std::size_t c = 0; c < refusal_code_count; ++c) {
    if (outcome.roadmap_refused[c] != 0) {
      out << ", " << tr("refused", "bị từ chối") << " " << identifier(static_cast<RefusalCode>(c)) << " " << outcome.roadmap_refused[c];
    }
  }
  out << "\n";
  out << tr("Journal", "Nhật ký") << ": " << with_thousands(outcome.records) << " " << tr("records", "bản ghi") << ", "
      << with_thousands(outcome.journal_bytes) << " bytes " << tr("in", "trong") << " " << settings.journal_path << ", "
      << tr("head", "hash cuối") << " " << to_hex(outcome.head) << "\n";
  if (outcome.verified) out << tr("Read back and replayed: the same state.", "Đọc lại và phát lại: cùng trạng thái.") << "\n";
  return out.str();
}

std::string national_timings(const NationalOutcome& outcome) {
  std::string text = "phase timings (wall clock; they differ from run to run):\n";
  for (const Phase& phase : outcome.phases) text += fmt::format("  {:<40}{:>9.3f} s\n", phase.name, phase.seconds);
  text += fmt::format("  {:<40}{:>9.1f} MiB\n", "peak resident memory", static_cast<double>(peak_kib()) / 1024.0);
  return text;
}

}  // namespace sim
