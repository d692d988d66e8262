// When a plan lets a step be taken: the pipeline's `timing` check reads the running plan's roadmap
// (domain.md: "register | inside the registration window"). A step belongs to the milestones its
// timings select; after a milestone's deadline its late policy decides (refused, accepted and
// flagged, or held for the agency head's waiver); outside the milestone's open period it is refused.
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

bg::date d(int year, int month, int day) { return *make_date(year, month, day); }

/// The host's evidence: none. The timing tests leave the criteria to the council.
class NoEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId) const override { return nullptr; }
};
const NoEvidence no_evidence;

/// A built-in plan whose registration the council judges, so that only its timings (and the table
/// and authority before them) decide a step.
Plan timed(Plan plan) {
  plan.procedure.registration = GuardMode::council;
  return plan;
}

/// The plan with its registration milestones' late policy set, and their open period closing on
/// `closes` if given.
Plan with_registration(Plan plan, LatePolicy policy, std::optional<bg::date> closes = std::nullopt) {
  for (Milestone& m : plan.roadmap.milestones) {
    if (m.kind != MilestoneKind::registration) continue;
    m.deadline.late = policy;
    if (closes) m.open_period.closes = *closes;
  }
  return plan;
}

/// Seed 003 as an agency that holds late registrations and send-ups for the head's waiver would set
/// it: the plan's text says nothing of late entries, so the built-in plan accepts and flags them.
Plan held_for_waiver(Plan plan) {
  for (Milestone& m : plan.roadmap.milestones) {
    if (m.kind == MilestoneKind::registration || m.kind == MilestoneKind::send_up) m.deadline.late = LatePolicy::needs_waiver;
  }
  return plan;
}

std::unique_ptr<RunningPlan> running(Plan plan) {
  auto made = RunningPlan::make(timed(std::move(plan)), no_evidence);
  EXPECT_TRUE(made) << made.error().message();
  return made ? std::move(*made) : nullptr;
}

/// Takes steps through a workflow, failing the test when one is refused.
struct Walk {
  const Workflow& flow;
  Candidate candidate;

  void step(const Command& command, const Actor& actor, bg::date date) {
    auto event = flow.decide(candidate, command, actor, date);
    ASSERT_TRUE(event) << event.error().message();
    candidate = flow.evolve(candidate, *event);
  }
};

/// Nguyen discovered and fostered on `day`.
Candidate fostered(const Workflow& flow, bg::date day) {
  Walk walk{flow, Candidate{}};
  walk.step(discover_nguyen(), unit_head, day);
  walk.step(commands::Foster{ActorId{9}}, unit_head, day);
  return walk.candidate;
}

const commands::Register registration{"Mô hình một cửa"};

// ---------------------------------------------------------------------------------------------
// Registration: inside the registration milestone's open period, on time or late by its policy.

TEST(Timing, ARegistrationOnTheLastDayBeforeAnExclusiveDeadlineIsOnTime) {
  // 003 IV.1: «lập danh sách đăng ký gửi về Văn phòng Sở trước ngày 25/3/2021».
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), registration, unit_head, d(2021, 3, 24));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->flags.empty());
}

// The Vietnamese sentence starts with a capital and names the milestone by its title, not its id, with
// the same date as the milestone list («trước ngày 25/03/2021»).
TEST(Timing, ARegistrationOnTheDeadlineDayWaitsForTheHeadsWaiverAndSaysSoInBothLanguages) {
  // 003 IV.1: «trước ngày 25/3/2021» is exclusive: 25/3 itself is late.
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), registration, unit_head, d(2021, 3, 25));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(event.error().subject, "registration-2021");
  EXPECT_EQ(event.error().reference, d(2021, 3, 25));
  EXPECT_EQ(event.error().command, CommandKind::register_);
  EXPECT_EQ(event.error().message(Lang::en),
            "To register on 2021-03-25, after the deadline of milestone 'registration-2021' (2021-03-25), needs the agency "
            "head's waiver: «Divisions and the Centre register 1 or 2 exemplars with the Department's Office» was due before "
            "2021-03-25; the head of agency may allow the step after the deadline.");
  EXPECT_EQ(event.error().message(Lang::vi),
            "Đăng ký ngày 25/03/2021 là quá hạn, cần Thủ trưởng cơ quan cho phép: «Các "
            "phòng chuyên môn, Trung tâm lựa chọn 01 hoặc 02 gương điển hình, lập danh sách đăng ký gửi về Văn phòng Sở» phải "
            "hoàn thành trước ngày 25/03/2021; Thủ trưởng cơ quan có thể cho phép thực hiện sau thời hạn.");
}

