// The seed plans' criteria and the national titles, each rule at its edge and one step short
// (docs/criteria.md; the seeds' own words quoted).
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/profiles.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;
namespace ind = profiles::indicators;

/// After 15 December 2025 the ratings of 2025 are closed: the whole period 2021-2025 counts.
const bg::date end_of_2025{2025, 12, 20};

const RuleResult* result_of(const Evaluation& evaluation, const std::string& id) {
  for (const RuleResult& r : evaluation.results) {
    if (r.rule->id == id) return &r;
  }
  return nullptr;
}

/// The outcome of one rule of `profile` on `evidence`; fails the test when the rule was not evaluated.
Outcome rule_outcome(const Profile& profile, const Evidence& evidence, const std::string& id, bg::date day = end_of_2025) {
  auto evaluation = evaluate(profile, evidence, day);
  if (!evaluation) {
    ADD_FAILURE() << evaluation.error().message();
    return Outcome::failed;
  }
  const RuleResult* r = result_of(*evaluation, id);
  if (r == nullptr) {
    ADD_FAILURE() << "rule " << id << " was not evaluated";
    return Outcome::failed;
  }
  return r->outcome;
}

Verdict verdict_of(const Profile& profile, const Evidence& evidence, bg::date day = end_of_2025) {
  auto evaluation = evaluate(profile, evidence, day);
  if (!evaluation) {
    ADD_FAILURE() << evaluation.error().message();
    return Verdict::not_eligible;
  }
  return evaluation->verdict;
}

MemberTally clean_tally(std::uint16_t year, std::uint32_t members = 10) {
  MemberTally t;
  t.year = year;
  t.members = members;
  t.rated = {0, 0, members - 2, 2};
  t.titled = {members - 1, 1, 0, 0};
  return t;
}

std::vector<YearRating> ratings(std::initializer_list<Rating> from_2021) {
  std::vector<YearRating> list;
  std::uint16_t year = 2021;
  for (Rating r : from_2021) list.push_back({year++, r});
  return list;
}

constexpr Rating E = Rating::excellent;
constexpr Rating G = Rating::good;
constexpr Rating C = Rating::completed;

Evidence inspection_collective() {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  e.field = Field::inspection;
  e.ratings = ratings({E, G, E, G, E});
  for (std::uint16_t y = 2021; y <= 2025; ++y) e.members.push_back(clean_tally(y));
  e.certificates = {{Award::agency_certificate, bg::date{2023, 6, 1}}};
  e.indicators = {{std::string(ind::planned_inspections), 2025, 100.0},
                  {std::string(ind::administrative_recommendations), 2025, 100.0},
                  {std::string(ind::economic_recommendations), 2025, 85.0}};
  return e;
}

Evidence inspector() {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  e.field = Field::inspection;
  e.ratings = ratings({E, G, E, G, E});
  e.titles = {{2022, Title::grassroots_emulation_soldier}, {2024, Title::grassroots_emulation_soldier}};
  for (std::uint16_t y : {2021, 2022, 2023}) {
    e.initiatives.push_back({y, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false});
  }
  return e;
}

/// Every judgement of the individual rules in force on `day`, answered "met": only the counts remain.
std::vector<CouncilJudgement> everything_judged_met(const Profile& p, bg::date day) {
  std::vector<CouncilJudgement> all;
  const RuleSet* set = p.in_force(day);
  if (set == nullptr || !set->individual) return all;
  std::vector<const Rule*> stack{&*set->individual};
  while (!stack.empty()) {
    const Rule* r = stack.back();
    stack.pop_back();
    if (r->kind() == RuleKind::judgement) all.push_back({r->id, true});
    for (const Rule& child : r->children) stack.push_back(&child);
  }
  return all;
}

TEST(Profiles, EveryBuiltInProfileIsValid) {
  for (const Profile& p : profiles::seeds()) EXPECT_TRUE(validate(p)) << p.id << ": " << validate(p).error().message();
  for (const Profile& p : profiles::national()) EXPECT_TRUE(validate(p)) << p.id << ": " << validate(p).error().message();
}

TEST(Profiles, TheSeedProfilesCarryThePlanIdsAndEveryRuleItsSeedSection) {
  const std::vector<std::string> ids{"hatinh-inspectorate-2021-2025", "inspectorate-2021", "quangbinh-office-2021-2025",
                                     "hatinh-industry-trade-2021-2025", "langson-inspectorate-2025"};
  const auto seeds = profiles::seeds();
  ASSERT_EQ(seeds.size(), ids.size());
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    EXPECT_EQ(seeds[i].id, ids[i]);
    EXPECT_EQ(seeds[i].seed, "00" + std::to_string(i));
    std::vector<const Rule*> stack;
    for (const RuleSet& set : seeds[i].rule_sets) {
      if (set.collective) stack.push_back(&*set.collective);
      if (set.individual) stack.push_back(&*set.individual);
    }
    while (!stack.empty()) {
      const Rule* rule = stack.back();
      stack.pop_back();
      EXPECT_EQ(rule->section.rfind(seeds[i].seed + " ", 0), 0U) << rule->id << " is tagged " << rule->section;
      for (const Rule& child : rule->children) stack.push_back(&child);
    }
  }
}

