// No allocation per step (issue 7, "No allocation per step in decide, evolve, status or
// evaluate"): decide and evolve on the happy path, with texts short enough for std::string to keep
// inline (at most 15 bytes with libstdc++ and libc++), never touch the heap; neither do
// evaluate_into once its Evaluation is warm, nor state_on. Global operator new is replaced by a
// counting one for this test program; the counter only runs inside a measured span.
#include <atomic>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "support/lifecycle_fixture.hpp"

// Replacing the global operator new and delete is the point of this file: with optimisation GCC
// inlines our delete (free) next to a library's new and wrongly reports a malloc/new mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {

std::atomic<bool> counting{false};
std::atomic<std::size_t> allocations{0};

void* counted_allocation(std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}

}  // namespace

void* operator new(std::size_t size) {
  if (void* memory = counted_allocation(size)) return memory;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* memory = counted_allocation(size)) return memory;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return counted_allocation(size); }
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete[](void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }
void operator delete(void* memory, const std::nothrow_t&) noexcept { std::free(memory); }
void operator delete[](void* memory, const std::nothrow_t&) noexcept { std::free(memory); }

namespace exemplar {
namespace {

using namespace exemplar::testing;

/// Counts the allocations made while it lives.
class AllocationSpan {
 public:
  AllocationSpan() {
    allocations.store(0, std::memory_order_relaxed);
    counting.store(true, std::memory_order_relaxed);
  }
  AllocationSpan(const AllocationSpan&) = delete;
  AllocationSpan& operator=(const AllocationSpan&) = delete;
  ~AllocationSpan() { counting.store(false, std::memory_order_relaxed); }

