// Criteria as data: each kind of rule passes at its edge and fails one step short, composes with
// any-of / all-of / by-position, says which numbers it saw, and is chosen by the date in force.
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/criteria.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;

/// Before 15 December 2025, the latest rated year is 2024.
const bg::date spring_2025{2025, 3, 1};

Text words(const char* en) { return Text{en, en}; }

Profile single(Rule rule, Subject subject = Subject::individual) {
  Profile p;
  p.id = "test";
  p.title = {"Test profile", "Bộ tiêu chí thử"};
  RuleSet set;
  set.effective_from = bg::date{2000, 1, 1};
  if (subject == Subject::individual) {
    set.individual = std::move(rule);
  } else {
    set.collective = std::move(rule);
  }
  p.rule_sets.push_back(std::move(set));
  return p;
}

Evidence person() {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  return e;
}

Evidence collective_of(std::uint32_t members, std::uint32_t good_or_better, std::uint16_t year = 2024) {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  MemberTally t;
  t.year = year;
  t.members = members;
  t.rated = {0, members - good_or_better, good_or_better, 0};
  e.members = {t};
  return e;
}

Rule excellent_years(std::uint16_t required, std::uint16_t excellent, const char* id = "ratings") {
  rules::RatingYears spec;
  spec.window = YearWindow::latest(5);
  spec.at_least = Rating::good;
  spec.required = required;
  spec.top_required = excellent;
  return make_rule(id, "000 II.2.2a", words("5 years good, 3 excellent"), spec);
}

Verdict verdict_of(const Profile& p, const Evidence& e, bg::date day = spring_2025) {
  auto evaluation = evaluate(p, e, day);
  EXPECT_TRUE(evaluation) << (evaluation ? "" : evaluation.error().message());
  return evaluation ? evaluation->verdict : Verdict::not_eligible;
}

TEST(Criteria, ThreeExcellentYearsOfTheThreeRequiredPass) {
  // seed 000 II.2.2a: "05 năm liền ... trong đó có ít nhất 03 năm hoàn thành xuất sắc"
  const Profile p = single(excellent_years(5, 3));
  Evidence e = person();
  e.ratings = {{2020, Rating::good}, {2021, Rating::excellent}, {2022, Rating::excellent},
               {2023, Rating::good}, {2024, Rating::excellent}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::eligible);
  EXPECT_NE(explain(evaluation->results[0], Lang::en)
                .find("3 years 'completed tasks excellently' of the 3 required: 2021, 2022, 2024"),
            std::string::npos);
}

TEST(Criteria, TwoExcellentYearsOfTheThreeRequiredFail) {
  // seed 000 II.2.2a
  const Profile p = single(excellent_years(5, 3));
  Evidence e = person();
  e.ratings = {{2020, Rating::good}, {2021, Rating::excellent}, {2022, Rating::good},
               {2023, Rating::good}, {2024, Rating::excellent}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(evaluation->results[0].top_found, 2U);
  EXPECT_NE(explain(evaluation->results[0], Lang::vi).find("2 năm «hoàn thành xuất sắc nhiệm vụ» trên 3 năm yêu cầu"),
            std::string::npos);
}

TEST(Criteria, FiveGoodYearsBrokenByOneCompletedFail) {
  // seed 000 II.2.2a: "05 năm liền xếp loại hoàn thành tốt nhiệm vụ trở lên"
  const Profile p = single(excellent_years(5, 0));
  Evidence e = person();
  e.ratings = {{2020, Rating::good}, {2021, Rating::good}, {2022, Rating::completed},
               {2023, Rating::good}, {2024, Rating::good}};
  Evidence unbroken = e;
  unbroken.ratings[2].rating = Rating::good;

  EXPECT_EQ(verdict_of(p, e), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, unbroken), Verdict::eligible);
}

