// exemplar/vocabulary.hpp: the words of the plans, as enums every other header shares.
//
//   Subject        individual | collective
//   Position       none | agency_leader | unit_leader | staff          (seed 003 III.2)
//   Level          unit | agency | province | nation                   (001 II.1; 003 IV.1)
//   Field          the fields the plans name (000 II.2; 002 II)
//   Stage          initial, discovered ... replicated, and the terminal off-ramps
//   CommandKind    discover ... revoke: the steps a person can take
//   Role           unit_head | mass_organization | secretariat | council | agency_head | provincial_board
//   Award          the forms of commendation (001 II.3; 004 V.2)
//   Replication    meeting | web_publication | study_visit | writing_contest (001 II.3; 000 IV.2)
//
//   is_terminal(stage), next_level(level), stage_count, command_count
//
// Each enum has Vietnamese and English labels (labels.hpp) and an fmt formatter (format.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "labels.hpp"

namespace exemplar {

/// Whether a candidate is one person or a collective (tập thể / cá nhân).
enum class Subject : std::uint8_t { individual, collective };

/// An individual's position; thresholds differ by position in seed 003 section III.2.
/// Collectives have Position::none.
enum class Position : std::uint8_t { none, agency_leader, unit_leader, staff };

/// The level at which a candidate is walking the lifecycle; a replicated exemplar is nominated one
/// level up and walks again (001 II.1: "to become a provincial-level exemplar").
enum class Level : std::uint8_t { unit, agency, province, nation };

/// The field of work in which a candidate is exemplary (000 II.2; 002 II.1-3; 003 III.1).
enum class Field : std::uint8_t {
  general,
  inspection,
  citizen_reception,
  anti_corruption,
  advisory,
  force_building,
  administrative_reform,
  digital_transformation,
  ho_chi_minh_example,
  new_rural_development,
};

/// Where a candidate stands. `initial` is the decider's starting point before discovery; the last
/// four stages are terminal off-ramps that accept no further step.
enum class Stage : std::uint8_t {
  initial,
  discovered,
  fostered,
  registered,
  reviewed,
  recognized,
  commended,
  replicated,
  withdrawn,
  rejected,
  disqualified,
  revoked,
};

/// The steps people take on a candidate; each accepted command becomes one event of the same kind.
enum class CommandKind : std::uint8_t {
  discover,
  foster,
  register_,
  review,
  recognize,
  commend,
  replicate,
  withdraw,
  reject,
  disqualify,
  nominate,
  revoke,
};

/// Who acts (glossary of domain.md).
enum class Role : std::uint8_t {
  unit_head,
  mass_organization,
  secretariat,
  council,
  agency_head,
  provincial_board,
};

/// The form of commendation granted when a recognised exemplar is commended.
enum class Award : std::uint8_t {
  public_commendation,
  agency_certificate,
  provincial_certificate,
  ministry_certificate,
  prime_minister_certificate,
};

/// A replication activity: how an exemplar's experience is spread (001 II.3; 000 IV.2; 002 II.1).
enum class Replication : std::uint8_t { meeting, web_publication, study_visit, writing_contest };

inline constexpr std::size_t stage_count = 12;
inline constexpr std::size_t command_count = 12;
inline constexpr std::size_t role_count = 6;
inline constexpr std::size_t level_count = 4;
inline constexpr std::size_t replication_count = 4;

/// Terminal stages accept no further command.
[[nodiscard]] constexpr bool is_terminal(Stage stage) noexcept {
  return stage == Stage::withdrawn || stage == Stage::rejected || stage == Stage::disqualified ||
         stage == Stage::revoked;
}

/// The level above, or nullopt at the nation, which has none.
[[nodiscard]] constexpr std::optional<Level> next_level(Level level) noexcept {
  switch (level) {
    case Level::unit: return Level::agency;
    case Level::agency: return Level::province;
    case Level::province: return Level::nation;
    case Level::nation: break;
  }
  return std::nullopt;
}

[[nodiscard]] LabelTable label_table(Subject) noexcept;
[[nodiscard]] LabelTable label_table(Position) noexcept;
[[nodiscard]] LabelTable label_table(Level) noexcept;
[[nodiscard]] LabelTable label_table(Field) noexcept;
[[nodiscard]] LabelTable label_table(Stage) noexcept;
[[nodiscard]] LabelTable label_table(CommandKind) noexcept;
[[nodiscard]] LabelTable label_table(Role) noexcept;
[[nodiscard]] LabelTable label_table(Award) noexcept;
[[nodiscard]] LabelTable label_table(Replication) noexcept;

}  // namespace exemplar
