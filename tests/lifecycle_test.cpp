// The candidate lifecycle: domain.md "The candidate lifecycle", from all five seeds
// (000 IV.1-5; 001 II.1-3; 002 IV.2; 003 IV.1; 004 IV.1-2, V.2-3).
#include <algorithm>
#include <cstring>
#include <tuple>
#include <vector>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

const Workflow flow;

RefusalCode code_of(const tl::expected<Event, Refusal>& outcome) {
  EXPECT_FALSE(outcome.has_value());
  return outcome ? RefusalCode::invalid_argument : outcome.error().code;
}

// domain.md, "The same lifecycle as a transition table": every arrow, and nothing else.
TEST(Lifecycle, TheTableIsExactlyTheArrowsOfTheDomainTable) {
  using S = Stage;
  using C = CommandKind;
  std::vector<std::tuple<S, C, S>> expected{
      {S::initial, C::discover, S::discovered},     {S::discovered, C::foster, S::fostered},
      {S::discovered, C::withdraw, S::withdrawn},   {S::discovered, C::disqualify, S::disqualified},
      {S::fostered, C::register_, S::registered},   {S::fostered, C::withdraw, S::withdrawn},
      {S::fostered, C::disqualify, S::disqualified}, {S::registered, C::review, S::reviewed},
      {S::registered, C::review, S::rejected},      {S::registered, C::withdraw, S::withdrawn},
      {S::registered, C::reject, S::rejected},      {S::registered, C::disqualify, S::disqualified},
      {S::reviewed, C::recognize, S::recognized},   {S::reviewed, C::reject, S::rejected},
      {S::reviewed, C::disqualify, S::disqualified}, {S::recognized, C::commend, S::commended},
      {S::recognized, C::reject, S::rejected},      {S::recognized, C::disqualify, S::disqualified},
      {S::commended, C::replicate, S::replicated},  {S::commended, C::nominate, S::registered},
      {S::commended, C::disqualify, S::disqualified}, {S::commended, C::revoke, S::revoked},
      {S::replicated, C::replicate, S::replicated}, {S::replicated, C::nominate, S::registered},
      {S::replicated, C::disqualify, S::disqualified}, {S::replicated, C::revoke, S::revoked},
  };
  // 004 V.2 «đề nghị cấp trên xét khen thưởng»: a higher award is proposed upward from any stage that
  // holds a recognition, and the candidate stays where it is.
  for (S from : {S::recognized, S::commended, S::replicated}) {
    const auto at = std::find_if(expected.begin(), expected.end(), [&](const auto& row) { return std::get<0>(row) == from; });
    const auto last = std::find_if(at, expected.end(), [&](const auto& row) { return std::get<0>(row) != from; });
    expected.insert(last, {from, C::propose, from});
  }

  std::vector<std::tuple<S, C, S>> actual;
  for (const auto& row : lifecycle_table.rows()) actual.emplace_back(row.from, row.event, row.to);

  EXPECT_EQ(actual, expected);
}

TEST(Lifecycle, TheHappyPathWalksFromDiscoveredToReplicated) {
  const Walked walked = walk_to(flow, Stage::replicated);

  std::vector<Stage> stages;
  Candidate replay;
  for (const Event& event : walked.events) {
    replay = flow.evolve(replay, event);
    stages.push_back(replay.stage);
  }

  EXPECT_EQ(stages, (std::vector<Stage>{Stage::discovered, Stage::fostered, Stage::registered, Stage::reviewed,
                                        Stage::recognized, Stage::commended, Stage::replicated}));
}

// Each row of the table, taken by the command and the role the default policy names.
struct RowCase {
  Stage from;
  CommandKind command;
  Stage to;
};

class EveryRow : public ::testing::TestWithParam<RowCase> {};