TEST(Timing, AfterTheHeadWaivesTheMilestoneALateRegistrationIsAcceptedAndFlaggedWaived) {
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const auto waiver = plan->act(roadmap_commands::Waive{"registration-2021", "Đơn vị đi công tác dài ngày"}, chief, d(2021, 3, 26));
  ASSERT_TRUE(waiver) << waiver.error().message();
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), registration, unit_head, d(2021, 3, 27));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->has(StepFlag::waived));
  EXPECT_FALSE(event->has(StepFlag::late));
}

TEST(Timing, AWaiverCountsFromTheDayItIsGivenNotBefore) {
  // The waiver of 26/3 does not reach back: a registration dated 25/3 still needs it.
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  ASSERT_TRUE(plan->act(roadmap_commands::Waive{"registration-2021", "Đơn vị đi công tác dài ngày"}, chief, d(2021, 3, 26)));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), registration, unit_head, d(2021, 3, 25));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::needs_waiver);
}

TEST(Timing, WhenThePlanRefusesLateStepsALateRegistrationIsRefused) {
  // 004 IV.1: «trước ngày 31/3/2025».
  const auto plan = running(with_registration(plans::langson_inspectorate_2025(), LatePolicy::refuse));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), commands::Register{"Tổ tiếp công dân"}, unit_head, d(2025, 4, 2));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::deadline_passed);
  EXPECT_EQ(event.error().subject, "registration-2025");
  EXPECT_NE(event.error().message(Lang::en).find("Cannot register on 2025-04-02: the deadline of milestone "
                                                 "'registration-2025' was 2025-03-31"),
            std::string::npos)
      << event.error().message(Lang::en);
  EXPECT_NE(event.error().message(Lang::vi).find("Không thể đăng ký ngày 02/04/2025: mốc trong kế hoạch đã hết hạn "
                                                 "ngày 31/03/2025: «Mỗi phòng đăng ký"),
            std::string::npos)
      << event.error().message(Lang::vi);
  EXPECT_NE(event.error().message(Lang::vi).find("trước ngày 31/03/2025, kế hoạch không chấp nhận bước quá hạn"),
            std::string::npos);
}

TEST(Timing, WhenThePlanAcceptsLateStepsALateRegistrationIsFlaggedLate) {
  // 004 IV.1: 31/3/2025 is the first late day of «trước ngày 31/3/2025».
  const auto plan = running(with_registration(plans::langson_inspectorate_2025(), LatePolicy::accept_flagged));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), commands::Register{"Tổ tiếp công dân"}, unit_head, d(2025, 3, 31));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->has(StepFlag::late));
  EXPECT_FALSE(event->has(StepFlag::waived));
}

TEST(Timing, ARegistrationBeforeTheOpenPeriodIsOutsideTheWindow) {
  // 003: the plan cannot predate 06/KH-UBND of 11/01/2021 (a documented default).
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 1, 4)), registration, unit_head, d(2021, 1, 5));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::outside_window);
  EXPECT_EQ(event.error().subject, "registration-2021");
  EXPECT_EQ(event.error().reference, d(2021, 1, 11));
  EXPECT_NE(event.error().message(Lang::vi).find("bắt đầu từ ngày 11/01/2021"), std::string::npos) << event.error().message(Lang::vi);
}

TEST(Timing, ARegistrationAfterTheOpenPeriodClosesIsOutsideTheWindowWhateverThePolicy) {
  const auto plan = running(with_registration(plans::langson_inspectorate_2025(), LatePolicy::accept_flagged, d(2025, 4, 30)));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), registration, unit_head, d(2025, 5, 2));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::outside_window);
  EXPECT_EQ(event.error().subject, "registration-2025");
  EXPECT_EQ(event.error().reference, d(2025, 4, 30));
  EXPECT_NE(event.error().message(Lang::en).find("closed on 2025-04-30"), std::string::npos) << event.error().message(Lang::en);
}

TEST(Timing, AStepThePlanSetsNoMilestoneForThatYearIsNotConstrained) {
  // 003 dates registration only in 2021.
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();

  const auto event = flow.decide(fostered(flow, d(2022, 2, 1)), registration, unit_head, d(2022, 6, 1));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->flags.empty());
}

