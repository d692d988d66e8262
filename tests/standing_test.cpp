// Standing and Workflow::advance: the 16 bytes of a candidate every step touches, stepped with the
// same rules as decide + evolve (issue 7, "the per-candidate state the engine touches fits in 16
// bytes"). Random streams in invariants_test.cpp check that both paths agree on every command; these
// tests pin the rules one by one.
#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

/// Steps a standing along the happy path, deciding each step on the whole candidate too.
struct Pair {
  Candidate candidate;
  Standing standing;
};

TEST(Standing, FitsInSixteenBytesInsideASixtyFourByteCandidate) {
  EXPECT_LE(sizeof(Standing), 16U);
  EXPECT_LE(sizeof(Candidate), 64U);
}

// advance maps lifecycle_table's guards by name: each name must belong to its guard.
TEST(Standing, EveryGuardedRowNamesItsGuard) {
  const std::vector<std::pair<std::string_view, LifecycleRow::Guard>> named{
      {"council_proposed", &guards::council_proposed},
      {"council_did_not_propose", &guards::council_did_not_propose},
      {"has_council_proposal", &guards::has_council_proposal},
      {"has_recognition", &guards::has_recognition},
      {"has_higher_level", &guards::has_higher_level},
  };

  for (const LifecycleRow& row : lifecycle_table.rows()) {
    if (row.guard == nullptr) {
      EXPECT_TRUE(row.guard_name.empty()) << row.guard_name;
      continue;
    }
    const auto found = std::find_if(named.begin(), named.end(), [&](const auto& pair) { return pair.first == row.guard_name; });
    ASSERT_NE(found, named.end()) << row.guard_name;
    EXPECT_EQ(found->second, row.guard) << row.guard_name;
  }
}

TEST(Standing, OfANewCandidateIsTheInitialStanding) {
  EXPECT_EQ(Standing::of(Candidate{}), Standing{});
  EXPECT_EQ(Standing{}.stage, Stage::initial);
  EXPECT_EQ(Standing{}.last_day, 0U);
}

// 001 II.1-3: discover, foster, register, review, recognise, commend, replicate.
TEST(Standing, AdvanceWalksTheHappyPathExactlyAsDecideAndEvolve) {
  const Workflow flow;
  Pair pair;
  bg::date day{2022, 1, 1};

  while (pair.candidate.stage != Stage::replicated) {
    PathStep step = next_step(pair.candidate);
    if (auto* recognize = std::get_if<commands::Recognize>(&step.command)) recognize->decision_date = day;
    auto event = flow.decide(pair.candidate, step.command, step.actor, day);
    ASSERT_TRUE(event) << event.error().message();
    pair.candidate = flow.evolve(pair.candidate, *event);
    ASSERT_EQ(flow.advance(pair.standing, step.command, step.actor, day), std::nullopt);
    ASSERT_EQ(pair.standing, Standing::of(pair.candidate)) << identifier(pair.candidate.stage);
    day += bg::days(1);
  }

  EXPECT_EQ(pair.standing.stage, Stage::replicated);
  EXPECT_EQ(pair.standing.unit, division);
  EXPECT_TRUE(pair.standing.recognized);
  EXPECT_EQ(pair.standing.round_year, 2022);
}

// 001 II.2: a registration needs its model's description; the refusal leaves the standing as it was.
TEST(Standing, ARefusedStepLeavesTheStandingAsItWasAndGivesDecidesCode) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::fostered);
  Standing standing = Standing::of(walked.candidate);
  const Standing before = standing;

  const auto code = flow.advance(standing, commands::Register{""}, unit_head, walked.next_day);
  const auto decided = flow.decide(walked.candidate, commands::Register{""}, unit_head, walked.next_day);

  EXPECT_EQ(code, std::optional{RefusalCode::invalid_argument});
  ASSERT_FALSE(decided);
  EXPECT_EQ(code, std::optional{decided.error().code});
  EXPECT_EQ(standing, before);
}

// Authority (000 IV.1): a unit head registers only in their own unit.
TEST(Standing, AdvanceChecksAuthorityLikeDecide) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::fostered);
  Standing standing = Standing::of(walked.candidate);

  EXPECT_EQ(flow.advance(standing, commands::Register{"Mô hình"}, other_unit_head, walked.next_day),
            std::optional{RefusalCode::outside_actor_unit});
  EXPECT_EQ(flow.advance(standing, commands::Register{"Mô hình"}, council, walked.next_day),
            std::optional{RefusalCode::not_authorised});
  EXPECT_EQ(standing, Standing::of(walked.candidate));
}