PathStep step_for(CommandKind kind, const Candidate& candidate) {
  switch (kind) {
    case CommandKind::withdraw: return {commands::Withdraw{"Đơn vị rút đăng ký"}, unit_head};
    case CommandKind::reject:
      return {commands::Reject{"Không đạt"}, candidate.stage == Stage::registered ? council : chief};
    case CommandKind::disqualify: return {commands::Disqualify{"Bị kỷ luật khiển trách"}, chief};
    case CommandKind::revoke: return {commands::Revoke{"Gian lận hồ sơ"}, chief};
    case CommandKind::nominate: return {commands::Nominate{}, chief};
    case CommandKind::propose: return {commands::Propose{Award::provincial_certificate}, chief};
    case CommandKind::replicate: return {commands::Replicate{Replication::study_visit, ""}, secretariat};
    case CommandKind::review:
      return {commands::Review{9, 8, 3, 5}, council};  // not proposed: leads to `rejected`
    default: return next_step(candidate);
  }
}

TEST_P(EveryRow, TheCommandTakesTheCandidateToTheRowsTarget) {
  const RowCase row = GetParam();
  const Walked walked = walk_to(flow, row.from);
  PathStep step = row.to == Stage::reviewed ? next_step(walked.candidate) : step_for(row.command, walked.candidate);
  if (auto* recognize = std::get_if<commands::Recognize>(&step.command)) recognize->decision_date = walked.next_day;

  auto event = flow.decide(walked.candidate, step.command, step.actor, walked.next_day);

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_EQ(event->kind(), row.command);
  EXPECT_EQ(flow.evolve(walked.candidate, *event).stage, row.to);
}

std::vector<RowCase> all_rows() {
  std::vector<RowCase> rows;
  for (const auto& row : lifecycle_table.rows()) rows.push_back({row.from, row.event, row.to});
  return rows;
}

INSTANTIATE_TEST_SUITE_P(Lifecycle, EveryRow, ::testing::ValuesIn(all_rows()),
                         [](const ::testing::TestParamInfo<RowCase>& info) {
                           std::string name = std::string(identifier(info.param.from)) + "_" +
                                              std::string(identifier(info.param.command)) + "_" +
                                              std::string(identifier(info.param.to));
                           for (char& c : name) {
                             if (c == '_') c = 'X';
                           }
                           return name;
                         });

// 001 II.2: the council reviews and proposes; the head decides "căn cứ kết quả bình xét".
TEST(Lifecycle, RecognitionNeedsACouncilProposal) {
  Candidate reviewed = walk_to(flow, Stage::reviewed).candidate;
  reviewed.council_proposed = false;  // a stored state that lost its proposal

  auto outcome = flow.decide(reviewed, commands::Recognize{"45/QĐ-TTr", bg::date{2022, 2, 1}}, chief, bg::date{2022, 2, 1});

  EXPECT_EQ(code_of(outcome), RefusalCode::missing_prerequisite);
  EXPECT_EQ(outcome.error().subject, "council proposal");
}

// 001 II.3: the head grants the certificate to what was recognised.
TEST(Lifecycle, CommendationNeedsRecognition) {
  Candidate recognized = walk_to(flow, Stage::recognized).candidate;
  recognized.decision = DecisionNumber{};

  auto outcome = flow.decide(recognized, commands::Commend{Award::agency_certificate}, chief, bg::date{2022, 2, 1});

  EXPECT_EQ(code_of(outcome), RefusalCode::missing_prerequisite);
}

TEST(Lifecycle, CommendationIsNotAllowedBeforeRecognition) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  auto outcome = flow.decide(walked.candidate, commands::Commend{Award::agency_certificate}, chief, walked.next_day);

  EXPECT_EQ(code_of(outcome), RefusalCode::not_allowed_from_stage);
  EXPECT_EQ(outcome.error().stage, Stage::reviewed);
  EXPECT_EQ(outcome.error().command, CommandKind::commend);
}

// domain.md, council vote: approval needs more than half of ALL members, not of those present.
TEST(Lifecycle, ACouncilProposalNeedsMoreThanHalfOfAllMembers) {
  const Walked walked = walk_to(flow, Stage::registered);

  auto half = flow.decide(walked.candidate, commands::Review{10, 9, 5, 4}, council, walked.next_day);
  auto more = flow.decide(walked.candidate, commands::Review{10, 9, 6, 3}, council, walked.next_day);

  ASSERT_TRUE(half && more);
  EXPECT_EQ(flow.evolve(walked.candidate, *half).stage, Stage::rejected);
  EXPECT_EQ(flow.evolve(walked.candidate, *more).stage, Stage::reviewed);
}

