// The engine (fsm.hpp): a constexpr table of {from, event, to, guard} rows, dispatch and
// introspection read from the same rows. Shown on a machine of its own, so that a host's third
// machine is just one more table.
#include <array>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>

namespace exemplar {
namespace {

// A host's own variant: a suggestion box (proposed → accepted | declined → archived).
enum class Box : std::uint8_t { proposed, accepted, declined, archived };
enum class Act : std::uint8_t { decide, archive, reopen };
struct Ballot {
  int yes = 0;
};

bool majority(const Ballot& ballot) noexcept { return ballot.yes > 0; }
bool no_majority(const Ballot& ballot) noexcept { return ballot.yes <= 0; }
bool never(const Ballot&) noexcept { return false; }
std::string why_no_majority(const Ballot&) { return "no majority"; }
std::string why_majority(const Ballot&) { return "majority"; }
std::string why_closed(const Ballot&) { return "closed for good"; }

using BoxTable = fsm::Table<Box, Act, Ballot, std::string, 4, 3, 5>;
constexpr BoxTable box_table{std::array<BoxTable::row_type, 5>{{
    {Box::proposed, Act::decide, Box::accepted, &majority, "majority", &why_no_majority},
    {Box::proposed, Act::decide, Box::declined, &no_majority, "no_majority", &why_majority},
    {Box::accepted, Act::archive, Box::archived, nullptr, {}, nullptr},
    {Box::declined, Act::archive, Box::archived, nullptr, {}, nullptr},
    {Box::archived, Act::reopen, Box::proposed, &never, "never", &why_closed},
}}};

// The table is usable at compile time: the lifecycle's shape can be checked by the compiler.
static_assert(lifecycle_table.target(Stage::fostered, CommandKind::register_) == Stage::registered);
static_assert(lifecycle_table.has_transition(Stage::commended, CommandKind::nominate));
static_assert(!lifecycle_table.has_transition(Stage::reviewed, CommandKind::commend));
static_assert(box_table.target(Box::accepted, Act::archive) == Box::archived);

TEST(Engine, TakesTheRowForTheStateAndEvent) {
  const auto fired = box_table.fire(Box::accepted, Act::archive, Ballot{});

  ASSERT_TRUE(fired.taken());
  EXPECT_EQ(fired.row->to, Box::archived);
}

TEST(Engine, ReportsNoTransitionWhenTheTableHasNoRow) {
  const auto fired = box_table.fire(Box::proposed, Act::archive, Ballot{});

  EXPECT_TRUE(fired.no_transition());
  EXPECT_FALSE(fired.failure(Ballot{}));
}

TEST(Engine, TheFirstRowWhoseGuardPassesWins) {
  const auto yes = box_table.fire(Box::proposed, Act::decide, Ballot{3});
  const auto no = box_table.fire(Box::proposed, Act::decide, Ballot{0});

  EXPECT_EQ(yes.row->to, Box::accepted);
  EXPECT_EQ(no.row->to, Box::declined);
}

TEST(Engine, ABlockedRowExplainsItselfOnlyWhenAsked) {
  const auto fired = box_table.fire(Box::archived, Act::reopen, Ballot{});

  EXPECT_FALSE(fired.taken());
  EXPECT_EQ(fired.blocked, &box_table.rows()[4]);
  EXPECT_EQ(fired.failure(Ballot{}), std::optional<std::string>{"closed for good"});
}

TEST(Engine, ListsEveryStateAndEveryEventInTheEnumsOrder) {
  EXPECT_EQ(BoxTable::states(), (std::array<Box, 4>{Box::proposed, Box::accepted, Box::declined, Box::archived}));
  EXPECT_EQ(BoxTable::events(), (std::array<Act, 3>{Act::decide, Act::archive, Act::reopen}));
}

TEST(Engine, ListsTheEventsAllowedFromAState) {
  EXPECT_EQ(box_table.allowed(Box::proposed), std::vector<Act>{Act::decide});
  EXPECT_EQ(box_table.allowed(Box::archived), std::vector<Act>{Act::reopen});
  EXPECT_EQ(lifecycle_table.allowed(Stage::registered),
            (std::vector<CommandKind>{CommandKind::review, CommandKind::withdraw, CommandKind::reject,
                                      CommandKind::disqualify}));
}

TEST(Engine, ListsEveryTargetOfAGuardedChoice) {
  EXPECT_EQ(box_table.targets(Box::proposed, Act::decide), (std::vector<Box>{Box::accepted, Box::declined}));
  EXPECT_EQ(lifecycle_table.targets(Stage::registered, CommandKind::review),
            (std::vector<Stage>{Stage::reviewed, Stage::rejected}));
}

TEST(Engine, AStateWithNoOutgoingRowIsFinal) {
  EXPECT_FALSE(box_table.is_final(Box::archived));
  EXPECT_TRUE(lifecycle_table.is_final(Stage::withdrawn));
  EXPECT_FALSE(lifecycle_table.is_final(Stage::replicated));
}

TEST(Engine, OutOfRangeStatesAndEventsHaveNoTransition) {
  EXPECT_FALSE(box_table.has_transition(static_cast<Box>(9), Act::decide));
  EXPECT_TRUE(box_table.fire(Box::proposed, static_cast<Act>(9), Ballot{}).no_transition());
}

TEST(Engine, GuardNamesAreKeptForDiagrams) {
  EXPECT_EQ(box_table.rows()[0].guard_name, "majority");
  EXPECT_EQ(lifecycle_table.rows()[7].guard_name, "council_proposed");
}

TEST(Engine, TheLifecycleStateTheEngineTouchesIsOneByte) {
  EXPECT_EQ(sizeof(Stage), 1U);
}

}  // namespace
}  // namespace exemplar