// Seed 000 — Hà Tĩnh provincial Inspectorate, collective (000 II.2.2a).

TEST(Seed000, ACollectiveMeetingEveryCountedCriterionIsEligible) {
  const Profile p = profiles::hatinh_inspectorate_2021_2025();

  EXPECT_EQ(verdict_of(p, inspection_collective()), Verdict::eligible);
}

TEST(Seed000, ACollectiveNeedsThreeExcellentYearsAmongFiveConsecutiveGoodOnes) {
  // "05 năm liền xếp loại hoàn thành tốt nhiệm vụ trở lên trong đó có ít nhất 03 năm hoàn thành xuất sắc"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence two_excellent = inspection_collective();
  two_excellent.ratings = ratings({E, G, G, G, E});
  Evidence broken = inspection_collective();
  broken.ratings = ratings({E, G, E, C, E});

  EXPECT_EQ(rule_outcome(p, inspection_collective(), "000.collective.ratings"), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, two_excellent, "000.collective.ratings"), Outcome::failed);
  EXPECT_EQ(rule_outcome(p, broken, "000.collective.ratings"), Outcome::failed);
}

TEST(Seed000, ACollectiveWithOneMemberDisciplinedIsNotEligible) {
  // "không có cá nhân vi phạm các quy định của Đảng và Nhà nước đến mức thi hành kỷ luật"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.members[1].disciplined[static_cast<std::size_t>(SanctionLevel::reprimand)] = 1;

  EXPECT_EQ(rule_outcome(p, e, "000.collective.no_discipline"), Outcome::failed);
  EXPECT_EQ(verdict_of(p, e), Verdict::not_eligible);
}

TEST(Seed000, ACollectiveMustHaveBeenCommendedBySomeLevel) {
  // "được các cấp, ngành khen thưởng"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.certificates.clear();

  EXPECT_EQ(rule_outcome(p, e, "000.collective.commended"), Outcome::failed);
}

TEST(Seed000, AllPlannedInspectionsMeansOneHundredPercent) {
  // "Triển khai thực hiện 100% các cuộc thanh tra theo kế hoạch"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.indicators[0].percent = 99.9;

  EXPECT_EQ(rule_outcome(p, inspection_collective(), "000.collective.planned_inspections"), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, e, "000.collective.planned_inspections"), Outcome::failed);
}

TEST(Seed000, AdministrativeRecommendationsMustAllBeHandled) {
  // "Tỷ lệ xử lý các kiến nghị về hành chính đạt 100%"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.indicators[1].percent = 99.0;

  EXPECT_EQ(rule_outcome(p, e, "000.collective.administrative_recommendations"), Outcome::failed);
}

TEST(Seed000, EconomicRecommendationsOverEightyPercentExcludeEightyItself) {
  // "xử lý về kinh tế đạt trên 80%"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence at_80 = inspection_collective();
  at_80.indicators[2].percent = 80.0;
  Evidence at_80_1 = inspection_collective();
  at_80_1.indicators[2].percent = 80.1;

  EXPECT_EQ(rule_outcome(p, at_80, "000.collective.economic_recommendations"), Outcome::failed);
  EXPECT_EQ(rule_outcome(p, at_80_1, "000.collective.economic_recommendations"), Outcome::passed);
}

TEST(Seed000, CitizenReceptionNeedsEveryArisingCaseResolvedOnTime) {
  // "giải quyết kịp thời, đúng pháp luật từ cơ sở 100% các vụ việc khiếu nại, tố cáo phát sinh"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.field = Field::citizen_reception;
  e.indicators = {{std::string(ind::complaints_resolved), 2025, 100.0}};
  Evidence short_of = e;
  short_of.indicators[0].percent = 99.5;

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(rule_outcome(p, short_of, "000.collective.citizen_reception"), Outcome::failed);
}

TEST(Seed000, AntiCorruptionNeedsTheWholeInspectionPlanDone) {
  // "triển khai thực hiện 100% kế hoạch kiểm tra, thanh tra trách nhiệm trong việc thực hiện Luật PCTN"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.field = Field::anti_corruption;
  e.indicators = {{std::string(ind::anti_corruption_plan), 2025, 100.0}};
  Evidence short_of = e;
  short_of.indicators[0].percent = 95.0;

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(rule_outcome(p, short_of, "000.collective.anti_corruption"), Outcome::failed);
}

TEST(Seed000, QualitativeFieldsAreLeftToTheCouncil) {
  // "Điển hình trong công tác tham mưu, chỉ đạo điều hành chung" has no figures
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.field = Field::advisory;

  EXPECT_EQ(verdict_of(p, e), Verdict::needs_council_judgement);
}

// Seed 000 — individual (000 II.2.2b).

TEST(Seed000, AnIndividualWithEveryCountedAchievementIsEligible) {
  const Profile p = profiles::hatinh_inspectorate_2021_2025();

  EXPECT_EQ(verdict_of(p, inspector()), Verdict::eligible);
}

TEST(Seed000, AnIndividualNeedsThreeAppliedInitiativesOrResearchTopics) {
  // "có ít nhất 3 sáng kiến hoặc đề tài khoa học được áp dụng có hiệu quả"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence research = inspector();
  research.initiatives[2].kind = InitiativeKind::research_topic;
  Evidence two = inspector();
  two.initiatives.pop_back();

  EXPECT_EQ(rule_outcome(p, research, "000.individual.initiatives"), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, two, "000.individual.initiatives"), Outcome::failed);
}