TEST(Lifecycle, ACouncilThatDoesNotProposeRejectsTheCandidate) {
  const Walked walked = walk_to(flow, Stage::registered);

  auto event = flow.decide(walked.candidate, commands::Review{9, 9, 4, 5}, council, walked.next_day);

  ASSERT_TRUE(event);
  const Candidate after = flow.evolve(walked.candidate, *event);
  EXPECT_EQ(after.stage, Stage::rejected);
  EXPECT_FALSE(after.council_proposed);
}

// domain.md, council vote: quorum is 2/3 of the whole membership (a setting).
TEST(Lifecycle, AReviewNeedsTwoThirdsOfTheMembersPresent) {
  const Walked walked = walk_to(flow, Stage::registered);

  auto short_of_quorum = flow.decide(walked.candidate, commands::Review{9, 5, 5, 0}, council, walked.next_day);
  auto exactly_two_thirds = flow.decide(walked.candidate, commands::Review{9, 6, 5, 1}, council, walked.next_day);

  EXPECT_EQ(code_of(short_of_quorum), RefusalCode::no_quorum);
  EXPECT_TRUE(exactly_two_thirds);
}

TEST(Lifecycle, CouncilVotesMustAddUp) {
  const Walked walked = walk_to(flow, Stage::registered);

  auto too_many_votes = flow.decide(walked.candidate, commands::Review{9, 8, 6, 3}, council, walked.next_day);
  auto more_present_than_members = flow.decide(walked.candidate, commands::Review{9, 10, 6, 3}, council, walked.next_day);
  auto no_members = flow.decide(walked.candidate, commands::Review{0, 0, 0, 0}, council, walked.next_day);

  EXPECT_EQ(code_of(too_many_votes), RefusalCode::invalid_argument);
  EXPECT_EQ(too_many_votes.error().subject, "votes");
  EXPECT_EQ(code_of(more_present_than_members), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(no_members), RefusalCode::invalid_argument);
}

TEST(Lifecycle, ThresholdsAreCouncilSettings) {
  Procedure procedure = default_procedure();
  procedure.council = CouncilRules{Fraction{3, 4, false}, Fraction{9, 10, false}};
  const Workflow strict = workflow_of(procedure);
  const Walked walked = walk_to(strict, Stage::registered);

  auto seven_of_nine = strict.decide(walked.candidate, commands::Review{9, 9, 7, 2}, council, walked.next_day);

  ASSERT_TRUE(seven_of_nine);
  EXPECT_EQ(strict.evolve(walked.candidate, *seven_of_nine).stage, Stage::rejected);
}

TEST(Lifecycle, AStepDatedBeforeTheLastStepIsRefused) {
  const Walked walked = walk_to(flow, Stage::fostered);
  const bg::date last = walked.candidate.last_step;

  auto earlier = flow.decide(walked.candidate, commands::Register{"Hồ sơ"}, unit_head, last - bg::days(1));
  auto same_day = flow.decide(walked.candidate, commands::Register{"Hồ sơ"}, unit_head, last);

  EXPECT_EQ(code_of(earlier), RefusalCode::date_out_of_order);
  EXPECT_EQ(earlier.error().reference, last);
  EXPECT_TRUE(same_day);
}

TEST(Lifecycle, NotADateIsRefused) {
  auto outcome = flow.decide(Candidate{}, discover_nguyen(), unit_head, bg::date{bg::not_a_date_time});
  auto infinity = flow.decide(Candidate{}, discover_nguyen(), unit_head, bg::date{bg::pos_infin});

  EXPECT_EQ(code_of(outcome), RefusalCode::invalid_date);
  EXPECT_EQ(code_of(infinity), RefusalCode::invalid_date);
}

// 000 IV.1, "phân công lãnh đạo phụ trách": fostering names the leader in charge.
TEST(Lifecycle, FosteringNeedsANamedMentor) {
  const Walked walked = walk_to(flow, Stage::discovered);

  auto outcome = flow.decide(walked.candidate, commands::Foster{ActorId{}}, unit_head, walked.next_day);

  EXPECT_EQ(code_of(outcome), RefusalCode::invalid_argument);
  EXPECT_EQ(outcome.error().subject, "mentor");
}

