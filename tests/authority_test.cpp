// Who may do what: domain.md, "The same lifecycle as a transition table" (column "who, by default"),
// from 000 IV.1-5, 001 II.2-3, 002 IV.2 and 003 IV.1.
#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

const Workflow flow;

std::optional<RefusalCode> refusal_for(const Candidate& candidate, const Command& command, const Actor& actor,
                                       bg::date date) {
  auto outcome = flow.decide(candidate, command, actor, date);
  if (outcome) return std::nullopt;
  return outcome.error().code;
}

// 000 IV.1 and IV.3: unit heads and the trade union / youth union find new factors in their unit.
TEST(Authority, UnitHeadsAndMassOrganisationsDiscoverInTheirOwnUnit) {
  const bg::date day{2022, 1, 10};

  EXPECT_EQ(refusal_for(Candidate{}, discover_nguyen(), unit_head, day), std::nullopt);
  EXPECT_EQ(refusal_for(Candidate{}, discover_nguyen(), union_rep, day), std::nullopt);
  EXPECT_EQ(refusal_for(Candidate{}, discover_nguyen(), other_unit_head, day), RefusalCode::outside_actor_unit);
}

TEST(Authority, OnlyUnitsDiscover) {
  const bg::date day{2022, 1, 10};

  for (const Actor& actor : {council, secretariat, chief, board}) {
    EXPECT_EQ(refusal_for(Candidate{}, discover_nguyen(), actor, day), RefusalCode::not_authorised) << identifier(actor.role);
  }
}

