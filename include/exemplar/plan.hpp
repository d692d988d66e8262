// exemplar/plan.hpp: a plan is data — an agency's roadmap, criteria and procedure — and a running
// plan wires it to the lifecycle.
//
//   struct Plan             id, titles, seed, roadmap, criteria profile, procedure (procedure.hpp)
//   validate(plan)          accepted, or the first thing wrong with it
//   plans::hatinh_inspectorate_2021_2025() ... plans::langson_inspectorate_2025()   the seeds, built in
//   plans::ids(), plans::find(id), plans::all()
//   PlanState               what the plan checks of the pipeline read: roadmap, quota tally, criteria
//   QuotaTally              how many steps each unit has taken towards each quota; a journal Observer
//   QuotaStanding           one unit against one quota on one day: open, met, short or full
//   class RunningPlan       one agency's plan at work: its roadmap's progress, its tally, its Workflow
//
// Plans are data: the five plans the library was written from ship built in, and the same plans
// load from a file (exemplar::json, <exemplar/json/plan.hpp>). A plan holds no code: a host can store
// it, edit a threshold and load it again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "criteria.hpp"
#include "evidence.hpp"
#include "journal.hpp"
#include "lifecycle.hpp"
#include "procedure.hpp"
#include "refusal.hpp"
#include "roadmap.hpp"

namespace exemplar {

/// One agency's plan for building, fostering and replicating advanced exemplars.
struct Plan {
  std::string id;        ///< stable id, e.g. "hatinh-inspectorate-2021-2025"
  Text title;            ///< the plan's name in both languages
  std::string seed;      ///< the plan text it comes from ("000"), empty for a host's own
  RoadmapSpec roadmap;   ///< its years, quarters, milestones and deadlines
  Profile profile;       ///< its criteria for collectives and individuals
  Procedure procedure;   ///< how it runs the lifecycle: steps, arrows, rights, awards, timings, quotas
};

/// Accepts a plan that can run: an id and titles, a roadmap that Roadmap::make accepts, a valid
/// profile, a procedure validate(procedure) accepts whose timings and quotas name milestones of the
/// roadmap. Otherwise the first problem, with `subject` the path of the part ("roadmap",
/// "procedure/quotas/0/milestones/id", ...).
[[nodiscard]] tl::expected<void, Refusal> validate(const Plan& plan);

namespace plans {
/// Seed 000: Hà Tĩnh provincial Inspectorate, plan 10/KH-TT of 28/5/2021, 2021-2025.
[[nodiscard]] Plan hatinh_inspectorate_2021_2025();
/// Seed 001: the provincial Inspectorate's plan for 2021.
[[nodiscard]] Plan inspectorate_2021();
/// Seed 002: Quảng Bình Provincial People's Committee Office, 2021-2025.
[[nodiscard]] Plan quangbinh_office_2021_2025();
/// Seed 003: Hà Tĩnh Department of Industry and Trade, 2021-2025.
[[nodiscard]] Plan hatinh_industry_trade_2021_2025();
/// Seed 004: Lạng Sơn provincial Inspectorate, plan for 2025.
[[nodiscard]] Plan langson_inspectorate_2025();

/// The ids of the built-in plans, in seed order.
[[nodiscard]] std::vector<std::string_view> ids();
/// Every built-in plan, in seed order.
[[nodiscard]] std::vector<Plan> all();
/// The built-in plan with this id, or a refusal that lists the ids there are.
[[nodiscard]] tl::expected<Plan, Refusal> find(std::string_view id);
}  // namespace plans

/// The milestone a quota counts a step dated `date` in: the first milestone the quota's selector
/// picks (for the candidate's round `round_year`, 0 for none) whose open period holds the date.
[[nodiscard]] std::optional<std::size_t> quota_milestone(const Roadmap& roadmap, const StepQuota& quota,
                                                         std::uint16_t round_year, boost::gregorian::date date) noexcept;

/// How many steps each unit (or the agency) has taken towards each of a procedure's quotas, in
/// each milestone, net of candidates withdrawn since. Fed with every accepted event: subscribe it to
/// the host's Journal (it is an Observer, and rebuilds itself on replay), or call record() for each
/// event the host stores. The roadmap and procedure must outlive it.
class QuotaTally final : public Observer {
 public:
  QuotaTally(const Roadmap& roadmap, const Procedure& procedure) noexcept : roadmap_(&roadmap), procedure_(&procedure) {}

  /// Counts an accepted event; `before` is its candidate before it (Candidate{} for a discovery).
  void record(const Event& event, const Candidate& before);
  /// How many steps count towards quota `quota` (its index in the procedure) for `unit` (UnitId{}
  /// for an agency-wide quota) in milestone `milestone`.
  [[nodiscard]] std::uint32_t count(std::size_t quota, UnitId unit, std::size_t milestone) const noexcept;

