// Criteria as data: each kind of rule passes at its edge and fails one step short, composes with
// any-of / all-of / by-position, says which numbers it saw, and is chosen by the date in force.
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/criteria.hpp>
#include <exemplar/profiles.hpp>

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
  spec.years = CountedYears::latest(5);
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
  // seed 000 II.2.2a; the Vietnamese sentence says «yêu cầu ít nhất 3», never «trên 3» ("more than 3")
  const Profile p = single(excellent_years(5, 3));
  Evidence e = person();
  e.ratings = {{2020, Rating::good}, {2021, Rating::excellent}, {2022, Rating::good},
               {2023, Rating::good}, {2024, Rating::excellent}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(evaluation->results[0].top_found, 2U);
  EXPECT_NE(explain(evaluation->results[0], Lang::vi).find("2 năm «hoàn thành xuất sắc nhiệm vụ» (yêu cầu ít nhất 3)"),
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
  last_year.years = CountedYears::latest(1);
  last_year.required = 1;
  last_year.top_required = 1;
  const Profile only_latest = single(make_rule("latest", "test", words("latest year"), last_year));

  EXPECT_EQ(verdict_of(only_latest, e, bg::date{2024, 12, 14}), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(only_latest, e, bg::date{2024, 12, 15}), Verdict::eligible);
}

TEST(Criteria, EveryYearOfAPeriodNotYetRatedIsNotMetVacuously) {
  // seed 003 III.1: "được xếp loại hàng năm từ hoàn thành tốt nhiệm vụ trở lên", period 2021-2025
  rules::RatingYears every;
  every.years = CountedYears::fixed(2021, 2025);
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
  every.years = CountedYears::fixed(2021, 2025);
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
  run.years = CountedYears::latest(3);
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
  none.years = CountedYears::latest(5);
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
  one_excellent.years = CountedYears::latest(1);
  one_excellent.at_least = Rating::excellent;
  one_excellent.required = 1;
  rules::RatingYears two_excellent = one_excellent;
  two_excellent.years = CountedYears::latest(2);
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

  ASSERT_TRUE(validate(p));
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

  ASSERT_FALSE(refusal);
  EXPECT_EQ(refusal.error().subject, "rule 'zero' required");
}

TEST(Criteria, ValidateRefusesMoreYearsThanTheWindowHolds) {
  EXPECT_FALSE(validate(excellent_years(6, 3)));
  EXPECT_FALSE(validate(excellent_years(5, 6)));
  EXPECT_TRUE(validate(excellent_years(5, 5)));
}

TEST(Criteria, ValidateRefusesAShareThatCanNeverBeMet) {
  rules::MemberShare impossible;
  impossible.share = Fraction{1, 1, true};
  rules::IndicatorAtLeast over_100;
  over_100.indicator = "x";
  over_100.strict = true;

  EXPECT_FALSE(validate(make_rule("s", "test", words("more than 100%"), impossible)));
  EXPECT_FALSE(validate(make_rule("i", "test", words("more than 100%"), over_100)));
}

TEST(Criteria, ValidateRefusesACompositeWithoutChildrenAndALeafWithThem) {
  EXPECT_FALSE(validate(make_rule("empty", "test", words("all"), rules::AllOf{})));
  EXPECT_FALSE(validate(make_rule("leaf", "test", words("leaf"), rules::Judgement{}, {excellent_years(5, 3)})));
}

TEST(Criteria, ValidateRefusesTwoRulesWithOneId) {
  const auto refusal = validate(make_rule("all", "test", words("all"), rules::AllOf{},
                                          {excellent_years(5, 3), excellent_years(5, 2)}));

  ASSERT_FALSE(refusal);
  EXPECT_EQ(refusal.error().subject, "rule 'ratings'");
}

TEST(Criteria, ValidateRefusesABranchListThatDoesNotMatchTheChildren) {
  rules::ByPosition by;
  by.when = {PositionSet{Position::staff}};

  EXPECT_FALSE(validate(make_rule("by", "test", words("by"), by, {excellent_years(5, 3), excellent_years(5, 2)})));
}

TEST(Criteria, ValidateRefusesARuleWithoutItsSectionOrTitle) {
  EXPECT_FALSE(validate(make_rule("no-section", "", words("x"), rules::Judgement{})));
  EXPECT_FALSE(validate(make_rule("no-title", "test", Text{"x", ""}, rules::Judgement{})));
  EXPECT_FALSE(validate(make_rule("", "test", words("x"), rules::Judgement{})));
}

TEST(Criteria, ValidateRefusesRuleSetsOutOfDateOrder) {
  Profile p = single(excellent_years(5, 3));
  RuleSet earlier;
  earlier.effective_from = bg::date{1999, 1, 1};
  earlier.individual = excellent_years(5, 3);
  p.rule_sets.push_back(earlier);

  const auto refusal = validate(p);

  ASSERT_FALSE(refusal);
  EXPECT_EQ(refusal.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.error().subject, "rule_sets[1].effective_from");
}

Rule certificates_in(CountedYears years, std::uint16_t required) {
  rules::CertificateCount spec;
  spec.years = years;
  spec.awards = AwardSet{Award::provincial_certificate};
  spec.required = required;
  return make_rule("certificates", "000 II.2.2a", words("certificates in the period"), spec);
}

TEST(Criteria, ACertificateCountsFromTheFirstDayOfThePeriodToTheDayOfEvaluation) {
  // seed 000 II.2.2a: certificates "trong giai đoạn 2021-2025", counted up to the day of evaluation.
  const Profile p = single(certificates_in(CountedYears::fixed(2021, 2025), 2));
  Evidence e = person();
  e.certificates = {{Award::provincial_certificate, bg::date{2020, 12, 31}},
                    {Award::provincial_certificate, bg::date{2021, 1, 1}},
                    {Award::provincial_certificate, bg::date{2025, 3, 1}},
                    {Award::provincial_certificate, bg::date{2025, 3, 2}}};

  const auto evaluation = evaluate(p, e, spring_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->results[0].found, 2U);
  EXPECT_EQ(evaluation->verdict, Verdict::eligible);
}

TEST(Criteria, ASanctionEndingTheDayBeforeTheWindowDoesNotCount) {
  rules::NoSanction spec;
  spec.years = CountedYears::fixed(2021, 2025);
  const Profile p = single(make_rule("clean", "000 II.2.2a", words("no sanction"), spec));
  Evidence ended = person();
  ended.sanctions = {{SanctionLevel::reprimand, bg::date{2020, 1, 1}, bg::date{2020, 12, 31}}};
  Evidence touching = person();
  touching.sanctions = {{SanctionLevel::reprimand, bg::date{2020, 1, 1}, bg::date{2021, 1, 1}}};

  const auto clean = evaluate(p, ended, spring_2025);
  const auto sanctioned = evaluate(p, touching, spring_2025);

  ASSERT_TRUE(clean && sanctioned);
  EXPECT_EQ(clean->verdict, Verdict::eligible);
  EXPECT_EQ(sanctioned->verdict, Verdict::not_eligible);
}

/// Every seed profile and national title, with evidence for its subjects.
std::vector<Profile> every_profile() {
  return {profiles::hatinh_inspectorate_2021_2025(), profiles::inspectorate_2021(),
          profiles::quangbinh_office_2021_2025(),     profiles::hatinh_industry_trade_2021_2025(),
          profiles::langson_inspectorate_2025(),      profiles::advanced_worker(),
          profiles::grassroots_emulation_soldier(),   profiles::provincial_emulation_soldier(),
          profiles::national_emulation_soldier(),     profiles::provincial_certificate(),
          profiles::prime_minister_certificate(),     profiles::excellent_collective(),
          profiles::advanced_collective()};
}

std::vector<Evidence> varied_evidence() {
  std::vector<Evidence> all;
  for (int k = 0; k < 6; ++k) {
    Evidence e = person();
    e.position = k % 2 == 0 ? Position::staff : Position::unit_leader;
    e.field = k % 3 == 0 ? Field::inspection : Field::digital_transformation;
    for (int y = 0; y < 5 + k % 3; ++y) {
      e.ratings.push_back({static_cast<std::uint16_t>(2024 - y), (y + k) % 3 == 0 ? Rating::good : Rating::excellent});
    }
    for (int t = 0; t < k % 4; ++t) {
      e.titles.push_back({static_cast<std::uint16_t>(2024 - 2 * t), Title::grassroots_emulation_soldier});
    }
    for (int n = 0; n < k; ++n) {
      Initiative initiative;
      initiative.year = static_cast<std::uint16_t>(2020 + n);
      initiative.applied = n % 3 != 2;
      e.initiatives.push_back(initiative);
    }
    if (k == 3) e.certificates = {{Award::provincial_certificate, bg::date{2022, 5, 1}}};
    if (k == 4) e.sanctions = {{SanctionLevel::reprimand, bg::date{2023, 3, 1}, bg::date{2024, 2, 29}}};
    if (k >= 4) e.judgements = {{"000.individual.ho_chi_minh", k == 5}};
    all.push_back(e);
  }
  for (std::uint32_t good : {7U, 10U}) {
    Evidence c = collective_of(10, good);
    c.field = Field::inspection;
    c.ratings = {{2024, Rating::excellent}, {2023, Rating::excellent}};
    c.indicators = {{"planned_inspections", 2024, 100.0}, {"economic_recommendations", 2024, 85.0}};
    all.push_back(c);
  }
  return all;
}

void expect_same(const Evaluation& a, const Evaluation& b) {
  EXPECT_EQ(a.verdict, b.verdict);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.latest_rated_year, b.latest_rated_year);
  EXPECT_EQ(a.rule_set, b.rule_set);
  ASSERT_EQ(a.results.size(), b.results.size());
  for (std::size_t i = 0; i < a.results.size(); ++i) {
    const RuleResult& x = a.results[i];
    const RuleResult& y = b.results[i];
    EXPECT_EQ(x.rule, y.rule);
    EXPECT_EQ(x.outcome, y.outcome);
    EXPECT_EQ(x.depth, y.depth);
    EXPECT_EQ(x.judged, y.judged);
    EXPECT_EQ(x.pending, y.pending);
    EXPECT_EQ(x.key, y.key);
    EXPECT_EQ(x.first_year, y.first_year);
    EXPECT_EQ(x.last_year, y.last_year);
    EXPECT_EQ(x.year, y.year);
    EXPECT_EQ(x.found, y.found);
    EXPECT_EQ(x.required, y.required);
    EXPECT_EQ(x.top_found, y.top_found);
    EXPECT_EQ(x.top_required, y.top_required);
    EXPECT_EQ(x.total, y.total);
    EXPECT_EQ(x.percent, y.percent);
    EXPECT_EQ(explain(x, Lang::en), explain(y, Lang::en));
  }
}

