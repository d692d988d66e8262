// exemplar/council.hpp: the Emulation and Commendation Council's vote.
//
//   struct Fraction { numerator, denominator, strict }   "at least 2/3", "more than 1/2"
//   struct CouncilRules { quorum, approval }             plan settings, defaults from domain.md
//     has_quorum(members, present)
//     approves(members, votes_for)
//
// The council advises and the agency head decides. Both thresholds count the whole membership,
// not those present (domain.md, "The national rules behind the plans": council vote).
#pragma once

#include <cstdint>

namespace exemplar {

/// A share of the membership: "at least n/d" or, when strict, "more than n/d".
struct Fraction {
  std::uint16_t numerator = 1;
  std::uint16_t denominator = 2;
  bool strict = false;

  /// True when `count` out of `total` reaches the share. Integer arithmetic: no rounding surprises.
  [[nodiscard]] constexpr bool reached(std::uint32_t count, std::uint32_t total) const noexcept {
    const auto lhs = static_cast<std::uint64_t>(count) * denominator;
    const auto rhs = static_cast<std::uint64_t>(total) * numerator;
    return strict ? lhs > rhs : lhs >= rhs;
  }
};

/// The council's voting settings. Defaults: quorum at least 2/3 of members present; a proposal
/// needs more than half of all members voting for it.
struct CouncilRules {
  Fraction quorum{2, 3, false};
  Fraction approval{1, 2, true};

  [[nodiscard]] constexpr bool has_quorum(std::uint32_t members, std::uint32_t present) const noexcept {
    return members > 0 && present <= members && quorum.reached(present, members);
  }
  [[nodiscard]] constexpr bool approves(std::uint32_t members, std::uint32_t votes_for) const noexcept {
    return members > 0 && approval.reached(votes_for, members);
  }
};

}  // namespace exemplar
