#include <gtest/gtest.h>

#include <algorithm>

#include <exemplar/roadmap.hpp>

namespace {

namespace bg = boost::gregorian;
namespace cmd = exemplar::roadmap_commands;
namespace ev = exemplar::roadmap_events;
using exemplar::Actor;
using exemplar::ActorId;
using exemplar::Deadline;
using exemplar::LatePolicy;
using exemplar::Milestone;
using exemplar::MilestoneKind;
using exemplar::MilestoneState;
using exemplar::PeriodPhase;
using exemplar::Quarter;
using exemplar::RefusalCode;
using exemplar::Role;
using exemplar::Roadmap;
using exemplar::RoadmapEvent;
using exemplar::RoadmapEventKind;
using exemplar::RoadmapSpec;
using exemplar::UnitId;
using exemplar::YearPhase;

bg::date d(int year, int month, int day) { return *exemplar::make_date(year, month, day); }

const Actor head{ActorId{1}, Role::agency_head, UnitId{1}};
const Actor office{ActorId{2}, Role::secretariat, UnitId{1}};
const Actor division{ActorId{3}, Role::unit_head, UnitId{4}};

Milestone registration(int year) {
  Milestone m;
  m.id = "registration-" + std::to_string(year);
  m.title = exemplar::Text{"Units register their exemplars", "Các đơn vị đăng ký điển hình tiên tiến"};
  m.kind = MilestoneKind::registration;
  m.owner = Role::unit_head;
  m.year = static_cast<std::uint16_t>(year);
  m.open_period = exemplar::OpenPeriod{d(year, 1, 1), d(year, 12, 31)};
  m.deadline = Deadline::before(d(year, 3, 25)).when_late(LatePolicy::needs_waiver);
  return m;
}

Milestone year_end(int year) {
  Milestone m;
  m.id = "year-end-review-" + std::to_string(year);
  m.title = exemplar::Text{"Year-end review", "Tổng kết năm"};
  m.kind = MilestoneKind::year_end_review;
  m.owner = Role::agency_head;
  m.year = static_cast<std::uint16_t>(year);
  m.open_period = exemplar::OpenPeriod{d(year, 10, 1), d(year + 1, 3, 31)};
  m.deadline = Deadline::by(d(year, 12, 31)).when_late(LatePolicy::accept_flagged);
  return m;
}

RoadmapSpec two_years() {
  RoadmapSpec spec;
  spec.id = "test";
  spec.title = exemplar::Text{"Test roadmap", "Lộ trình thử"};
  spec.first_year = 2021;
  spec.last_year = 2022;
  spec.milestones = {registration(2021), year_end(2021), registration(2022), year_end(2022)};
  return spec;
}

RoadmapSpec five_years() {
  RoadmapSpec spec = two_years();
  spec.last_year = 2025;
  spec.phases = {{PeriodPhase::planning, d(2021, 1, 1), exemplar::DateSource::stated},
                 {PeriodPhase::implementing, d(2022, 1, 1), exemplar::DateSource::stated},
                 {PeriodPhase::midterm_review, d(2023, 1, 1), exemplar::DateSource::stated},
                 {PeriodPhase::intensifying, d(2024, 1, 1), exemplar::DateSource::stated},
                 {PeriodPhase::final_review, d(2025, 1, 1), exemplar::DateSource::stated},
                 {PeriodPhase::closed, d(2026, 1, 1), exemplar::DateSource::stated}};
  return spec;
}

Roadmap made(RoadmapSpec spec) { return *Roadmap::make(std::move(spec)); }

/// Applies every event tick returns.
Roadmap ticked(const Roadmap& roadmap, bg::date today) {
  Roadmap next = roadmap;
  const auto events = roadmap.tick(today);
  for (const RoadmapEvent& event : *events) next = next.evolve(event);
  return next;
}

std::vector<RoadmapEvent> without_ticks(std::vector<RoadmapEvent> events) {
  events.erase(std::remove_if(events.begin(), events.end(),
                              [](const RoadmapEvent& e) { return e.kind() == RoadmapEventKind::ticked; }),
               events.end());
  return events;
}

TEST(RoadmapMachines, ThePeriodRunsFromPlanningToClosedOneArrowAtATime) {
  // seed 000 III: 2021 plan, 2022 implement, 2023 mid-term review, 2024 intensify, 2025 final review.
  std::vector<PeriodPhase> walk{PeriodPhase::planning};

  while (auto next = exemplar::period_table.target(walk.back(), exemplar::PeriodEvent::phase_ended)) walk.push_back(*next);

  EXPECT_EQ(walk, (std::vector<PeriodPhase>{PeriodPhase::planning, PeriodPhase::implementing, PeriodPhase::midterm_review,
                                            PeriodPhase::intensifying, PeriodPhase::final_review, PeriodPhase::closed}));
  EXPECT_TRUE(exemplar::period_table.is_final(PeriodPhase::closed));
}

TEST(RoadmapMachines, AYearRunsThroughItsFourQuartersToClosed) {
  // seed 004 IV: Q1 registration, Q2 six-month review, Q3 evaluation, Q4 year-end review.
  std::vector<YearPhase> walk{YearPhase::q1_registration};

  while (auto next = exemplar::year_table.target(walk.back(), exemplar::YearEvent::quarter_ended)) walk.push_back(*next);

  EXPECT_EQ(walk, (std::vector<YearPhase>{YearPhase::q1_registration, YearPhase::q2_six_month_review,
                                          YearPhase::q3_evaluation, YearPhase::q4_year_end_review, YearPhase::closed}));
  EXPECT_TRUE(exemplar::year_table.allowed(YearPhase::closed).empty());
}

TEST(RoadmapMachines, EveryPhaseAndKindHasLabelsInBothLanguages) {
  EXPECT_EQ(exemplar::label(PeriodPhase::midterm_review, exemplar::Lang::vi), "sơ kết");
  EXPECT_EQ(exemplar::label(YearPhase::q1_registration, exemplar::Lang::vi), "Quý I: đăng ký");
  EXPECT_EQ(exemplar::identifier(MilestoneKind::send_up), "send_up");
  EXPECT_EQ(exemplar::all_values<MilestoneKind>().size(), exemplar::milestone_kind_count);
  EXPECT_EQ(exemplar::all_values<RoadmapEventKind>().size(), exemplar::roadmap_event_kind_count);
}

TEST(Roadmap, MakeRefusesDuplicateMilestoneIds) {
  RoadmapSpec spec = two_years();
  spec.milestones.push_back(registration(2021));

  const auto roadmap = Roadmap::make(spec);

  ASSERT_FALSE(roadmap);
  EXPECT_EQ(roadmap.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(roadmap.error().subject, "registration-2021");
}

TEST(Roadmap, MakeRefusesAWindowThatClosesBeforeItOpens) {
  RoadmapSpec spec = two_years();
  spec.milestones[0].open_period = exemplar::OpenPeriod{d(2021, 3, 1), d(2021, 2, 1)};

  const auto roadmap = Roadmap::make(spec);

  ASSERT_FALSE(roadmap);
  EXPECT_EQ(roadmap.error().subject, "registration-2021");
  EXPECT_EQ(roadmap.error().detail.en, "the open period closes before it opens");
  EXPECT_EQ(roadmap.error().reference, d(2021, 3, 1));
}

TEST(Roadmap, MakeRefusesSpecialDates) {
  RoadmapSpec opens = two_years();
  opens.milestones[1].open_period.opens = bg::date(bg::not_a_date_time);
  RoadmapSpec deadline = two_years();
  deadline.milestones[1].deadline.date = bg::date(bg::pos_infin);

  const auto a = Roadmap::make(opens);
  const auto b = Roadmap::make(deadline);

  ASSERT_FALSE(a);
  ASSERT_FALSE(b);
  EXPECT_EQ(a.error().code, RefusalCode::invalid_date);
  EXPECT_EQ(a.error().subject, "year-end-review-2021");
  EXPECT_EQ(b.error().code, RefusalCode::invalid_date);
  EXPECT_EQ(b.error().subject, "year-end-review-2021");
}

TEST(Roadmap, MakeRefusesADeadlineOutsideItsWindow) {
  RoadmapSpec early = two_years();
  early.milestones[0].open_period.opens = d(2021, 4, 1);
  RoadmapSpec late = two_years();
  late.milestones[0].open_period.closes = d(2021, 3, 1);

  EXPECT_EQ(Roadmap::make(early).error().detail.en, "the deadline falls before the open period opens");
  EXPECT_EQ(Roadmap::make(late).error().detail.en, "the open period closes before the deadline");
}

TEST(Roadmap, MakeRefusesBadYearsPhasesAndValues) {
  RoadmapSpec outside = two_years();
  outside.milestones[0].year = 2030;
  RoadmapSpec reversed = two_years();
  reversed.first_year = 2023;
  RoadmapSpec phases = five_years();
  std::swap(phases.phases[1].starts, phases.phases[2].starts);
  RoadmapSpec kind = two_years();
  kind.milestones[0].kind = static_cast<MilestoneKind>(42);
  RoadmapSpec empty_title = two_years();
  empty_title.milestones[0].title.vi.clear();
  RoadmapSpec long_id = two_years();
  long_id.milestones[0].id = std::string(65, 'x');

  EXPECT_EQ(Roadmap::make(outside).error().subject, "registration-2021");
  EXPECT_EQ(Roadmap::make(reversed).error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(Roadmap::make(phases).error().subject, "phase 2");
  EXPECT_EQ(Roadmap::make(kind).error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(Roadmap::make(empty_title).error().subject, "registration-2021");
  EXPECT_EQ(Roadmap::make(long_id).error().subject, "milestone id");
}

TEST(Roadmap, CompletingAMilestoneIsAnEventLikeAnyOther) {
  const Roadmap roadmap = made(two_years());

  const auto event = roadmap.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 20));
  ASSERT_TRUE(event);
  const Roadmap next = roadmap.evolve(*event);

  EXPECT_EQ(event->kind(), RoadmapEventKind::completed);
  EXPECT_EQ(std::get<ev::Completed>(event->data).actor, division.id);
  EXPECT_EQ(next.state_of(0, d(2021, 3, 20)), MilestoneState::met);
  EXPECT_EQ(next.state_of(0, d(2021, 12, 1)), MilestoneState::met);
  EXPECT_EQ(roadmap.state_of(0, d(2021, 12, 1)), MilestoneState::missed);
}

TEST(Roadmap, CompletingOnTheExclusiveDeadlineDayIsMetLate) {
  const Roadmap roadmap = made(two_years());

  const Roadmap next = roadmap.evolve(*roadmap.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 25)));