TEST(Lifecycle, FosteringRecordsTheMentor) {
  const Walked walked = walk_to(flow, Stage::fostered);

  EXPECT_EQ(walked.candidate.mentor, ActorId{9});
}

TEST(Lifecycle, DiscoveryNeedsAnIdAUnitAndADescription) {
  commands::Discover no_id = discover_nguyen();
  no_id.id = CandidateId{};
  commands::Discover no_unit = discover_nguyen();
  no_unit.as.unit = UnitId{};
  commands::Discover no_description = discover_nguyen();
  no_description.as.description.clear();

  EXPECT_EQ(code_of(flow.decide(Candidate{}, no_id, unit_head, bg::date{2022, 1, 1})), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(flow.decide(Candidate{}, no_unit, unit_head, bg::date{2022, 1, 1})), RefusalCode::outside_actor_unit);
  EXPECT_EQ(code_of(flow.decide(Candidate{}, no_description, unit_head, bg::date{2022, 1, 1})), RefusalCode::invalid_argument);
}

TEST(Lifecycle, ACollectiveHasNoPositionAndAnIndividualHasOne) {
  commands::Discover collective_with_position = discover_nguyen();
  collective_with_position.as.subject = Subject::collective;
  commands::Discover individual_without_position = discover_nguyen();
  individual_without_position.as.position = Position::none;

  auto a = flow.decide(Candidate{}, collective_with_position, unit_head, bg::date{2022, 1, 1});
  auto b = flow.decide(Candidate{}, individual_without_position, unit_head, bg::date{2022, 1, 1});

  EXPECT_EQ(code_of(a), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(b), RefusalCode::invalid_argument);
  EXPECT_EQ(a.error().subject, "position");
}

TEST(Lifecycle, UnknownEnumValuesInACommandAreRefused) {
  commands::Discover odd_field = discover_nguyen();
  odd_field.as.field = static_cast<Field>(200);

  auto outcome = flow.decide(Candidate{}, odd_field, unit_head, bg::date{2022, 1, 1});

  EXPECT_EQ(code_of(outcome), RefusalCode::invalid_argument);
  EXPECT_EQ(outcome.error().subject, "field");
}

TEST(Lifecycle, FreeTextMustBeValidUtf8AndNotOversized) {
  const Walked walked = walk_to(flow, Stage::fostered);

  auto broken = flow.decide(walked.candidate, commands::Register{"M\xC3\x28 h\xEF"}, unit_head, walked.next_day);
  auto oversized = flow.decide(walked.candidate, commands::Register{std::string(5000, 'x')}, unit_head, walked.next_day);
  auto empty = flow.decide(walked.candidate, commands::Register{""}, unit_head, walked.next_day);

  EXPECT_EQ(code_of(broken), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(oversized), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(empty), RefusalCode::invalid_argument);
  EXPECT_EQ(empty.error().subject, "dossier");
}

// 001 II.2: the head "quyết định công nhận" — a decision has a number and a date.
TEST(Lifecycle, RecognitionRecordsTheDecisionNumberAndDate) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  auto event = flow.decide(walked.candidate, commands::Recognize{"112/QĐ-TTr", walked.next_day}, chief, walked.next_day);

  ASSERT_TRUE(event);
  const Candidate after = flow.evolve(walked.candidate, *event);
  EXPECT_EQ(after.decision.view(), "112/QĐ-TTr");
  EXPECT_EQ(after.decision_date, walked.next_day);
}

TEST(Lifecycle, ADecisionDatedAfterItsRecordingOrWithoutANumberIsRefused) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  auto future = flow.decide(walked.candidate, commands::Recognize{"1/QĐ", walked.next_day + bg::days(3)}, chief, walked.next_day);
  auto no_number = flow.decide(walked.candidate, commands::Recognize{"", walked.next_day}, chief, walked.next_day);
  auto too_long = flow.decide(walked.candidate, commands::Recognize{std::string(20, '9'), walked.next_day}, chief, walked.next_day);
  auto no_date = flow.decide(walked.candidate, commands::Recognize{"1/QĐ", bg::date{}}, chief, walked.next_day);

  EXPECT_EQ(code_of(future), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(no_number), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(too_long), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(no_date), RefusalCode::invalid_date);
}

