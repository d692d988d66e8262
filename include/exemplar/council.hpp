// exemplar/council.hpp: the Emulation and Commendation Council's vote.
//
//   struct Fraction { numerator, denominator, strict }   "at least 2/3", "more than 1/2"
//   struct CouncilRules { quorum, approval, title_approval }   plan settings, defaults from the national rules
//     has_quorum(members, present), approves(members, votes_for), approves(members, votes_for, motion)
//     quorum_needed(members), votes_needed(members, motion)
//   validate(rules)
//   Motion           recognition | emulation_soldier_title (≥90% of all members, secret ballot)
//   Sitting          the membership and who attended
//   Ballot           one candidate's votes
//   Quota            select K of N: at least / at most (seed 003 IV.1: 4 to 5)
//   select(rules, sitting, ballots, quota, motion) -> Selection
//     decided | tie_at_cutoff | short_of_quota | no_quorum: a tie or a missing quorum is reported
//     for the council to settle, never broken silently
//   review_of(sitting, ballot)  the lifecycle's commands::Review for one candidate
//   explain(selection, lang)
//
// The council advises and the agency head decides. Every threshold counts the whole membership,
// not those present (Law 06/2022 and Decree 98/2023 on the council's vote; docs/criteria.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "ids.hpp"
#include "labels.hpp"
#include "refusal.hpp"

namespace exemplar {

namespace commands {
/// The lifecycle's review command (lifecycle.hpp, which includes this header).
struct Review;
}  // namespace commands

/// True when votes for and against fit among the members present, who fit in the membership: a
/// council cannot count more votes than it had people in the room.
[[nodiscard]] constexpr bool votes_fit(std::uint32_t members, std::uint32_t present, std::uint32_t in_favour,
                                       std::uint32_t opposed) noexcept {
  return present <= members && in_favour + opposed <= present;
}

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

  /// The smallest count out of `total` that reaches the share (total + 1 when none does).
  [[nodiscard]] constexpr std::uint32_t smallest(std::uint32_t total) const noexcept {
    if (denominator == 0) return total + 1;
    const auto product = static_cast<std::uint64_t>(total) * numerator;
    const std::uint64_t least = strict ? product / denominator + 1 : (product + denominator - 1) / denominator;
    return least > total ? total + 1 : static_cast<std::uint32_t>(least);
  }

  friend constexpr bool operator==(const Fraction& a, const Fraction& b) noexcept {
    return a.numerator == b.numerator && a.denominator == b.denominator && a.strict == b.strict;
  }
  friend constexpr bool operator!=(const Fraction& a, const Fraction& b) noexcept { return !(a == b); }
};

/// What the council votes on: recognising an exemplar, or proposing a provincial or national
/// emulation soldier title, which needs the stricter secret-ballot threshold.
enum class Motion : std::uint8_t { recognition, emulation_soldier_title };
inline constexpr std::size_t motion_count = 2;
[[nodiscard]] LabelTable label_table(Motion) noexcept;

/// The council's voting settings. Defaults (plan settings; docs/criteria.md): quorum at least 2/3 of
/// members present; a proposal needs more than half of all members voting for it; a provincial or
/// national emulation soldier title needs at least 90% of all members, by secret ballot.
struct CouncilRules {
  Fraction quorum{2, 3, false};
  Fraction approval{1, 2, true};
  Fraction title_approval{9, 10, false};

  /// Enough members present, out of the whole membership.
  [[nodiscard]] constexpr bool has_quorum(std::uint32_t members, std::uint32_t present) const noexcept {
    return members > 0 && present <= members && quorum.reached(present, members);
  }
  /// Enough votes for a recognition, out of the whole membership.
  [[nodiscard]] constexpr bool approves(std::uint32_t members, std::uint32_t votes_for) const noexcept {
    return members > 0 && approval.reached(votes_for, members);
  }
  /// Approval for the given motion, out of the whole membership.
  [[nodiscard]] constexpr bool approves(std::uint32_t members, std::uint32_t votes_for, Motion motion) const noexcept {
    return members > 0 && threshold(motion).reached(votes_for, members);
  }
  /// The fewest members present that make a quorum.
  [[nodiscard]] constexpr std::uint32_t quorum_needed(std::uint32_t members) const noexcept {
    return quorum.smallest(members);
  }
  /// The fewest votes for that carry the motion.
  [[nodiscard]] constexpr std::uint32_t votes_needed(std::uint32_t members, Motion motion) const noexcept {
    return threshold(motion).smallest(members);
  }
  /// The approval threshold of a motion.
  [[nodiscard]] constexpr const Fraction& threshold(Motion motion) const noexcept {
    return motion == Motion::emulation_soldier_title ? title_approval : approval;
  }

