// Plans as data (DESIGN.md, "Plans are data"): the five seeds built in, validated, and at work on
// the lifecycle through their roadmap windows and registration guard.
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
    EXPECT_EQ(validate(*plan), std::nullopt) << id << ": " << validate(*plan)->message();
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

// 003 IV.1: "Hội đồng ... lựa chọn 04 đến 05 điển hình" sent up to the provincial board.
TEST(Plan, SeedThreeSendsFourToFiveExemplarsUp) {
  const Plan plan = plans::hatinh_industry_trade_2021_2025();

  ASSERT_TRUE(plan.send_up.has_value());
  EXPECT_EQ(plan.send_up->at_least, 4);
  EXPECT_EQ(plan.send_up->at_most, 5);
  EXPECT_FALSE(plans::hatinh_inspectorate_2021_2025().send_up.has_value());
}

TEST(Plan, ABrokenPlanIsRefusedNamingThePart) {
  Plan no_id = plans::inspectorate_2021();
  no_id.id.clear();
  Plan bad_quota = plans::hatinh_industry_trade_2021_2025();
  bad_quota.send_up = Quota{6, 5};
  Plan bad_roadmap = plans::inspectorate_2021();
  bad_roadmap.roadmap.milestones.push_back(bad_roadmap.roadmap.milestones.front());
  Plan bad_grant = plans::inspectorate_2021();
  bad_grant.grants.push_back(Grant{CommandKind::foster, static_cast<Role>(40), Scope::own_unit, {}, {}});

  EXPECT_EQ(validate(no_id)->subject, "id");
  EXPECT_EQ(validate(bad_quota)->subject, "send_up");
  EXPECT_EQ(validate(bad_roadmap)->subject.rfind("roadmap", 0), 0U);
  EXPECT_EQ(validate(bad_grant)->subject, "grants");
}

TEST(GateChain, TheFirstRefusalWinsAndFlagsAddUp) {
  struct Fixed final : StepGate {
    explicit Fixed(GateVerdict v) : verdict(std::move(v)) {}
    GateVerdict check(const GateQuery&) const override { return verdict; }
    GateVerdict verdict;
  };
  const Fixed late{GateVerdict{std::nullopt, flag_bit(StepFlag::late)}};
  const Fixed warned{GateVerdict{std::nullopt, flag_bit(StepFlag::eligibility_warning)}};
  const Fixed refusing{GateVerdict{refuse(RefusalCode::not_eligible), 0}};
  const Candidate candidate;
  const GateQuery query{candidate, CommandKind::register_, nullptr, unit_head, bg::date{2025, 1, 1}};

  const GateVerdict both = GateChain{{&late, &warned}}.check(query);
  const GateVerdict stopped = GateChain{{&late, &refusing, &warned}}.check(query);

  EXPECT_EQ(both.flags, flag_bit(StepFlag::late) | flag_bit(StepFlag::eligibility_warning));
  ASSERT_TRUE(stopped.refusal);
  EXPECT_EQ(stopped.refusal->code, RefusalCode::not_eligible);
}

// 004 IV.1: "Danh sách đăng ký ... trước ngày 31/3/2025"; the plan holds a late step for the head's
// waiver, and the refusal names the milestone in both languages.
TEST(RunningPlan, ALateRegistrationWaitsForTheHeadsWaiverThenIsAccepted) {
  MapEvidence evidence;
  evidence.records[nguyen] = thin_record();
  auto running = RunningPlan::make(plans::langson_inspectorate_2025(), evidence);
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
