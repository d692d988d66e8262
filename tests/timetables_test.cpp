#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <exemplar/timetables.hpp>

namespace {

namespace bg = boost::gregorian;
namespace timetables = exemplar::timetables;
using exemplar::DateSource;
using exemplar::DeadlineBound;
using exemplar::LatePolicy;
using exemplar::MilestoneKind;
using exemplar::Milestone;
using exemplar::MilestoneState;
using exemplar::PeriodPhase;
using exemplar::Roadmap;
using exemplar::RoadmapEvent;
using exemplar::RoadmapEventKind;
using exemplar::YearPhase;

bg::date d(int year, int month, int day) { return *exemplar::make_date(year, month, day); }

constexpr DateSource S = DateSource::stated;
constexpr DateSource P = DateSource::period_bound;
constexpr DateSource D = DateSource::defaulted;
constexpr DeadlineBound by = DeadlineBound::inclusive;
constexpr DeadlineBound before = DeadlineBound::exclusive;

/// One milestone as the seed's text (or a documented default) dates it.
struct Expected {
  std::string id;
  MilestoneKind kind;
  bg::date opens;
  DeadlineBound bound;
  bg::date deadline;
  bg::date last_on_time;
  bg::date closes;
  DateSource opens_from;
  DateSource deadline_from;
  DateSource closes_from;
};

/// The state the dates alone give on `day`: no completion, no waiver, seven days' notice.
MilestoneState from_dates(const Expected& e, bg::date day) {
  if (day < e.opens) return MilestoneState::upcoming;
  if (day > e.last_on_time) return MilestoneState::missed;
  return day >= e.last_on_time - bg::days(7) ? MilestoneState::due_soon : MilestoneState::open;
}

void expect_dates(const Roadmap& roadmap, const std::vector<Expected>& expected) {
  ASSERT_EQ(roadmap.milestones().size(), expected.size());
  for (const Expected& e : expected) {
    SCOPED_TRACE(e.id);
    const auto index = roadmap.index_of(e.id);
    ASSERT_TRUE(index);
    const exemplar::Milestone& m = roadmap.milestones()[*index];
    EXPECT_EQ(m.kind, e.kind);
    EXPECT_EQ(m.open_period.opens, e.opens);
    EXPECT_EQ(m.deadline.bound, e.bound);
    EXPECT_EQ(m.deadline.date, e.deadline);
    EXPECT_EQ(roadmap.days(*index).last_on_time, e.last_on_time);
    EXPECT_EQ(m.open_period.closes, e.closes);
    EXPECT_EQ(m.sources.opens, e.opens_from);
    EXPECT_EQ(m.sources.deadline, e.deadline_from);
    EXPECT_EQ(m.sources.closes, e.closes_from);
    EXPECT_FALSE(m.basis.empty());
  }
}

/// Walks every day from 1 January of the first year to the day after the last window closes:
/// each milestone's state is the one its dates give, on the days around its deadline above all;
/// ticking every day and catching up once at the end give the same events.
void walk(const Roadmap& roadmap, const std::vector<Expected>& expected) {
  const auto& spec = roadmap.spec();
  const bg::date first = d(spec.first_year, 1, 1);
  bg::date last = first;
  for (const auto& e : expected) last = std::max(last, e.closes + bg::days(1));

  Roadmap daily = roadmap;
  std::vector<RoadmapEvent> daily_events;
  for (bg::date day = first; day <= last; day += bg::days(1)) {
    const auto status = roadmap.status(day);
    ASSERT_TRUE(status);
    for (const Expected& e : expected) {
      ASSERT_EQ(status->find(e.id)->state, from_dates(e, day)) << e.id << " on " << exemplar::format_date(day);
    }
    const auto events = daily.tick(day);
    for (const auto& event : *events) {
      if (event.kind() != RoadmapEventKind::ticked) daily_events.push_back(event);
      daily = daily.evolve(event);
    }
  }

  std::vector<RoadmapEvent> at_once = *roadmap.tick(last);
  at_once.pop_back();
  EXPECT_EQ(at_once, daily_events);
  for (std::uint16_t year = spec.first_year; year <= spec.last_year; ++year) EXPECT_EQ(daily.year_phase_on(year, last), YearPhase::closed);
  if (roadmap.has_period()) {
    EXPECT_EQ(daily.phase_on(last), PeriodPhase::closed);
  }
}

/// The days on either side of every deadline, spelled out.
void expect_around_deadlines(const Roadmap& roadmap, const std::vector<Expected>& expected) {
  for (const Expected& e : expected) {
    SCOPED_TRACE(e.id);
    const auto index = *roadmap.index_of(e.id);
    EXPECT_EQ(roadmap.state_of(index, e.last_on_time - bg::days(1)),
              e.last_on_time - bg::days(1) < e.opens ? MilestoneState::upcoming : MilestoneState::due_soon);
    EXPECT_EQ(roadmap.state_of(index, e.last_on_time), MilestoneState::due_soon);
    EXPECT_EQ(roadmap.state_of(index, e.last_on_time + bg::days(1)), MilestoneState::missed);
    EXPECT_EQ(roadmap.state_of(index, e.deadline),
              e.bound == before ? MilestoneState::missed : MilestoneState::due_soon);
  }
}

std::vector<Expected> seed_000() {
  std::vector<Expected> rows{
      // III.1 "Năm 2021: Hoàn thành …"; the plan is dated 28/5/2021; due before the year's reports.
      {"registration-2021", MilestoneKind::registration, d(2021, 5, 28), by, d(2021, 9, 30), d(2021, 9, 30),
       d(2021, 12, 31), S, D, P},
      // III.3 "Sơ kết 02 năm … gắn với tổng kết phong trào thi đua yêu nước năm 2023".
      {"midterm-review-2023", MilestoneKind::midterm_review, d(2023, 10, 1), by, d(2023, 12, 31), d(2023, 12, 31),
       d(2024, 3, 31), D, P, D},
      // III.5: final review, sector conference, send-up and the 8th provincial congress in 2025.
      {"final-review-2025", MilestoneKind::final_review, d(2025, 4, 1), by, d(2025, 6, 30), d(2025, 6, 30), d(2025, 12, 31), D, D, D},
      {"exemplar-conference-2025", MilestoneKind::exemplar_conference, d(2025, 4, 1), by, d(2025, 6, 30), d(2025, 6, 30),
       d(2025, 12, 31), D, D, D},
      {"send-up-2025", MilestoneKind::send_up, d(2025, 4, 1), by, d(2025, 6, 30), d(2025, 6, 30), d(2025, 12, 31), D, D, D},
      {"emulation-congress-2025", MilestoneKind::emulation_congress, d(2025, 7, 1), by, d(2025, 9, 30), d(2025, 9, 30),
       d(2025, 12, 31), D, D, D},
  };
  for (int year = 2021; year <= 2025; ++year) {
    // IV.1: the units' yearly report with the year's commendation proposals.
    rows.push_back({"report-" + std::to_string(year), MilestoneKind::report, d(year, 10, 1), by, d(year, 11, 30),
                    d(year, 11, 30), d(year, 12, 31), D, D, D});
  }
  for (int year = 2021; year <= 2024; ++year) {
    rows.push_back({"year-end-review-" + std::to_string(year), MilestoneKind::year_end_review, d(year, 10, 1), by,
                    d(year, 12, 31), d(year, 12, 31), d(year + 1, 3, 31), D, P, D});
  }
  return rows;
}

std::vector<Expected> seed_001() {
  // II.2: units register «trong quá trình triển khai thực hiện», all year: no registration milestone.
  return {
      {"six-month-review-2021", MilestoneKind::six_month_review, d(2021, 6, 1), by, d(2021, 7, 31), d(2021, 7, 31),
       d(2021, 12, 31), D, D, D},
      {"year-end-review-2021", MilestoneKind::year_end_review, d(2021, 10, 1), by, d(2021, 12, 31), d(2021, 12, 31),
       d(2022, 3, 31), D, P, D},
  };
}

std::vector<Expected> seed_002() {
  std::vector<Expected> rows{
      {"registration-2022", MilestoneKind::registration, d(2022, 10, 4), by, d(2022, 12, 31), d(2022, 12, 31),
       d(2022, 12, 31), D, D, D},
      // III.1.3 "trong Quý II năm 2023".
      {"midterm-review-2023", MilestoneKind::midterm_review, d(2023, 4, 1), by, d(2023, 6, 30), d(2023, 6, 30),
       d(2023, 12, 31), P, P, D},
      {"send-up-2023", MilestoneKind::send_up, d(2023, 4, 1), by, d(2023, 6, 30), d(2023, 6, 30), d(2023, 12, 31), P, P, D},
      // III.1.4 "Quý I năm 2025".
      {"final-review-2025", MilestoneKind::final_review, d(2025, 1, 1), by, d(2025, 3, 31), d(2025, 3, 31), d(2025, 12, 31), P, P, D},
      {"exemplar-conference-2025", MilestoneKind::exemplar_conference, d(2025, 1, 1), by, d(2025, 3, 31), d(2025, 3, 31),
       d(2025, 12, 31), P, P, D},
      {"send-up-2025", MilestoneKind::send_up, d(2025, 1, 1), by, d(2025, 3, 31), d(2025, 3, 31), d(2025, 12, 31), P, P, D},
      {"emulation-congress-2025", MilestoneKind::emulation_congress, d(2025, 7, 1), by, d(2025, 9, 30), d(2025, 9, 30),
       d(2025, 12, 31), D, D, D},
  };
  for (int year = 2023; year <= 2025; ++year) {
    rows.push_back({"registration-" + std::to_string(year), MilestoneKind::registration, d(year, 1, 1), by, d(year, 3, 31),
                    d(year, 3, 31), d(year, 12, 31), D, D, D});
  }
  for (int year = 2022; year <= 2025; ++year) {
    rows.push_back({"year-end-review-" + std::to_string(year), MilestoneKind::year_end_review, d(year, 10, 1), by,
                    d(year, 12, 31), d(year, 12, 31), d(year + 1, 3, 31), D, P, D});
  }
  return rows;
}

std::vector<Expected> seed_003() {
  std::vector<Expected> rows{
      // IV.1 "gửi về Văn phòng Sở trước ngày 25/3/2021"; "gửi Ban Thi đua, khen thưởng tỉnh trước ngày 30/3/2021".
      {"registration-2021", MilestoneKind::registration, d(2021, 1, 11), before, d(2021, 3, 25), d(2021, 3, 24),
       d(2021, 12, 31), D, S, D},
      {"send-up-2021", MilestoneKind::send_up, d(2021, 3, 25), before, d(2021, 3, 30), d(2021, 3, 29), d(2021, 12, 31), D, S, D},
      // IV.4 "sơ kết gắn với sơ kết phong trào thi đua yêu nước 06 tháng đầu năm 2023".
      {"midterm-review-2023", MilestoneKind::midterm_review, d(2023, 6, 1), by, d(2023, 7, 31), d(2023, 7, 31),
       d(2023, 12, 31), D, D, D},
      {"final-review-2025", MilestoneKind::final_review, d(2025, 4, 1), by, d(2025, 6, 30), d(2025, 6, 30), d(2025, 12, 31), D, D, D},
  };
  for (int year = 2021; year <= 2024; ++year) {
    rows.push_back({"year-end-review-" + std::to_string(year), MilestoneKind::year_end_review, d(year, 10, 1), by,
                    d(year, 12, 31), d(year, 12, 31), d(year + 1, 3, 31), D, P, D});
  }
  return rows;
}

std::vector<Expected> seed_004() {
  return {
      // IV.1 "Quý I năm 2025 … trước ngày 31/3/2025".
      {"registration-2025", MilestoneKind::registration, d(2025, 1, 1), before, d(2025, 3, 31), d(2025, 3, 30),
       d(2025, 12, 31), P, S, D},
      // IV.2 Quý II: the six-month review.
      {"six-month-review-2025", MilestoneKind::six_month_review, d(2025, 4, 1), by, d(2025, 6, 30), d(2025, 6, 30),
       d(2025, 12, 31), P, P, D},
      // IV.3 Quý III: evaluation.
      {"evaluation-2025", MilestoneKind::report, d(2025, 7, 1), by, d(2025, 9, 30), d(2025, 9, 30), d(2025, 12, 31), P, P, D},
      // IV.4 Quý IV: the year-end review.
      {"year-end-review-2025", MilestoneKind::year_end_review, d(2025, 10, 1), by, d(2025, 12, 31), d(2025, 12, 31),
       d(2026, 3, 31), P, P, D},
  };
}

TEST(Timetables, Seed000DatesAreTheFiveYearsOfSectionThree) {
  const Roadmap roadmap = timetables::hatinh_inspectorate_2021_2025();

  expect_dates(roadmap, seed_000());
  ASSERT_EQ(roadmap.spec().phases.size(), 6U);
  EXPECT_EQ(roadmap.spec().phases[2].phase, PeriodPhase::midterm_review);
  EXPECT_EQ(roadmap.spec().phases[2].starts, d(2023, 1, 1));
  EXPECT_EQ(roadmap.spec().phases[2].source, P);
  EXPECT_EQ(roadmap.status(d(2024, 6, 1))->phase, PeriodPhase::intensifying);
}

TEST(Timetables, Seed000WalksFromStartToEnd) {
  const Roadmap roadmap = timetables::hatinh_inspectorate_2021_2025();

  walk(roadmap, seed_000());
  expect_around_deadlines(roadmap, seed_000());
}

TEST(Timetables, Seed001IsTheOneYear2021) {
  const Roadmap roadmap = timetables::provincial_inspectorate_2021();

  expect_dates(roadmap, seed_001());
  EXPECT_TRUE(roadmap.indexes_of(MilestoneKind::registration, 2021).empty());
  EXPECT_FALSE(roadmap.has_period());
  EXPECT_EQ(roadmap.spec().first_year, 2021);
  EXPECT_EQ(roadmap.spec().last_year, 2021);
}

TEST(Timetables, Seed001WalksFromStartToEnd) {
  const Roadmap roadmap = timetables::provincial_inspectorate_2021();

  walk(roadmap, seed_001());
  expect_around_deadlines(roadmap, seed_001());
}

TEST(Timetables, Seed002HasAPreliminaryReviewInTheSecondQuarterOf2023AndAFinalReviewInTheFirstOf2025) {
  // seed 002 III.1.3 "trong Quý II năm 2023"; III.1.4 "Quý I năm 2025".
  const Roadmap roadmap = timetables::quangbinh_ppc_office_2021_2025();

  expect_dates(roadmap, seed_002());
  EXPECT_EQ(roadmap.status(d(2023, 6, 30))->find("midterm-review-2023")->state, MilestoneState::due_soon);
  EXPECT_EQ(roadmap.status(d(2023, 7, 1))->find("midterm-review-2023")->state, MilestoneState::missed);
  EXPECT_EQ(roadmap.status(d(2025, 3, 31))->find("final-review-2025")->state, MilestoneState::due_soon);
  EXPECT_EQ(roadmap.status(d(2025, 4, 1))->find("final-review-2025")->state, MilestoneState::missed);
}

TEST(Timetables, Seed002WalksFromStartToEnd) {
  const Roadmap roadmap = timetables::quangbinh_ppc_office_2021_2025();

  walk(roadmap, seed_002());
  expect_around_deadlines(roadmap, seed_002());
}

TEST(Timetables, Seed003RegistrationIsBeforeTheTwentyFifthOfMarchAndTheSendUpBeforeTheThirtieth) {
  // seed 003 IV.1: "trước ngày 25/3/2021", "trước ngày 30/3/2021": before, so the day itself is late.
  const Roadmap roadmap = timetables::hatinh_industry_trade_2021_2025();

  expect_dates(roadmap, seed_003());
  EXPECT_EQ(roadmap.status(d(2021, 3, 24))->find("registration-2021")->state, MilestoneState::due_soon);
  EXPECT_EQ(roadmap.status(d(2021, 3, 25))->find("registration-2021")->state, MilestoneState::missed);
  EXPECT_EQ(roadmap.status(d(2021, 3, 29))->find("send-up-2021")->state, MilestoneState::due_soon);
  EXPECT_EQ(roadmap.status(d(2021, 3, 30))->find("send-up-2021")->state, MilestoneState::missed);
  // The plan says nothing of late entries: a late registration is accepted and flagged.
  EXPECT_EQ(roadmap.find("registration-2021")->deadline.late, LatePolicy::accept_flagged);
}

TEST(Timetables, Seed000sRegistrationIsDueBeforeTheYearEndReviewItFeeds) {
  // 000 III.1 «Năm 2021»; IV.1 the units report with the year's commendation proposals: when
  // everyone acts on time, registration closes before the reports and the year-end review open.
  const Roadmap roadmap = timetables::hatinh_inspectorate_2021_2025();
  const Milestone* registration = roadmap.find("registration-2021");
  const Milestone* review = roadmap.find("year-end-review-2021");
  const Milestone* report = roadmap.find("report-2021");

  ASSERT_NE(registration, nullptr);
  ASSERT_NE(review, nullptr);
  ASSERT_NE(report, nullptr);
  EXPECT_LT(registration->deadline.date, review->open_period.opens);
  EXPECT_LT(registration->deadline.date, report->open_period.opens);
}

TEST(Timetables, NoSeedPlanBlocksALateStepForAWaiverSinceNoneSaysSo) {
  // 003 IV.1 «trước ngày 25/3/2021», 004 IV.1 «trước ngày 31/3/2025»: deadlines, with nothing said
  // of late entries; a late step is accepted and flagged late.
  for (const Roadmap& roadmap : {timetables::hatinh_inspectorate_2021_2025(), timetables::provincial_inspectorate_2021(),
                                 timetables::quangbinh_ppc_office_2021_2025(), timetables::hatinh_industry_trade_2021_2025(),
                                 timetables::langson_inspectorate_2025()}) {
    for (const Milestone& m : roadmap.spec().milestones) EXPECT_EQ(m.deadline.late, LatePolicy::accept_flagged) << m.id;
  }
}

TEST(Timetables, Seed003WalksFromStartToEnd) {
  const Roadmap roadmap = timetables::hatinh_industry_trade_2021_2025();

  walk(roadmap, seed_003());
  expect_around_deadlines(roadmap, seed_003());
}

TEST(Timetables, Seed004IsTheFourQuartersOf2025WithRegistrationBeforeTheThirtyFirstOfMarch) {
  // seed 004 IV.1: "trước ngày 31/3/2025".
  const Roadmap roadmap = timetables::langson_inspectorate_2025();

  expect_dates(roadmap, seed_004());
  EXPECT_EQ(roadmap.status(d(2025, 3, 30))->find("registration-2025")->state, MilestoneState::due_soon);
  EXPECT_EQ(roadmap.status(d(2025, 3, 31))->find("registration-2025")->state, MilestoneState::missed);
  EXPECT_EQ(roadmap.status(d(2025, 5, 15))->year(2025)->phase, YearPhase::q2_six_month_review);
  EXPECT_EQ(roadmap.status(d(2025, 8, 15))->year(2025)->phase, YearPhase::q3_evaluation);
}

TEST(Timetables, Seed004WalksFromStartToEnd) {
  const Roadmap roadmap = timetables::langson_inspectorate_2025();

  walk(roadmap, seed_004());
  expect_around_deadlines(roadmap, seed_004());
}

TEST(Timetables, EveryDeadlineThePlansStateIsExclusiveAsTheirWordBeforeSays) {
  const std::vector<Roadmap> all{timetables::hatinh_inspectorate_2021_2025(), timetables::provincial_inspectorate_2021(),
                                 timetables::quangbinh_ppc_office_2021_2025(), timetables::hatinh_industry_trade_2021_2025(),
                                 timetables::langson_inspectorate_2025()};

  for (const Roadmap& roadmap : all) {
    for (const auto& m : roadmap.milestones()) {
      if (m.sources.deadline == DateSource::stated) {
        EXPECT_EQ(m.deadline.bound, before) << m.id;
      }
    }
  }
}

TEST(Timetables, AHostsHolidaysGoIntoTheTimetable) {
  const auto calendar = exemplar::WorkingCalendar::make({bg::Saturday, bg::Sunday}, {d(2021, 2, 12)});

  const Roadmap roadmap = timetables::hatinh_industry_trade_2021_2025(*calendar);

  EXPECT_EQ(roadmap.calendar(), *calendar);
}

}  // namespace