TEST(Criteria, AYearsRatingsCloseOnFifteenDecember) {
  // domain.md: the annual rating is done "before 15 December"
  Evidence e = person();
  e.ratings = {{2024, Rating::excellent}};
  rules::RatingYears last_year;
  last_year.window = YearWindow::latest(1);
  last_year.required = 1;
  last_year.top_required = 1;
  const Profile only_latest = single(make_rule("latest", "test", words("latest year"), last_year));

  EXPECT_EQ(verdict_of(only_latest, e, bg::date{2024, 12, 14}), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(only_latest, e, bg::date{2024, 12, 15}), Verdict::eligible);
}

TEST(Criteria, EveryYearOfAPeriodNotYetRatedIsNotMetVacuously) {
  // seed 003 III.1: "được xếp loại hàng năm từ hoàn thành tốt nhiệm vụ trở lên", period 2021-2025
  rules::RatingYears every;
  every.window = YearWindow::fixed(2021, 2025);
  every.every_year = true;
  const Profile p = single(make_rule("every", "003 III.1", words("every year"), every));
  Evidence e = person();
  e.ratings = {{2020, Rating::excellent}};

  const auto evaluation = evaluate(p, e, bg::date{2021, 3, 20});

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(explain(evaluation->results[0], Lang::en), "no year from 2021 has been rated yet");
}

TEST(Criteria, EveryYearOfAPeriodCountsOnlyTheYearsRatedSoFar) {
  // seed 003 III.1
  rules::RatingYears every;
  every.window = YearWindow::fixed(2021, 2025);
  every.every_year = true;
  const Profile p = single(make_rule("every", "003 III.1", words("every year"), every));
  Evidence e = person();
  e.ratings = {{2021, Rating::good}, {2022, Rating::excellent}, {2023, Rating::good}};
  Evidence broken = e;
  broken.ratings[1].rating = Rating::completed;

  EXPECT_EQ(verdict_of(p, e, bg::date{2024, 6, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, broken, bg::date{2024, 6, 1}), Verdict::not_eligible);
}

TEST(Criteria, OrHigherCountsHigherTitlesAndExactlyDoesNot) {
  // seed 000 II.2.2b "trở lên" against seed 003 III.2 "04 lần được tặng Chiến sỹ thi đua cơ sở"
  rules::TitleCount or_higher;
  or_higher.at_least = Title::grassroots_emulation_soldier;
  or_higher.required = 2;
  rules::TitleCount exactly = or_higher;
  exactly.or_higher = false;
  Evidence e = person();
  e.titles = {{2021, Title::grassroots_emulation_soldier}, {2023, Title::provincial_emulation_soldier}};

  EXPECT_EQ(verdict_of(single(make_rule("t", "000 II.2.2b", words("or higher"), or_higher)), e), Verdict::eligible);
  EXPECT_EQ(verdict_of(single(make_rule("t", "003 III.2", words("exactly"), exactly)), e), Verdict::not_eligible);
}

TEST(Criteria, ConsecutiveTitlesNeedAnUnbrokenRun) {
  // Law 06/2022 art. 22: "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở"
  rules::TitleCount run;
  run.window = YearWindow::latest(3);
  run.consecutive = true;
  run.required = 3;
  const Profile p = single(make_rule("run", "art. 22", words("3 consecutive"), run));
  Evidence e = person();
  e.titles = {{2022, Title::grassroots_emulation_soldier}, {2023, Title::grassroots_emulation_soldier},
              {2024, Title::grassroots_emulation_soldier}};
  Evidence broken = e;
  broken.titles[1].year = 2021;

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, broken), Verdict::not_eligible);
}

TEST(Criteria, OnlyAppliedInitiativesCountWhenTheRuleSaysApplied) {
  // seed 000 II.2.2b: "sáng kiến hoặc đề tài khoa học được áp dụng có hiệu quả"
  rules::InitiativeCount applied;
  applied.required = 2;
  const Profile p = single(make_rule("i", "000 II.2.2b", words("applied"), applied));
  Evidence e = person();
  e.initiatives = {{2022, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false},
                   {2023, InitiativeLevel::grassroots, InitiativeKind::research_topic, true, false}};
  Evidence one_not_applied = e;
  one_not_applied.initiatives[1].applied = false;

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, one_not_applied), Verdict::not_eligible);
}