TEST(Seed000, AnIndividualNeedsTwoGrassrootsEmulationSoldierTitlesOrHigher) {
  // "có 02 lần đạt danh hiệu Chiến sỹ thi đua cấp cơ sở trở lên"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence higher = inspector();
  higher.titles[1].title = Title::provincial_emulation_soldier;
  Evidence one = inspector();
  one.titles.pop_back();

  EXPECT_EQ(rule_outcome(p, higher, "000.individual.titles"), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, one, "000.individual.titles"), Outcome::failed);
}

TEST(Seed000, AnIndividualNeedsFiveGoodYearsWithThreeExcellent) {
  // "5 năm được xếp loại hoàn thành tốt nhiệm vụ trở lên trong đó ít nhất 3 năm hoàn thành xuất sắc"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence two_excellent = inspector();
  two_excellent.ratings = ratings({E, G, G, G, E});

  EXPECT_EQ(rule_outcome(p, inspector(), "000.individual.ratings"), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, two_excellent, "000.individual.ratings"), Outcome::failed);
}

TEST(Seed000, TheHoChiMinhExampleIsAnAlternativeTheCouncilJudges) {
  // "Các điển hình tích cực, sáng tạo trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence short_of = inspector();
  short_of.initiatives.pop_back();
  Evidence judged_not = short_of;
  judged_not.judgements = {{"000.individual.ho_chi_minh", false}};
  Evidence judged_met = short_of;
  judged_met.judgements = {{"000.individual.ho_chi_minh", true}};

  EXPECT_EQ(verdict_of(p, short_of), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, judged_not), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, judged_met), Verdict::eligible);
}

TEST(Seed000, HowFarBackTheIndividualsFiveYearsMayLieIsASetting) {
  // 000 II.2.2b reads "5 năm" without "liền": the look-back is a setting (default 5)
  profiles::HaTinhInspectorateSettings wider;
  wider.individual_lookback_years = 7;
  Evidence gap = inspector();
  gap.ratings = {{2019, E}, {2020, G}, {2021, E}, {2022, C}, {2023, G}, {2024, E}, {2025, C}};

  EXPECT_EQ(rule_outcome(profiles::hatinh_inspectorate_2021_2025(), gap, "000.individual.ratings"), Outcome::failed);
  EXPECT_EQ(rule_outcome(profiles::hatinh_inspectorate_2021_2025(wider), gap, "000.individual.ratings"), Outcome::passed);
}

TEST(Seed000, AnIndividualOnlyTheCouncilCanCarryIsToldWhichCountedRulesFailed) {
  // 000 II.2.2b: the Ho Chi Minh alternative keeps a candidate open whose counts failed; the verdict
  // names those counts and says that only the council's judgement can still carry the candidate.
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence short_of = inspector();
  short_of.initiatives.pop_back();

  const auto evaluation = evaluate(p, short_of, end_of_2025);
  const auto complete = evaluate(p, inspector(), end_of_2025);

  ASSERT_TRUE(evaluation);
  ASSERT_TRUE(complete);
  EXPECT_EQ(evaluation->verdict, Verdict::needs_council_judgement);
  ASSERT_EQ(evaluation->carried_only_by_judgement().size(), 1U);
  EXPECT_EQ(evaluation->carried_only_by_judgement().front()->rule->id, "000.individual.initiatives");
  EXPECT_NE(evaluation->explain(Lang::vi).find("Chỉ còn đánh giá của Hội đồng mới có thể công nhận"), std::string::npos);
  EXPECT_NE(evaluation->explain(Lang::en).find("Counted criteria not met: At least 3 initiatives"), std::string::npos);
  EXPECT_TRUE(complete->carried_only_by_judgement().empty());
}

TEST(Seed000, AComprehensiveCollectiveIsJudgedOnTheGeneralCriteriaAndTheFieldsItReports) {
  // 000 I.3 «toàn diện hoặc trên từng lĩnh vực»; II.2.1 the general criteria
  const Profile p = profiles::hatinh_inspectorate_2021_2025();
  Evidence e = inspection_collective();
  e.field = Field::general;
  Evidence judged = e;
  judged.judgements = {{"000.collective.general", true}};
  Evidence weak = judged;
  weak.indicators[2].percent = 80.0;  // economic recommendations: «trên 80%» is strict
  Evidence silent = judged;
  silent.indicators.clear();          // reports no field: judged on the general criteria alone

  EXPECT_EQ(verdict_of(p, e), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, judged), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, weak), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, silent), Verdict::eligible);
}

// A sanction in force on the day of evaluation fails every seed's individual profile (000 II.2.2b
// «chấp hành nghiêm túc … kỷ luật, kỷ cương»; 003 II.2.2 «gương mẫu chấp hành … quy định của cơ
// quan»; Decree 98/2023 art. 4), and the verdict names the sanction.