  EXPECT_EQ(next.state_of(0, d(2021, 3, 25)), MilestoneState::met_late);
}

TEST(Roadmap, OnlyTheOwnerOrTheHeadCompletesAMilestone) {
  const Roadmap roadmap = made(two_years());

  const auto by_office = roadmap.decide(cmd::Complete{"registration-2021"}, office, d(2021, 3, 20));
  const auto by_head = roadmap.decide(cmd::Complete{"registration-2021"}, head, d(2021, 3, 20));

  ASSERT_FALSE(by_office);
  EXPECT_EQ(by_office.error().code, RefusalCode::not_authorised);
  EXPECT_EQ(by_office.error().subject, "registration-2021");
  EXPECT_FALSE(by_office.error().detail.vi.empty());
  EXPECT_TRUE(by_head);
}

TEST(Roadmap, CompletingIsRefusedOutsideTheWindowTwiceOrForAnUnknownMilestone) {
  const Roadmap roadmap = made(two_years());
  const Roadmap done = roadmap.evolve(*roadmap.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 1)));

  EXPECT_EQ(roadmap.decide(cmd::Complete{"year-end-review-2021"}, head, d(2021, 9, 30)).error().code,
            RefusalCode::outside_window);
  EXPECT_EQ(roadmap.decide(cmd::Complete{"year-end-review-2021"}, head, d(2022, 4, 1)).error().code,
            RefusalCode::outside_window);
  EXPECT_EQ(done.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 2)).error().code,
            RefusalCode::invalid_argument);
  EXPECT_EQ(roadmap.decide(cmd::Complete{"nothing"}, head, d(2021, 3, 2)).error().subject, "nothing");
  EXPECT_EQ(roadmap.decide(cmd::Complete{"registration-2021"}, head, bg::date(bg::not_a_date_time)).error().code,
            RefusalCode::invalid_date);
}