TEST(Criteria, AnInitiativeAlreadyRewardedIsNotCountedAgainWhereTheLawSaysSo) {
  // Law 06/2022 art. 74; Decree 98/2023 art. 4: one achievement, one form of commendation
  rules::InitiativeCount fresh;
  fresh.required = 2;
  fresh.skip_rewarded = true;
  rules::InitiativeCount any = fresh;
  any.skip_rewarded = false;
  Evidence e = person();
  e.initiatives = {{2023, InitiativeLevel::grassroots, InitiativeKind::initiative, true, true},
                   {2024, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false}};

  EXPECT_EQ(verdict_of(single(make_rule("fresh", "art. 74", words("fresh"), fresh)), e), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(single(make_rule("any", "000", words("any"), any)), e), Verdict::eligible);
}

TEST(Criteria, ASanctionInForceDuringTheWindowFails) {
  // seed 000 II.2.2a: "không có cá nhân vi phạm ... đến mức thi hành kỷ luật"
  rules::NoSanction none;
  none.window = YearWindow::latest(5);
  const Profile p = single(make_rule("none", "000 II.2.2a", words("no sanction"), none));
  Evidence inside = person();
  inside.sanctions = {{SanctionLevel::reprimand, bg::date{2020, 11, 1}, bg::date{2021, 10, 31}}};
  Evidence before = person();
  before.sanctions = {{SanctionLevel::reprimand, bg::date{2018, 11, 1}, bg::date{2019, 10, 31}}};

  EXPECT_EQ(verdict_of(p, inside), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, before), Verdict::eligible);
}

TEST(Criteria, ASanctionBelowTheLevelDoesNotCount) {
  // Law 06/2022 art. 27: nobody disciplined "at warning or above"
  rules::NoSanction none;
  none.at_least = SanctionLevel::warning;
  const Profile p = single(make_rule("none", "art. 27", words("no warning"), none), Subject::collective);
  Evidence reprimanded = collective_of(10, 10);
  reprimanded.members[0].disciplined[static_cast<std::size_t>(SanctionLevel::reprimand)] = 1;
  Evidence warned = collective_of(10, 10);
  warned.members[0].disciplined[static_cast<std::size_t>(SanctionLevel::warning)] = 1;

  EXPECT_EQ(verdict_of(p, reprimanded), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, warned), Verdict::not_eligible);
}

TEST(Criteria, OpenProceedingsFailWhenTheRuleCountsThem) {
  // Decree 98/2023 art. 4: no award while under investigation or an open complaint
  rules::NoSanction none;
  none.proceedings = true;
  const Profile p = single(make_rule("none", "Decree 98 art. 4", words("not under review"), none));
  Evidence e = person();
  e.under_proceedings = true;

  EXPECT_EQ(verdict_of(p, e), Verdict::not_eligible);
}

TEST(Criteria, AtLeastEightyPercentOfMembersIsMetByExactlyEightyPercent) {
  rules::MemberShare share;
  share.share = Fraction{4, 5, false};
  const Profile p = single(make_rule("share", "test", words("at least 80%"), share), Subject::collective);

  EXPECT_EQ(verdict_of(p, collective_of(10, 8)), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, collective_of(10, 7)), Verdict::not_eligible);
}

TEST(Criteria, MoreThanEightyPercentOfMembersIsNotMetByExactlyEightyPercent) {
  rules::MemberShare share;
  share.share = Fraction{4, 5, true};
  const Profile p = single(make_rule("share", "test", words("more than 80%"), share), Subject::collective);

  EXPECT_EQ(verdict_of(p, collective_of(10, 8)), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, collective_of(1000, 801)), Verdict::eligible);
}