TEST(EverySeed, AnIndividualUnderASanctionInForceIsNotEligibleAndTheVerdictNamesIt) {
  Evidence clean = inspector();
  clean.certificates = {{Award::provincial_certificate, bg::date{2022, 4, 1}},
                        {Award::provincial_certificate, bg::date{2024, 4, 1}}};
  for (const Profile& p : profiles::seeds()) {
    SCOPED_TRACE(p.id);
    const bg::date day = p.seed == "004" ? bg::date{2025, 3, 20} : end_of_2025;
    Evidence e = clean;
    e.field = p.seed == "002" ? Field::administrative_reform : Field::inspection;
    e.judgements = everything_judged_met(p, day);
    Evidence sanctioned = e;
    sanctioned.sanctions = {{SanctionLevel::reprimand, day - bg::days(30), day + bg::days(300)}};
    Evidence served = e;
    served.sanctions = {{SanctionLevel::reprimand, day - bg::days(400), day - bg::days(30)}};

    const auto evaluation = evaluate(p, sanctioned, day);

    ASSERT_TRUE(evaluation);
    EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
    ASSERT_FALSE(evaluation->failures().empty());
    EXPECT_EQ(evaluation->failures().front()->rule->id, p.rule_sets.back().individual->id + ".no_sanction");
    EXPECT_NE(explain(*evaluation->failures().front(), Lang::vi).find("đang trong thời gian thi hành kỷ luật «khiển trách»"),
              std::string::npos);
    EXPECT_NE(verdict_of(p, served, day), Verdict::not_eligible);
  }
}

// Seed 001 — the procedure only.

TEST(Seed001, TheCouncilsJudgementIsTheVerdict) {
  // 001 II.1-2: "nhân tố mới (đạt nhiều tiêu chí ...)"; the council reviews and proposes
  const Profile p = profiles::inspectorate_2021();
  Evidence judged = inspector();
  judged.judgements = {{"001.individual.new_factor", true}};

  EXPECT_EQ(verdict_of(p, inspector(), bg::date{2021, 6, 1}), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, inspection_collective(), bg::date{2021, 6, 1}), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, judged, bg::date{2021, 6, 1}), Verdict::eligible);
}

// Seed 002 — three kinds, each judged in its field (002 II.3.2a-c).

TEST(Seed002, EachKindIsAJudgementInItsField) {
  const Profile p = profiles::quangbinh_office_2021_2025();
  Evidence reform = inspector();
  reform.field = Field::administrative_reform;
  Evidence digital = reform;
  digital.field = Field::digital_transformation;
  digital.judgements = {{"002.individual.digital_transformation", true}};

  const auto evaluation = evaluate(p, reform, end_of_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::needs_council_judgement);
  const RuleResult* reform_rule = result_of(*evaluation, "002.individual.administrative_reform");
  ASSERT_NE(reform_rule, nullptr);
  EXPECT_EQ(reform_rule->rule->section, "002 II.3.2b");
  EXPECT_EQ(verdict_of(p, digital), Verdict::eligible);
}

TEST(Seed002, AComprehensiveExemplarIsJudgedOnTheGeneralCriteria) {
  // 002 II.1 «toàn diện hoặc trên từng lĩnh vực»; II.3.1 the general criteria
  const Profile p = profiles::quangbinh_office_2021_2025();
  Evidence e = inspector();
  e.field = Field::general;
  Evidence judged = e;
  judged.judgements = {{"002.individual.comprehensive", true}};

  EXPECT_EQ(verdict_of(p, e), Verdict::needs_council_judgement);
  EXPECT_EQ(verdict_of(p, judged), Verdict::eligible);
}

TEST(Seed002, AFieldOutsideTheThreeKindsHasNoCriteria) {
  const Profile p = profiles::quangbinh_office_2021_2025();

  EXPECT_EQ(verdict_of(p, inspector()), Verdict::not_eligible);
}

// Seed 003 — Hà Tĩnh Department of Industry and Trade.

Evidence trade_division() {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  e.field = Field::administrative_reform;
  e.ratings = ratings({G, E, G, G, E});
  for (std::uint16_t y = 2021; y <= 2025; ++y) e.members.push_back(clean_tally(y));
  e.certificates = {{Award::provincial_certificate, bg::date{2022, 4, 1}},
                    {Award::provincial_certificate, bg::date{2024, 12, 1}}};
  // 003 III.1's qualitative criteria, judged met by the council.
  e.judgements = {{"003.collective.reform_rural", true}, {"003.collective.excellent", true}};
  return e;
}

/// A member of staff the council has judged on 003 III.2's qualitative criteria (the Ho Chi Minh
/// example with Directive 05's honour, and the office culture movement): only the counts remain.
Evidence trade_staff() {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  e.judgements = {{"003.individual.ho_chi_minh", true}, {"003.individual.office_culture", true}};
  return e;
}

TEST(Seed003, ACollectiveWithTwoProvincialCertificatesGoodYearsAndNoDisciplineIsEligible) {
  const Profile p = profiles::hatinh_industry_trade_2021_2025();

  EXPECT_EQ(verdict_of(p, trade_division()), Verdict::eligible);
}

