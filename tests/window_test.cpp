#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include <exemplar/timetables.hpp>
#include <exemplar/window.hpp>

namespace {

namespace bg = boost::gregorian;
namespace commands = exemplar::commands;
using exemplar::Actor;
using exemplar::ActorId;
using exemplar::Candidate;
using exemplar::CandidateId;
using exemplar::CommandKind;
using exemplar::CouncilRules;
using exemplar::Lang;
using exemplar::LatePolicy;
using exemplar::Policy;
using exemplar::RefusalCode;
using exemplar::Role;
using exemplar::Roadmap;
using exemplar::RoadmapGate;
using exemplar::StepFlag;
using exemplar::UnitId;
using exemplar::Workflow;

bg::date d(int year, int month, int day) { return *exemplar::make_date(year, month, day); }

const Actor division{ActorId{3}, Role::unit_head, UnitId{4}};
const Actor council{ActorId{5}, Role::council, UnitId{1}};
const Actor head{ActorId{1}, Role::agency_head, UnitId{1}};

Roadmap with_registration(const Roadmap& roadmap, LatePolicy policy, std::optional<bg::date> closes = std::nullopt) {
  exemplar::RoadmapSpec spec = roadmap.spec();
  for (auto& m : spec.milestones) {
    if (m.kind != exemplar::MilestoneKind::registration) continue;
    m.deadline.late = policy;
    if (closes) m.window.closes = *closes;
  }
  return *Roadmap::make(spec);
}

/// Takes steps through a Workflow, failing the test when one is refused.
struct Walk {
  const Workflow& flow;
  Candidate candidate;

  void step(const exemplar::Command& command, const Actor& actor, bg::date date) {
    auto event = flow.decide(candidate, command, actor, date);
    ASSERT_TRUE(event) << event.error().message();
    candidate = flow.evolve(candidate, *event);
  }
};

Candidate fostered(const Workflow& flow, bg::date discovered) {
  Walk walk{flow, Candidate{}};
  walk.step(commands::Discover{CandidateId{7}, exemplar::Subject::individual, UnitId{4}, exemplar::Position::staff,
                               exemplar::Field::general, exemplar::Level::agency, "Một cách làm mới trong tiếp công dân"},
            division, discovered);
  walk.step(commands::Foster{ActorId{9}}, division, discovered);
  return walk.candidate;
}

commands::Review proposing() { return commands::Review{9, 7, 6, 1}; }

TEST(RoadmapGate, ARegistrationOnTheLastDayBeforeAnExclusiveDeadlineIsOnTime) {
  // seed 003 IV.1: "lập danh sách đăng ký gửi về Văn phòng Sở trước ngày 25/3/2021".
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), commands::Register{"Mô hình một cửa"}, division, d(2021, 3, 24));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_EQ(event->flags, 0);
}

TEST(RoadmapGate, ARegistrationOnTheDeadlineDayWaitsForTheHeadsWaiverAndSaysSoInBothLanguages) {
  // seed 003 IV.1: "trước ngày 25/3/2021" is exclusive: 25/3 itself is late.
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), commands::Register{"Mô hình một cửa"}, division, d(2021, 3, 25));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(event.error().subject, "registration-2021");
  EXPECT_EQ(event.error().reference, d(2021, 3, 25));
  EXPECT_EQ(event.error().command, CommandKind::register_);
  EXPECT_EQ(event.error().message(Lang::en),
            "To register on 2021-03-25, after the deadline of milestone 'registration-2021' (2021-03-25), needs the agency "
            "head's waiver: «Divisions and the Centre register 1 or 2 exemplars with the Department's Office» was due before "
            "2021-03-25; the head of agency may waive the milestone.");
  EXPECT_EQ(event.error().message(Lang::vi),
            "đăng ký ngày 25/03/2021 quá hạn mốc «registration-2021» (25/03/2021), cần Thủ trưởng cơ quan cho phép: «Các "
            "phòng chuyên môn, Trung tâm lựa chọn 01 hoặc 02 gương điển hình, lập danh sách đăng ký gửi về Văn phòng Sở» phải "
            "hoàn thành trước ngày 25/03/2021; Thủ trưởng cơ quan có thể cho miễn mốc này.");
}

