// The one pipeline that decides every step: the table's row, then one ordered list of named checks,
// walked by decide (everything), apply (a stored event: all but the checks that read the running
// plan, whose verdict the event's flags carry) and options (every command, without arguments).
// A plan or a host adds a rule by inserting one Check into that list; it then acts in all three.
#include <algorithm>
#include <atomic>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

std::vector<std::string_view> names_of(const std::vector<Check>& checks) {
  std::vector<std::string_view> names;
  for (const Check& check : checks) names.push_back(check.name);
  return names;
}

/// The standard checks with `check` inserted before the one called `before`.
std::vector<Check> with_check(Check check, std::string_view before) {
  std::vector<Check> checks = standard_checks();
  const auto at = std::find_if(checks.begin(), checks.end(), [&](const Check& c) { return c.name == before; });
  checks.insert(at, check);
  return checks;
}

// A host's own rule: the agency takes no step on a Sunday. It reads only the step, so decide,
// apply and options all run it.
std::atomic<int> sunday_explanations{0};
CheckOutcome no_sunday(const Step& step) noexcept {
  return step.event.date.day_of_week() == boost::date_time::Sunday ? CheckOutcome::refuse(RefusalCode::plan_rule)
                                                                    : CheckOutcome::pass();
}
Refusal why_sunday(const Step&, RefusalCode code) {
  ++sunday_explanations;
  return refuse(code).with_subject("no_sunday").with_detail("the agency takes no step on a Sunday",
                                                             "cơ quan không thực hiện bước nào vào ngày Chủ nhật");
}
const Check sunday_rule{"no_sunday", Reads::step, &no_sunday, &why_sunday};

// The same rule declared as reading the running plan, and as reading the arguments.
const Check sunday_by_plan{"no_sunday", Reads::plan_state, &no_sunday, &why_sunday};
const Check sunday_by_arguments{"no_sunday", Reads::arguments, &no_sunday, &why_sunday};

Workflow workflow_with(std::vector<Check> checks, const PlanState* state = nullptr) {
  auto made = Workflow::make(default_procedure(), std::move(checks), state);
  EXPECT_TRUE(made);
  return made ? std::move(*made) : Workflow{};
}

const bg::date a_saturday{2022, 1, 15};
const bg::date a_sunday{2022, 1, 16};

TEST(Pipeline, TheStandardChecksRunInTheirDocumentedOrder) {
  EXPECT_EQ(names_of(standard_checks()),
            (std::vector<std::string_view>{"date", "row", "authority", "date_order", "arguments", "award", "timing",
                                           "quota", "eligibility", "guards"}));
}

TEST(Pipeline, EveryProjectionWalksTheSameList) {
  const Workflow flow;

  EXPECT_EQ(names_of(flow.checks()), names_of(standard_checks()));
}

TEST(Pipeline, ACheckAddedToThePlanRefusesInDecide) {
  const Workflow flow = workflow_with(with_check(sunday_rule, "guards"));
  const Walked walked = walk_to(flow, Stage::discovered);

  auto on_sunday = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);
  auto on_saturday = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_saturday);

  ASSERT_FALSE(on_sunday);
  EXPECT_EQ(on_sunday.error().code, RefusalCode::plan_rule);
  EXPECT_EQ(on_sunday.error().subject, "no_sunday");
  EXPECT_EQ(on_sunday.error().command, CommandKind::foster);
  EXPECT_EQ(on_sunday.error().stage, Stage::discovered);
  EXPECT_EQ(on_sunday.error().date, a_sunday);
  EXPECT_NE(on_sunday.error().message(Lang::vi).find("Chủ nhật"), std::string::npos);
  EXPECT_TRUE(on_saturday);
}

TEST(Pipeline, ACheckAddedToThePlanRefusesInOptions) {
  const Workflow flow = workflow_with(with_check(sunday_rule, "guards"));
  const Walked walked = walk_to(flow, Stage::discovered);

  const std::vector<Option> options = flow.options(walked.candidate, unit_head, a_sunday);

  const Option& foster = options[static_cast<std::size_t>(CommandKind::foster)];
  ASSERT_FALSE(foster.allowed());
  EXPECT_EQ(foster.refusal->code, RefusalCode::plan_rule);
  EXPECT_EQ(foster.refusal->subject, "no_sunday");
  EXPECT_TRUE(flow.options(walked.candidate, unit_head, a_saturday)[static_cast<std::size_t>(CommandKind::foster)].allowed());
}

TEST(Pipeline, ACheckAddedToThePlanRefusesAStoredEventInApply) {
  const Workflow lax;
  const Workflow strict = workflow_with(with_check(sunday_rule, "guards"));
  const Walked walked = walk_to(lax, Stage::discovered);
  const Event sunday_event = *lax.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);

  auto applied = strict.apply(walked.candidate, sunday_event);

  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, RefusalCode::plan_rule);
  EXPECT_TRUE(lax.apply(walked.candidate, sunday_event));
}

