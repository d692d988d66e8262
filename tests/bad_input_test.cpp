// The bad input catalogue (issue: reliability): what a host's database or form may hold that the
// library must refuse clearly, without throwing and without changing anything. Each case names the
// refusal it expects. Cases already tested next to their concept are listed in docs/reliability.md
// with their test's name rather than repeated here.
#include <fstream>
#include <sstream>
#include <string>

#include <exemplar/calendar.hpp>

#include "support/lifecycle_fixture.hpp"

#ifdef EXEMPLAR_HAS_JSON
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>

#include "support/journal_fixture.hpp"
#endif

namespace exemplar {
namespace {

using namespace exemplar::testing;

const Workflow flow;

RefusalCode code_of(const tl::expected<Event, Refusal>& outcome) {
  return outcome ? RefusalCode{} : outcome.error().code;
}

// Decides and checks that the candidate is untouched, whatever the outcome.
tl::expected<Event, Refusal> decide_on_copy(const Candidate& candidate, const Command& command, const Actor& actor,
                                            bg::date date) {
  const Candidate before = candidate;
  auto outcome = flow.decide(candidate, command, actor, date);
  EXPECT_EQ(candidate, before);
  return outcome;
}

TEST(BadInput, DatesFarInThePastOrFutureAreRefusedAsOutOfRange) {
  auto far_past = decide_on_copy(Candidate{}, discover_nguyen(), unit_head, bg::date{1850, 1, 1});
  auto far_future = decide_on_copy(Candidate{}, discover_nguyen(), unit_head, bg::date{3500, 1, 1});
  auto boost_minimum = decide_on_copy(Candidate{}, discover_nguyen(), unit_head, bg::date{bg::min_date_time});
  auto boost_maximum = decide_on_copy(Candidate{}, discover_nguyen(), unit_head, bg::date{bg::max_date_time});

  EXPECT_EQ(code_of(far_past), RefusalCode::date_out_of_range);
  EXPECT_EQ(code_of(far_future), RefusalCode::date_out_of_range);
  EXPECT_EQ(code_of(boost_minimum), RefusalCode::date_out_of_range);
  EXPECT_EQ(code_of(boost_maximum), RefusalCode::date_out_of_range);
}

TEST(BadInput, MinusInfinityIsNotADate) {
  auto outcome = decide_on_copy(Candidate{}, discover_nguyen(), unit_head, bg::date{bg::neg_infin});

  EXPECT_EQ(code_of(outcome), RefusalCode::invalid_date);
}

// 001 II.2: "quyết định công nhận" — the decision's own date is checked like the step's.
TEST(BadInput, ARecognitionDecisionThatIsNotADateOrFarInThePastIsRefused) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  auto not_a_date = decide_on_copy(walked.candidate, commands::Recognize{"12/QĐ-TTr", bg::date{bg::not_a_date_time}},
                                   chief, walked.next_day);
  auto far_past = decide_on_copy(walked.candidate, commands::Recognize{"12/QĐ-TTr", bg::date{1850, 1, 1}}, chief,
                                 walked.next_day);