TEST(Timing, TheTimingIsCheckedOnlyAfterTheTableAndAuthorityAgree) {
  // 003, 26/3/2021: registration waits for a waiver, but a wrong step or a wrong actor says so first.
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();
  const Candidate candidate = fostered(flow, d(2021, 2, 1));

  const auto wrong_stage = flow.decide(candidate, proposing_review(), council, d(2021, 3, 26));
  const auto wrong_actor = flow.decide(candidate, registration, other_unit_head, d(2021, 3, 26));
  const auto right = flow.decide(candidate, registration, unit_head, d(2021, 3, 26));

  ASSERT_FALSE(wrong_stage);
  EXPECT_EQ(wrong_stage.error().code, RefusalCode::not_allowed_from_stage);
  ASSERT_FALSE(wrong_actor);
  EXPECT_EQ(wrong_actor.error().code, RefusalCode::outside_actor_unit);
  ASSERT_FALSE(right);
  EXPECT_EQ(right.error().code, RefusalCode::needs_waiver);
}

TEST(Timing, OptionsShowTheRegistrationHeldForAWaiver) {
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();

  const auto options = flow.options(fostered(flow, d(2021, 2, 1)), unit_head, d(2021, 3, 26));

  const Option& option = options[static_cast<std::size_t>(CommandKind::register_)];
  ASSERT_EQ(option.command, CommandKind::register_);
  ASSERT_FALSE(option.allowed());
  EXPECT_EQ(option.refusal->code, RefusalCode::needs_waiver);
  EXPECT_EQ(option.refusal->subject, "registration-2021");
}

// ---------------------------------------------------------------------------------------------
// Review after the registration deadline; commendation at a review; send-up before its deadline.

TEST(Timing, TheCouncilReviewsOnlyAfterRegistrationCloses) {
  // 003 IV.1: the council selects from the list sent «trước ngày 25/3/2021».
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(registration, unit_head, d(2021, 3, 20));

  const auto early = flow.decide(walk.candidate, proposing_review(), council, d(2021, 3, 24));
  const auto closed = flow.decide(walk.candidate, proposing_review(), council, d(2021, 3, 25));

  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, RefusalCode::outside_window);
  EXPECT_EQ(early.error().subject, "registration-2021");
  EXPECT_EQ(early.error().reference, d(2021, 3, 25));
  EXPECT_NE(early.error().message(Lang::en).find("this step comes after"), std::string::npos) << early.error().message(Lang::en);
  EXPECT_TRUE(closed) << closed.error().message();
}

TEST(Timing, TheCouncilMayReviewEarlyOnceTheRegistrationListIsCompleted) {
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  ASSERT_TRUE(plan->act(roadmap_commands::Complete{"registration-2021"}, chief, d(2021, 3, 22)));
  const Workflow& flow = plan->workflow();
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(registration, unit_head, d(2021, 3, 20));

  const auto review = flow.decide(walk.candidate, proposing_review(), council, d(2021, 3, 23));

  EXPECT_TRUE(review) << review.error().message();
}

TEST(Timing, CommendationFallsAtTheSixMonthOrTheYearEndReview) {
  // 004 IV.2 and IV.4: rewards at the six-month review (Q2), commendation at the year-end review (Q4).
  const auto plan = running(plans::langson_inspectorate_2025());
  const Workflow& flow = plan->workflow();
  Walk walk{flow, fostered(flow, d(2025, 2, 1))};
  walk.step(commands::Register{"Tổ tiếp công dân"}, unit_head, d(2025, 3, 10));
  walk.step(proposing_review(), council, d(2025, 3, 31));
  walk.step(commands::Recognize{"12/QĐ-TTr", d(2025, 4, 15)}, chief, d(2025, 4, 15));

  const auto at_six_month = flow.decide(walk.candidate, commands::Commend{}, chief, d(2025, 6, 20));
  const auto between = flow.decide(walk.candidate, commands::Commend{}, chief, d(2025, 8, 15));
  const auto at_year_end = flow.decide(walk.candidate, commands::Commend{}, chief, d(2025, 12, 20));
  const auto next_january = flow.decide(walk.candidate, commands::Commend{}, chief, d(2026, 1, 10));

  ASSERT_TRUE(at_six_month && between && at_year_end && next_january);
  EXPECT_TRUE(at_six_month->flags.empty());
  EXPECT_TRUE(between->has(StepFlag::late));
  EXPECT_TRUE(at_year_end->flags.empty());
  EXPECT_TRUE(next_january->has(StepFlag::late));
}