TEST(Criteria, EvaluateIntoGivesEvaluatesVerdictAndNumbersOnEverySeedProfile) {
  const std::vector<Profile> profiles = every_profile();
  const std::vector<Evidence> evidence = varied_evidence();
  Evaluation reused;
  std::size_t compared = 0;

  for (const Profile& profile : profiles) {
    for (const Evidence& e : evidence) {
      for (bg::date day : {bg::date{2021, 6, 1}, spring_2025, bg::date{2025, 12, 20}}) {
        const auto plain = evaluate(profile, e, day);
        const auto into = evaluate_into(reused, profile, e, day);
        ASSERT_EQ(plain.has_value(), into.has_value());
        if (!plain) {
          EXPECT_EQ(plain.error(), into.error());
          continue;
        }
        expect_same(*plain, reused);
        ++compared;
      }
    }
  }

  EXPECT_GT(compared, 100U);
}

TEST(Criteria, ARefusedEvaluateIntoLeavesTheEvaluationAsItWas) {
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evaluation reused;
  ASSERT_TRUE(evaluate_into(reused, p, varied_evidence()[5], spring_2025));
  const Evaluation before = reused;
  Evidence bad = person();
  bad.ratings = {{2024, Rating::good}, {2024, Rating::excellent}};

  const auto refused = evaluate_into(reused, p, bad, spring_2025);

  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().subject, "ratings[1].year");
  expect_same(before, reused);
}