TEST(Criteria, AMemberRuleWithoutACountForTheYearFails) {
  // seed 004 III.1: the host must say how its members were rated
  rules::MemberShare share;
  const Profile p = single(make_rule("share", "004 III.1", words("100% good"), share), Subject::collective);

  const auto evaluation = evaluate(p, collective_of(10, 10, 2022), spring_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(explain(evaluation->results[0], Lang::en), "no count of members for 2024");
}

TEST(Criteria, OverEightyPercentIsStrict) {
  // seed 000 II.2.2a: "xử lý về kinh tế đạt trên 80%"
  rules::IndicatorAtLeast over;
  over.indicator = "economic_recommendations";
  over.percent = 80.0;
  over.strict = true;
  const Profile p = single(make_rule("econ", "000 II.2.2a", words("over 80%"), over), Subject::collective);
  Evidence at_80 = collective_of(5, 5);
  at_80.indicators = {{"economic_recommendations", 2024, 80.0}};
  Evidence at_80_1 = at_80;
  at_80_1.indicators[0].percent = 80.1;

  EXPECT_EQ(verdict_of(p, at_80), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, at_80_1), Verdict::eligible);
}

TEST(Criteria, OneHundredPercentIsMetOnlyByOneHundred) {
  // seed 000 II.2.2a: "Triển khai thực hiện 100% các cuộc thanh tra theo kế hoạch"
  rules::IndicatorAtLeast full;
  full.indicator = "planned_inspections";
  const Profile p = single(make_rule("plan", "000 II.2.2a", words("100%"), full), Subject::collective);
  Evidence done = collective_of(5, 5);
  done.indicators = {{"planned_inspections", 2024, 100.0}};
  Evidence short_of = done;
  short_of.indicators[0].percent = 99.9;

  const auto evaluation = evaluate(p, short_of, spring_2025);

  EXPECT_EQ(verdict_of(p, done), Verdict::eligible);
  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(explain(evaluation->results[0], Lang::en), "planned_inspections: 99.9% in 2024, at least 100% required");
}

TEST(Criteria, AJudgementRuleNeedsTheCouncilUntilTheCouncilAnswers) {
  // seed 000 II.2.2b: the Ho Chi Minh example is an alternative only the council can judge
  const Rule counted = excellent_years(5, 3);
  const Profile p = single(make_rule("root", "000 II.2.2b", words("any"), rules::AnyOf{},
                                     {counted, make_rule("hcm", "000 II.2.2b", words("Ho Chi Minh"), rules::Judgement{})}));
  const Evidence nothing = person();
  Evidence judged_met = person();
  judged_met.judgements = {{"hcm", true}};
  Evidence judged_not = person();
  judged_not.judgements = {{"hcm", false}};

  EXPECT_EQ(verdict_of(p, nothing), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, judged_met), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, judged_not), Verdict::not_eligible);
}

TEST(Criteria, AFailedRuleInAnAllOfOutweighsAnOpenJudgement) {
  const Profile p = single(make_rule("root", "test", words("all"), rules::AllOf{},
                                     {excellent_years(5, 3), make_rule("j", "test", words("judge"), rules::Judgement{})}));

  EXPECT_EQ(verdict_of(p, person()), Verdict::not_eligible);
}

TEST(Criteria, ByPositionTakesOnlyTheCandidatesBranch) {
  // seed 003 III.2: thresholds differ by position
  rules::TitleCount two;
  two.required = 2;
  rules::TitleCount one;
  one.required = 1;
  rules::ByPosition by;
  by.when = {PositionSet{Position::agency_leader}, PositionSet{Position::staff}};
  const Profile p = single(make_rule("by", "003 III.2", words("by position"), by,
                                     {make_rule("leader", "003", words("leader"), two),
                                      make_rule("staff", "003", words("staff"), one)}));
  Evidence staff = person();
  staff.titles = {{2023, Title::grassroots_emulation_soldier}};
  Evidence leader = staff;
  leader.position = Position::agency_leader;
  Evidence unit_leader = staff;
  unit_leader.position = Position::unit_leader;

  const auto evaluation = evaluate(p, unit_leader, spring_2025);

  EXPECT_EQ(verdict_of(p, staff), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, leader), Verdict::not_eligible);
  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(evaluation->results.size(), 1U);
  EXPECT_EQ(explain(evaluation->results[0], Lang::en), "the plan has no criteria for head of a unit");
}

