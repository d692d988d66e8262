// Plans as data (DESIGN.md, "Plans are data"): the five seeds built in, validated, and at work on
// the lifecycle through their procedures: timings, quotas and registration guard.
#include <map>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

/// The host's evidence, kept in a map.
class MapEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId candidate) const override {
    const auto found = records.find(candidate);
    return found == records.end() ? nullptr : &found->second;
  }
  std::map<CandidateId, Evidence> records;
};

/// A staff inspector with little on record: not eligible under seed 000's counted criteria.
Evidence thin_record() {
  Evidence evidence;
  evidence.subject = Subject::individual;
  evidence.position = Position::staff;
  evidence.field = Field::inspection;
  evidence.ratings = {{2023, Rating::good}, {2024, Rating::good}};
  return evidence;
}

/// Walks nguyen to `fostered` under a running plan, on the given days.
Candidate fostered(const Workflow& flow, bg::date discovered, bg::date fostered_on) {
  Candidate candidate = flow.evolve(Candidate{}, *flow.decide(Candidate{}, discover_nguyen(), unit_head, discovered));
  return flow.evolve(candidate, *flow.decide(candidate, commands::Foster{ActorId{9}}, unit_head, fostered_on));
}

TEST(Plan, EveryBuiltInPlanIsValidAndFoundByItsId) {
  for (std::string_view id : plans::ids()) {
    auto plan = plans::find(id);

    ASSERT_TRUE(plan) << id;
    EXPECT_EQ(plan->id, id);
    const auto valid = validate(*plan);
    EXPECT_TRUE(valid) << id << ": " << valid.error().message();
  }
  EXPECT_EQ(plans::all().size(), 5U);
}

TEST(Plan, EachBuiltInPlanNamesTheSeedItComesFrom) {
  std::vector<std::string> seeds;
  for (const Plan& plan : plans::all()) seeds.push_back(plan.seed);

  EXPECT_EQ(seeds, (std::vector<std::string>{"000", "001", "002", "003", "004"}));
}

TEST(Plan, AnUnknownIdIsRefusedWithTheIdsThereAre) {
  auto plan = plans::find("hanoi-2030");

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, RefusalCode::invalid_argument);
  EXPECT_NE(plan.error().message().find("langson-inspectorate-2025"), std::string::npos);
}

/// The plan's quotas on `step`.
std::vector<StepQuota> quotas_on(const Plan& plan, CommandKind step) {
  std::vector<StepQuota> found;
  for (const StepQuota& quota : plan.procedure.quotas) {
    if (quota.step == step) found.push_back(quota);
  }
  return found;
}

// 003 IV.1: "Hội đồng ... lựa chọn 04 đến 05 điển hình" sent up to the provincial board.
TEST(Plan, SeedThreeSendsFourToFiveExemplarsUp) {
  const Plan plan = plans::hatinh_industry_trade_2021_2025();

  const std::vector<StepQuota> send_up = quotas_on(plan, CommandKind::nominate);

  ASSERT_EQ(send_up.size(), 1U);
  EXPECT_EQ(send_up[0].milestones.kind, MilestoneKind::send_up);
  EXPECT_EQ(send_up[0].scope, QuotaScope::agency);
  EXPECT_EQ(send_up[0].at_least, 4);
  EXPECT_EQ(send_up[0].at_most, 5);
  EXPECT_TRUE(quotas_on(plans::hatinh_inspectorate_2021_2025(), CommandKind::nominate).empty());
}

/// What validate() refused; a plan it accepts fails the test.
Refusal refusal_of(const Plan& plan) {
  auto valid = validate(plan);
  if (valid) {
    ADD_FAILURE() << plan.id << " was accepted";
    return Refusal{};
  }
  return valid.error();
}