TEST(Seed003, ACollectivesQualitativeCriteriaAreCouncilJudgementsWithTheirOwnIds) {
  // 003 III.1 «tiêu biểu trong thực hiện nhiệm vụ cải cách hành chính, xây dựng nông thôn mới»;
  // «luôn hoàn thành xuất sắc nhiệm vụ được giao, là nhân tố tiêu biểu, nổi bật»
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence open = trade_division();
  open.judgements.clear();
  Evidence not_reform = trade_division();
  not_reform.judgements[0].met = false;

  EXPECT_EQ(verdict_of(p, open), Verdict::needs_council_judgement);
  EXPECT_EQ(rule_outcome(p, open, "003.collective.reform_rural"), Outcome::needs_judgement);
  EXPECT_EQ(rule_outcome(p, open, "003.collective.excellent"), Outcome::needs_judgement);
  EXPECT_EQ(verdict_of(p, not_reform), Verdict::not_eligible);
}

TEST(Seed003, AnIndividualsHoChiMinhExampleAndOfficeCultureAreCouncilJudgements) {
  // 003 III.2: «được Sở, tỉnh vinh danh trong thực hiện Chỉ thị 05-CT/TW»; «văn hóa công sở»
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.certificates = {{Award::provincial_certificate, bg::date{2022, 4, 1}},
                    {Award::provincial_certificate, bg::date{2024, 4, 1}}};
  Evidence open = e;
  open.judgements.clear();

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, open), Verdict::needs_council_judgement);
  EXPECT_EQ(rule_outcome(p, open, "003.individual.ho_chi_minh"), Outcome::needs_judgement);
  EXPECT_EQ(rule_outcome(p, open, "003.individual.office_culture"), Outcome::needs_judgement);
}

TEST(Seed003, ACollectiveNeedsTwoProvincialChairmansCertificatesInThePeriod) {
  // 003 III.1: "Trong giai đoạn được Chủ tịch UBND tỉnh tặng 02 Bằng khen"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence one = trade_division();
  one.certificates[0].granted = bg::date{2020, 4, 1};
  Evidence ministry = trade_division();
  ministry.certificates[1].award = Award::ministry_certificate;

  EXPECT_EQ(rule_outcome(p, one, "003.collective.provincial_certificates"), Outcome::failed);
  EXPECT_EQ(rule_outcome(p, ministry, "003.collective.provincial_certificates"), Outcome::failed);
}

TEST(Seed003, ACollectiveMustBeRatedGoodOrBetterEveryYear) {
  // 003 III.1: "tập thể được xếp loại hàng năm từ hoàn thành tốt nhiệm vụ trở lên"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_division();
  e.ratings[3].rating = Rating::completed;

  EXPECT_EQ(rule_outcome(p, e, "003.collective.ratings"), Outcome::failed);
}

TEST(Seed003, ACollectiveWithOneMemberDisciplinedIsNotEligible) {
  // 003 III.1: "không có cán bộ, công chức, viên chức vi phạm bị xử lý kỷ luật"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_division();
  e.members[4].disciplined[static_cast<std::size_t>(SanctionLevel::reprimand)] = 1;

  EXPECT_EQ(rule_outcome(p, e, "003.collective.no_discipline"), Outcome::failed);
}

TEST(Seed003, AnAgencyLeaderNeedsTwoProvincialEmulationSoldierTitles) {
  // 003 III.2: "Đối với lãnh đạo Sở: có ít nhất 02 lần đạt danh hiệu Chiến sỹ thi đua cấp tỉnh"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.position = Position::agency_leader;
  e.titles = {{2019, Title::provincial_emulation_soldier}, {2022, Title::provincial_emulation_soldier}};
  Evidence one = e;
  one.titles.pop_back();

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, one), Verdict::not_eligible);
}

TEST(Seed003, AnAgencyLeaderQualifiesWithTwoProvincialInitiativesInstead) {
  // 003 III.2: "hoặc có ít nhất 02 sáng kiến cấp tỉnh được công nhận, áp dụng hiệu quả"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.position = Position::agency_leader;
  e.initiatives = {{2022, InitiativeLevel::provincial, InitiativeKind::initiative, true, false},
                   {2023, InitiativeLevel::provincial, InitiativeKind::initiative, true, false}};
  Evidence grassroots = e;
  grassroots.initiatives[1].level = InitiativeLevel::grassroots;

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, grassroots), Verdict::not_eligible);
}

TEST(Seed003, AUnitLeaderNeedsOneProvincialTitleOrOneProvincialInitiative) {
  // 003 III.2: "Đối với lãnh đạo cấp phòng, Trung tâm: có ít nhất 01 lần ... hoặc có ít nhất 01 sáng kiến cấp tỉnh"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence title = trade_staff();
  title.position = Position::unit_leader;
  title.titles = {{2023, Title::provincial_emulation_soldier}};
  Evidence initiative = trade_staff();
  initiative.position = Position::unit_leader;
  initiative.initiatives = {{2023, InitiativeLevel::provincial, InitiativeKind::initiative, true, false}};
  Evidence neither = trade_staff();
  neither.position = Position::unit_leader;
  neither.titles = {{2023, Title::grassroots_emulation_soldier}};

  EXPECT_EQ(verdict_of(p, title), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, initiative), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, neither), Verdict::not_eligible);
}

