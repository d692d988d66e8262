// exemplar/authority.hpp: who may do what, as data a plan can replace.
//
//   struct Actor { id, role, unit }            the person acting, as the host knows them
//   enum class Scope { own_unit, any_unit }    where a right applies
//   StageSet, LevelSet                         small bit sets of stages and levels
//   struct Grant { command, role, scope, stages, levels }   one right
//   class Policy
//     Policy(grants)                           any policy; Policy::defaults() is domain.md's
//     check(actor, command, stage, level, unit) -> optional<Refusal>
//     permits(...)                             the same as a bool
//     denial(...) -> optional<RefusalCode>     the same as a code, building nothing
//     grants()                                 the rows, for docs and the authority matrix
//
// Default policy (domain.md, "The candidate lifecycle"; 000 IV.1-5; 001 II.2-3; 003 IV.1): unit
// heads and mass organisations discover in their own unit; unit heads foster, register and withdraw
// in their own unit; the council reviews and rejects registrations; the agency head recognises,
// commends, rejects reviewed or recognised candidates, disqualifies, revokes and nominates; the
// secretariat (any unit) or the candidate's unit head records replication; at province level the
// provincial board takes the council's and the agency head's steps.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

#include "ids.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// The person taking a step: who they are, in which role, in which unit.
struct Actor {
  ActorId id;
  Role role = Role::unit_head;
  UnitId unit;

  friend constexpr bool operator==(const Actor& a, const Actor& b) noexcept {
    return a.id == b.id && a.role == b.role && a.unit == b.unit;
  }
};

/// Where a right applies: only to candidates of the actor's own unit, or to any candidate.
enum class Scope : std::uint8_t { own_unit, any_unit };
[[nodiscard]] LabelTable label_table(Scope) noexcept;

/// A set of enumerators of a small enum, as bits.
template <class E, class Bits>
class EnumSet {
 public:
  constexpr EnumSet() noexcept = default;
  constexpr EnumSet(std::initializer_list<E> values) noexcept {
    for (E value : values) bits_ = static_cast<Bits>(bits_ | bit(value));
  }
  /// Every enumerator below `count`.
  [[nodiscard]] static constexpr EnumSet all(std::size_t count) noexcept {
    EnumSet set;
    set.bits_ = static_cast<Bits>((Bits{1} << count) - 1U);
    return set;
  }
  [[nodiscard]] constexpr bool contains(E value) const noexcept { return (bits_ & bit(value)) != 0; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr Bits bits() const noexcept { return bits_; }
  constexpr EnumSet& operator|=(EnumSet other) noexcept { bits_ = static_cast<Bits>(bits_ | other.bits_); return *this; }
  friend constexpr bool operator==(EnumSet a, EnumSet b) noexcept { return a.bits_ == b.bits_; }

 private:
  static constexpr Bits bit(E value) noexcept {
    const auto index = static_cast<unsigned>(value);
    return index < sizeof(Bits) * 8 ? static_cast<Bits>(Bits{1} << index) : Bits{0};
  }
  Bits bits_ = 0;
};

using StageSet = EnumSet<Stage, std::uint16_t>;
using LevelSet = EnumSet<Level, std::uint8_t>;

/// One right: `role` may take `command` on candidates at one of `stages` and `levels`, in `scope`.
struct Grant {
  CommandKind command;
  Role role;
  Scope scope;
  StageSet stages;
  LevelSet levels;
};

/// A set of rights. Checking is two bit tests against a table compiled from the grants.
class Policy {
 public:
  /// The policy of domain.md's lifecycle table.
  [[nodiscard]] static Policy defaults();

  explicit Policy(std::vector<Grant> grants);

  /// Nullopt when `actor` may take `command` on a candidate at `stage` and `level` in `unit`;
  /// otherwise a refusal (not_authorised or outside_actor_unit) that names the facts.
  [[nodiscard]] std::optional<Refusal> check(const Actor& actor, CommandKind command, Stage stage,
                                             Level level, UnitId unit) const;

  /// The same decision as a bool, for screens that only grey out buttons. Inline: every step of
  /// a sweep asks it.
  [[nodiscard]] bool permits(const Actor& actor, CommandKind command, Stage stage, Level level,
                             UnitId unit) const noexcept {
    const auto level_index = static_cast<std::size_t>(level);
    if (static_cast<std::size_t>(command) >= command_count || static_cast<std::size_t>(actor.role) >= role_count ||
        level_index >= level_count) {
      return false;
    }
    const Rights& granted = rights(command, actor.role);
    if (granted.any_unit[level_index].contains(stage)) return true;
    return granted.own_unit[level_index].contains(stage) && actor.unit == unit && unit.valid();
  }

  /// The same decision as check(), as the refusal's code only: what a sweep over millions of
  /// candidates needs, without building a refusal it may never show.
  [[nodiscard]] std::optional<RefusalCode> denial(const Actor& actor, CommandKind command, Stage stage,
                                                  Level level, UnitId unit) const noexcept;

  /// The grants this policy was made from, in order.
  [[nodiscard]] const std::vector<Grant>& grants() const noexcept { return grants_; }

 private:
  struct Rights {
    std::array<StageSet, level_count> own_unit{};
    std::array<StageSet, level_count> any_unit{};
  };
  [[nodiscard]] const Rights& rights(CommandKind command, Role role) const noexcept {
    return compiled_[static_cast<std::size_t>(command)][static_cast<std::size_t>(role)];
  }

  std::vector<Grant> grants_;
  std::array<std::array<Rights, role_count>, command_count> compiled_{};
};

}  // namespace exemplar