TEST(Lifecycle, OffRampReasonsMustNotBeEmpty) {
  const Walked walked = walk_to(flow, Stage::registered);

  EXPECT_EQ(code_of(flow.decide(walked.candidate, commands::Withdraw{""}, unit_head, walked.next_day)), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(flow.decide(walked.candidate, commands::Reject{""}, council, walked.next_day)), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(flow.decide(walked.candidate, commands::Disqualify{""}, chief, walked.next_day)), RefusalCode::invalid_argument);
}

// 000 II.2a, 003 III.1, 004 III.1: a disciplinary sanction disqualifies at any live stage.
TEST(Lifecycle, ADisqualificationIsPossibleFromEveryLiveStage) {
  for (Stage stage : {Stage::discovered, Stage::fostered, Stage::registered, Stage::reviewed, Stage::recognized,
                      Stage::commended, Stage::replicated}) {
    const Walked walked = walk_to(flow, stage);

    auto event = flow.decide(walked.candidate, commands::Disqualify{"Bị kỷ luật"}, chief, walked.next_day);

    ASSERT_TRUE(event) << identifier(stage);
    EXPECT_EQ(flow.evolve(walked.candidate, *event).stage, Stage::disqualified);
  }
}

TEST(Lifecycle, TerminalStagesAcceptNothing) {
  Candidate done = walk_to(flow, Stage::commended).candidate;
  for (Stage terminal : {Stage::withdrawn, Stage::rejected, Stage::disqualified, Stage::revoked}) {
    done.stage = terminal;
    for (const Option& option : flow.options(done, chief, bg::date{2023, 1, 1})) {
      ASSERT_FALSE(option.allowed()) << identifier(terminal) << " " << identifier(option.command);
      EXPECT_EQ(option.refusal->code, RefusalCode::stage_is_terminal);
    }
    EXPECT_TRUE(lifecycle_table.is_final(terminal));
  }
}

// The 2022 Law allows revoking an award; only commended or replicated exemplars hold one.
TEST(Lifecycle, OnlyAnAwardCanBeRevoked) {
  const Walked recognized = walk_to(flow, Stage::recognized);
  const Walked commended = walk_to(flow, Stage::commended);

  auto too_early = flow.decide(recognized.candidate, commands::Revoke{"Gian lận"}, chief, recognized.next_day);
  auto revoked = flow.decide(commended.candidate, commands::Revoke{"Gian lận"}, chief, commended.next_day);

  EXPECT_EQ(code_of(too_early), RefusalCode::not_allowed_from_stage);
  ASSERT_TRUE(revoked);
  EXPECT_EQ(flow.evolve(commended.candidate, *revoked).stage, Stage::revoked);
}

// 001 II.3; 000 IV.2: every replication activity is recorded and counted.
TEST(Lifecycle, EveryReplicationActivityIsCounted) {
  Walked walked = walk_to(flow, Stage::replicated);
  for (Replication activity : {Replication::web_publication, Replication::study_visit, Replication::meeting}) {
    auto event = flow.decide(walked.candidate, commands::Replicate{activity, ""}, secretariat, walked.next_day);
    ASSERT_TRUE(event);
    walked.candidate = flow.evolve(walked.candidate, *event);
  }

  EXPECT_EQ(walked.candidate.stage, Stage::replicated);
  EXPECT_EQ(walked.candidate.replication_total(), 4U);
  EXPECT_EQ(walked.candidate.replications[static_cast<std::size_t>(Replication::meeting)], 2U);
}

// 001 II.1: a recognised exemplar keeps being fostered "to become a provincial-level exemplar";
// 003 IV.1: the agency sends 4-5 exemplars to the provincial board.
TEST(Lifecycle, NominationStartsAgainAsRegisteredOneLevelUpKeepingItsHistory) {
  const Walked walked = walk_to(flow, Stage::replicated);

  auto event = flow.decide(walked.candidate, commands::Nominate{}, chief, walked.next_day);

  ASSERT_TRUE(event);
  const Candidate up = flow.evolve(walked.candidate, *event);
  EXPECT_EQ(up.stage, Stage::registered);
  EXPECT_EQ(up.level, Level::province);
  EXPECT_EQ(up.mentor, walked.candidate.mentor);
  EXPECT_EQ(up.replication_total(), walked.candidate.replication_total());
  EXPECT_FALSE(up.council_proposed);
  EXPECT_TRUE(up.decision.empty());
}