  friend constexpr bool operator==(const CouncilRules& a, const CouncilRules& b) noexcept {
    return a.quorum == b.quorum && a.approval == b.approval && a.title_approval == b.title_approval;
  }
  friend constexpr bool operator!=(const CouncilRules& a, const CouncilRules& b) noexcept { return !(a == b); }
};

/// Accepts rules whose every threshold is a share that can be reached: a denominator above 0, a numerator
/// no larger, and no "more than 100%".
[[nodiscard]] tl::expected<void, Refusal> validate(const CouncilRules& rules);

/// One sitting of the council: the whole membership (the denominator of every threshold) and who
/// attended.
struct Sitting {
  std::uint16_t members = 0;
  std::uint16_t present = 0;
};

/// One candidate's votes at a sitting.
struct Ballot {
  CandidateId candidate;
  std::uint16_t votes_for = 0;
  std::uint16_t votes_against = 0;
};

/// How many candidates the council sends up: at least `at_least`, at most `at_most`
/// (seed 003 IV.1: "lựa chọn 04 đến 05").
struct Quota {
  std::uint16_t at_least = 1;
  std::uint16_t at_most = 1;
};

/// What a selection came to. Only `decided` is a decision; the others are facts for the council.
enum class SelectionStatus : std::uint8_t {
  decided,         ///< the approved candidates fill the quota without a tie at its edge
  tie_at_cutoff,   ///< candidates tie for the last seats: the council must settle it
  short_of_quota,  ///< fewer candidates were approved than the quota's minimum
  no_quorum,       ///< too few members present: nothing was decided
};
inline constexpr std::size_t selection_status_count = 4;
[[nodiscard]] LabelTable label_table(SelectionStatus) noexcept;

/// The outcome of selecting K of N by votes. Lists are ranked, most votes first.
struct Selection {
  SelectionStatus status = SelectionStatus::no_quorum;
  std::vector<Ballot> ranking;            ///< every ballot, most votes for first (ties in input order)
  std::vector<CandidateId> selected;      ///< approved and within the quota
  std::vector<CandidateId> tied;          ///< tied for the last `seats_left` seats
  std::vector<CandidateId> not_selected;  ///< not approved, or approved but below the cut-off
  std::uint16_t seats_left = 0;           ///< seats the tied candidates compete for
  std::uint32_t quorum_needed = 0;
  std::uint32_t votes_needed = 0;
  Sitting sitting;
};

/// Selects up to quota.at_most candidates among those the motion approves, by votes for. A missing
/// quorum, a tie at the cut-off and a short list are reported in the status, never decided here.
/// Refused: no members; more present than members; a ballot for candidate 0 or twice for one
/// candidate; votes adding up to more than those present; a quota whose minimum exceeds its
/// maximum or whose maximum is 0; rules that validate() refuses.
[[nodiscard]] tl::expected<Selection, Refusal> select(const CouncilRules& rules, const Sitting& sitting,
                                                      const std::vector<Ballot>& ballots, Quota quota,
                                                      Motion motion = Motion::recognition);

/// The lifecycle's review command for one candidate's ballot at a sitting (lifecycle.hpp).
[[nodiscard]] commands::Review review_of(const Sitting& sitting, const Ballot& ballot);

/// The selection in a sentence or two: what was decided or what the council must settle.
[[nodiscard]] std::string explain(const Selection& selection, Lang lang);

}  // namespace exemplar