TEST(Seed003, StaffQualifiesWithTwoProvincialChairmansCertificates) {
  // 003 III.2: "có ít nhất 02 lần được tặng Bằng khen của Chủ tịch UBND tỉnh"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.certificates = {{Award::provincial_certificate, bg::date{2019, 1, 10}},
                    {Award::provincial_certificate, bg::date{2023, 1, 10}}};

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
}

TEST(Seed003, StaffQualifiesWithTwoMinistryCertificates) {
  // 003 III.2: "hoặc có ít nhất 02 lần được Bộ, ngành, đoàn thể, Trung ương tặng Bằng khen"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.certificates = {{Award::ministry_certificate, bg::date{2019, 1, 10}},
                    {Award::ministry_certificate, bg::date{2023, 1, 10}}};

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
}

TEST(Seed003, StaffQualifiesWithOneProvincialAndOneMinistryCertificate) {
  // 003 III.2: "hoặc có ít nhất 01 lần ... Bằng khen Chủ tịch UBND tỉnh và 01 lần ... Bằng khen của Bộ, ngành"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.certificates = {{Award::provincial_certificate, bg::date{2019, 1, 10}},
                    {Award::ministry_certificate, bg::date{2023, 1, 10}}};

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(rule_outcome(p, e, "003.individual.staff.mixed_certificates"), Outcome::passed);
}

TEST(Seed003, StaffQualifiesWithFourGrassrootsEmulationSoldierTitles) {
  // 003 III.2: "hoặc có 04 lần được tặng Chiến sỹ thi đua cơ sở"
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  for (std::uint16_t y = 2021; y <= 2024; ++y) e.titles.push_back({y, Title::grassroots_emulation_soldier});
  Evidence three = e;
  three.titles.pop_back();

  EXPECT_EQ(verdict_of(p, e), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, three), Verdict::not_eligible);
}

TEST(Seed003, StaffWithOneProvincialCertificateAndThreeGrassrootsTitlesIsNotEnough) {
  // 003 III.2: no alternative mixes certificates with titles
  const Profile p = profiles::hatinh_industry_trade_2021_2025();
  Evidence e = trade_staff();
  e.certificates = {{Award::provincial_certificate, bg::date{2023, 1, 10}}};
  for (std::uint16_t y = 2021; y <= 2023; ++y) e.titles.push_back({y, Title::grassroots_emulation_soldier});

  const auto evaluation = evaluate(p, e, end_of_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  std::vector<std::string> failed;
  for (const RuleResult* r : evaluation->failures()) failed.push_back(r->rule->id);
  EXPECT_EQ(failed, (std::vector<std::string>{"003.individual.staff.provincial_certificates",
                                              "003.individual.staff.ministry_certificates",
                                              "003.individual.staff.mixed_certificates.ministry",
                                              "003.individual.staff.grassroots_titles"}));
}

TEST(Seed003, TheCountedPeriodEndsAtTheEvaluationSoTheMarch2021SelectionCanPass) {
  // 003 III.1 «Trong giai đoạn được Chủ tịch UBND tỉnh tặng 02 Bằng khen»; 003 IV.1: the divisions
  // register before 25/3/2021, when no year of 2021-2025 is rated yet. The default counts the five
  // latest rated years; the plan's own period stays a setting.
  profiles::IndustryTradeSettings fixed;
  fixed.period = CountedYears::fixed(2021, 2025);
  Evidence e = trade_division();
  e.ratings = {{2016, G}, {2017, G}, {2018, E}, {2019, G}, {2020, E}};
  e.members.clear();
  e.certificates = {{Award::provincial_certificate, bg::date{2018, 4, 1}},
                    {Award::provincial_certificate, bg::date{2020, 4, 1}}};
  const bg::date registration{2021, 3, 20};

  EXPECT_EQ(verdict_of(profiles::hatinh_industry_trade_2021_2025(), e, registration), Verdict::eligible);
  EXPECT_EQ(verdict_of(profiles::hatinh_industry_trade_2021_2025(fixed), e, registration), Verdict::not_eligible);
}

// Seed 004 — Lạng Sơn provincial Inspectorate, 2025 (004 III.1).

Evidence langson_team() {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  e.members = {clean_tally(2024, 8)};
  return e;
}

/// Registration closes before 31/3/2025 (004 IV.1): the latest rated year is 2024.
const bg::date march_2025{2025, 3, 20};

TEST(Seed004, ACollectiveWithEveryMemberGoodAndOneEmulationSoldierIsEligible) {
  const Profile p = profiles::langson_inspectorate_2025();

  EXPECT_EQ(verdict_of(p, langson_team(), march_2025), Verdict::eligible);
}

TEST(Seed004, OneMemberRatedOnlyCompletedBreaksTheHundredPercent) {
  // 004 III.1: "Có 100% cá nhân trong tập thể hoàn thành tốt nhiệm vụ được giao"
  const Profile p = profiles::langson_inspectorate_2025();
  Evidence e = langson_team();
  e.members[0].rated = {0, 1, 5, 2};

  EXPECT_EQ(rule_outcome(p, e, "004.collective.members_good", march_2025), Outcome::failed);
}

TEST(Seed004, ACollectiveNeedsAtLeastOneGrassrootsEmulationSoldier) {
  // 004 III.1: "Có cá nhân đạt danh hiệu Chiến sỹ thi đua cơ sở"
  const Profile p = profiles::langson_inspectorate_2025();
  Evidence none = langson_team();
  none.members[0].titled = {8, 0, 0, 0};

  EXPECT_EQ(rule_outcome(p, langson_team(), "004.collective.grassroots_soldier", march_2025), Outcome::passed);
  EXPECT_EQ(rule_outcome(p, none, "004.collective.grassroots_soldier", march_2025), Outcome::failed);
}

TEST(Seed004, AMemberWhoBrokeTheRulesWithoutASanctionStillCounts) {
  // 004 III.1: "không có cá nhân vi phạm các quy chế, quy định của cơ quan"
  const Profile p = profiles::langson_inspectorate_2025();
  Evidence e = langson_team();
  e.members[0].in_breach = 1;

  EXPECT_EQ(rule_outcome(p, e, "004.collective.no_breach", march_2025), Outcome::failed);
}

TEST(Seed004, IndividualsAreJudgedByTheCouncilByPosition) {
  // 004 III.2.1 (leaders) and III.2.2 (civil servants)
  const Profile p = profiles::langson_inspectorate_2025();
  Evidence leader = trade_staff();
  leader.position = Position::unit_leader;

  const auto evaluation = evaluate(p, leader, march_2025);

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::needs_council_judgement);
  EXPECT_EQ(evaluation->results.back().rule->section, "004 III.2.1");
}