TEST(Lifecycle, AtProvinceLevelTheProvincialBoardReviews) {
  const Walked walked = walk_to(flow, Stage::commended);
  const Candidate up = flow.evolve(walked.candidate, *flow.decide(walked.candidate, commands::Nominate{}, chief, walked.next_day));

  auto by_council = flow.decide(up, proposing_review(), council, walked.next_day);
  auto by_board = flow.decide(up, proposing_review(), board, walked.next_day);

  EXPECT_EQ(code_of(by_council), RefusalCode::not_authorised);
  ASSERT_TRUE(by_board);
  EXPECT_EQ(flow.evolve(up, *by_board).stage, Stage::reviewed);
}

TEST(Lifecycle, ANationalExemplarCannotBeNominatedFurther) {
  Candidate national = walk_to(flow, Stage::commended).candidate;
  national.level = Level::nation;
  Procedure procedure = default_procedure();
  procedure.grants.push_back(
      Grant{CommandKind::nominate, Role::agency_head, Scope::any_unit, StageSet{Stage::commended}, LevelSet::all(level_count)});
  const Workflow anyone = workflow_of(procedure);

  auto outcome = anyone.decide(national, commands::Nominate{}, chief, bg::date{2023, 1, 1});

  EXPECT_EQ(code_of(outcome), RefusalCode::no_higher_level);
}

TEST(Lifecycle, ARefusedCommandLeavesTheCandidateExactlyAsItWas) {
  const Walked walked = walk_to(flow, Stage::registered);
  const Candidate before = walked.candidate;
  unsigned char bytes_before[sizeof(Candidate)];
  std::memcpy(bytes_before, &walked.candidate, sizeof(Candidate));

  auto refused = flow.decide(walked.candidate, commands::Review{9, 3, 3, 0}, council, walked.next_day);

  EXPECT_FALSE(refused);
  EXPECT_EQ(walked.candidate, before);
  EXPECT_EQ(std::memcmp(bytes_before, &walked.candidate, sizeof(Candidate)), 0);
}

TEST(Lifecycle, TheSameInputsAlwaysGiveTheSameEvents) {
  const Walked first = walk_to(flow, Stage::replicated);
  const Walked second = walk_to(Workflow{}, Stage::replicated);

  ASSERT_EQ(first.events.size(), second.events.size());
  for (std::size_t i = 0; i < first.events.size(); ++i) {
    EXPECT_EQ(fmt::format("{}", first.events[i]), fmt::format("{}", second.events[i]));
    EXPECT_EQ(first.events[i].data.index(), second.events[i].data.index());
  }
  EXPECT_EQ(first.candidate, second.candidate);
}

TEST(Lifecycle, ReplayingTheEventsFromNothingRebuildsTheCandidate) {
  const Walked walked = walk_to(flow, Stage::replicated);

  Candidate replayed;
  for (const Event& event : walked.events) replayed = flow.evolve(replayed, event);

  EXPECT_EQ(replayed, walked.candidate);
}

TEST(Lifecycle, AnEventTheStageDoesNotAllowIsRefusedOnApplyAndStopsEvolve) {
  const Walked walked = walk_to(flow, Stage::recognized);
  const Event recognition = walked.events.back();

  auto applied = flow.apply(walked.candidate, recognition);

  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().code, RefusalCode::not_allowed_from_stage);
  EXPECT_DEATH((void)flow.evolve(walked.candidate, recognition), "broken precondition");
}

TEST(Lifecycle, AnEventOfAnotherCandidateIsRefusedOnApply) {
  const Walked walked = walk_to(flow, Stage::discovered);
  Event foreign = *flow.decide(walked.candidate, commands::Foster{ActorId{9}}, unit_head, walked.next_day);
  foreign.candidate = CandidateId{7};

  auto applied = flow.apply(walked.candidate, foreign);

  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().subject, "candidate");
}

TEST(Lifecycle, ACandidateFitsInSixtyFourBytes) {
  EXPECT_LE(sizeof(Candidate), 64U);
}

}  // namespace
}  // namespace exemplar