TEST(Timing, CommendationBeforeAnyReviewOpensIsOutsideTheWindow) {
  // 004 IV.2: the six-month review opens in Q2; a recognition in March waits for it.
  const auto plan = running(plans::langson_inspectorate_2025());
  const Workflow& flow = plan->workflow();
  Walk walk{flow, fostered(flow, d(2025, 2, 1))};
  walk.step(commands::Register{"Tổ tiếp công dân"}, unit_head, d(2025, 3, 10));
  walk.step(proposing_review(), council, d(2025, 3, 31));
  walk.step(commands::Recognize{"12/QĐ-TTr", d(2025, 3, 31)}, chief, d(2025, 3, 31));

  const auto early = flow.decide(walk.candidate, commands::Commend{}, chief, d(2025, 3, 31));

  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, RefusalCode::outside_window);
  EXPECT_EQ(early.error().subject, "six-month-review-2025");
  EXPECT_EQ(early.error().reference, d(2025, 4, 1));
}

TEST(Timing, NominationGoesUpBeforeTheSendUpDeadline) {
  // 003 IV.1: the council's 4-5 go from its selection to the provincial board «trước ngày 30/3/2021».
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(registration, unit_head, d(2021, 3, 20));
  walk.step(proposing_review(), council, d(2021, 3, 25));

  const auto on_time = flow.decide(walk.candidate, commands::Nominate{}, secretariat, d(2021, 3, 29));
  const auto late = flow.decide(walk.candidate, commands::Nominate{}, secretariat, d(2021, 3, 30));

  EXPECT_TRUE(on_time) << on_time.error().message();
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(late.error().subject, "send-up-2021");
  EXPECT_EQ(late.error().reference, d(2021, 3, 30));
}

// ---------------------------------------------------------------------------------------------
// Timings a plan writes for itself.

// A step tied to one milestone by id (a dated event) follows that milestone in its year; the plan
// sets no date for the same step in other years (002 III.1.3: the preliminary review «trong Quý II năm
// 2023» honours the exemplars of 2023, not those of 2021 or 2022).
TEST(Timing, ADatedMilestoneGovernsTheStepsOfItsOwnYearOnly) {
  Plan plan = held_for_waiver(plans::hatinh_industry_trade_2021_2025());
  for (Timing& t : plan.procedure.timings) {
    if (t.step == CommandKind::register_) t.milestones.id = "registration-2021";
  }
  const auto tied = running(plan);
  const Workflow& flow = tied->workflow();

  const auto late_in_2021 = flow.decide(fostered(flow, d(2021, 3, 1)), registration, unit_head, d(2021, 3, 26));
  const auto in_2022 = flow.decide(fostered(flow, d(2022, 2, 1)), registration, unit_head, d(2022, 2, 2));

  ASSERT_FALSE(late_in_2021);
  EXPECT_EQ(late_in_2021.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(late_in_2021.error().subject, "registration-2021");
  EXPECT_TRUE(in_2022) << in_2022.error().message();
}

TEST(Timing, APlanWithoutTimingsLetsEveryStepBeTakenAnyDay) {
  Plan plan = plans::hatinh_industry_trade_2021_2025();
  plan.procedure.timings.clear();
  const auto untimed = running(plan);
  const Workflow& flow = untimed->workflow();

  const auto event = flow.decide(fostered(flow, d(2021, 1, 4)), registration, unit_head, d(2021, 1, 5));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->flags.empty());
}

TEST(Timing, OneRunningPlanMayBeSharedByThreads) {
  const auto plan = running(held_for_waiver(plans::hatinh_industry_trade_2021_2025()));
  const Workflow& flow = plan->workflow();
  const Candidate candidate = fostered(flow, d(2021, 2, 1));
  std::vector<int> refused(4, 0);

  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < refused.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const bg::date date = d(2021, 3, 1) + bg::days(i % 60);
        if (!flow.decide(candidate, registration, unit_head, date)) ++refused[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();

  // 1/3 to 29/4, cycled three times and a third: the days from 25/3 on wait for a waiver.
  for (int count : refused) EXPECT_EQ(count, 36 * 3);
}

}  // namespace
}  // namespace exemplar