// The national titles of Law 06/2022 (from 1/1/2024), and the law of 2003 before.

Evidence civil_servant() {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  return e;
}

TEST(National, AnExcellentYearMakesAGrassrootsEmulationSoldierUnderTheLawOf2022Only) {
  // Law 06/2022 art. 23: grassroots emulation soldier = advanced worker and one of: excellent, an initiative, a topic
  const Profile p = profiles::grassroots_emulation_soldier();
  Evidence e = civil_servant();
  e.ratings = {{2023, Rating::excellent}};

  EXPECT_EQ(verdict_of(p, e, bg::date{2023, 12, 31}), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(p, e, bg::date{2024, 1, 1}), Verdict::eligible);
}

TEST(National, AGrassrootsInitiativeMakesAGrassrootsEmulationSoldierUnderBothLaws) {
  const Profile p = profiles::grassroots_emulation_soldier();
  Evidence e = civil_servant();
  e.ratings = {{2023, Rating::good}};
  e.initiatives = {{2023, InitiativeLevel::grassroots, InitiativeKind::initiative, false, false}};
  Evidence only_good = e;
  only_good.initiatives.clear();

  EXPECT_EQ(verdict_of(p, e, bg::date{2023, 12, 31}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, e, bg::date{2024, 1, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, only_good, bg::date{2024, 1, 1}), Verdict::not_eligible);
}

TEST(National, IsThisPersonEligibleForTheProvincialEmulationSoldierTitleIn2025) {
  // Law 06/2022 art. 22: 3 consecutive grassroots emulation soldier titles plus an initiative applied province-wide
  const Profile p = profiles::provincial_emulation_soldier();
  Evidence e = civil_servant();
  e.titles = {{2022, Title::grassroots_emulation_soldier}, {2023, Title::grassroots_emulation_soldier},
              {2024, Title::grassroots_emulation_soldier}};
  e.initiatives = {{2023, InitiativeLevel::provincial, InitiativeKind::initiative, true, false}};
  Evidence gap = e;
  gap.titles[1].year = 2021;
  const bg::date day{2025, 3, 1};

  EXPECT_EQ(verdict_of(p, e, day), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, gap, day), Verdict::not_eligible);
}

TEST(National, NoTitleRefusesADateAPlanCovers) {
  // Every plan runs 2021-2025; before 1/1/2024 the rules in force under Law 15/2003 apply (here in
  // the 2022 wording, docs/criteria.md), and the 2003 rule set cites no Decree 98/2023.
  for (const Profile& p : profiles::national()) {
    SCOPED_TRACE(p.id);
    const RuleSet* before = p.in_force(bg::date{2021, 3, 1});
    ASSERT_NE(before, nullptr);
    EXPECT_NE(before->basis.vi.find("15/2003"), std::string::npos);
    EXPECT_EQ(before->basis.vi.find("98/2023"), std::string::npos);
    const Rule& root = before->individual ? *before->individual : *before->collective;
    std::vector<const Rule*> stack{&root};
    while (!stack.empty()) {
      const Rule* r = stack.back();
      stack.pop_back();
      EXPECT_EQ(r->section.find("98/2023"), std::string::npos) << r->id;
      for (const Rule& child : r->children) stack.push_back(&child);
    }
    Evidence e = civil_servant();
    if (before->collective) {
      e = langson_team();
      e.members[0].year = 2020;
    }
    EXPECT_TRUE(evaluate(p, e, bg::date{2021, 3, 1})) << p.id;
  }
}

