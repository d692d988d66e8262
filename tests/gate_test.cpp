// The one place where a plan's roadmap windows and criteria plug into the lifecycle (StepGate),
// shown with a fake gate: domain.md "register | inside the registration window; the plan's
// eligibility guard".
#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

// Refuses registration after a fixed day, flags steps on that day, and counts its calls.
class FakeWindow final : public StepGate {
 public:
  explicit FakeWindow(bg::date deadline) : deadline_(deadline) {}

  GateVerdict check(const GateQuery& query) const override {
    ++calls;
    if (query.kind != CommandKind::register_) return {};
    if (query.date > deadline_) {
      return {refuse(RefusalCode::deadline_passed)
                  .with_command(query.kind)
                  .with_date(query.date)
                  .with_reference(deadline_)
                  .with_subject("registration-2022"),
              0};
    }
    if (query.date == deadline_) return {std::nullopt, flag_bit(StepFlag::late)};
    return {};
  }

  mutable int calls = 0;  // test-only; a real gate keeps no mutable state

 private:
  bg::date deadline_;
};

TEST(Gate, AGateCanRefuseAStepAndItsRefusalIsReturnedAsIs) {
  const FakeWindow window{bg::date{2022, 1, 3}};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &window};
  const Walked walked = walk_to(flow, Stage::fostered);

  auto outcome = flow.decide(walked.candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2022, 3, 26});

  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, RefusalCode::deadline_passed);
  EXPECT_EQ(outcome.error().subject, "registration-2022");
  EXPECT_NE(outcome.error().message(Lang::vi).find("registration-2022"), std::string::npos);
}

TEST(Gate, AGateCanAcceptAStepWithAFlagThatTheEventKeeps) {
  const FakeWindow window{bg::date{2022, 1, 3}};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &window};
  const Walked walked = walk_to(flow, Stage::fostered);

  auto outcome = flow.decide(walked.candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2022, 1, 3});

  ASSERT_TRUE(outcome);
  EXPECT_TRUE(outcome->has(StepFlag::late));
  EXPECT_FALSE(outcome->has(StepFlag::waived));
}

TEST(Gate, TheGateIsAskedOnlyAfterTheTableAndAuthorityAgree) {
  const FakeWindow window{bg::date{2022, 1, 3}};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &window};
  const Walked walked = walk_to(flow, Stage::fostered);
  window.calls = 0;

  auto wrong_stage = flow.decide(walked.candidate, proposing_review(), council, bg::date{2022, 3, 26});
  auto wrong_actor = flow.decide(walked.candidate, commands::Register{"Hồ sơ"}, other_unit_head, bg::date{2022, 3, 26});

  EXPECT_EQ(wrong_stage.error().code, RefusalCode::not_allowed_from_stage);
  EXPECT_EQ(wrong_actor.error().code, RefusalCode::outside_actor_unit);
  EXPECT_EQ(window.calls, 0);
}

TEST(Gate, OptionsShowTheGatesRefusal) {
  const FakeWindow window{bg::date{2022, 1, 3}};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &window};
  const Walked walked = walk_to(flow, Stage::fostered);

  const std::vector<Option> options = flow.options(walked.candidate, unit_head, bg::date{2022, 3, 26});

  const Option& registration = options[static_cast<std::size_t>(CommandKind::register_)];
  ASSERT_FALSE(registration.allowed());
  EXPECT_EQ(registration.refusal->code, RefusalCode::deadline_passed);
}

}  // namespace
}  // namespace exemplar
