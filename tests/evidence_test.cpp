// What a host tells the library about a candidate: plain values, refused when they cannot be true
// (domain.md, "Criteria"; the glossary's Rating, Title, Award, Initiative, Discipline).
#include <cmath>
#include <limits>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/evidence.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;

Evidence good_individual() {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  e.ratings = {{2021, Rating::good}, {2022, Rating::excellent}};
  e.titles = {{2022, Title::grassroots_emulation_soldier}};
  e.certificates = {{Award::provincial_certificate, bg::date{2023, 5, 19}}};
  e.initiatives = {{2022, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false}};
  e.sanctions = {};
  return e;
}

/// What validate() refused; evidence it accepts fails the test.
Refusal refusal_of(const tl::expected<void, Refusal>& checked) {
  if (checked) {
    ADD_FAILURE() << "the evidence was accepted";
    return Refusal{};
  }
  return checked.error();
}

Evidence good_collective() {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  e.field = Field::inspection;
  MemberTally tally;
  tally.year = 2024;
  tally.members = 10;
  tally.rated = {0, 1, 6, 3};
  tally.titled = {7, 2, 0, 0};
  e.members = {tally};
  e.indicators = {{"economic_recommendations", 2024, 80.1}};
  return e;
}

TEST(Evidence, ConsistentEvidenceIsAccepted) {
  const Evidence individual = good_individual();
  const Evidence collective = good_collective();

  EXPECT_TRUE(validate(individual)) << refusal_of(validate(individual)).message();
  EXPECT_TRUE(validate(collective)) << refusal_of(validate(collective)).message();
}

TEST(Evidence, RatingsAndTitlesAreOrderedLowestFirstSoAtOrAboveIsAComparison) {
  EXPECT_LT(Rating::not_completed, Rating::completed);
  EXPECT_LT(Rating::good, Rating::excellent);
  EXPECT_LT(Title::advanced_worker, Title::grassroots_emulation_soldier);
  EXPECT_LT(Title::provincial_emulation_soldier, Title::national_emulation_soldier);
  EXPECT_LT(SanctionLevel::reprimand, SanctionLevel::warning);
}

TEST(Evidence, EveryNewEnumHasLabelsInBothLanguages) {
  EXPECT_EQ(label(Rating::excellent, Lang::vi), "hoàn thành xuất sắc nhiệm vụ");
  EXPECT_EQ(label(Title::grassroots_emulation_soldier, Lang::vi), "Chiến sĩ thi đua cơ sở");
  EXPECT_EQ(identifier(SanctionLevel::removal_from_office), "removal_from_office");
  EXPECT_EQ(from_identifier<InitiativeLevel>("provincial"), InitiativeLevel::provincial);
  EXPECT_EQ(all_values<InitiativeKind>().size(), initiative_kind_count);
}

TEST(Evidence, AYearRatedTwiceIsRefusedWithThePathOfTheBadField) {
  Evidence e = good_individual();
  e.ratings.push_back({2021, Rating::excellent});

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.subject, "ratings[2].year");
  EXPECT_FALSE(refusal.detail.vi.empty());
}

TEST(Evidence, AYearOutsideTheSupportedRangeIsRefused) {
  Evidence e = good_individual();
  e.titles.push_back({20222, Title::advanced_worker});

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.code, RefusalCode::date_out_of_range);
  EXPECT_EQ(refusal.subject, "titles[1].year");
}

TEST(Evidence, AnUnknownRatingIsRefused) {
  Evidence e = good_individual();
  e.ratings[0].rating = static_cast<Rating>(9);

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "ratings[0].rating");
}

TEST(Evidence, ACertificateWithoutADateIsRefused) {
  Evidence e = good_individual();
  e.certificates[0].granted = bg::date{bg::not_a_date_time};

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.code, RefusalCode::invalid_date);
  EXPECT_EQ(refusal.subject, "certificates[0].granted");
}

TEST(Evidence, APublicCommendationIsNotACertificateOfMerit) {
  Evidence e = good_individual();
  e.certificates[0].award = Award::public_commendation;

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "certificates[0].award");
}