  [[nodiscard]] std::size_t count() const { return allocations.load(std::memory_order_relaxed); }
};

/// One step of a walk: the command, who gives it, and what the step's allocations were.
struct Measured {
  CommandKind kind;
  std::size_t allocations;
  bool accepted;
};

/// Decides and evolves one step, counting the allocations of exactly those two calls.
Measured step(const Workflow& flow, Candidate& candidate, const Command& command, const Actor& actor,
              bg::date date) {
  std::size_t count = 0;
  bool accepted = false;
  {
    AllocationSpan span;
    auto event = flow.decide(candidate, command, actor, date);
    if (event) {
      candidate = flow.evolve(candidate, *event);
      accepted = true;
    }
    count = span.count();
  }
  return Measured{kind_of(command), count, accepted};
}

std::vector<Measured> walk(const Workflow& flow, const std::vector<std::pair<Command, Actor>>& steps) {
  Candidate candidate;
  bg::date day{2022, 1, 3};
  std::vector<Measured> measured;
  for (const auto& [command, actor] : steps) {
    measured.push_back(step(flow, candidate, command, actor, day));
    day += bg::days(1);
  }
  return measured;
}

commands::Discover short_discover() {
  return commands::Discover{nguyen, Subject::individual, division, Position::staff, Field::inspection,
                            Level::unit, "Sáng kiến"};
}

TEST(Allocation, TheCounterSeesAStringTooLongToKeepInline) {
  std::size_t count = 0;

  {
    AllocationSpan span;
    std::string text(64, 'x');
    count = span.count();
  }

  EXPECT_EQ(count, 1U);
}

// issue 7: "No allocation per step in decide, evolve"; the plans' happy path (001 II.1-3), then one
// level up (003 IV.1) and a second round.
TEST(Allocation, DecideAndEvolveDoNotAllocateAlongTheHappyPathWithShortTexts) {
  const Workflow flow;
  const std::vector<std::pair<Command, Actor>> steps{
      {short_discover(), unit_head},
      {commands::Foster{ActorId{9}}, unit_head},
      {commands::Register{"Hồ sơ số 1"}, unit_head},
      {proposing_review(), council},
      {commands::Recognize{"45/QĐ-TTr", bg::date{2022, 1, 7}}, chief},
      {commands::Commend{Award::agency_certificate}, chief},
      {commands::Replicate{Replication::meeting, "Hội nghị"}, secretariat},
      {commands::Replicate{Replication::web_publication, ""}, secretariat},
      {commands::Nominate{}, chief},
      {proposing_review(), council},
      {commands::Recognize{"12/QĐ-UBND", bg::date{2022, 1, 13}}, chief},
      {commands::Propose{Award::provincial_certificate}, chief},
      {commands::Commend{Award::provincial_certificate}, chief},
      {commands::Revoke{"Gian lận"}, chief},
  };

  const std::vector<Measured> measured = walk(flow, steps);

  ASSERT_EQ(measured.size(), steps.size());
  for (const Measured& m : measured) {
    EXPECT_TRUE(m.accepted) << identifier(m.kind);
    EXPECT_EQ(m.allocations, 0U) << identifier(m.kind);
  }
}

// The off-ramps are steps like any other (domain.md, "The candidate lifecycle").
TEST(Allocation, TheOffRampsDoNotAllocateWithShortReasons) {
  const Workflow flow;
  const std::vector<std::vector<std::pair<Command, Actor>>> walks{
      {{short_discover(), unit_head}, {commands::Withdraw{"Rút đăng ký"}, unit_head}},
      {{short_discover(), unit_head}, {commands::Disqualify{"Kỷ luật"}, chief}},
      {{short_discover(), unit_head}, {commands::Foster{ActorId{9}}, unit_head},
       {commands::Register{"Hồ sơ số 1"}, unit_head}, {commands::Reject{"Không đạt"}, council}},
  };

  for (const auto& steps : walks) {
    const std::vector<Measured> measured = walk(flow, steps);

    for (const Measured& m : measured) {
      EXPECT_TRUE(m.accepted) << identifier(m.kind);
      EXPECT_EQ(m.allocations, 0U) << identifier(m.kind);
    }
  }
}

// 001 II.2: a council that does not propose rejects the candidate; that is an accepted step too,
// although the table reaches its row only after the "council_proposed" row is blocked.
TEST(Allocation, ACouncilThatDoesNotProposeRejectsWithoutAllocating) {
  const Workflow flow;
  const std::vector<std::pair<Command, Actor>> steps{
      {short_discover(), unit_head},
      {commands::Foster{ActorId{9}}, unit_head},
      {commands::Register{"Hồ sơ số 1"}, unit_head},
      {commands::Review{9, 8, 3, 5}, council},
  };

  const std::vector<Measured> measured = walk(flow, steps);

  ASSERT_EQ(measured.size(), steps.size());
  EXPECT_TRUE(measured.back().accepted);
  for (const Measured& m : measured) EXPECT_EQ(m.allocations, 0U) << identifier(m.kind);
}

// A refusal from the table or the policy carries only codes and facts, no text: refusing the
// commonest mistakes costs no allocation either.
TEST(Allocation, RefusalsByTheTableAndThePolicyDoNotAllocate) {
  const Workflow flow;
  Candidate candidate;
  const bg::date day{2022, 1, 3};
  std::size_t count = 0;

  {
    AllocationSpan span;
    auto wrong_stage = flow.decide(candidate, commands::Commend{Award::agency_certificate}, chief, day);
    auto wrong_actor = flow.decide(candidate, short_discover(), other_unit_head, day);
    count = span.count();
    EXPECT_FALSE(wrong_stage.has_value());
    EXPECT_FALSE(wrong_actor.has_value());
  }

  EXPECT_EQ(count, 0U);
}

const bg::date spring_2025{2025, 3, 1};

/// An Inspectorate officer of 2025 as the seed-000 benchmark generates them: rated years, titles,
/// initiatives, a sanction, and the council's judgement named by a 26-byte id (longer than
/// std::string keeps inline, so a copy of it would allocate).
Evidence officer(int variant) {
  Evidence e;
  e.subject = Subject::individual;
  e.position = Position::staff;
  e.field = Field::inspection;
  for (int y = 0; y < 5 + variant % 4; ++y) {
    e.ratings.push_back({static_cast<std::uint16_t>(2024 - y), (y + variant) % 3 == 0 ? Rating::good : Rating::excellent});
  }
  for (int t = 0; t < variant % 3; ++t) {
    e.titles.push_back({static_cast<std::uint16_t>(2024 - 2 * t), Title::grassroots_emulation_soldier});
  }
  for (int n = 0; n < variant % 5; ++n) {
    e.initiatives.push_back({static_cast<std::uint16_t>(2020 + n), InitiativeLevel::grassroots,
                             InitiativeKind::initiative, true, false});
  }
  if (variant % 4 == 1) e.certificates = {{Award::provincial_certificate, bg::date{2023, 5, 1}}};
  if (variant % 4 == 2) e.sanctions = {{SanctionLevel::reprimand, bg::date{2023, 3, 1}, bg::date{2024, 2, 29}}};
  if (variant % 2 == 1) e.judgements = {{"000.individual.ho_chi_minh", variant % 3 == 0}};
  return e;
}

Evidence unit_of(std::uint32_t members, std::uint32_t good_or_better) {
  Evidence e;
  e.subject = Subject::collective;
  e.position = Position::none;
  e.field = Field::inspection;
  MemberTally tally;
  tally.year = 2024;
  tally.members = members;
  tally.rated = {0, members - good_or_better, good_or_better, 0};
  e.members = {tally};
  e.ratings = {{2024, Rating::excellent}, {2023, Rating::excellent}};
  e.indicators = {{"planned_inspections", 2024, 100.0}};
  return e;
}

// issue 7: "No allocation per step in ... evaluate"; seed 000 II.2.2b, the individual exemplar.
TEST(Allocation, EvaluateIntoAllocatesNothingOnceItsEvaluationIsWarm) {
  const Profile profile = profiles::hatinh_inspectorate_2021_2025();
  std::vector<Evidence> officers;
  for (int v = 0; v < 24; ++v) officers.push_back(officer(v));
  Evaluation reused;
  ASSERT_TRUE(evaluate_into(reused, profile, officers.front(), spring_2025));
  std::size_t count = 0;
  std::size_t evaluated = 0;

  {
    AllocationSpan span;
    for (const Evidence& e : officers) evaluated += evaluate_into(reused, profile, e, spring_2025) ? 1U : 0U;
    count = span.count();
  }

  EXPECT_EQ(evaluated, officers.size());
  EXPECT_EQ(count, 0U);
}

TEST(Allocation, EvaluateIntoAllocatesNothingOnEverySeedProfileOnceWarm) {
  const std::vector<Profile> profiles{profiles::hatinh_inspectorate_2021_2025(), profiles::inspectorate_2021(),
                                      profiles::quangbinh_office_2021_2025(),
                                      profiles::hatinh_industry_trade_2021_2025(),
                                      profiles::langson_inspectorate_2025(), profiles::excellent_collective()};
  const std::vector<Evidence> evidence{officer(3), officer(6), unit_of(10, 9), unit_of(10, 4)};
  std::vector<std::size_t> counts;
  std::size_t evaluated = 0;

  for (const Profile& profile : profiles) {
    // A refusal carries text and may allocate; only what the profile evaluates is measured.
    std::vector<const Evidence*> accepted;
    Evaluation reused;
    for (const Evidence& e : evidence) {
      if (evaluate_into(reused, profile, e, spring_2025)) accepted.push_back(&e);
    }
    AllocationSpan span;
    for (const Evidence* e : accepted) evaluated += evaluate_into(reused, profile, *e, spring_2025) ? 1U : 0U;
    counts.push_back(span.count());
  }

  EXPECT_GE(evaluated, 2U * profiles.size());
  EXPECT_EQ(counts, std::vector<std::size_t>(profiles.size(), 0U));
}

TEST(Allocation, EvaluateAllocatesOnlyItsResults) {
  const Profile profile = profiles::hatinh_inspectorate_2021_2025();
  const Evidence e = officer(5);
  std::size_t count = 0;

  {
    AllocationSpan span;
    const auto evaluation = evaluate(profile, e, spring_2025);
    count = span.count();
    ASSERT_TRUE(evaluation);
  }

  EXPECT_EQ(count, 1U);
}

// issue 7: "No allocation per step in ... status"; the nightly sweep's state_on.
TEST(Allocation, StateOnAllocatesNothing) {
  const DeadlineDays days{bg::date{2021, 3, 17}, bg::date{2021, 3, 24}};
  const std::vector<std::optional<bg::date>> marks{std::nullopt, bg::date{2021, 3, 20}, bg::date{2021, 3, 30}};
  std::size_t count = 0;
  std::size_t missed = 0;

  {
    AllocationSpan span;
    for (bg::date today = bg::date{2021, 1, 1}; today < bg::date{2021, 5, 1}; today += bg::days(1)) {
      for (const auto& completed : marks) {
        for (const auto& waived : marks) {
          missed += state_on(today, bg::date{2021, 1, 11}, days, completed, waived) == MilestoneState::missed ? 1U : 0U;
        }
      }
    }
    count = span.count();
  }

  EXPECT_GT(missed, 0U);
  EXPECT_EQ(count, 0U);
}

}  // namespace
}  // namespace exemplar