TEST(Roadmap, OnlyTheHeadWaivesAndOnlyWithAReason) {
  const Roadmap roadmap = made(two_years());

  EXPECT_EQ(roadmap.decide(cmd::Waive{"registration-2021", "Tết"}, office, d(2021, 3, 26)).error().code,
            RefusalCode::not_authorised);
  EXPECT_EQ(roadmap.decide(cmd::Waive{"registration-2021", ""}, head, d(2021, 3, 26)).error().subject, "reason");
  EXPECT_EQ(roadmap.decide(cmd::Waive{"registration-2021", std::string("\xff")}, head, d(2021, 3, 26)).error().subject,
            "reason");
}

TEST(Roadmap, AWaiverAfterAMissTurnsTheMilestoneWaivedAndClearsTheLateness) {
  const Roadmap roadmap = made(two_years());
  const bg::date after = d(2021, 4, 2);
  ASSERT_EQ(roadmap.status(after)->find("registration-2021")->state, MilestoneState::missed);

  const auto waiver = roadmap.decide(cmd::Waive{"registration-2021", "Units were on COVID-19 duty"}, head, after);
  ASSERT_TRUE(waiver);
  const Roadmap next = roadmap.evolve(*waiver);

  EXPECT_EQ(next.status(after)->find("registration-2021")->state, MilestoneState::waived);
  EXPECT_FALSE(next.status(after)->year(2021)->late);
  EXPECT_EQ(next.progress(0).waiver_reason, "Units were on COVID-19 duty");
  EXPECT_EQ(next.decide(cmd::Complete{"registration-2021"}, head, after).error().code, RefusalCode::invalid_argument);
}