TEST(Plan, ABrokenPlanIsRefusedNamingThePart) {
  Plan no_id = plans::inspectorate_2021();
  no_id.id.clear();
  Plan bad_quota = plans::hatinh_industry_trade_2021_2025();
  bad_quota.procedure.quotas[1].at_least = 6;  // 6 to 5 sent up
  Plan bad_roadmap = plans::inspectorate_2021();
  bad_roadmap.roadmap.milestones.push_back(bad_roadmap.roadmap.milestones.front());
  Plan bad_grant = plans::inspectorate_2021();
  bad_grant.procedure.grants.push_back(Grant{CommandKind::foster, static_cast<Role>(40), Scope::own_unit, {}, {}});
  const std::string last_grant = "procedure/grants/" + std::to_string(bad_grant.procedure.grants.size() - 1) + "/role";

  EXPECT_EQ(refusal_of(no_id).subject, "id");
  EXPECT_EQ(refusal_of(bad_quota).subject, "procedure/quotas/1/at_least");
  EXPECT_EQ(refusal_of(bad_roadmap).subject.rfind("roadmap", 0), 0U);
  EXPECT_EQ(refusal_of(bad_grant).subject, last_grant);
}

// 002 III.1.3: «biểu dương khen thưởng trong Quý II năm 2023»: a timing names its milestone by id,
// and the id must be one of the plan's roadmap.
TEST(Plan, ATimingNamingAMilestoneTheRoadmapLacksIsRefused) {
  Plan plan = plans::quangbinh_office_2021_2025();
  plan.procedure.timings.insert(plan.procedure.timings.begin(),
                                Timing{CommandKind::commend, TimingRule::inside,
                                       MilestoneSelector{MilestoneKind::midterm_review, YearBasis::step_date, "midterm-review-2024"}});

  const Refusal refusal = refusal_of(plan);

  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.subject, "procedure/timings/0/milestones/id");
  EXPECT_NE(refusal.detail.en.find("midterm-review-2024"), std::string::npos) << refusal.detail.en;
  EXPECT_NE(refusal.detail.vi.find("midterm-review-2024"), std::string::npos) << refusal.detail.vi;
}

TEST(Plan, ATimingNamingAMilestoneOfAnotherKindIsRefused) {
  Plan plan = plans::quangbinh_office_2021_2025();
  plan.procedure.timings.insert(plan.procedure.timings.begin(),
                                Timing{CommandKind::commend, TimingRule::inside,
                                       MilestoneSelector{MilestoneKind::year_end_review, YearBasis::step_date, "midterm-review-2023"}});

  const Refusal refusal = refusal_of(plan);

  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.subject, "procedure/timings/0/milestones/kind");
  EXPECT_NE(refusal.detail.en.find("'midterm-review-2023' is a midterm_review, not a year_end_review"), std::string::npos)
      << refusal.detail.en;
  EXPECT_NE(refusal.detail.vi.find("mốc «midterm-review-2023»"), std::string::npos) << refusal.detail.vi;
}

// 003 IV.1: «01 hoặc 02» registrations per division, counted in the registration milestone.
TEST(Plan, AQuotaNamingAMilestoneTheRoadmapLacksIsRefused) {
  Plan plan = plans::hatinh_industry_trade_2021_2025();
  plan.procedure.quotas[0].milestones.id = "registration-2031";

  const Refusal refusal = refusal_of(plan);

  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.subject, "procedure/quotas/0/milestones/id");
  EXPECT_NE(refusal.detail.en.find("registration-2031"), std::string::npos) << refusal.detail.en;
}

TEST(Plan, AQuotaNamingAMilestoneOfAnotherKindIsRefused) {
  Plan plan = plans::hatinh_industry_trade_2021_2025();
  plan.procedure.quotas[0].milestones.id = "send-up-2021";

  const Refusal refusal = refusal_of(plan);

  EXPECT_EQ(refusal.subject, "procedure/quotas/0/milestones/kind");
}