/// Evidence that validate() refuses, one fault each, and evidence it accepts at its limits.
std::vector<std::function<void(Evidence&)>> faults() {
  const auto special = bg::date{bg::not_a_date_time};
  return {
      [](Evidence& e) { e.subject = static_cast<Subject>(2); },
      [](Evidence& e) { e.position = static_cast<Position>(9); },
      [](Evidence& e) { e.field = static_cast<Field>(10); },
      [](Evidence& e) { e.position = Position::none; },
      [](Evidence& e) { e.ratings.push_back({1944, Rating::good}); },
      [](Evidence& e) { e.ratings.push_back({2200, Rating::good}); },
      [](Evidence& e) { e.ratings.push_back({2020, static_cast<Rating>(4)}); },
      [](Evidence& e) { e.ratings.push_back({2024, Rating::good}); },
      [](Evidence& e) { e.titles.assign(2, {2024, Title::grassroots_emulation_soldier}); },
      [](Evidence& e) { e.titles.push_back({2199 + 1, Title::advanced_worker}); },
      [](Evidence& e) { e.titles.push_back({2020, static_cast<Title>(4)}); },
      [](Evidence& e) { e.certificates.push_back({Award::public_commendation, bg::date{2022, 1, 1}}); },
      [](Evidence& e) { e.certificates.push_back({static_cast<Award>(5), bg::date{2022, 1, 1}}); },
      [special](Evidence& e) { e.certificates.push_back({Award::agency_certificate, special}); },
      [](Evidence& e) { e.certificates.push_back({Award::agency_certificate, bg::date{bg::pos_infin}}); },
      [](Evidence& e) { e.certificates.push_back({Award::agency_certificate, bg::date{1944, 12, 31}}); },
      [](Evidence& e) { e.certificates.push_back({Award::agency_certificate, bg::date{2200, 1, 1}}); },
      [](Evidence& e) { e.initiatives.push_back({1900, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false}); },
      [](Evidence& e) { e.initiatives.push_back({2020, static_cast<InitiativeLevel>(3), InitiativeKind::initiative, true, false}); },
      [](Evidence& e) { e.initiatives.push_back({2020, InitiativeLevel::grassroots, static_cast<InitiativeKind>(2), true, false}); },
      [](Evidence& e) { e.sanctions.push_back({static_cast<SanctionLevel>(6), bg::date{2022, 1, 1}, bg::date{2022, 6, 1}}); },
      [special](Evidence& e) { e.sanctions.push_back({SanctionLevel::warning, special, bg::date{2022, 6, 1}}); },
      [](Evidence& e) { e.sanctions.push_back({SanctionLevel::warning, bg::date{2022, 6, 1}, bg::date{2022, 5, 31}}); },
      [](Evidence& e) { e.sanctions.push_back({SanctionLevel::warning, bg::date{2022, 6, 1}, bg::date{bg::neg_infin}}); },
      [](Evidence& e) { e.members.push_back(MemberTally{}); },
      [](Evidence& e) { e.indicators.push_back({"", 2024, 50.0}); },
      [](Evidence& e) { e.indicators.push_back({"x", 2024, std::nan("")}); },
      [](Evidence& e) { e.judgements.push_back({"", true}); },
      [](Evidence& e) { e.judgements.push_back({std::string(129, 'a'), true}); },
      [](Evidence& e) { e.judgements.push_back({"r\xff", true}); },
      [](Evidence& e) { e.judgements.push_back({"rule.with.a.long.ascii.id\xc3", true}); },
      [](Evidence& e) { e.judgements.push_back({"000.individual.ho_chi_minh", false}); },
  };
}

