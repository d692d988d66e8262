// exemplar/authority.hpp: who may do what, as data a plan can replace.
//
//   struct Actor { id, role, unit }            the person acting, as the host knows them
//   enum class Scope { own_unit, any_unit }    where a right applies
//   struct Grant { command, role, scope, stages, levels }   one right
//   class Policy
//     Policy::make(grants) -> expected         any policy; Policy::defaults() is the lifecycle's own
//     check(actor, command, stage, level, unit) -> expected<void, Refusal>
//     permits(...)                             the same as a bool
//     denial(...)                              the same as a code, building nothing (the pipeline's test)
//     grants()                                 the rows, for docs and the authority matrix
//
// Default policy (the plans' procedures: 000 IV.1-5; 001 II.2-3; 002 IV.2; 003 IV.1; docs/authority.md): unit
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

#include <tl/expected.hpp>

#include "fields.hpp"
#include "ids.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// The person taking a step: who they are, in which role, in which unit.
struct Actor {
  ActorId id;
  Role role = Role::unit_head;
  UnitId unit;

  /// Described once, for its JSON form (exemplar::json::actor_from_json) and any other.
  static constexpr auto fields() {
    return std::make_tuple(field_of({"id", "actor", "người thực hiện"}, &Actor::id),
                           field_of({"role", "role", "vai trò"}, &Actor::role),
                           field_of({"unit", "actor's unit", "đơn vị của người thực hiện"}, &Actor::unit));
  }

  friend constexpr bool operator==(const Actor& a, const Actor& b) noexcept {
    return a.id == b.id && a.role == b.role && a.unit == b.unit;
  }
};

/// Where a right applies: only to candidates of the actor's own unit, or to any candidate.
enum class Scope : std::uint8_t { own_unit, any_unit };
[[nodiscard]] LabelTable label_table(Scope) noexcept;

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
  /// The policy of the lifecycle's own table (docs/authority.md).
  [[nodiscard]] static Policy defaults();

  /// A policy of these grants, or a refusal naming the first grant with an unknown command, role,
  /// scope, stage or level ("grants/3/role").
  [[nodiscard]] static tl::expected<Policy, Refusal> make(std::vector<Grant> grants);

  /// Accepts when `actor` may take `command` on a candidate at `stage` and `level` in `unit`;
  /// otherwise a refusal (not_authorised or outside_actor_unit) that names the facts.
  [[nodiscard]] tl::expected<void, Refusal> check(const Actor& actor, CommandKind command, Stage stage, Level level,
                                                  UnitId unit) const;

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
  explicit Policy(std::vector<Grant> grants);

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