TEST(Roadmap, LatenessRollsUpFromAMilestoneToItsYearAndThePeriod) {
  const Roadmap roadmap = made(five_years());
  const Roadmap on_time = roadmap.evolve(*roadmap.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 1)));

  const auto late = roadmap.status(d(2021, 3, 25));
  const auto fine = on_time.status(d(2021, 3, 25));

  EXPECT_TRUE(late->year(2021)->late);
  EXPECT_FALSE(late->year(2022)->late);
  EXPECT_TRUE(late->late);
  EXPECT_FALSE(fine->year(2021)->late);
  EXPECT_FALSE(fine->late);
  EXPECT_EQ(late->count(MilestoneState::missed), 1U);
}

TEST(Roadmap, StatusReadsEachYearsQuarterAndThePeriodsPhaseFromTheDates) {
  const Roadmap roadmap = made(five_years());

  const auto status = roadmap.status(d(2022, 4, 1));

  EXPECT_EQ(status->phase, PeriodPhase::implementing);
  EXPECT_EQ(status->year(2021)->phase, YearPhase::closed);
  EXPECT_EQ(status->year(2022)->phase, YearPhase::q2_six_month_review);
  EXPECT_TRUE(status->year(2022)->started);
  EXPECT_FALSE(status->year(2023)->started);
  EXPECT_EQ(status->year(2023)->phase, YearPhase::q1_registration);
  EXPECT_FALSE(made(two_years()).status(d(2022, 4, 1))->phase);
}