  EXPECT_NE(code_of(not_a_date), RefusalCode{});
  EXPECT_NE(code_of(far_past), RefusalCode{});
  EXPECT_FALSE(not_a_date.has_value());
  EXPECT_FALSE(far_past.has_value());
}

TEST(BadInput, ADecisionNumberLongerThanItsFieldIsRefused) {
  const Walked walked = walk_to(flow, Stage::reviewed);

  auto outcome = decide_on_copy(walked.candidate, commands::Recognize{std::string(25, '1'), walked.next_day}, chief,
                                walked.next_day);

  EXPECT_EQ(code_of(outcome), RefusalCode::invalid_argument);
}

// 000 III: the council's counts cannot exceed its membership, nor the votes those present.
TEST(BadInput, ImpossibleCouncilCountsAreRefused) {
  const Walked walked = walk_to(flow, Stage::registered);

  auto more_present_than_members = decide_on_copy(walked.candidate, commands::Review{9, 12, 7, 1}, council, walked.next_day);
  auto more_votes_than_present = decide_on_copy(walked.candidate, commands::Review{9, 8, 7, 5}, council, walked.next_day);
  auto no_members = decide_on_copy(walked.candidate, commands::Review{0, 0, 0, 0}, council, walked.next_day);

  EXPECT_EQ(code_of(more_present_than_members), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(more_votes_than_present), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(no_members), RefusalCode::invalid_argument);
}

TEST(BadInput, UnknownSubjectPositionAndLevelAreRefusedByName) {
  commands::Discover subject = discover_nguyen();
  subject.as.subject = static_cast<Subject>(7);
  commands::Discover position = discover_nguyen();
  position.as.position = static_cast<Position>(99);
  commands::Discover level = discover_nguyen();
  level.as.level = static_cast<Level>(250);

  auto a = decide_on_copy(Candidate{}, subject, unit_head, bg::date{2022, 1, 1});
  auto b = decide_on_copy(Candidate{}, position, unit_head, bg::date{2022, 1, 1});
  auto c = decide_on_copy(Candidate{}, level, unit_head, bg::date{2022, 1, 1});

  EXPECT_EQ(code_of(a), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(b), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(c), RefusalCode::invalid_argument);
  EXPECT_EQ(a.error().subject, "subject");
  EXPECT_EQ(b.error().subject, "position");
  EXPECT_EQ(c.error().subject, "level");
}

TEST(BadInput, UnknownAwardAndReplicationAreRefused) {
  const Walked recognized = walk_to(flow, Stage::recognized);
  const Walked commended = walk_to(flow, Stage::commended);

  auto award = decide_on_copy(recognized.candidate, commands::Commend{static_cast<Award>(99)}, chief, recognized.next_day);
  auto activity = decide_on_copy(commended.candidate, commands::Replicate{static_cast<Replication>(99), "Hội nghị"},
                                 secretariat, commended.next_day);

  EXPECT_EQ(code_of(award), RefusalCode::invalid_argument);
  EXPECT_EQ(code_of(activity), RefusalCode::invalid_argument);
}

TEST(BadInput, AnActorOfAnUnknownRoleGetsNothingAccepted) {
  const Actor stranger{ActorId{3}, static_cast<Role>(42), division};

  auto outcome = decide_on_copy(Candidate{}, discover_nguyen(), stranger, bg::date{2022, 1, 1});

  EXPECT_FALSE(outcome.has_value());
}

TEST(BadInput, EveryFreeTextIsCheckedForUtf8AndSize) {
  const Walked discovered = walk_to(flow, Stage::discovered);
  const Walked registered = walk_to(flow, Stage::registered);
  const Walked commended = walk_to(flow, Stage::commended);
  commands::Discover overlong = discover_nguyen();
  overlong.as.description = "\xC0\xAF";
  commands::Discover surrogate = discover_nguyen();
  surrogate.as.description = "\xED\xA0\x80";

  auto a = decide_on_copy(Candidate{}, overlong, unit_head, bg::date{2022, 1, 1});
  auto b = decide_on_copy(Candidate{}, surrogate, unit_head, bg::date{2022, 1, 1});
  auto c = decide_on_copy(discovered.candidate, commands::Withdraw{std::string(4097, 'x')}, unit_head, discovered.next_day);
  auto d = decide_on_copy(registered.candidate, commands::Reject{""}, council, registered.next_day);
  auto e = decide_on_copy(registered.candidate, commands::Disqualify{"k\xFFy lu\xE1t"}, chief, registered.next_day);
  auto f = decide_on_copy(commended.candidate, commands::Revoke{std::string(4097, 'x')}, chief, commended.next_day);

  for (const auto* outcome : {&a, &b, &c, &d, &e, &f}) EXPECT_EQ(code_of(*outcome), RefusalCode::invalid_argument);
  EXPECT_EQ(a.error().subject, "description");
}

#ifdef EXEMPLAR_HAS_JSON
using json::Json;

std::string plan_text() {
  std::ifstream in(std::string(EXEMPLAR_SOURCE_DIR) + "/plans/inspectorate-2021.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Json plan_document() { return json::parse(plan_text()).value(); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(BadInput, APlanTimingNamingAMilestoneThePlanDoesNotHaveIsRefused) {
  Json document = plan_document();
  document["procedure"]["timings"][0]["milestones"]["id"] = "no-such-milestone";

  const auto plan = json::plan_from_json(document);

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().subject, "/procedure/timings/0/milestones/id");
}

TEST(BadInput, APlanTimingForAnUnknownStepIsRefused) {
  Json document = plan_document();
  document["procedure"]["timings"][0]["step"] = "promote";

  const auto plan = json::plan_from_json(document);

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(plan.error().subject, "/procedure/timings/0/step");
}

TEST(BadInput, InvalidUtf8InAPlanFileIsRefusedNotThrown) {
  const std::string text = replaced(plan_text(), "Provincial Inspectorate", "Provincial \xFF\xFE Inspectorate");

  const auto plan = json::plan_from_text(text);

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, RefusalCode::invalid_argument);
}

TEST(BadInput, NumbersAPlanCannotHoldAreRefused) {
  Json negative = plan_document();
  negative["roadmap"]["first_year"] = -2021;
  Json huge = plan_document();
  huge["roadmap"]["first_year"] = 18446744073709551615ULL;
  Json fraction = plan_document();
  fraction["roadmap"]["first_year"] = 2021.5;
  const std::string overflowing = replaced(plan_text(), "\"first_year\": 2021", "\"first_year\": 1e400");

  EXPECT_EQ(json::plan_from_json(negative).error().subject, "/roadmap/first_year");
  EXPECT_EQ(json::plan_from_json(huge).error().subject, "/roadmap/first_year");
  EXPECT_EQ(json::plan_from_json(fraction).error().subject, "/roadmap/first_year");
  EXPECT_FALSE(json::plan_from_text(overflowing));
}

TEST(BadInput, AnEmptyOrOversizedPlanIdIsRefused) {
  Json empty = plan_document();
  empty["id"] = "";
  Json oversized = plan_document();
  oversized["id"] = std::string(129, 'p');

  const auto a = json::plan_from_json(empty);
  const auto b = json::plan_from_json(oversized);

  ASSERT_FALSE(a);
  ASSERT_FALSE(b);
  EXPECT_EQ(a.error().subject, "/id");
  EXPECT_EQ(b.error().subject, "/id");
}

TEST(BadInput, AJournalRecordWithAnUnknownRoleIsRefusedAtItsPlace) {
  Json document = json::to_json(fixture::every_kind_journal(flow));
  document["records"][2]["event"]["role"] = "emperor";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(records.error().record, std::optional<std::uint64_t>{3U});
}

TEST(BadInput, InvalidUtf8InAJournalFileIsRefusedNotThrown) {
  const std::string text = json::to_json(fixture::every_kind_journal(flow)).dump();
  const std::string broken = replaced(text, "Mô hình", "M\xC3\x28 hình");

  const auto document = json::parse(broken);

  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().code, RefusalCode::invalid_argument);
}
#endif

}  // namespace
}  // namespace exemplar
