// benchmarks/rules.hpp: exemplar's default rules as a user would write them by hand, read by the
// three same-rules peers (switch, table, msm) so that each rule has one path and the peers differ
// only in how they find the arrow.
//
//   Kept                      what such a user keeps per candidate: stage, level, unit, last day
//   kGrants, kRights          the grants of Policy::defaults(), in the peers' own form, compiled
//                             to [command][role][level] stage bits
//   permitted(...)            authority: two bit tests, and the unit for own-unit grants
//   in_order(...)             date order: a step is not dated before the candidate's last one
//   has_dossier(arg)          register needs a non-empty dossier
//   council_verdict(review)   the council's votes against its membership
//   has_higher_level(level)   nominate needs a level above
//
// None of this calls exemplar: a peer that asked exemplar would time exemplar. rules_check.cpp
// compares every answer here with Policy::defaults() and CouncilRules{} before anything is timed,
// so the peers cannot drift from the rules they claim to check.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "stream.hpp"

namespace exemplar::bench::rules {

/// A candidate as a same-rules peer keeps it: the facts its checks read, in 6 bytes.
struct Kept {
  std::uint16_t unit = 0;      ///< the candidate's unit, from its discovery; 0 before
  std::uint16_t last_day = 0;  ///< the stream day of its last step
  Stage stage = Stage::initial;
  Level level = Level::unit;   ///< the level it walks at (authority depends on it; nominate raises it)
};

/// Stage bits: bit s stands for the Stage numbered s.
using StageBits = std::uint16_t;
/// Level bits: bit l stands for the Level numbered l.
using LevelBits = std::uint8_t;

/// The bits of a few stages.
[[nodiscard]] constexpr StageBits stages(std::initializer_list<Stage> list) noexcept {
  StageBits bits = 0;
  for (Stage stage : list) bits = static_cast<StageBits>(bits | (1U << static_cast<unsigned>(stage)));
  return bits;
}

/// The bits of a few levels.
[[nodiscard]] constexpr LevelBits levels(std::initializer_list<Level> list) noexcept {
  LevelBits bits = 0;
  for (Level level : list) bits = static_cast<LevelBits>(bits | (1U << static_cast<unsigned>(level)));
  return bits;
}

/// One right: `role` may give `command` at `stages` and `levels`, only in its own unit or anywhere.
struct Grant {
  CommandKind command;
  Role role;
  bool own_unit;
  StageBits stages;
  LevelBits levels;
};

/// How many grants Policy::defaults() has.
inline constexpr std::size_t kGrantCount = 24;

/// The rights of Policy::defaults() (authority.cpp), one line per grant, in the same order.
[[nodiscard]] constexpr std::array<Grant, kGrantCount> default_grants() noexcept {
  using C = CommandKind;
  using R = Role;
  using S = Stage;
  constexpr bool own = true;
  constexpr bool any = false;
  const LevelBits agency = levels({Level::unit, Level::agency});
  const LevelBits province = levels({Level::province});
  const LevelBits every = levels({Level::unit, Level::agency, Level::province, Level::nation});
  const StageBits live =
      stages({S::discovered, S::fostered, S::registered, S::reviewed, S::recognized, S::commended, S::replicated});
  const StageBits honoured = stages({S::commended, S::replicated});
  return {{
      {C::discover, R::unit_head, own, stages({S::initial}), agency},
      {C::discover, R::mass_organization, own, stages({S::initial}), agency},
      {C::foster, R::unit_head, own, stages({S::discovered}), agency},
      {C::register_, R::unit_head, own, stages({S::fostered}), agency},
      {C::withdraw, R::unit_head, own, stages({S::discovered, S::fostered, S::registered}), agency},
      {C::review, R::council, any, stages({S::registered}), agency},
      {C::review, R::provincial_board, any, stages({S::registered}), province},
      {C::reject, R::council, any, stages({S::registered}), agency},
      {C::reject, R::agency_head, any, stages({S::reviewed, S::recognized}), agency},
      {C::reject, R::provincial_board, any, stages({S::registered, S::reviewed, S::recognized}), province},
      {C::recognize, R::agency_head, any, stages({S::reviewed}), agency},
      {C::recognize, R::provincial_board, any, stages({S::reviewed}), province},
      {C::commend, R::agency_head, any, stages({S::recognized}), agency},
      {C::commend, R::provincial_board, any, stages({S::recognized}), province},
      {C::replicate, R::secretariat, any, honoured, every},
      {C::replicate, R::unit_head, own, honoured, every},
      {C::nominate, R::agency_head, any, honoured, agency},
      {C::nominate, R::provincial_board, any, honoured, province},
      {C::disqualify, R::agency_head, any, live, agency},
      {C::disqualify, R::provincial_board, any, live, province},
      {C::revoke, R::agency_head, any, honoured, agency},
      {C::revoke, R::provincial_board, any, honoured, province},
      {C::propose, R::agency_head, any, stages({S::recognized, S::commended, S::replicated}), agency},
      {C::propose, R::provincial_board, any, stages({S::recognized, S::commended, S::replicated}), province},
  }};
}

/// The grants the same-rules peers check.
inline constexpr std::array<Grant, kGrantCount> kGrants = default_grants();

/// The stages one role may act at, for one command and one level: anywhere, or in its own unit.
struct Rights {
  StageBits anywhere;
  StageBits own_unit;
};

/// [command][role][level]: 1 152 bytes, built by the compiler.
using RightsTable = std::array<std::array<std::array<Rights, level_count>, role_count>, command_count>;

/// The grants folded into a table, so that a check is a load and two bit tests.
template <std::size_t Count>
[[nodiscard]] constexpr RightsTable compile(const std::array<Grant, Count>& grants) noexcept {
  RightsTable table{};
  // Every cell is written explicitly: GCC 12 value-initialises nested std::arrays wrongly in
  // constant evaluation (see table_bare's grid in plain.cpp).
  for (auto& by_role : table) {
    for (auto& by_level : by_role) {
      for (auto& rights : by_level) rights = Rights{0, 0};
    }
  }
  for (const Grant& grant : grants) {
    auto& by_level = table[static_cast<std::size_t>(grant.command)][static_cast<std::size_t>(grant.role)];
    for (std::size_t level = 0; level < level_count; ++level) {
      if ((grant.levels & (1U << level)) == 0) continue;
      StageBits& bits = grant.own_unit ? by_level[level].own_unit : by_level[level].anywhere;
      bits = static_cast<StageBits>(bits | grant.stages);
    }
  }
  return table;
}

/// The compiled rights of kGrants.
inline constexpr RightsTable kRights = compile(kGrants);

/// Authority: `actor` may give `command` to a candidate at `stage` and `level` in `unit` (0: none).
/// An own-unit right needs the actor's unit to be the candidate's.
[[nodiscard]] constexpr bool permitted(const StepActor& actor, CommandKind command, Stage stage, Level level,
                                       std::uint32_t unit) noexcept {
  const Rights& rights =
      kRights[static_cast<std::size_t>(command)][static_cast<std::size_t>(actor.role)][static_cast<std::size_t>(level)];
  const auto bit = static_cast<StageBits>(1U << static_cast<unsigned>(stage));
  if ((rights.anywhere & bit) != 0) return true;
  return (rights.own_unit & bit) != 0 && actor.unit == unit && unit != 0;
}

/// Date order: a step dated `day` may follow one dated `last_day` (a candidate never stepped has 0,
/// the stream's first day, so its first step always passes, as exemplar's unset last step does).
[[nodiscard]] constexpr bool in_order(std::uint16_t last_day, std::uint16_t day) noexcept { return day >= last_day; }

/// The dossier guard: register needs a non-empty dossier, which a step's arg 0 stands for.
[[nodiscard]] constexpr bool has_dossier(std::uint8_t arg) noexcept { return arg != 0; }

/// What a review comes to.
enum class Verdict : std::uint8_t {
  refused,           ///< the votes do not fit the sitting, or no quorum: the step is refused
  proposes,          ///< registered → reviewed
  does_not_propose,  ///< registered → rejected
};

/// The council's votes against its membership, as CouncilRules{} counts them: the votes must fit
/// those present and those present the membership; a quorum is at least 2/3 of all members; a
/// proposal needs more than 1/2 of all members, not of those present.
[[nodiscard]] constexpr Verdict council_verdict(const ReviewVotes& review) noexcept {
  const std::uint32_t members = review.members;
  const std::uint32_t present = review.present;
  if (members == 0 || present > members || std::uint32_t{review.votes_for} + review.votes_against > present) {
    return Verdict::refused;
  }
  if (present * kQuorumDenominator < members * kQuorumNumerator) return Verdict::refused;
  return review.votes_for * kApprovalDenominator > members * kApprovalNumerator ? Verdict::proposes
                                                                                : Verdict::does_not_propose;
}

/// Nominate needs a level above the candidate's: every level but the nation has one.
[[nodiscard]] constexpr bool has_higher_level(Level level) noexcept { return level != Level::nation; }

/// The level a nomination leads to (only called when has_higher_level holds).
[[nodiscard]] constexpr Level level_above(Level level) noexcept {
  return static_cast<Level>(static_cast<std::uint8_t>(level) + 1);
}

/// The reviews of every step argument, built at run time from review_votes: the host receives a
/// review from a form, so its sitting must not become a constant the compiler folds away.
class Reviews {
 public:
  Reviews() {
    for (std::uint8_t votes = 0; votes <= kCouncilMembers; ++votes) reviews_[votes] = review_votes(votes);
  }
  /// The review a step's argument stands for (never above kCouncilMembers, stream.hpp).
  [[nodiscard]] const ReviewVotes& operator[](std::uint8_t arg) const noexcept { return reviews_[arg]; }

 private:
  std::array<ReviewVotes, kCouncilMembers + 1> reviews_{};
};

}  // namespace exemplar::bench::rules