TEST(Roadmap, TickReportsTheDeadlinesQuartersAndPhasesThatPassed) {
  const Roadmap roadmap = made(five_years());

  const auto events = *roadmap.tick(d(2022, 1, 1));

  const std::vector<RoadmapEvent> expected{
      {d(2021, 3, 25), ev::DeadlinePassed{"registration-2021", MilestoneState::missed}},
      {d(2021, 4, 1), ev::QuarterEnded{2021, Quarter::q1}},
      {d(2021, 7, 1), ev::QuarterEnded{2021, Quarter::q2}},
      {d(2021, 10, 1), ev::QuarterEnded{2021, Quarter::q3}},
      {d(2022, 1, 1), ev::DeadlinePassed{"year-end-review-2021", MilestoneState::missed}},
      {d(2022, 1, 1), ev::QuarterEnded{2021, Quarter::q4}},
      {d(2022, 1, 1), ev::PhaseEntered{PeriodPhase::implementing}},
      {d(2022, 1, 1), ev::Ticked{}},
  };
  EXPECT_EQ(events, expected);
}

TEST(Roadmap, TickMovesTheYearFromItsFourthQuarterIntoTheNextYearsFirst) {
  const Roadmap roadmap = made(five_years());

  const Roadmap december = ticked(roadmap, d(2021, 12, 31));
  const Roadmap january = ticked(december, d(2022, 1, 1));

  EXPECT_EQ(december.year_phase_on(2021, december.last_tick()), YearPhase::q4_year_end_review);
  EXPECT_EQ(january.year_phase_on(2021, january.last_tick()), YearPhase::closed);
  EXPECT_EQ(january.year_phase_on(2022, january.last_tick()), YearPhase::q1_registration);
  EXPECT_EQ(december.phase_on(december.last_tick()), PeriodPhase::planning);
  EXPECT_EQ(january.phase_on(january.last_tick()), PeriodPhase::implementing);
  EXPECT_EQ(january.last_tick(), d(2022, 1, 1));
}

TEST(Roadmap, TickingTwiceOnTheSameDayAddsNothing) {
  const Roadmap once = ticked(made(five_years()), d(2021, 6, 1));

  const auto again = once.tick(d(2021, 6, 1));
  const auto earlier = once.tick(d(2021, 5, 1));

  ASSERT_TRUE(again);
  EXPECT_TRUE(again->empty());
  EXPECT_TRUE(earlier->empty());
  EXPECT_EQ(ticked(once, d(2021, 6, 1)), once);
}

TEST(Roadmap, AHostDownForALongGapCatchesUpExactly) {
  const Roadmap start = made(five_years());
  std::vector<RoadmapEvent> daily;
  Roadmap day_by_day = start;
  for (bg::date today = d(2021, 1, 1); today <= d(2026, 1, 10); today += bg::days(1)) {
    const auto events = *day_by_day.tick(today);
    daily.insert(daily.end(), events.begin(), events.end());
    for (const auto& event : events) day_by_day = day_by_day.evolve(event);
  }

  const auto catch_up = *start.tick(d(2026, 1, 10));
  Roadmap at_once = start;
  for (const auto& event : catch_up) at_once = at_once.evolve(event);

  EXPECT_EQ(without_ticks(catch_up), without_ticks(daily));
  EXPECT_EQ(at_once, day_by_day);
  EXPECT_EQ(at_once.phase_on(at_once.last_tick()), PeriodPhase::closed);
  EXPECT_EQ(at_once.year_phase_on(2025, at_once.last_tick()), YearPhase::closed);
}

TEST(Roadmap, TheDeadlinePassedEventCarriesTheStateAtTheDeadline) {
  const Roadmap roadmap = made(two_years());
  const Roadmap met = roadmap.evolve(*roadmap.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 24)));
  const Roadmap waived = roadmap.evolve(*roadmap.decide(cmd::Waive{"registration-2021", "no units this year"}, head, d(2021, 3, 1)));

  const auto met_events = *met.tick(d(2021, 3, 25));
  const auto waived_events = *waived.tick(d(2021, 3, 25));

  EXPECT_EQ(met_events.front(), (RoadmapEvent{d(2021, 3, 25), ev::DeadlinePassed{"registration-2021", MilestoneState::met}}));
  EXPECT_EQ(waived_events.front(),
            (RoadmapEvent{d(2021, 3, 25), ev::DeadlinePassed{"registration-2021", MilestoneState::waived}}));
}