TEST(RoadmapGate, AfterTheHeadWaivesTheMilestoneALateRegistrationIsAcceptedAndFlaggedWaived) {
  const Roadmap missed = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const auto waiver = missed.decide(exemplar::roadmap_commands::Waive{"registration-2021", "Đơn vị đi công tác dài ngày"},
                                    head, d(2021, 3, 26));
  ASSERT_TRUE(waiver);
  const Roadmap roadmap = missed.evolve(*waiver);
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2021, 2, 1)), commands::Register{"Mô hình một cửa"}, division, d(2021, 3, 27));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->has(StepFlag::waived));
}

TEST(RoadmapGate, WhenThePlanRefusesLateStepsALateRegistrationIsRefused) {
  const Roadmap roadmap = with_registration(exemplar::timetables::langson_inspectorate_2025(), LatePolicy::refuse);
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  // seed 004 IV.1: "trước ngày 31/3/2025".
  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), commands::Register{"Tổ tiếp công dân"}, division, d(2025, 4, 2));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::deadline_passed);
  EXPECT_EQ(event.error().subject, "registration-2025");
  EXPECT_NE(event.error().message(Lang::en).find("Cannot register on 2025-04-02: the deadline of milestone "
                                                 "'registration-2025' was 2025-03-31"),
            std::string::npos);
  EXPECT_NE(event.error().message(Lang::vi).find("Không thể đăng ký ngày 02/04/2025: mốc «registration-2025» đã hết hạn "
                                                 "ngày 31/03/2025"),
            std::string::npos);
  EXPECT_NE(event.error().message(Lang::vi).find("trước ngày 31/03/2025, kế hoạch không chấp nhận bước quá hạn"),
            std::string::npos);
}

TEST(RoadmapGate, WhenThePlanAcceptsLateStepsALateRegistrationIsFlaggedLate) {
  const Roadmap roadmap = with_registration(exemplar::timetables::langson_inspectorate_2025(), LatePolicy::accept_flagged);
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), commands::Register{"Tổ tiếp công dân"}, division, d(2025, 3, 31));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->has(StepFlag::late));
  EXPECT_FALSE(event->has(StepFlag::waived));
}

TEST(RoadmapGate, ARegistrationBeforeTheWindowOpensIsOutsideTheWindow) {
  // seed 003: the plan cannot predate 06/KH-UBND of 11/01/2021 (a documented default).
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2021, 1, 4)), commands::Register{"Mô hình"}, division, d(2021, 1, 5));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::outside_window);
  EXPECT_EQ(event.error().reference, d(2021, 1, 11));
  EXPECT_NE(event.error().message(Lang::vi).find("bắt đầu từ ngày 11/01/2021"), std::string::npos);
}

TEST(RoadmapGate, ARegistrationAfterTheWindowClosesIsOutsideTheWindowWhateverThePolicy) {
  const Roadmap roadmap = with_registration(exemplar::timetables::langson_inspectorate_2025(), LatePolicy::accept_flagged,
                                            d(2025, 4, 30));
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2025, 2, 1)), commands::Register{"Mô hình"}, division, d(2025, 5, 2));

  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().code, RefusalCode::outside_window);
  EXPECT_EQ(event.error().reference, d(2025, 4, 30));
}

TEST(RoadmapGate, TheCouncilReviewsOnlyAfterRegistrationCloses) {
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(commands::Register{"Mô hình"}, division, d(2021, 3, 20));

  const auto early = flow.decide(walk.candidate, proposing(), council, d(2021, 3, 24));
  const auto closed = flow.decide(walk.candidate, proposing(), council, d(2021, 3, 25));

  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, RefusalCode::outside_window);
  EXPECT_EQ(early.error().subject, "registration-2021");
  EXPECT_NE(early.error().message(Lang::en).find("this step comes after"), std::string::npos);
  EXPECT_TRUE(closed) << closed.error().message();
}

TEST(RoadmapGate, TheCouncilMayReviewEarlyOnceTheRegistrationListIsCompleted) {
  const Roadmap open = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const Roadmap roadmap =
      open.evolve(*open.decide(exemplar::roadmap_commands::Complete{"registration-2021"}, head, d(2021, 3, 22)));
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(commands::Register{"Mô hình"}, division, d(2021, 3, 20));

  const auto review = flow.decide(walk.candidate, proposing(), council, d(2021, 3, 23));

  EXPECT_TRUE(review) << review.error().message();
}

