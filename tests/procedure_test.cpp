// A plan shapes its own procedure as data: the steps it uses, extra arrows, the milestone or dated
// event each step belongs to, quotas, and which awards each role grants or only proposes upward.
// The five seed plans each express theirs with the same mechanism; a procedure that cannot be
// walked is refused when it is loaded.
#include <algorithm>
#include <map>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

tl::expected<void, Refusal> validated(void (*edit)(Procedure&)) {
  Procedure procedure = default_procedure();
  edit(procedure);
  return validate(procedure);
}

std::string subject_of(const tl::expected<void, Refusal>& outcome) {
  EXPECT_FALSE(outcome);
  return outcome ? std::string() : outcome.error().subject;
}

// ---------------------------------------------------------------------------------------------
// What a procedure that cannot be walked gets.

TEST(Procedure, TheDefaultProcedureIsValid) {
  EXPECT_TRUE(validate(default_procedure()));
}

TEST(Procedure, AStepNoRoleMayTakeIsRefused) {
  auto outcome = validated([](Procedure& p) {
    p.grants.erase(std::remove_if(p.grants.begin(), p.grants.end(), [](const Grant& g) { return g.command == CommandKind::revoke; }),
                   p.grants.end());
  });

  EXPECT_EQ(subject_of(outcome), "steps");
  EXPECT_NE(outcome.error().detail.en.find("revoke"), std::string::npos);
  EXPECT_NE(outcome.error().detail.vi.find("thu hồi"), std::string::npos);
}

TEST(Procedure, AQuotaOfZeroIsRefused) {
  auto at_most = validated([](Procedure& p) {
    p.quotas.push_back(StepQuota{CommandKind::register_, {}, QuotaScope::per_unit, std::nullopt, std::uint16_t{0}});
  });
  auto at_least = validated([](Procedure& p) {
    p.quotas.push_back(StepQuota{CommandKind::register_, {}, QuotaScope::per_unit, std::uint16_t{0}, std::nullopt});
  });
  auto neither = validated([](Procedure& p) { p.quotas.push_back(StepQuota{}); });
  auto upside_down = validated([](Procedure& p) {
    p.quotas.push_back(StepQuota{CommandKind::nominate, {}, QuotaScope::agency, std::uint16_t{5}, std::uint16_t{4}});
  });

  EXPECT_EQ(subject_of(at_most), "quotas/0/at_most");
  EXPECT_EQ(subject_of(at_least), "quotas/0/at_least");
  EXPECT_EQ(subject_of(neither), "quotas/0");
  EXPECT_EQ(subject_of(upside_down), "quotas/0/at_least");
}

TEST(Procedure, AnArrowOutOfATerminalStageIsRefused) {
  auto outcome = validated(
      [](Procedure& p) { p.arrows.push_back(Arrow{Stage::rejected, CommandKind::register_, Stage::registered, ""}); });

  EXPECT_EQ(subject_of(outcome), "arrows/0/from");
  EXPECT_NE(outcome.error().detail.vi.find("kết thúc"), std::string::npos);
}

TEST(Procedure, AnArrowNamingAnUnknownGuardIsRefused) {
  auto outcome = validated(
      [](Procedure& p) { p.arrows.push_back(Arrow{Stage::reviewed, CommandKind::nominate, Stage::registered, "has_luck"}); });

  EXPECT_EQ(subject_of(outcome), "arrows/0/guard");
  EXPECT_NE(outcome.error().detail.en.find("has_higher_level"), std::string::npos);
}

TEST(Procedure, AStageThatNoStepReachesIsRefused) {
  // Without fostering nobody is ever registered, so every step after it is dead.
  auto dead_steps = validated([](Procedure& p) { p.steps = p.steps.without(CommandKind::foster); });
  // An arrow out of a stage that only a step the plan does not use leads to.
  auto dead_arrow = validated([](Procedure& p) {
    p.steps = p.steps.without(CommandKind::revoke);
    p.arrows.push_back(Arrow{Stage::revoked, CommandKind::nominate, Stage::registered, ""});
  });

  EXPECT_EQ(subject_of(dead_steps), "steps");
  EXPECT_NE(dead_steps.error().detail.en.find("fostered"), std::string::npos);
  EXPECT_EQ(subject_of(dead_arrow), "arrows/0/from");
}