  void on_applied(const Change& change) override { record(change.record.event, change.before); }

 private:
  [[nodiscard]] static std::uint64_t key(std::size_t quota, UnitId unit, std::size_t milestone) noexcept;

  const Roadmap* roadmap_;
  const Procedure* procedure_;
  std::unordered_map<std::uint64_t, std::uint32_t> counts_;
  std::unordered_map<CandidateId, std::vector<std::uint64_t>> held_;  ///< what each candidate counts towards
};

/// What the plan checks of the pipeline read: the running plan's roadmap, its quota tally, and the
/// criteria with the host's evidence. Owned by a RunningPlan.
struct PlanState {
  const Roadmap* roadmap = nullptr;
  const QuotaTally* tally = nullptr;
  const Profile* profile = nullptr;
  const EvidenceSource* evidence = nullptr;
};

/// Where a unit stands against a quota in one milestone on one day.
enum class QuotaState : std::uint8_t {
  open,    ///< the milestone's deadline has not passed and the least is not reached yet
  met,     ///< at least the least, and below the most
  short_,  ///< the deadline passed with fewer than the least
  full,    ///< the most is reached: further steps are refused
};
inline constexpr std::size_t quota_state_count = 4;
[[nodiscard]] LabelTable label_table(QuotaState) noexcept;

/// One unit against one quota in one milestone on one day.
struct QuotaStanding {
  std::size_t quota = 0;   ///< its index in the procedure's quotas
  std::string milestone;   ///< the milestone's id
  UnitId unit;             ///< UnitId{} for an agency-wide quota
  std::uint32_t count = 0;
  QuotaState state = QuotaState::open;

  /// One sentence for the officer: the unit, the count, what the plan asks, and where it stands.
  [[nodiscard]] std::string message(const Plan& plan, Lang lang) const;
};

/// A plan at work for one agency: the roadmap with the progress the host records, the quota tally,
/// and the lifecycle Workflow whose plan checks read them.
///
/// Threads: decide/options through workflow() may run concurrently with each other; recording
/// roadmap progress or tally counts must not run at the same time, since the checks read them.
/// Not copyable or movable: the workflow points into it. Make one with RunningPlan::make.
class RunningPlan {
 public:
  /// Validates the plan and wires it. `evidence` is where the eligibility check finds a
  /// candidate's evidence; it must outlive the running plan. `checks` is the pipeline's ordered list.
  [[nodiscard]] static tl::expected<std::unique_ptr<RunningPlan>, Refusal> make(
      Plan plan, const EvidenceSource& evidence, std::vector<Check> checks = standard_checks());

  RunningPlan(const RunningPlan&) = delete;
  RunningPlan& operator=(const RunningPlan&) = delete;
  ~RunningPlan() = default;

  [[nodiscard]] const Plan& plan() const noexcept { return plan_; }
  [[nodiscard]] const Workflow& workflow() const noexcept { return workflow_; }
  [[nodiscard]] const Roadmap& roadmap() const noexcept { return roadmap_; }
  /// The quota tally: subscribe it to the journal, or record() each accepted event.
  [[nodiscard]] QuotaTally& tally() noexcept { return tally_; }
  [[nodiscard]] const QuotaTally& tally() const noexcept { return tally_; }

  /// Records a roadmap event (a completion, a waiver, a tick's events) so that later steps see it.
  [[nodiscard]] tl::expected<void, Refusal> record(const RoadmapEvent& event);
  /// Decides and records a roadmap command in one go; the event to store, or why not.
  [[nodiscard]] tl::expected<RoadmapEvent, Refusal> act(const RoadmapCommand& command, const Actor& actor,
                                                        boost::gregorian::date date);
  /// Ticks the roadmap to `today` and records what passed; the events, for the host to store.
  [[nodiscard]] tl::expected<std::vector<RoadmapEvent>, Refusal> tick(boost::gregorian::date today);

  /// Every unit of `units` (ignored for agency-wide quotas) against every quota in every milestone
  /// it selects that has opened by `today`: the officer's "who is short?" as data.
  [[nodiscard]] std::vector<QuotaStanding> quotas(const std::vector<UnitId>& units, boost::gregorian::date today) const;

 private:
  RunningPlan(Plan plan, Roadmap roadmap, const EvidenceSource& evidence);

  Plan plan_;
  Roadmap roadmap_;
  QuotaTally tally_;
  PlanState state_;
  Workflow workflow_;
};

}  // namespace exemplar