TEST(Criteria, TheRuleSetInForceIsChosenByTheDate) {
  // domain.md: the law of 2003 before 1/1/2024, the law of 2022 from then
  rules::RatingYears one_excellent;
  one_excellent.window = YearWindow::latest(1);
  one_excellent.at_least = Rating::excellent;
  one_excellent.required = 1;
  rules::RatingYears two_excellent = one_excellent;
  two_excellent.window = YearWindow::latest(2);
  two_excellent.required = 2;
  Profile p = single(make_rule("old", "2003", words("2 excellent years"), two_excellent));
  RuleSet law_2022;
  law_2022.effective_from = bg::date{2024, 1, 1};
  law_2022.individual = make_rule("new", "2022", words("1 excellent year"), one_excellent);
  p.rule_sets.push_back(law_2022);
  Evidence e = person();
  e.ratings = {{2023, Rating::excellent}};

  EXPECT_EQ(verdict_of(p, e, bg::date{2023, 12, 31}), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, e, bg::date{2024, 1, 1}), Verdict::eligible);
}

TEST(Criteria, ADateBeforeTheFirstRuleSetIsRefused) {
  const Profile p = single(excellent_years(5, 3));

  const auto evaluation = evaluate(p, person(), bg::date{1999, 12, 31});

  ASSERT_FALSE(evaluation);
  EXPECT_EQ(evaluation.error().code, RefusalCode::date_out_of_range);
  EXPECT_EQ(evaluation.error().subject, "rule set");
}

TEST(Criteria, ASpecialDateIsRefused) {
  const Profile p = single(excellent_years(5, 3));

  const auto evaluation = evaluate(p, person(), bg::date{bg::not_a_date_time});

  ASSERT_FALSE(evaluation);
  EXPECT_EQ(evaluation.error().code, RefusalCode::invalid_date);
}