TEST(Procedure, AnAwardPowerNamingAnUnknownRoleIsRefused) {
  auto outcome = validated([](Procedure& p) {
    p.awards.push_back(AwardPower{static_cast<Role>(42), AwardSet{Award::agency_certificate}, {}});
  });

  EXPECT_EQ(subject_of(outcome), "awards/2/role");
}

TEST(Procedure, AnAwardIsEitherGrantedOrProposedByARoleNotBoth) {
  auto both = validated([](Procedure& p) { p.awards[0].proposes = p.awards[0].proposes.with(Award::agency_certificate); });
  auto twice = validated([](Procedure& p) { p.awards.push_back(p.awards[0]); });

  EXPECT_EQ(subject_of(both), "awards/0/proposes");
  EXPECT_EQ(subject_of(twice), "awards/2/role");
}

TEST(Procedure, ARefusalSaysWhyInBothLanguages) {
  auto outcome = validated([](Procedure& p) { p.quotas.push_back(StepQuota{}); });

  ASSERT_FALSE(outcome);
  EXPECT_FALSE(outcome.error().detail.en.empty());
  EXPECT_FALSE(outcome.error().detail.vi.empty());
}

TEST(Procedure, AWorkflowIsNeverMadeFromAProcedureThatCannotBeWalked) {
  Procedure procedure = default_procedure();
  procedure.steps = procedure.steps.without(CommandKind::discover);

  auto made = Workflow::make(procedure);

  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().subject, "steps");
}

// ---------------------------------------------------------------------------------------------
// How a procedure changes the table and the steps.

TEST(Procedure, AnExtraArrowJoinsTheTableBesideTheRowsOfItsStageAndStep) {
  Procedure procedure = default_procedure();
  procedure.arrows.push_back(Arrow{Stage::reviewed, CommandKind::nominate, Stage::registered, "has_higher_level"});
  procedure.arrows.push_back(Arrow{Stage::commended, CommandKind::nominate, Stage::rejected, ""});

  const Workflow flow = workflow_of(procedure);

  EXPECT_EQ(flow.table().targets(Stage::reviewed, CommandKind::nominate), std::vector<Stage>{Stage::registered});
  EXPECT_EQ(flow.table().targets(Stage::commended, CommandKind::nominate),
            (std::vector<Stage>{Stage::registered, Stage::rejected}));
  EXPECT_EQ(flow.table().rows().size(), lifecycle_table.rows().size() + 2);
}

TEST(Procedure, AStepThePlanDoesNotUseIsRefusedAsNotInThePlan) {
  Procedure procedure = default_procedure();
  procedure.steps = procedure.steps.without(CommandKind::propose);
  const Workflow flow = workflow_of(procedure);
  const Walked walked = walk_to(flow, Stage::recognized);

  auto outcome = flow.decide(walked.candidate, commands::Propose{Award::provincial_certificate}, chief, walked.next_day);

  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, RefusalCode::step_not_in_plan);
  EXPECT_FALSE(flow.table().has_transition(Stage::recognized, CommandKind::propose));
}

// ---------------------------------------------------------------------------------------------
// Awards: each role grants what is in its own power and proposes the rest upward.

// domain.md, award powers; 001 II.3 «Chánh Thanh tra tỉnh quyết định tặng Giấy khen»: the Giấy khen
// is the agency head's own award.
TEST(Procedure, TheAgencyHeadGrantsTheGiayKhen) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::recognized);

  auto outcome = flow.decide(walked.candidate, commands::Commend{Award::agency_certificate}, chief, walked.next_day);

  EXPECT_TRUE(outcome);
}

// Bằng khen belong to the provincial chairman, a minister or the Prime Minister: the agency head
// cannot grant one.
TEST(Procedure, TheAgencyHeadCannotGrantABangKhen) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::recognized);

  for (Award award : {Award::provincial_certificate, Award::ministry_certificate, Award::prime_minister_certificate}) {
    auto outcome = flow.decide(walked.candidate, commands::Commend{award}, chief, walked.next_day);

    ASSERT_FALSE(outcome) << identifier(award);
    EXPECT_EQ(outcome.error().code, RefusalCode::award_not_in_power);
    EXPECT_NE(outcome.error().message(Lang::vi).find("đề nghị cấp trên"), std::string::npos);
    EXPECT_NE(outcome.error().message(Lang::en).find("propose it"), std::string::npos);
  }
}