TEST(Pipeline, ApplyLeavesOutTheChecksThatReadTheRunningPlan) {
  const PlanState state;
  const Workflow flow = workflow_with(with_check(sunday_by_plan, "guards"), &state);
  const Walked walked = walk_to(Workflow{}, Stage::discovered);
  const Event sunday_event = *Workflow{}.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);

  auto decided = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);
  auto applied = flow.apply(walked.candidate, sunday_event);

  EXPECT_FALSE(decided);
  EXPECT_TRUE(applied);
}

TEST(Pipeline, ChecksThatReadTheRunningPlanRunOnlyWithARunningPlan) {
  const Workflow flow = workflow_with(with_check(sunday_by_plan, "guards"));
  const Walked walked = walk_to(Workflow{}, Stage::discovered);

  auto decided = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);

  EXPECT_TRUE(decided);
}

TEST(Pipeline, OptionsLeavesOutTheChecksThatReadArguments) {
  const Workflow flow = workflow_with(with_check(sunday_by_arguments, "guards"));
  const Walked walked = walk_to(Workflow{}, Stage::discovered);

  auto decided = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);
  const Option offered = flow.options(walked.candidate, unit_head, a_sunday)[static_cast<std::size_t>(CommandKind::foster)];

  EXPECT_FALSE(decided);
  EXPECT_TRUE(offered.allowed());
}

TEST(Pipeline, AnExplanationIsMadeOnlyForARefusalSomeoneReceives) {
  const Workflow flow = workflow_with(with_check(sunday_rule, "guards"));
  const Walked walked = walk_to(flow, Stage::discovered);
  sunday_explanations = 0;

  auto accepted = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_saturday);
  const int after_acceptance = sunday_explanations;
  auto refused = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_sunday);

  EXPECT_TRUE(accepted);
  EXPECT_FALSE(refused);
  EXPECT_EQ(after_acceptance, 0);
  EXPECT_EQ(sunday_explanations, 1);
}

TEST(Pipeline, TheFirstCheckInTheListDecidesWhenSeveralWouldRefuse) {
  const Workflow flow = workflow_with(with_check(sunday_rule, "date"));
  Candidate withdrawn = walk_to(flow, Stage::discovered).candidate;
  withdrawn.stage = Stage::withdrawn;

  auto sunday_first = flow.decide(withdrawn, commands::Foster{ActorId{9}}, unit_head, a_sunday);
  auto stage_next = flow.decide(withdrawn, commands::Foster{ActorId{9}}, unit_head, a_saturday);

  EXPECT_EQ(sunday_first.error().code, RefusalCode::plan_rule);
  EXPECT_EQ(stage_next.error().code, RefusalCode::stage_is_terminal);
}

TEST(Pipeline, AChecksFlagsReachTheEvent) {
  const Check always_late{"always_late", Reads::step,
                          [](const Step&) noexcept { return CheckOutcome::pass(StepFlags{StepFlag::late}); },
                          [](const Step&, RefusalCode code) { return refuse(code); }};
  const Workflow flow = workflow_with(with_check(always_late, "guards"));
  const Walked walked = walk_to(Workflow{}, Stage::discovered);

  auto event = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, a_saturday);

  ASSERT_TRUE(event);
  EXPECT_TRUE(event->has(StepFlag::late));
}

TEST(Pipeline, AWorkflowRefusesACheckWithoutANameATestOrAnExplanation) {
  std::vector<Check> nameless = with_check(Check{"", Reads::step, &no_sunday, &why_sunday}, "guards");
  std::vector<Check> untested = with_check(Check{"no_sunday", Reads::step, nullptr, &why_sunday}, "guards");
  std::vector<Check> unexplained = with_check(Check{"no_sunday", Reads::step, &no_sunday, nullptr}, "guards");

  for (auto* checks : {&nameless, &untested, &unexplained}) {
    auto made = Workflow::make(default_procedure(), *checks);
    ASSERT_FALSE(made);
    EXPECT_EQ(made.error().subject, "checks");
  }
}

TEST(Pipeline, EveryRefusalCodeHasWordsInBothLanguages) {
  for (RefusalCode code : all_values<RefusalCode>()) {
    const Refusal refusal = refuse(code);

    EXPECT_FALSE(refusal.message(Lang::en).empty()) << identifier(code);
    EXPECT_FALSE(refusal.message(Lang::vi).empty()) << identifier(code);
    EXPECT_NE(std::string(label(code, Lang::vi)), std::string(identifier(code))) << identifier(code);
  }
}

}  // namespace
}  // namespace exemplar
