// exemplar/plan.hpp: a plan is data — an agency's roadmap, criteria, rights, council and guard —
// and a running plan wires it to the lifecycle.
//
//   struct Plan             id, titles, seed, roadmap, step windows, profile, registration guard,
//                           grants, council rules, send-up quota
//   validate(plan)          nullopt, or the first thing wrong with it
//   plans::hatinh_inspectorate_2021_2025() ... plans::langson_inspectorate_2025()   the seeds, built in
//   plans::ids(), plans::find(id), plans::all()
//   class GateChain         several StepGates asked in order: the first refusal wins, flags add up
//   class RunningPlan       one agency's plan at work: its roadmap's progress, the gates, the Workflow
//
// DESIGN.md, "Plans are data": the five plans in seeds/ ship built in, and the same plans load from
// a file (exemplar::json, <exemplar/json/plan.hpp>). A plan holds no code: a host can store it,
// edit a threshold and load it again.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "authority.hpp"
#include "council.hpp"
#include "criteria.hpp"
#include "eligibility.hpp"
#include "lifecycle.hpp"
#include "refusal.hpp"
#include "roadmap.hpp"
#include "window.hpp"

namespace exemplar {

/// One agency's plan for building, fostering and replicating advanced exemplars.
struct Plan {
  std::string id;                          ///< stable id, e.g. "hatinh-inspectorate-2021-2025"
  Text title;                              ///< the plan's name in both languages
  std::string seed;                        ///< the seed text it comes from ("000"), empty for a host's own
  RoadmapSpec roadmap;                     ///< its years, quarters, milestones and deadlines
  std::vector<StepWindow> windows;         ///< which lifecycle steps the roadmap's windows govern
  Profile profile;                         ///< its criteria for collectives and individuals
  GuardMode registration = GuardMode::soft;  ///< whether registering needs an eligible verdict
  std::vector<Grant> grants;               ///< who may do what
  CouncilRules council;                    ///< quorum and approval thresholds
  std::optional<Quota> send_up;            ///< how many the council sends up, when the plan says (003: 4 to 5)
};

/// Nullopt when the plan can run: an id and titles, a roadmap that Roadmap::make accepts, a valid
/// profile and council, grants that name known commands and roles, a quota whose bounds are in
/// order. Otherwise the first problem, with `subject` naming the part ("roadmap", "profile", ...).
[[nodiscard]] std::optional<Refusal> validate(const Plan& plan);

namespace plans {
/// Seed 000: Hà Tĩnh provincial Inspectorate, plan 10/KH-TT, 2021-2025.
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

/// Asks several gates in order: the first refusal wins; the flags of the gates that accept add up.
/// Holds pointers: the gates must outlive the chain.
class GateChain final : public StepGate {
 public:
  explicit GateChain(std::vector<const StepGate*> gates) : gates_(std::move(gates)) {}
  [[nodiscard]] GateVerdict check(const GateQuery& query) const override;

 private:
  std::vector<const StepGate*> gates_;
};

/// A plan at work for one agency: the roadmap with the progress the host records, the roadmap's
/// windows and the eligibility guard as gates, and the lifecycle Workflow that consults them.
///
/// Threads: decide/options through workflow() may run concurrently with each other; recording
/// roadmap progress (record) must not run at the same time, since the gates read the roadmap.
/// Not copyable or movable: the gates point into it. Make one with RunningPlan::make.
class RunningPlan {
 public:
  /// Validates the plan and wires it. `evidence` is where the eligibility guard finds a
  /// candidate's evidence; it must outlive the running plan.
  [[nodiscard]] static tl::expected<std::unique_ptr<RunningPlan>, Refusal> make(Plan plan,
                                                                              const EvidenceSource& evidence);

  RunningPlan(const RunningPlan&) = delete;
  RunningPlan& operator=(const RunningPlan&) = delete;
  ~RunningPlan() = default;

  [[nodiscard]] const Plan& plan() const noexcept { return plan_; }
  [[nodiscard]] const Workflow& workflow() const noexcept { return workflow_; }
  [[nodiscard]] const Roadmap& roadmap() const noexcept { return roadmap_; }

  /// Records a roadmap event (a completion, a waiver, a tick's events) so that later steps see it.
  [[nodiscard]] tl::expected<void, Refusal> record(const RoadmapEvent& event);
  /// Decides and records a roadmap command in one go; the event to store, or why not.
  [[nodiscard]] tl::expected<RoadmapEvent, Refusal> act(const RoadmapCommand& command, const Actor& actor,
                                                        boost::gregorian::date date);
  /// Ticks the roadmap to `today` and records what passed; the events, for the host to store.
  [[nodiscard]] tl::expected<std::vector<RoadmapEvent>, Refusal> tick(boost::gregorian::date today);

 private:
  RunningPlan(Plan plan, Roadmap roadmap, const EvidenceSource& evidence);

  Plan plan_;
  Roadmap roadmap_;
  RoadmapGate windows_;
  EligibilityGate eligibility_;
  GateChain gates_;
  Workflow workflow_;
};

}  // namespace exemplar