// 004 V.2 «xét đề nghị biểu dương, khen thưởng các điển hình tiên tiến thuộc thẩm quyền và đề nghị
// cấp trên xét khen thưởng»: a higher award is proposed upward, and the level above's decision comes
// back as a commendation on the same candidate.
TEST(Procedure, AHigherAwardIsProposedUpwardAndComesBackAsACommendation) {
  const Workflow flow;
  Walked walked = walk_to(flow, Stage::recognized);

  auto proposed = flow.decide(walked.candidate, commands::Propose{Award::prime_minister_certificate}, chief, walked.next_day);
  ASSERT_TRUE(proposed);
  const Candidate after_proposal = flow.evolve(walked.candidate, *proposed);
  auto conferred = flow.decide(after_proposal, commands::Commend{Award::prime_minister_certificate}, chief, walked.next_day);
  ASSERT_TRUE(conferred);
  const Candidate after = flow.evolve(after_proposal, *conferred);

  EXPECT_EQ(after_proposal.stage, Stage::recognized);
  EXPECT_TRUE(after_proposal.proposed_awards.contains(Award::prime_minister_certificate));
  EXPECT_EQ(after.stage, Stage::commended);
  EXPECT_EQ(after.award, Award::prime_minister_certificate);
  EXPECT_FALSE(after.proposed_awards.contains(Award::prime_minister_certificate));
}

TEST(Procedure, ARoleProposesOnlyTheAwardsItsPowerLists) {
  const Workflow flow;
  const Walked walked = walk_to(flow, Stage::recognized);

  auto own_award = flow.decide(walked.candidate, commands::Propose{Award::agency_certificate}, chief, walked.next_day);

  ASSERT_FALSE(own_award);
  EXPECT_EQ(own_award.error().code, RefusalCode::award_not_in_power);
}

TEST(Procedure, APlanDecidesItsOwnAwardPowers) {
  Procedure procedure = default_procedure();
  procedure.awards[0].grants = procedure.awards[0].grants.with(Award::provincial_certificate);
  procedure.awards[0].proposes = procedure.awards[0].proposes.without(Award::provincial_certificate);
  const Workflow flow = workflow_of(procedure);
  const Walked walked = walk_to(flow, Stage::recognized);

  auto outcome = flow.decide(walked.candidate, commands::Commend{Award::provincial_certificate}, chief, walked.next_day);

  EXPECT_TRUE(outcome);
}

// ---------------------------------------------------------------------------------------------
// The seed plans' own procedures, through their running plans.

/// Evidence of an ordinary staff member for every candidate: the plans' soft guards then flag.
class StaffEvidence final : public EvidenceSource {
 public:
  StaffEvidence() {
    evidence_.subject = Subject::individual;
    evidence_.position = Position::staff;
    evidence_.field = Field::general;
  }
  [[nodiscard]] const Evidence* find(CandidateId) const override { return &evidence_; }

 private:
  Evidence evidence_;
};

/// A seed plan at work, with a host's minimal bookkeeping: each candidate's state, and each
/// accepted event told to the quota tally.
struct Agency {
  explicit Agency(Plan plan) : running(*RunningPlan::make(std::move(plan), evidence)) {}

  tl::expected<Event, Refusal> step(CandidateId id, const Command& command, const Actor& actor, bg::date day) {
    Candidate& candidate = candidates[id];
    auto event = running->workflow().decide(candidate, command, actor, day);
    if (!event) return event;
    running->tally().record(*event, candidate);
    candidate = running->workflow().evolve(candidate, *event);
    return event;
  }

  /// Discovers and fosters candidate `id` of `unit` on `day`.
  void found(CandidateId id, UnitId unit, bg::date day) {
    const Actor head{ActorId{unit.value() * 10}, Role::unit_head, unit};
    ASSERT_TRUE(step(id, commands::Discover{id, {Subject::individual, unit, Position::staff, Field::general, Level::agency, "Mô hình mới"}},
                     head, day));
    ASSERT_TRUE(step(id, commands::Foster{ActorId{9}}, head, day));
  }

