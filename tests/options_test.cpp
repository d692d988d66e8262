// What the host's screen may offer: every command, allowed now or with the refusal that blocks it.
#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

const Workflow flow;

std::vector<CommandKind> allowed(const std::vector<Option>& options) {
  std::vector<CommandKind> result;
  for (const Option& option : options) {
    if (option.allowed()) result.push_back(option.command);
  }
  return result;
}

TEST(Options, ListEveryCommandOnceInOrder) {
  const std::vector<Option> options = flow.options(Candidate{}, unit_head, bg::date{2022, 1, 1});

  ASSERT_EQ(options.size(), command_count);
  for (std::size_t i = 0; i < options.size(); ++i) EXPECT_EQ(options[i].command, static_cast<CommandKind>(i));
}

TEST(Options, AUnitHeadMayFosterOrWithdrawTheirOwnDiscoveredCandidate) {
  const Walked walked = walk_to(flow, Stage::discovered);

  const auto options = flow.options(walked.candidate, unit_head, walked.next_day);

  EXPECT_EQ(allowed(options), (std::vector<CommandKind>{CommandKind::foster, CommandKind::withdraw}));
}

TEST(Options, TheAgencyHeadSeesRecognitionRejectionAndDisqualificationOfAReviewedCandidate) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  const auto options = flow.options(walked.candidate, chief, walked.next_day);

  EXPECT_EQ(allowed(options),
            (std::vector<CommandKind>{CommandKind::recognize, CommandKind::reject, CommandKind::disqualify}));
}

TEST(Options, EachBlockedCommandSaysWhy) {
  const Walked walked = walk_to(flow, Stage::discovered);

  const auto options = flow.options(walked.candidate, other_unit_head, walked.next_day);

  EXPECT_EQ(options[static_cast<std::size_t>(CommandKind::foster)].refusal->code, RefusalCode::outside_actor_unit);
  EXPECT_EQ(options[static_cast<std::size_t>(CommandKind::commend)].refusal->code, RefusalCode::not_allowed_from_stage);
  for (const Option& option : options) {
    ASSERT_FALSE(option.allowed());
    EXPECT_FALSE(option.refusal->message(Lang::vi).empty());
    EXPECT_FALSE(option.refusal->message(Lang::en).empty());
  }
}

TEST(Options, GuardsThatReadOnlyTheCandidateAreConsulted) {
  Candidate reviewed = walk_to(flow, Stage::reviewed).candidate;
  reviewed.council_proposed = false;

  const auto options = flow.options(reviewed, chief, bg::date{2023, 1, 1});

  EXPECT_EQ(options[static_cast<std::size_t>(CommandKind::recognize)].refusal->code, RefusalCode::missing_prerequisite);
}

TEST(Options, ADayBeforeTheLastStepAllowsNothing) {
  const Walked walked = walk_to(flow, Stage::discovered);

  const auto options = flow.options(walked.candidate, unit_head, bg::date{2021, 12, 31});

  EXPECT_TRUE(allowed(options).empty());
  EXPECT_EQ(options[static_cast<std::size_t>(CommandKind::foster)].refusal->code, RefusalCode::date_out_of_order);
}

}  // namespace
}  // namespace exemplar