// 000 IV.1: the unit head assigns a leader in charge of fostering; a mass organisation proposes only.
TEST(Authority, OnlyTheCandidatesUnitHeadFosters) {
  const Walked walked = walk_to(flow, Stage::discovered);
  const commands::Foster foster{ActorId{9}};

  EXPECT_EQ(refusal_for(walked.candidate, foster, unit_head, walked.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(walked.candidate, foster, other_unit_head, walked.next_day), RefusalCode::outside_actor_unit);
  EXPECT_EQ(refusal_for(walked.candidate, foster, union_rep, walked.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(walked.candidate, foster, chief, walked.next_day), RefusalCode::not_authorised);
}

// 001 II.2; 003 IV.1: each unit registers its own candidates with the council through the Office.
TEST(Authority, OnlyTheCandidatesUnitHeadRegistersAndWithdraws) {
  const Walked fostered = walk_to(flow, Stage::fostered);
  const Walked registered = walk_to(flow, Stage::registered);

  EXPECT_EQ(refusal_for(fostered.candidate, commands::Register{"Hồ sơ"}, unit_head, fostered.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(fostered.candidate, commands::Register{"Hồ sơ"}, other_unit_head, fostered.next_day),
            RefusalCode::outside_actor_unit);
  EXPECT_EQ(refusal_for(fostered.candidate, commands::Register{"Hồ sơ"}, secretariat, fostered.next_day),
            RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(registered.candidate, commands::Withdraw{"Rút"}, unit_head, registered.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(registered.candidate, commands::Withdraw{"Rút"}, other_unit_head, registered.next_day),
            RefusalCode::outside_actor_unit);
}

// 001 II.2: the council deliberates (bình xét) and proposes; it does not decide.
TEST(Authority, TheCouncilReviewsAndRejectsRegistrationsButDoesNotRecognise) {
  const Walked registered = walk_to(flow, Stage::registered);
  const Walked reviewed = walk_to(flow, Stage::reviewed);
  const commands::Recognize recognize{"45/QĐ-TTr", reviewed.next_day};

  EXPECT_EQ(refusal_for(registered.candidate, proposing_review(), council, registered.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(registered.candidate, commands::Reject{"Không đạt"}, council, registered.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(registered.candidate, proposing_review(), chief, registered.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(reviewed.candidate, recognize, council, reviewed.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(reviewed.candidate, commands::Reject{"Không đạt"}, council, reviewed.next_day),
            RefusalCode::not_authorised);
}

// 001 II.2-3: the head of agency decides recognition and grants the certificate of merit.
TEST(Authority, TheAgencyHeadRecognisesCommendsRejectsAndDisqualifies) {
  const Walked reviewed = walk_to(flow, Stage::reviewed);
  const Walked recognized = walk_to(flow, Stage::recognized);

  EXPECT_EQ(refusal_for(reviewed.candidate, commands::Recognize{"45/QĐ-TTr", reviewed.next_day}, chief, reviewed.next_day),
            std::nullopt);
  EXPECT_EQ(refusal_for(reviewed.candidate, commands::Reject{"Không đạt"}, chief, reviewed.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(recognized.candidate, commands::Commend{Award::agency_certificate}, chief, recognized.next_day),
            std::nullopt);
  EXPECT_EQ(refusal_for(recognized.candidate, commands::Disqualify{"Kỷ luật"}, chief, recognized.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(recognized.candidate, commands::Commend{Award::agency_certificate}, unit_head, recognized.next_day),
            RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(recognized.candidate, commands::Disqualify{"Kỷ luật"}, unit_head, recognized.next_day),
            RefusalCode::not_authorised);
}

// 000 IV.2: the Office publicises exemplars on the portal; units share experience.
TEST(Authority, TheSecretariatOrTheCandidatesUnitHeadRecordsReplication) {
  const Walked commended = walk_to(flow, Stage::commended);
  const commands::Replicate meeting{Replication::meeting, ""};

  EXPECT_EQ(refusal_for(commended.candidate, meeting, secretariat, commended.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(commended.candidate, meeting, unit_head, commended.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(commended.candidate, meeting, other_unit_head, commended.next_day), RefusalCode::outside_actor_unit);
  EXPECT_EQ(refusal_for(commended.candidate, meeting, council, commended.next_day), RefusalCode::not_authorised);
}

// 003 IV.1: the agency sends exemplars up; above it, the provincial board acts.
TEST(Authority, TheAgencyHeadSendsUpAndTheProvincialBoardActsAtProvinceLevel) {
  const Walked commended = walk_to(flow, Stage::commended);
  const Candidate up = flow.evolve(commended.candidate, *flow.decide(commended.candidate, commands::Nominate{}, chief, commended.next_day));

  EXPECT_EQ(refusal_for(commended.candidate, commands::Nominate{}, board, commended.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(up, proposing_review(), board, commended.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(up, proposing_review(), council, commended.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(up, commands::Reject{"Không đạt"}, board, commended.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(up, commands::Disqualify{"Kỷ luật"}, chief, commended.next_day), RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(up, commands::Disqualify{"Kỷ luật"}, board, commended.next_day), std::nullopt);
}

// The 2022 Law: revocation is the head's decision.
TEST(Authority, OnlyTheAgencyHeadRevokesAnAgencyAward) {
  const Walked commended = walk_to(flow, Stage::commended);

  EXPECT_EQ(refusal_for(commended.candidate, commands::Revoke{"Gian lận"}, chief, commended.next_day), std::nullopt);
  EXPECT_EQ(refusal_for(commended.candidate, commands::Revoke{"Gian lận"}, council, commended.next_day),
            RefusalCode::not_authorised);
  EXPECT_EQ(refusal_for(commended.candidate, commands::Revoke{"Gian lận"}, secretariat, commended.next_day),
            RefusalCode::not_authorised);
}

TEST(Authority, ARefusalNamesTheRoleTheCommandTheStageAndTheUnits) {
  const Walked walked = walk_to(flow, Stage::discovered);

  auto outcome = flow.decide(walked.candidate, commands::Foster{ActorId{9}}, other_unit_head, walked.next_day);

  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().role, Role::unit_head);
  EXPECT_EQ(outcome.error().command, CommandKind::foster);
  EXPECT_EQ(outcome.error().stage, Stage::discovered);
  EXPECT_EQ(outcome.error().actor_unit, other_division);
  EXPECT_EQ(outcome.error().candidate_unit, division);
}

// DESIGN.md, "Plans are data": each agency writes who may do what.
TEST(Authority, APlanCanReplaceThePolicy) {
  std::vector<Grant> grants = Policy::defaults().grants();
  grants.push_back(Grant{CommandKind::foster, Role::mass_organization, Scope::own_unit, StageSet{Stage::discovered},
                         LevelSet{Level::unit, Level::agency}});
  Procedure procedure = default_procedure();
  procedure.grants = grants;
  const Workflow unions_foster = workflow_of(procedure);
  const Walked walked = walk_to(unions_foster, Stage::discovered);

  auto outcome = unions_foster.decide(walked.candidate, commands::Foster{ActorId{9}}, union_rep, walked.next_day);

  EXPECT_TRUE(outcome);
}

TEST(Authority, AnEmptyPolicyAllowsNothing) {
  const auto nobody = Policy::make({});

  ASSERT_TRUE(nobody);
  auto outcome = nobody->check(unit_head, CommandKind::discover, Stage::initial, Level::agency, division);

  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, RefusalCode::not_authorised);
  EXPECT_FALSE(nobody->permits(unit_head, CommandKind::discover, Stage::initial, Level::agency, division));
}

TEST(Authority, AGrantNamingAnUnknownRoleIsRefused) {
  const Grant broken{CommandKind::foster, static_cast<Role>(42), Scope::own_unit, StageSet{Stage::discovered},
                     LevelSet{Level::agency}};

  auto policy = Policy::make({Policy::defaults().grants().front(), broken});

  ASSERT_FALSE(policy);
  EXPECT_EQ(policy.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(policy.error().subject, "grants/1/role");
}

TEST(Authority, PermitsAndCheckAgree) {
  const Policy policy = Policy::defaults();
  for (Role role : all_values<Role>()) {
    for (CommandKind command : all_values<CommandKind>()) {
      for (Stage stage : all_values<Stage>()) {
        for (Level level : all_values<Level>()) {
          for (UnitId unit : {division, other_division}) {
            const Actor actor{ActorId{1}, role, division};
            EXPECT_EQ(policy.permits(actor, command, stage, level, unit),
                      policy.check(actor, command, stage, level, unit).has_value());
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace exemplar