// The checks a host adds run in the pipeline's order: flags of those that pass add up on the
// event, and the first that refuses decides.
CheckOutcome late_registration(const Step& step) noexcept {
  return step.kind() == CommandKind::register_ ? CheckOutcome::pass(StepFlags{StepFlag::late}) : CheckOutcome::pass();
}
CheckOutcome warned_registration(const Step& step) noexcept {
  return step.kind() == CommandKind::register_ ? CheckOutcome::pass(StepFlags{StepFlag::eligibility_warning})
                                               : CheckOutcome::pass();
}
CheckOutcome refused_registration(const Step& step) noexcept {
  return step.kind() == CommandKind::register_ ? CheckOutcome::refuse(RefusalCode::not_eligible) : CheckOutcome::pass();
}
CheckOutcome ruled_out(const Step&) noexcept { return CheckOutcome::refuse(RefusalCode::plan_rule); }
Refusal why(const Step&, RefusalCode code) { return refuse(code).with_subject("host"); }

Workflow with_host_checks(std::vector<Check> host) {
  std::vector<Check> checks = standard_checks();
  checks.insert(checks.end(), host.begin(), host.end());
  auto made = Workflow::make(default_procedure(), std::move(checks));
  EXPECT_TRUE(made) << made.error().message();
  return made ? std::move(*made) : Workflow{};
}

TEST(Checks, TheFirstRefusalWinsAndFlagsAddUp) {
  const Check late{"late", Reads::step, &late_registration, &why};
  const Check warned{"warned", Reads::step, &warned_registration, &why};
  const Check refusing{"refusing", Reads::step, &refused_registration, &why};
  const Check refusing_later{"refusing_later", Reads::step, &ruled_out, &why};
  const Workflow both = with_host_checks({late, warned});
  const Workflow stopped = with_host_checks({late, refusing, warned, refusing_later});
  const Candidate candidate = walk_to(Workflow{}, Stage::fostered).candidate;

  auto flagged = both.decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2022, 1, 3});
  auto refused = stopped.decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2022, 1, 3});

  ASSERT_TRUE(flagged) << flagged.error().message();
  EXPECT_EQ(flagged->flags, (StepFlags{StepFlag::late, StepFlag::eligibility_warning}));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, RefusalCode::not_eligible);
}

// 004 IV.1: "Danh sách đăng ký ... trước ngày 31/3/2025"; the plan says nothing of late entries, so
// a late registration is accepted and flagged late.
TEST(RunningPlan, ALateRegistrationIsAcceptedAndFlaggedWhereThePlanSaysNothingOfLateness) {
  MapEvidence evidence;
  evidence.records[nguyen] = thin_record();
  auto running = RunningPlan::make(plans::langson_inspectorate_2025(), evidence);
  ASSERT_TRUE(running) << running.error().message();
  const Candidate candidate = fostered((*running)->workflow(), bg::date{2025, 1, 6}, bg::date{2025, 1, 7});

  auto late = (*running)->workflow().decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2025, 4, 2});

  ASSERT_TRUE(late) << late.error().message();
  EXPECT_TRUE(late->has(StepFlag::late));
}