TEST(Roadmap, ReplayingTheEventsRebuildsTheRoadmapExactly) {
  const Roadmap start = made(five_years());
  std::vector<RoadmapEvent> journal;
  Roadmap live = start;
  auto record = [&](const RoadmapEvent& event) {
    journal.push_back(event);
    live = live.evolve(event);
  };
  const auto march = live.tick(d(2021, 3, 1));
  for (const auto& event : *march) record(event);
  record(*live.decide(cmd::Complete{"registration-2021"}, division, d(2021, 3, 10)));
  const auto february = live.tick(d(2022, 2, 1));
  for (const auto& event : *february) record(event);
  record(*live.decide(cmd::Waive{"year-end-review-2021", "merged with the 2022 conference"}, head, d(2022, 2, 1)));

  Roadmap replayed = start;
  for (const auto& event : journal) replayed = *replayed.apply(event);

  EXPECT_EQ(replayed, live);
}

TEST(Roadmap, ApplyRefusesEventsThatDoNotFitTheRoadmap) {
  const Roadmap roadmap = made(five_years());
  const Roadmap later = ticked(roadmap, d(2021, 6, 1));

  EXPECT_FALSE(roadmap.apply({d(2021, 3, 25), ev::DeadlinePassed{"registration-2021", MilestoneState::met}}));
  EXPECT_FALSE(roadmap.apply({d(2021, 3, 26), ev::DeadlinePassed{"registration-2021", MilestoneState::missed}}));
  // Where the year and the period stand is read from the dates: a boundary fits only on its own
  // day, and only after the last tick.
  EXPECT_FALSE(roadmap.apply({d(2021, 7, 2), ev::QuarterEnded{2021, Quarter::q2}}));
  EXPECT_FALSE(later.apply({d(2021, 4, 1), ev::QuarterEnded{2021, Quarter::q1}}));
  EXPECT_FALSE(roadmap.apply({d(2027, 1, 1), ev::QuarterEnded{2026, Quarter::q4}}));
  EXPECT_FALSE(roadmap.apply({d(2023, 1, 1), ev::PhaseEntered{PeriodPhase::intensifying}}));
  EXPECT_FALSE(roadmap.apply({d(2023, 1, 2), ev::PhaseEntered{PeriodPhase::midterm_review}}));
  EXPECT_EQ(later.apply({d(2021, 5, 1), ev::Completed{"registration-2021", division.id, division.role}}).error().code,
            RefusalCode::date_out_of_order);
  EXPECT_EQ(later.apply({d(2021, 6, 1), ev::Ticked{}}).error().code, RefusalCode::date_out_of_order);
  EXPECT_FALSE(later.apply({d(2021, 3, 25), ev::DeadlinePassed{"registration-2021", MilestoneState::missed}}));
  EXPECT_DEATH(static_cast<void>(later.evolve({d(2021, 5, 1), ev::Ticked{}})), "broken precondition");
}

TEST(Roadmap, ASpecialDayIsRefusedByTickAndStatus) {
  const Roadmap roadmap = made(two_years());

  EXPECT_EQ(roadmap.tick(bg::date(bg::not_a_date_time)).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(roadmap.status(bg::date(bg::neg_infin)).error().code, RefusalCode::invalid_date);
  EXPECT_EQ(roadmap.status(bg::date(1800, 1, 1)).error().code, RefusalCode::date_out_of_range);
}

TEST(Roadmap, TheSpecCanBeEditedAndMadeAgain) {
  const Roadmap roadmap = made(two_years());
  RoadmapSpec spec = roadmap.spec();
  spec.milestones[0].deadline.late = LatePolicy::refuse;

  const auto edited = Roadmap::make(spec);

  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->find("registration-2021")->deadline.late, LatePolicy::refuse);
  EXPECT_NE(*edited, roadmap);
}

}  // namespace