TEST(Criteria, BadEvidenceIsRefusedWithValidatesOwnRefusal) {
  // Evaluation checks the evidence with a fast path; whatever it refuses must be validate()'s
  // refusal, word for word, and what validate() accepts must be evaluated.
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence base = varied_evidence()[4];
  Evaluation reused;
  std::size_t refused = 0;

  for (const auto& fault : faults()) {
    Evidence e = base;
    fault(e);
    const auto expected = validate(e);
    const auto plain = evaluate(p, e, spring_2025);
    const auto into = evaluate_into(reused, p, e, spring_2025);

    ASSERT_FALSE(expected);
    ASSERT_FALSE(plain);
    ASSERT_FALSE(into);
    EXPECT_EQ(plain.error(), expected.error());
    EXPECT_EQ(into.error(), expected.error());
    ++refused;
  }
  Evidence edges = person();
  edges.ratings = {{1945, Rating::good}, {2199, Rating::excellent}};
  edges.titles = {{1945, Title::national_emulation_soldier}, {1945, Title::advanced_worker}};
  edges.certificates = {{Award::prime_minister_certificate, bg::date{1945, 1, 1}},
                        {Award::agency_certificate, bg::date{2199, 12, 31}}};
  edges.sanctions = {{SanctionLevel::dismissal, bg::date{2022, 6, 1}, bg::date{2022, 6, 1}}};
  edges.judgements = {{"tiêu_chí.hồ_chí_minh", true}, {"rule", false}};

  EXPECT_EQ(refused, faults().size());
  EXPECT_TRUE(validate(edges));
  EXPECT_TRUE(evaluate(p, edges, spring_2025));
  EXPECT_TRUE(evaluate_into(reused, p, edges, spring_2025));
}

}  // namespace
}  // namespace exemplar