TEST(Criteria, BadEvidenceIsRefusedBeforeAnyRuleIsEvaluated) {
  const Profile p = single(excellent_years(5, 3));
  Evidence e = person();
  e.ratings = {{2024, Rating::good}, {2024, Rating::good}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_FALSE(evaluation);
  EXPECT_EQ(evaluation.error().subject, "ratings[1].year");
}

TEST(Criteria, AProfileWithoutRulesForTheSubjectRefuses) {
  const Profile p = single(excellent_years(5, 3));

  const auto evaluation = evaluate(p, collective_of(3, 3), spring_2025);

  ASSERT_FALSE(evaluation);
  EXPECT_EQ(evaluation.error().subject, "subject");
}

TEST(Criteria, FailuresNameTheLeavesThatMadeTheVerdictFailAndNotTheSparedAlternatives) {
  rules::TitleCount two;
  two.required = 2;
  const Rule alternatives = make_rule("any", "test", words("any"), rules::AnyOf{},
                                      {make_rule("a", "test", words("a"), two), excellent_years(5, 0)});
  const Profile p = single(make_rule("all", "test", words("all"), rules::AllOf{},
                                     {alternatives, excellent_years(1, 1, "excellent")}));
  Evidence e = person();
  e.ratings = {{2020, Rating::good}, {2021, Rating::good}, {2022, Rating::good}, {2023, Rating::good},
               {2024, Rating::good}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_FALSE(validate(p));
  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  const auto failures = evaluation->failures();
  ASSERT_EQ(failures.size(), 1U);
  EXPECT_EQ(failures[0], &evaluation->results[4]);
}

TEST(Criteria, ResultsListEveryEvaluatedRuleParentFirstWithItsDepth) {
  const Profile p = single(make_rule("all", "test", words("all"), rules::AllOf{},
                                     {excellent_years(5, 3), make_rule("j", "test", words("judge"), rules::Judgement{})}));

  const auto evaluation = evaluate(p, person(), spring_2025);

  ASSERT_TRUE(evaluation);
  ASSERT_EQ(evaluation->results.size(), 3U);
  EXPECT_EQ(evaluation->results[0].rule->id, "all");
  EXPECT_EQ(evaluation->results[1].depth, 1);
  EXPECT_EQ(evaluation->results[2].outcome, Outcome::needs_judgement);
  EXPECT_EQ(evaluation->results[0].found, 0U);
  EXPECT_EQ(evaluation->results[0].total, 2U);
}

TEST(Criteria, TheReportReadsInBothLanguages) {
  const Profile p = single(excellent_years(5, 3));
  Evidence e = person();
  e.ratings = {{2024, Rating::excellent}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_TRUE(evaluation);
  const std::string en = evaluation->explain(Lang::en);
  const std::string vi = evaluation->explain(Lang::vi);
  EXPECT_EQ(en.rfind("Verdict: not eligible (on 2025-03-01)", 0), 0U) << en;
  EXPECT_NE(en.find("[failed] 5 years good, 3 excellent (000 II.2.2a): 1 years rated"), std::string::npos) << en;
  EXPECT_EQ(vi.rfind("Kết luận: chưa đủ tiêu chuẩn (ngày 01/03/2025)", 0), 0U) << vi;
  EXPECT_NE(vi.find("[không đạt]"), std::string::npos) << vi;
  EXPECT_EQ(explain(evaluation->results[0]).vi, explain(evaluation->results[0], Lang::vi));
}

TEST(Criteria, ValidateRefusesACountOfZero) {
  rules::TitleCount none;
  none.required = 0;

  const auto refusal = validate(make_rule("zero", "test", words("zero"), none));

  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->subject, "rule 'zero' required");
}

TEST(Criteria, ValidateRefusesMoreYearsThanTheWindowHolds) {
  EXPECT_TRUE(validate(excellent_years(6, 3)));
  EXPECT_TRUE(validate(excellent_years(5, 6)));
  EXPECT_FALSE(validate(excellent_years(5, 5)));
}

TEST(Criteria, ValidateRefusesAShareThatCanNeverBeMet) {
  rules::MemberShare impossible;
  impossible.share = Fraction{1, 1, true};
  rules::IndicatorAtLeast over_100;
  over_100.indicator = "x";
  over_100.strict = true;

  EXPECT_TRUE(validate(make_rule("s", "test", words("more than 100%"), impossible)));
  EXPECT_TRUE(validate(make_rule("i", "test", words("more than 100%"), over_100)));
}

TEST(Criteria, ValidateRefusesACompositeWithoutChildrenAndALeafWithThem) {
  EXPECT_TRUE(validate(make_rule("empty", "test", words("all"), rules::AllOf{})));
  EXPECT_TRUE(validate(make_rule("leaf", "test", words("leaf"), rules::Judgement{}, {excellent_years(5, 3)})));
}

TEST(Criteria, ValidateRefusesTwoRulesWithOneId) {
  const auto refusal = validate(make_rule("all", "test", words("all"), rules::AllOf{},
                                          {excellent_years(5, 3), excellent_years(5, 2)}));

  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->subject, "rule 'ratings'");
}

TEST(Criteria, ValidateRefusesABranchListThatDoesNotMatchTheChildren) {
  rules::ByPosition by;
  by.when = {PositionSet{Position::staff}};

  EXPECT_TRUE(validate(make_rule("by", "test", words("by"), by, {excellent_years(5, 3), excellent_years(5, 2)})));
}

TEST(Criteria, ValidateRefusesARuleWithoutItsSectionOrTitle) {
  EXPECT_TRUE(validate(make_rule("no-section", "", words("x"), rules::Judgement{})));
  EXPECT_TRUE(validate(make_rule("no-title", "test", Text{"x", ""}, rules::Judgement{})));
  EXPECT_TRUE(validate(make_rule("", "test", words("x"), rules::Judgement{})));
}

TEST(Criteria, ValidateRefusesRuleSetsOutOfDateOrder) {
  Profile p = single(excellent_years(5, 3));
  RuleSet earlier;
  earlier.effective_from = bg::date{1999, 1, 1};
  earlier.individual = excellent_years(5, 3);
  p.rule_sets.push_back(earlier);

  const auto refusal = validate(p);

  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal->subject, "rule_sets[1].effective_from");
}

}  // namespace
}  // namespace exemplar