TEST(Evidence, ASanctionThatEndsBeforeItStartsIsRefused) {
  Evidence e = good_individual();
  e.sanctions = {{SanctionLevel::reprimand, bg::date{2023, 6, 1}, bg::date{2023, 5, 31}}};

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.code, RefusalCode::date_out_of_order);
  EXPECT_EQ(refusal.subject, "sanctions[0].until");
}

TEST(Evidence, MoreMembersRatedThanTheCollectiveHasIsRefused) {
  Evidence e = good_collective();
  e.members[0].rated = {0, 2, 6, 3};

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "members[0].rated");
  EXPECT_NE(refusal.detail.en.find("11 counted"), std::string::npos);
}

TEST(Evidence, MoreMembersDisciplinedThanTheCollectiveHasIsRefused) {
  Evidence e = good_collective();
  e.members[0].disciplined[0] = 11;

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "members[0].disciplined");
}

TEST(Evidence, ACollectiveWithoutMembersIsRefused) {
  Evidence e = good_collective();
  e.members[0].members = 0;
  e.members[0].rated = {};
  e.members[0].titled = {};

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "members[0].members");
}

TEST(Evidence, AnIndividualHasNoMembersToCount) {
  Evidence e = good_individual();
  e.members = good_collective().members;

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "members");
}

TEST(Evidence, ACollectiveHasNoPositionAndAnIndividualHasOne) {
  Evidence collective = good_collective();
  collective.position = Position::staff;
  Evidence individual = good_individual();
  individual.position = Position::none;

  EXPECT_EQ(refusal_of(validate(collective)).subject, "position");
  EXPECT_EQ(refusal_of(validate(individual)).subject, "position");
}

TEST(Evidence, APercentageAboveOneHundredIsRefused) {
  Evidence e = good_collective();
  e.indicators[0].percent = 100.5;

  const Refusal refusal = refusal_of(validate(e));

  EXPECT_EQ(refusal.subject, "indicators[0].percent");
}

TEST(Evidence, ANegativePercentageIsRefused) {
  Evidence e = good_collective();
  e.indicators[0].percent = -0.1;

  EXPECT_FALSE(validate(e));
}

TEST(Evidence, APercentageThatIsNotANumberIsRefused) {
  Evidence e = good_collective();
  e.indicators[0].percent = std::numeric_limits<double>::quiet_NaN();
  Evidence infinite = good_collective();
  infinite.indicators[0].percent = std::numeric_limits<double>::infinity();

  EXPECT_EQ(refusal_of(validate(e)).subject, "indicators[0].percent");
  EXPECT_EQ(refusal_of(validate(infinite)).subject, "indicators[0].percent");
}

TEST(Evidence, TheEdgesOfAPercentageAreAccepted) {
  Evidence zero = good_collective();
  zero.indicators[0].percent = 0.0;
  Evidence full = good_collective();
  full.indicators[0].percent = 100.0;

  EXPECT_TRUE(validate(zero)) << refusal_of(validate(zero)).message();
  EXPECT_TRUE(validate(full)) << refusal_of(validate(full)).message();
}

TEST(Evidence, AnIndicatorWithoutAnIdIsRefused) {
  Evidence e = good_collective();
  e.indicators[0].id.clear();

  EXPECT_EQ(refusal_of(validate(e)).subject, "indicators[0].id");
}

TEST(Evidence, AnIndicatorGivenTwiceForOneYearIsRefused) {
  Evidence e = good_collective();
  e.indicators.push_back({"economic_recommendations", 2024, 90.0});

  EXPECT_EQ(refusal_of(validate(e)).subject, "indicators[1].id");
}

TEST(Evidence, TheCouncilsJudgementOnOneRuleIsGivenOnce) {
  Evidence e = good_individual();
  e.judgements = {{"000.individual.ho_chi_minh", true}, {"000.individual.ho_chi_minh", false}};

  EXPECT_EQ(refusal_of(validate(e)).subject, "judgements[1].rule");
}

}  // namespace
}  // namespace exemplar
