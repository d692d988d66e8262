// The Emulation and Commendation Council: thresholds over the whole membership, selecting K of N,
// and the facts it must settle itself (domain.md "council vote"; seed 003 IV.1 "lựa chọn 04 đến 05").
#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/council.hpp>
#include <exemplar/lifecycle.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;

const Quota four_to_five{4, 5};
const Sitting nine_of_nine{9, 9};

std::vector<Ballot> ballots(std::initializer_list<std::uint16_t> votes_for) {
  std::vector<Ballot> list;
  std::uint32_t id = 1;
  for (std::uint16_t v : votes_for) list.push_back(Ballot{CandidateId{id++}, v, 0});
  return list;
}

std::vector<CandidateId> ids(std::initializer_list<std::uint32_t> values) {
  std::vector<CandidateId> list;
  for (std::uint32_t v : values) list.push_back(CandidateId{v});
  return list;
}

TEST(Council, TheQuorumCountsTheWholeMembership) {
  // domain.md: quorum *setting* 2/3 of members
  const CouncilRules rules;

  EXPECT_EQ(rules.quorum_needed(9), 6U);
  EXPECT_TRUE(rules.has_quorum(9, 6));
  EXPECT_FALSE(rules.has_quorum(9, 5));
  EXPECT_EQ(rules.quorum_needed(10), 7U);
}

TEST(Council, ApprovalCountsAllMembersNotThosePresent) {
  // domain.md: approval "more than 50% of all members" — the denominator is the whole membership
  const CouncilRules rules;

  EXPECT_TRUE(rules.approves(9, 5));
  EXPECT_FALSE(rules.approves(9, 4));
  EXPECT_FALSE(rules.approves(10, 5));
  EXPECT_EQ(rules.votes_needed(10, Motion::recognition), 6U);
}

TEST(Council, AnEmulationSoldierTitleNeedsNinetyPercentOfAllMembers) {
  // domain.md: "≥90% of all members by secret ballot for provincial/national emulation soldier titles"
  const CouncilRules rules;

  EXPECT_TRUE(rules.approves(10, 9, Motion::emulation_soldier_title));
  EXPECT_FALSE(rules.approves(10, 8, Motion::emulation_soldier_title));
  EXPECT_EQ(rules.votes_needed(11, Motion::emulation_soldier_title), 10U);
}

TEST(Council, TheThresholdsAreSettings) {
  const CouncilRules strict{Fraction{3, 4, false}, Fraction{2, 3, false}, Fraction{1, 1, false}};

  EXPECT_FALSE(strict.has_quorum(8, 5));
  EXPECT_TRUE(strict.has_quorum(8, 6));
  EXPECT_EQ(strict.votes_needed(9, Motion::recognition), 6U);
  EXPECT_EQ(strict.votes_needed(9, Motion::emulation_soldier_title), 9U);
}

TEST(Council, ThresholdsThatCanNeverBeReachedAreRefused) {
  const CouncilRules zero{Fraction{2, 0, false}, Fraction{1, 2, true}, Fraction{9, 10, false}};
  const CouncilRules over{Fraction{2, 3, false}, Fraction{1, 1, true}, Fraction{9, 10, false}};

  const auto fine = validate(CouncilRules{});
  const auto unreachable_quorum = validate(zero);
  const auto unreachable_approval = validate(over);

  EXPECT_TRUE(fine) << fine.error().message();
  ASSERT_FALSE(unreachable_quorum);
  EXPECT_EQ(unreachable_quorum.error().subject, "quorum");
  ASSERT_FALSE(unreachable_approval);
  EXPECT_EQ(unreachable_approval.error().subject, "approval");
}

TEST(Council, SelectsTheQuotaByVotesWhenTheCutOffIsClear) {
  // seed 003 IV.1: the council selects 4 to 5 exemplars to send to the provincial board
  const auto selection = select(CouncilRules{}, nine_of_nine, ballots({9, 6, 8, 5, 7, 7, 9}), four_to_five);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->status, SelectionStatus::decided);
  EXPECT_EQ(selection->selected, ids({1, 7, 3, 5, 6}));
  EXPECT_EQ(selection->not_selected, ids({2, 4}));
  EXPECT_TRUE(selection->tied.empty());
}

TEST(Council, ATieAtTheLastSeatIsReportedNotBroken) {
  // seed 003 IV.1: five seats; the fifth and sixth candidates have the same votes
  const auto selection = select(CouncilRules{}, nine_of_nine, ballots({9, 8, 8, 7, 6, 6, 5}), four_to_five);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->status, SelectionStatus::tie_at_cutoff);
  EXPECT_EQ(selection->selected, ids({1, 2, 3, 4}));
  EXPECT_EQ(selection->tied, ids({5, 6}));
  EXPECT_EQ(selection->seats_left, 1);
  EXPECT_EQ(selection->not_selected, ids({7}));
  EXPECT_EQ(explain(*selection, Lang::en),
            "Selected: 1, 2, 3, 4; tied for the 1 remaining seats: 5, 6; the council must settle it");
  EXPECT_NE(explain(*selection, Lang::vi).find("Hội đồng cần quyết định"), std::string::npos);
}