  tl::expected<Event, Refusal> register_(CandidateId id, bg::date day) {
    const UnitId unit = candidates[id].unit;
    return step(id, commands::Register{"Hồ sơ đăng ký"}, Actor{ActorId{unit.value() * 10}, Role::unit_head, unit}, day);
  }

  StaffEvidence evidence;
  std::unique_ptr<RunningPlan> running;
  std::map<CandidateId, Candidate> candidates;
};

const Actor office{ActorId{30}, Role::secretariat, UnitId{1}};

// 003 IV.1: «Văn phòng Sở tổng hợp trình Hội đồng … lựa chọn 04 đến 05 gương điển hình gửi Ban Thi
// đua, khen thưởng tỉnh trước ngày 30/3/2021»: straight from the council's selection, with no agency
// recognition or commendation in between.
TEST(Procedure, Seed003SendsUpStraightFromTheCouncilsSelection) {
  Agency agency(plans::hatinh_industry_trade_2021_2025());
  const CandidateId nam{1};
  agency.found(nam, UnitId{7}, bg::date{2021, 2, 1});
  ASSERT_TRUE(agency.register_(nam, bg::date{2021, 3, 1}));
  ASSERT_TRUE(agency.step(nam, proposing_review(), council, bg::date{2021, 3, 25}));

  auto sent = agency.step(nam, commands::Nominate{}, office, bg::date{2021, 3, 26});

  ASSERT_TRUE(sent) << sent.error().message();
  EXPECT_EQ(agency.candidates[nam].stage, Stage::registered);
  EXPECT_EQ(agency.candidates[nam].level, Level::province);
  EXPECT_TRUE(agency.candidates[nam].decision.empty());
}

// 003 IV.1: each division registers «01 hoặc 02» exemplars before 25/3/2021.
TEST(Procedure, Seed003RegistersAtMostTwoPerDivision) {
  Agency agency(plans::hatinh_industry_trade_2021_2025());
  for (std::uint32_t i = 1; i <= 3; ++i) agency.found(CandidateId{i}, UnitId{7}, bg::date{2021, 2, 1});
  agency.found(CandidateId{4}, UnitId{8}, bg::date{2021, 2, 1});

  auto first = agency.register_(CandidateId{1}, bg::date{2021, 3, 1});
  auto second = agency.register_(CandidateId{2}, bg::date{2021, 3, 2});
  auto third = agency.register_(CandidateId{3}, bg::date{2021, 3, 3});
  auto other_division = agency.register_(CandidateId{4}, bg::date{2021, 3, 3});

  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, RefusalCode::quota_exceeded);
  EXPECT_EQ(third.error().subject, "registration-2021");
  EXPECT_NE(third.error().message(Lang::vi).find("tối đa 2"), std::string::npos);
  EXPECT_TRUE(other_division);
}

// A candidate the division withdraws frees its place on the list.
TEST(Procedure, AWithdrawnRegistrationFreesItsPlaceInTheQuota) {
  Agency agency(plans::hatinh_industry_trade_2021_2025());
  for (std::uint32_t i = 1; i <= 3; ++i) agency.found(CandidateId{i}, UnitId{7}, bg::date{2021, 2, 1});
  ASSERT_TRUE(agency.register_(CandidateId{1}, bg::date{2021, 3, 1}));
  ASSERT_TRUE(agency.register_(CandidateId{2}, bg::date{2021, 3, 2}));
  const Actor head{ActorId{70}, Role::unit_head, UnitId{7}};
  ASSERT_TRUE(agency.step(CandidateId{2}, commands::Withdraw{"Đơn vị rút"}, head, bg::date{2021, 3, 3}));

  auto third = agency.register_(CandidateId{3}, bg::date{2021, 3, 4});

  EXPECT_TRUE(third);
}