// A host whose plan does hold late registrations for the head's waiver sets it on the milestone; the
// refusal says so in Vietnamese without the milestone's id inside the sentence.
TEST(RunningPlan, ALateRegistrationWaitsForTheHeadsWaiverWhereThePlanSaysSoThenIsAccepted) {
  MapEvidence evidence;
  evidence.records[nguyen] = thin_record();
  Plan strict = plans::langson_inspectorate_2025();
  for (Milestone& m : strict.roadmap.milestones) {
    if (m.id == "registration-2025") m.deadline = m.deadline.when_late(LatePolicy::needs_waiver);
  }
  auto running = RunningPlan::make(std::move(strict), evidence);
  ASSERT_TRUE(running) << running.error().message();
  RunningPlan& plan = **running;
  const Candidate candidate = fostered(plan.workflow(), bg::date{2025, 1, 6}, bg::date{2025, 1, 7});

  auto late = plan.workflow().decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2025, 4, 2});
  auto waiver = plan.act(roadmap_commands::Waive{"registration-2025", "Phòng nghiệp vụ đi công tác"}, chief,
                         bg::date{2025, 4, 2});
  auto after = plan.workflow().decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2025, 4, 3});

  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(late.error().subject, "registration-2025");
  EXPECT_NE(late.error().message(Lang::vi).find("31/03/2025"), std::string::npos);
  EXPECT_NE(late.error().message(Lang::vi).find("Đăng ký ngày 02/04/2025 là quá hạn"), std::string::npos)
      << late.error().message(Lang::vi);
  EXPECT_NE(late.error().message(Lang::vi).find("cho phép thực hiện sau thời hạn"), std::string::npos);
  EXPECT_EQ(late.error().message(Lang::vi).find("registration-2025"), std::string::npos);
  ASSERT_TRUE(waiver) << waiver.error().message();
  ASSERT_TRUE(after) << after.error().message();
  EXPECT_TRUE(after->has(StepFlag::waived));
}

// Seed 004 III.1 counts for collectives ("100% thành viên hoàn thành tốt nhiệm vụ trở lên"); the
// plan's guard is soft: an ineligible registration is accepted and flagged.
TEST(RunningPlan, AnIneligibleRegistrationIsAcceptedWithAWarningUnderASoftGuard) {
  const CandidateId office{7};
  MapEvidence evidence;
  Evidence collective;
  collective.subject = Subject::collective;
  collective.position = Position::none;
  collective.field = Field::general;
  for (std::uint16_t year : {2024, 2025}) {
    MemberTally tally;
    tally.year = year;
    tally.members = 10;
    tally.rated[static_cast<std::size_t>(Rating::good)] = 9;
    tally.rated[static_cast<std::size_t>(Rating::completed)] = 1;
    collective.members.push_back(tally);
  }
  evidence.records[office] = collective;
  auto running = RunningPlan::make(plans::langson_inspectorate_2025(), evidence);
  ASSERT_TRUE(running) << running.error().message();
  const Workflow& flow = (*running)->workflow();
  const commands::Discover discover{office, Subject::collective, division, Position::none, Field::general,
                                    Level::agency, "Văn phòng Thanh tra tỉnh"};
  Candidate candidate = flow.evolve(Candidate{}, *flow.decide(Candidate{}, discover, unit_head, bg::date{2025, 1, 6}));
  candidate = flow.evolve(candidate, *flow.decide(candidate, commands::Foster{ActorId{9}}, unit_head, bg::date{2025, 1, 7}));

  auto registered = flow.decide(candidate, commands::Register{"Hồ sơ"}, unit_head, bg::date{2025, 2, 10});

  ASSERT_TRUE(registered) << registered.error().message();
  EXPECT_TRUE(registered->has(StepFlag::eligibility_warning));
  EXPECT_FALSE(registered->has(StepFlag::late));
}

TEST(RunningPlan, TickingRecordsWhatPassedAndTickingAgainAddsNothing) {
  MapEvidence evidence;
  auto running = RunningPlan::make(plans::langson_inspectorate_2025(), evidence);
  ASSERT_TRUE(running);

  auto first = (*running)->tick(bg::date{2025, 4, 2});
  auto again = (*running)->tick(bg::date{2025, 4, 2});

  ASSERT_TRUE(first && again);
  EXPECT_GT(first->size(), 1U);
  EXPECT_TRUE(again->empty());
  EXPECT_EQ((*running)->roadmap().last_tick(), (bg::date{2025, 4, 2}));
}

TEST(RunningPlan, AnInvalidPlanDoesNotRun) {
  MapEvidence evidence;
  Plan plan = plans::inspectorate_2021();
  plan.title.vi.clear();

  auto running = RunningPlan::make(plan, evidence);

  ASSERT_FALSE(running);
  EXPECT_EQ(running.error().subject, "title");
}

}  // namespace
}  // namespace exemplar