TEST(Council, ATieAboveTheCutOffDecidesNothingOpen) {
  const auto selection = select(CouncilRules{}, nine_of_nine, ballots({9, 8, 8, 7, 6, 5}), four_to_five);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->status, SelectionStatus::decided);
  EXPECT_EQ(selection->selected, ids({1, 2, 3, 4, 5}));
}

TEST(Council, ACouncilWithoutQuorumSelectsNobodyAndSaysWhy) {
  // domain.md: quorum 2/3 of members; 5 of 9 is short
  const auto selection = select(CouncilRules{}, Sitting{9, 5}, ballots({5, 5, 5, 5}), four_to_five);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->status, SelectionStatus::no_quorum);
  EXPECT_TRUE(selection->selected.empty());
  EXPECT_TRUE(selection->not_selected.empty());
  EXPECT_EQ(selection->ranking.size(), 4U);
  EXPECT_EQ(explain(*selection, Lang::en), "No quorum: 5 of 9 members present, 6 needed; nothing was selected");
}

TEST(Council, FewerApprovedThanTheQuotaIsReported) {
  // Candidates with 4 of 9 votes are not approved ("more than 50% of all members")
  const auto selection = select(CouncilRules{}, nine_of_nine, ballots({9, 5, 4, 4, 3}), four_to_five);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->status, SelectionStatus::short_of_quota);
  EXPECT_EQ(selection->selected, ids({1, 2}));
  EXPECT_EQ(selection->votes_needed, 5U);
}

TEST(Council, AnEmulationSoldierSelectionUsesTheSecretBallotThreshold) {
  const auto selection = select(CouncilRules{}, Sitting{10, 10}, ballots({10, 9, 8}), Quota{1, 3},
                                Motion::emulation_soldier_title);

  ASSERT_TRUE(selection);
  EXPECT_EQ(selection->selected, ids({1, 2}));
  EXPECT_EQ(selection->not_selected, ids({3}));
}

TEST(Council, VotesAddingUpToMoreThanThosePresentAreRefused) {
  std::vector<Ballot> list = ballots({5});
  list[0].votes_against = 3;

  const auto selection = select(CouncilRules{}, Sitting{9, 7}, list, four_to_five);

  ASSERT_FALSE(selection);
  EXPECT_EQ(selection.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(selection.error().subject, "ballots[0]");
}

TEST(Council, TwoBallotsForOneCandidateAreRefused) {
  std::vector<Ballot> list = ballots({5, 6});
  list[1].candidate = list[0].candidate;

  const auto selection = select(CouncilRules{}, nine_of_nine, list, four_to_five);

  ASSERT_FALSE(selection);
  EXPECT_EQ(selection.error().subject, "ballots[1].candidate");
}

TEST(Council, AnImpossibleQuotaOrSittingIsRefused) {
  EXPECT_FALSE(select(CouncilRules{}, nine_of_nine, ballots({5}), Quota{5, 4}));
  EXPECT_FALSE(select(CouncilRules{}, nine_of_nine, ballots({5}), Quota{0, 0}));
  EXPECT_FALSE(select(CouncilRules{}, Sitting{0, 0}, ballots({}), four_to_five));
  EXPECT_EQ(select(CouncilRules{}, Sitting{9, 10}, ballots({}), four_to_five).error().subject, "council attendance");
}

TEST(Council, ABallotFeedsTheLifecyclesReviewStep) {
  // 001 II.2: the council reviews, then proposes recognition
  const Sitting sitting{9, 8};
  const Ballot ballot{CandidateId{42}, 7, 1};

  const commands::Review review = review_of(sitting, ballot);

  EXPECT_EQ(review.members, 9);
  EXPECT_EQ(review.present, 8);
  EXPECT_EQ(review.votes_for, 7);
  EXPECT_EQ(review.votes_against, 1);
}

TEST(Council, EveryNewEnumHasLabelsInBothLanguages) {
  EXPECT_EQ(identifier(SelectionStatus::tie_at_cutoff), "tie_at_cutoff");
  EXPECT_EQ(label(SelectionStatus::no_quorum, Lang::vi), "không đủ số thành viên");
  EXPECT_EQ(from_identifier<Motion>("emulation_soldier_title"), Motion::emulation_soldier_title);
}

}  // namespace
}  // namespace exemplar