// 003 IV.1: «lựa chọn 04 đến 05 gương điển hình»: a sixth is refused; fewer than four by the
// deadline is reported, never refused.
TEST(Procedure, Seed003SendsUpAtMostFiveAndReportsFewerThanFour) {
  Agency agency(plans::hatinh_industry_trade_2021_2025());
  for (std::uint32_t i = 1; i <= 6; ++i) {
    const CandidateId id{i};
    agency.found(id, UnitId{i}, bg::date{2021, 2, 1});
    ASSERT_TRUE(agency.register_(id, bg::date{2021, 3, 1}));
    ASSERT_TRUE(agency.step(id, proposing_review(), council, bg::date{2021, 3, 25}));
  }
  Agency few(plans::hatinh_industry_trade_2021_2025());
  for (std::uint32_t i = 1; i <= 3; ++i) {
    const CandidateId id{i};
    few.found(id, UnitId{i}, bg::date{2021, 2, 1});
    ASSERT_TRUE(few.register_(id, bg::date{2021, 3, 1}));
    ASSERT_TRUE(few.step(id, proposing_review(), council, bg::date{2021, 3, 25}));
    ASSERT_TRUE(few.step(id, commands::Nominate{}, office, bg::date{2021, 3, 26}));
  }

  for (std::uint32_t i = 1; i <= 5; ++i) ASSERT_TRUE(agency.step(CandidateId{i}, commands::Nominate{}, office, bg::date{2021, 3, 26}));
  auto sixth = agency.step(CandidateId{6}, commands::Nominate{}, office, bg::date{2021, 3, 27});
  const std::vector<QuotaStanding> standings = few.running->quotas({}, bg::date{2021, 3, 30});

  ASSERT_FALSE(sixth);
  EXPECT_EQ(sixth.error().code, RefusalCode::quota_exceeded);
  const auto send_up = std::find_if(standings.begin(), standings.end(),
                                    [](const QuotaStanding& s) { return s.milestone == "send-up-2021"; });
  ASSERT_NE(send_up, standings.end());
  EXPECT_EQ(send_up->count, 3U);
  EXPECT_EQ(send_up->state, QuotaState::short_);
  EXPECT_NE(send_up->message(few.running->plan(), Lang::vi).find("từ 4 đến 5"), std::string::npos);
}

// 004 IV.1: «mỗi phòng ít nhất từ 01 gương điển hình tiên tiến», listed before 31/3/2025: a division
// without one is reported short once the deadline has passed.
TEST(Procedure, Seed004ReportsEachDivisionWithoutARegistrationInTheFirstQuarter) {
  Agency agency(plans::langson_inspectorate_2025());
  agency.found(CandidateId{1}, UnitId{7}, bg::date{2025, 2, 1});
  ASSERT_TRUE(agency.register_(CandidateId{1}, bg::date{2025, 3, 10}));

  const auto during = agency.running->quotas({UnitId{7}, UnitId{8}}, bg::date{2025, 3, 20});
  const auto after = agency.running->quotas({UnitId{7}, UnitId{8}}, bg::date{2025, 3, 31});

  ASSERT_EQ(during.size(), 2U);
  EXPECT_EQ(during[0].state, QuotaState::met);
  EXPECT_EQ(during[1].state, QuotaState::open);
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0].state, QuotaState::met);
  EXPECT_EQ(after[1].state, QuotaState::short_);
  EXPECT_EQ(after[1].unit, UnitId{8});
}

/// Walks candidate `id` of unit 7 to `recognized` in the round of `year`, registering on `registered`.
void recognized_in(Agency& agency, CandidateId id, bg::date registered, bg::date reviewed) {
  agency.found(id, UnitId{7}, registered - bg::days(10));
  ASSERT_TRUE(agency.register_(id, registered));
  ASSERT_TRUE(agency.step(id, proposing_review(), council, reviewed));
  ASSERT_TRUE(agency.step(id, commands::Recognize{"12/QĐ-VP", reviewed}, chief, reviewed));
}

// 002 III.1.3: «tổ chức sơ kết … và biểu dương khen thưởng trong Quý II năm 2023».
TEST(Procedure, Seed002HonoursExemplarsAtItsPreliminaryReviewInTheSecondQuarterOf2023) {
  Agency agency(plans::quangbinh_office_2021_2025());
  recognized_in(agency, CandidateId{1}, bg::date{2023, 2, 1}, bg::date{2023, 4, 10});
  Plan without_event = plans::quangbinh_office_2021_2025();
  without_event.procedure.timings = default_timings();
  Agency before_the_fix(without_event);
  recognized_in(before_the_fix, CandidateId{1}, bg::date{2023, 2, 1}, bg::date{2023, 4, 10});

  auto honoured = agency.step(CandidateId{1}, commands::Commend{Award::agency_certificate}, chief, bg::date{2023, 5, 15});
  auto refused = before_the_fix.step(CandidateId{1}, commands::Commend{Award::agency_certificate}, chief, bg::date{2023, 5, 15});

  ASSERT_TRUE(honoured) << honoured.error().message();
  EXPECT_TRUE(honoured->flags.empty());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, RefusalCode::outside_window);
}

