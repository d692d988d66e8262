// exemplar/vocabulary.hpp: the words of the plans, as enums every other header shares.
//
//   Subject        individual | collective
//   Position       none | agency_leader | unit_leader | staff          (seed 003 III.2)
//   Level          unit | agency | province | nation                   (001 II.1; 003 IV.1)
//   Field          the fields the plans name (000 II.2; 002 II)
//   Stage          initial, discovered ... replicated, and the terminal off-ramps
//   CommandKind    discover ... propose: the steps a person can take
//   Role           unit_head | mass_organization | secretariat | council | agency_head | provincial_board
//   Award          the forms of commendation (001 II.3; 004 V.2)
//   Replication    meeting | web_publication | study_visit | writing_contest (001 II.3; 000 IV.2)
//
//   EnumSet<E, Bits>, StageSet, LevelSet, AwardSet, CommandSet   small bit sets of those enums
//   PerKind<E, T, N>     one value per enumerator of E
//   is_terminal(stage), next_level(level), stage_count, command_count
//
// Each enum has Vietnamese and English labels (labels.hpp) and an fmt formatter (format.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
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
  propose,  ///< propose a higher award to the level that grants it (004 V.2 «đề nghị cấp trên xét khen thưởng»)
};

/// Who acts (docs/glossary.md).
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

inline constexpr std::size_t subject_count = 2;
inline constexpr std::size_t position_count = 4;
inline constexpr std::size_t field_count = 10;
inline constexpr std::size_t stage_count = 12;
inline constexpr std::size_t command_count = 13;
inline constexpr std::size_t award_count = 5;
inline constexpr std::size_t role_count = 6;
inline constexpr std::size_t level_count = 4;
inline constexpr std::size_t replication_count = 4;

template <> struct enumerators<Subject> { static constexpr std::size_t count = subject_count; };
template <> struct enumerators<Position> { static constexpr std::size_t count = position_count; };
template <> struct enumerators<Level> { static constexpr std::size_t count = level_count; };
template <> struct enumerators<Field> { static constexpr std::size_t count = field_count; };
template <> struct enumerators<Stage> { static constexpr std::size_t count = stage_count; };
template <> struct enumerators<CommandKind> { static constexpr std::size_t count = command_count; };
template <> struct enumerators<Role> { static constexpr std::size_t count = role_count; };
template <> struct enumerators<Award> { static constexpr std::size_t count = award_count; };
template <> struct enumerators<Replication> { static constexpr std::size_t count = replication_count; };

/// A set of enumerators of a small enum, as bits.
template <class E, class Bits>
class EnumSet {
 public:
  using bits_type = Bits;
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
  /// The set whose bits are `bits` (what a stored form holds).
  [[nodiscard]] static constexpr EnumSet from_bits(Bits bits) noexcept {
    EnumSet set;
    set.bits_ = bits;
    return set;
  }
  [[nodiscard]] constexpr bool contains(E value) const noexcept { return (bits_ & bit(value)) != 0; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr Bits bits() const noexcept { return bits_; }
  constexpr EnumSet& operator|=(EnumSet other) noexcept { bits_ = static_cast<Bits>(bits_ | other.bits_); return *this; }
  /// The set without `value`.
  [[nodiscard]] constexpr EnumSet without(E value) const noexcept { return from_bits(static_cast<Bits>(bits_ & ~bit(value))); }
  /// The set with `value`.
  [[nodiscard]] constexpr EnumSet with(E value) const noexcept { return from_bits(static_cast<Bits>(bits_ | bit(value))); }
  friend constexpr bool operator==(EnumSet a, EnumSet b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(EnumSet a, EnumSet b) noexcept { return a.bits_ != b.bits_; }

 private:
  static constexpr Bits bit(E value) noexcept {
    const auto index = static_cast<unsigned>(value);
    return index < sizeof(Bits) * 8 ? static_cast<Bits>(Bits{1} << index) : Bits{0};
  }
  Bits bits_ = 0;
};

/// One value for each enumerator of E (a count per replication activity): an array that knows what
/// indexes it, so that its stored forms name the enumerators.
template <class E, class T, std::size_t N>
struct PerKind : std::array<T, N> {
  using key_type = E;
};

using StageSet = EnumSet<Stage, std::uint16_t>;
using LevelSet = EnumSet<Level, std::uint8_t>;
using AwardSet = EnumSet<Award, std::uint8_t>;
using CommandSet = EnumSet<CommandKind, std::uint16_t>;

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