TEST(RoadmapGate, CommendationFallsAtTheSixMonthOrTheYearEndReview) {
  // seed 004 IV.2 and IV.4: rewards at the six-month review (Q2), commendation at the year-end review (Q4).
  const Roadmap roadmap = exemplar::timetables::langson_inspectorate_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  Walk walk{flow, fostered(flow, d(2025, 2, 1))};
  walk.step(commands::Register{"Tổ tiếp công dân"}, division, d(2025, 3, 10));
  walk.step(proposing(), council, d(2025, 3, 31));
  walk.step(commands::Recognize{"12/QĐ-TTr", d(2025, 4, 15)}, head, d(2025, 4, 15));

  const auto at_six_month = flow.decide(walk.candidate, commands::Commend{}, head, d(2025, 6, 20));
  const auto between = flow.decide(walk.candidate, commands::Commend{}, head, d(2025, 8, 15));
  const auto at_year_end = flow.decide(walk.candidate, commands::Commend{}, head, d(2025, 12, 20));
  const auto next_january = flow.decide(walk.candidate, commands::Commend{}, head, d(2026, 1, 10));

  ASSERT_TRUE(at_six_month && between && at_year_end && next_january);
  EXPECT_EQ(at_six_month->flags, 0);
  EXPECT_TRUE(between->has(StepFlag::late));
  EXPECT_EQ(at_year_end->flags, 0);
  EXPECT_TRUE(next_january->has(StepFlag::late));
}

TEST(RoadmapGate, NominationGoesUpBeforeTheSendUpDeadline) {
  // seed 003 IV.1: the council's 4-5 go to the provincial board "trước ngày 30/3/2021". The plan
  // ties its windows as data: here only registration, review and send-up.
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap, {exemplar::default_step_windows()[0], exemplar::default_step_windows()[1],
                                   exemplar::default_step_windows()[4]}};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  Walk walk{flow, fostered(flow, d(2021, 2, 1))};
  walk.step(commands::Register{"Mô hình"}, division, d(2021, 3, 20));
  walk.step(proposing(), council, d(2021, 3, 25));
  walk.step(commands::Recognize{"7/QĐ-SCT", d(2021, 3, 26)}, head, d(2021, 3, 26));
  walk.step(commands::Commend{}, head, d(2021, 3, 26));

  const auto on_time = flow.decide(walk.candidate, commands::Nominate{}, head, d(2021, 3, 29));
  const auto late = flow.decide(walk.candidate, commands::Nominate{}, head, d(2021, 3, 30));

  EXPECT_TRUE(on_time) << on_time.error().message();
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, RefusalCode::needs_waiver);
  EXPECT_EQ(late.error().subject, "send-up-2021");
  EXPECT_EQ(late.error().reference, d(2021, 3, 30));
}

TEST(RoadmapGate, OptionsShowTheRegistrationHeldForAWaiver) {
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto options = flow.options(fostered(flow, d(2021, 2, 1)), division, d(2021, 3, 26));

  const auto& option = options[static_cast<std::size_t>(CommandKind::register_)];
  ASSERT_FALSE(option.allowed());
  EXPECT_EQ(option.refusal->code, RefusalCode::needs_waiver);
}

TEST(RoadmapGate, AStepThePlanSetsNoWindowForIsNotConstrained) {
  // seed 003 dates registration only in 2021.
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};

  const auto event = flow.decide(fostered(flow, d(2022, 2, 1)), commands::Register{"Mô hình"}, division, d(2022, 6, 1));

  ASSERT_TRUE(event) << event.error().message();
  EXPECT_EQ(event->flags, 0);
}

TEST(RoadmapGate, OneGateMayBeSharedByThreads) {
  const Roadmap roadmap = exemplar::timetables::hatinh_industry_trade_2021_2025();
  const RoadmapGate gate{roadmap};
  const Workflow flow{Policy::defaults(), CouncilRules{}, &gate};
  const Candidate candidate = fostered(flow, d(2021, 2, 1));
  std::vector<int> refused(4, 0);

  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < refused.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const bg::date date = d(2021, 3, 1) + bg::days(i % 60);
        if (!flow.decide(candidate, commands::Register{"Mô hình"}, division, date)) ++refused[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();

  // 1/3 to 29/4, cycled three times and a third: the days from 25/3 on wait for a waiver.
  for (int count : refused) EXPECT_EQ(count, 36 * 3);
}

}  // namespace