TEST(National, ANationalEmulationSoldierNeedsTwoConsecutiveProvincialTitles) {
  // Law 06/2022 art. 21: «02 lần liên tục» provincial emulation soldier; a provincial title crowns
  // three years, so the second follows the first by three years.
  const Profile p = profiles::national_emulation_soldier();
  Evidence e = civil_servant();
  e.titles = {{2019, Title::provincial_emulation_soldier}, {2022, Title::provincial_emulation_soldier}};
  e.initiatives = {{2022, InitiativeLevel::national, InitiativeKind::initiative, true, false}};
  Evidence gap = e;
  gap.titles[0].year = 2016;

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, gap, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, AResearchTopicMakesAGrassrootsEmulationSoldierOnlyWhenAcceptedAndApplied) {
  // Law 06/2022 art. 23: «đề tài khoa học … được nghiệm thu và áp dụng»
  const Profile p = profiles::grassroots_emulation_soldier();
  Evidence e = civil_servant();
  e.ratings = {{2024, Rating::good}};
  e.initiatives = {{2024, InitiativeLevel::grassroots, InitiativeKind::research_topic, true, false}};
  Evidence shelved = e;
  shelved.initiatives[0].applied = false;

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, shelved, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

/// A team of ten rated excellent in 2024: every member completes, 7 advanced workers or higher.
Evidence excellent_team() {
  Evidence e = langson_team();
  e.members[0].members = 10;
  e.members[0].rated = {0, 2, 6, 2};
  e.members[0].titled = {6, 1, 0, 0};
  e.ratings = {{2024, E}};
  return e;
}

TEST(National, AnExcellentCollectiveMustItselfBeRatedExcellent) {
  // Law 06/2022 art. 27: the collective «hoàn thành xuất sắc nhiệm vụ»
  Evidence e = excellent_team();
  Evidence good = e;
  good.ratings = {{2024, G}};

  EXPECT_EQ(verdict_of(profiles::excellent_collective(), e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(profiles::excellent_collective(), good, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, ANationalEmulationSoldierNeedsTwoProvincialTitlesAndANationalInitiative) {
  const Profile p = profiles::national_emulation_soldier();
  Evidence e = civil_servant();
  e.titles = {{2019, Title::provincial_emulation_soldier}, {2022, Title::provincial_emulation_soldier}};
  e.initiatives = {{2022, InitiativeLevel::national, InitiativeKind::initiative, true, false}};
  Evidence one = e;
  one.titles.pop_back();

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, one, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, AProvincialCertificateDoesNotCountAnInitiativeAlreadyRewarded) {
  // Law 06/2022 art. 74: an initiative already used for an award is not counted again
  const Profile p = profiles::provincial_certificate();
  Evidence e = civil_servant();
  e.ratings = {{2023, Rating::excellent}, {2024, Rating::excellent}};
  e.initiatives = {{2023, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false},
                   {2024, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false}};
  Evidence reused = e;
  reused.initiatives[0].rewarded = true;

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, reused, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, AProvincialCertificateFollowsTwoConsecutiveGrassrootsTitles) {
  const Profile p = profiles::provincial_certificate();
  Evidence e = civil_servant();
  e.titles = {{2023, Title::grassroots_emulation_soldier}, {2024, Title::grassroots_emulation_soldier}};
  Evidence one = e;
  one.titles.pop_back();

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, one, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, APrimeMinistersCertificateNeedsAnEarlierCertificateAndFiveGoodYearsWithThreeTitles) {
  const Profile p = profiles::prime_minister_certificate();
  Evidence e = civil_servant();
  e.certificates = {{Award::provincial_certificate, bg::date{2019, 5, 1}}};
  e.ratings = {{2020, G}, {2021, E}, {2022, G}, {2023, E}, {2024, E}};
  e.titles = {{2021, Title::grassroots_emulation_soldier}, {2023, Title::grassroots_emulation_soldier},
              {2024, Title::grassroots_emulation_soldier}};
  Evidence two_titles = e;
  two_titles.titles.pop_back();

  EXPECT_EQ(verdict_of(p, e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(p, two_titles, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

TEST(National, AnExcellentCollectiveNeedsSeventyPercentAdvancedWorkersByDefault) {
  // Law 06/2022 art. 27; the share is a *setting*, default at least 70% advanced workers
  Evidence e = excellent_team();
  Evidence sixty = e;
  sixty.members[0].titled = {5, 1, 0, 0};
  profiles::NationalSettings lenient;
  lenient.excellent_collective_advanced_workers = Fraction{3, 5, false};

  EXPECT_EQ(verdict_of(profiles::excellent_collective(), e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(profiles::excellent_collective(), sixty, bg::date{2025, 3, 1}), Verdict::not_eligible);
  EXPECT_EQ(verdict_of(profiles::excellent_collective(lenient), sixty, bg::date{2025, 3, 1}), Verdict::eligible);
}

TEST(National, AnAdvancedCollectiveNeedsMoreThanHalfAdvancedWorkers) {
  // Law 06/2022 art. 28; the share is a *setting*, default more than 50% advanced workers
  Evidence e = langson_team();
  e.ratings = {{2024, G}};
  e.members[0].members = 10;
  e.members[0].titled = {6, 0, 0, 0};
  Evidence half = e;
  half.members[0].titled = {5, 0, 0, 0};

  EXPECT_EQ(verdict_of(profiles::advanced_collective(), e, bg::date{2025, 3, 1}), Verdict::eligible);
  EXPECT_EQ(verdict_of(profiles::advanced_collective(), half, bg::date{2025, 3, 1}), Verdict::not_eligible);
}

}  // namespace
}  // namespace exemplar