// 002 III.1.4: «Quý I năm 2025 … tôn vinh, biểu dương gương điển hình tiêu biểu … tại Hội nghị điển
// hình tiên tiến 05 năm»: on time at the conference, not late to the year-end review of 2024.
TEST(Procedure, Seed002HonoursExemplarsAtTheFiveYearConferenceInTheFirstQuarterOf2025) {
  Agency agency(plans::quangbinh_office_2021_2025());
  recognized_in(agency, CandidateId{1}, bg::date{2024, 2, 1}, bg::date{2024, 4, 10});

  auto honoured = agency.step(CandidateId{1}, commands::Commend{Award::agency_certificate}, chief, bg::date{2025, 2, 20});

  ASSERT_TRUE(honoured) << honoured.error().message();
  EXPECT_FALSE(honoured->has(StepFlag::late));
}

// 001 II.2: units register «trong quá trình triển khai thực hiện các phong trào thi đua» — all year,
// with no deadline.
TEST(Procedure, Seed001RegistersAllYearRound) {
  Agency agency(plans::inspectorate_2021());
  agency.found(CandidateId{1}, UnitId{7}, bg::date{2021, 1, 5});
  agency.found(CandidateId{2}, UnitId{7}, bg::date{2021, 1, 5});

  auto january = agency.register_(CandidateId{1}, bg::date{2021, 1, 20});
  auto november = agency.register_(CandidateId{2}, bg::date{2021, 11, 20});

  ASSERT_TRUE(january) << january.error().message();
  ASSERT_TRUE(november) << november.error().message();
  EXPECT_TRUE(november->flags.empty());
  EXPECT_EQ(agency.running->roadmap().spec().milestones.end(),
            std::find_if(agency.running->roadmap().spec().milestones.begin(), agency.running->roadmap().spec().milestones.end(),
                         [](const Milestone& m) { return m.kind == MilestoneKind::registration; }));
}

// 001 II.2: «lãnh đạo các phòng và Ban lãnh đạo cơ quan chủ động, phát hiện, lựa chọn các mô hình tiêu
// biểu»: the agency's leadership discovers too, in any unit; other plans leave discovery to the units.
TEST(Procedure, Seed001LetsTheAgencyHeadDiscover) {
  Agency inspectorate(plans::inspectorate_2021());
  Agency office_of_002(plans::quangbinh_office_2021_2025());
  const commands::Discover found{CandidateId{1},
                                 {Subject::individual, UnitId{7}, Position::staff, Field::general, Level::agency, "Mô hình mới"}};

  auto discovered = inspectorate.step(CandidateId{1}, found, chief, bg::date{2021, 4, 1});
  auto refused = office_of_002.step(CandidateId{1}, found, chief, bg::date{2023, 4, 1});

  ASSERT_TRUE(discovered) << discovered.error().message();
  EXPECT_EQ(inspectorate.candidates[CandidateId{1}].stage, Stage::discovered);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, RefusalCode::not_authorised);
}

// Every built-in plan: the agency head grants the Giấy khen and nothing above it.
TEST(Procedure, EverySeedPlanLetsTheAgencyHeadGrantOnlyTheGiayKhen) {
  for (const Plan& plan : plans::all()) {
    const auto head = std::find_if(plan.procedure.awards.begin(), plan.procedure.awards.end(),
                                   [](const AwardPower& power) { return power.role == Role::agency_head; });

    ASSERT_NE(head, plan.procedure.awards.end()) << plan.id;
    EXPECT_EQ(head->grants, (AwardSet{Award::public_commendation, Award::agency_certificate})) << plan.id;
    EXPECT_TRUE(head->proposes.contains(Award::provincial_certificate)) << plan.id;
  }
}

}  // namespace
}  // namespace exemplar