TEST(Standing, AStepDatedBeforeTheLastStepIsOutOfOrder) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::fostered);
  Standing standing = Standing::of(walked.candidate);

  EXPECT_EQ(flow.advance(standing, commands::Register{"Mô hình"}, unit_head, bg::date{2021, 12, 31}),
            std::optional{RefusalCode::date_out_of_order});
}

// calendar.hpp: the library computes with the years 1900-2999 only.
TEST(Standing, DatesOutsideTheSupportedYearsAreRefusedAndTheirEdgesAccepted) {
  const Workflow flow;
  Standing standing;
  const commands::Discover discover = discover_nguyen();

  EXPECT_EQ(flow.advance(standing, discover, unit_head, bg::date{bg::not_a_date_time}),
            std::optional{RefusalCode::invalid_date});
  EXPECT_EQ(flow.advance(standing, discover, unit_head, bg::date{1899, 12, 31}),
            std::optional{RefusalCode::date_out_of_range});
  EXPECT_EQ(flow.advance(standing, discover, unit_head, bg::date{3000, 1, 1}),
            std::optional{RefusalCode::date_out_of_range});
  Standing first;
  Standing last;
  EXPECT_EQ(flow.advance(first, discover, unit_head, bg::date{1900, 1, 1}), std::nullopt);
  EXPECT_EQ(flow.advance(last, discover, unit_head, bg::date{2999, 12, 31}), std::nullopt);
  EXPECT_EQ(first.last_day, bg::date(1900, 1, 1).day_number());
  EXPECT_EQ(last.last_day, bg::date(2999, 12, 31).day_number());
}

// 001 II.2: "căn cứ kết quả bình xét ... đề nghị" — a council that does not propose rejects.
TEST(Standing, AReviewWithoutAMajorityRejectsTheCandidate) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::registered);
  Standing standing = Standing::of(walked.candidate);

  EXPECT_EQ(flow.advance(standing, commands::Review{9, 8, 2, 6}, council, walked.next_day), std::nullopt);

  EXPECT_EQ(standing.stage, Stage::rejected);
  EXPECT_FALSE(standing.council_proposed);
}

TEST(Standing, AReviewWithoutQuorumIsRefusedAsNoQuorum) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::registered);
  Standing standing = Standing::of(walked.candidate);

  EXPECT_EQ(flow.advance(standing, commands::Review{9, 3, 3, 0}, council, walked.next_day),
            std::optional{RefusalCode::no_quorum});
}

// 003 IV.1: an exemplar sent one level up is registered again there, in a new round.
TEST(Standing, NominationStartsANewRoundOneLevelUp) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::commended);
  Standing standing = Standing::of(walked.candidate);

  EXPECT_EQ(flow.advance(standing, commands::Nominate{}, chief, bg::date{2023, 2, 1}), std::nullopt);

  EXPECT_EQ(standing.stage, Stage::registered);
  EXPECT_EQ(standing.level, Level::province);
  EXPECT_EQ(standing.round_year, 2023);
  EXPECT_FALSE(standing.council_proposed);
  EXPECT_FALSE(standing.recognized);
}

TEST(Standing, ATerminalStageAcceptsNothing) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::discovered);
  Standing standing = Standing::of(walked.candidate);
  ASSERT_EQ(flow.advance(standing, commands::Withdraw{"Chuyển công tác"}, unit_head, walked.next_day), std::nullopt);

  EXPECT_EQ(flow.advance(standing, commands::Foster{ActorId{9}}, unit_head, walked.next_day),
            std::optional{RefusalCode::stage_is_terminal});
}

TEST(Standing, AnUnknownStageIsRefusedAsABadArgument) {
  const Workflow flow;
  Standing standing;
  standing.stage = static_cast<Stage>(200);

  EXPECT_EQ(flow.advance(standing, commands::Foster{ActorId{9}}, unit_head, bg::date{2022, 1, 1}),
            std::optional{RefusalCode::invalid_argument});
}

// A plan's gates read the candidate's evidence and subject, which a Standing does not hold:
// advance says so instead of skipping the plan's rules.
TEST(Standing, AdvanceRefusesToRunAWorkflowWithAPlansGate) {
  class AcceptAll final : public StepGate {
   public:
    GateVerdict check(const GateQuery&) const override { return {}; }
  };
  const AcceptAll gate;
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  Standing standing;

  EXPECT_THROW(static_cast<void>(flow.advance(standing, discover_nguyen(), unit_head, bg::date{2022, 1, 1})),
               std::logic_error);
}

}  // namespace
}  // namespace exemplar
