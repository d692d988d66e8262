// exemplar/ids.hpp: strong identifiers for the things a host already numbers.
//
//   CandidateId, UnitId, ActorId   distinct types over std::uint32_t; 0 means "none"
//   id.value(), id.valid(), ==, !=, <
//
// A host's database keys become these at the boundary, so a unit can never be passed where a
// candidate is expected.
#pragma once

#include <cstdint>
#include <functional>

namespace exemplar {

/// A number that names one kind of thing; the Tag keeps kinds apart at compile time.
template <class Tag>
class StrongId {
 public:
  using value_type = std::uint32_t;

  constexpr StrongId() noexcept = default;
  constexpr explicit StrongId(value_type value) noexcept : value_(value) {}

  /// The host's number for this thing.
  [[nodiscard]] constexpr value_type value() const noexcept { return value_; }
  /// False for the default id 0, which stands for "nobody" or "nothing".
  [[nodiscard]] constexpr bool valid() const noexcept { return value_ != 0; }

  friend constexpr bool operator==(StrongId a, StrongId b) noexcept { return a.value_ == b.value_; }
  friend constexpr bool operator!=(StrongId a, StrongId b) noexcept { return a.value_ != b.value_; }
  friend constexpr bool operator<(StrongId a, StrongId b) noexcept { return a.value_ < b.value_; }

 private:
  value_type value_ = 0;
};

/// A candidate exemplar: one collective or one individual on its way through the lifecycle.
using CandidateId = StrongId<struct CandidateTag>;
/// An organisational unit: a division, a district inspectorate, the agency's Office.
using UnitId = StrongId<struct UnitTag>;
/// A person acting in the system (unit head, council member, agency head, ...).
using ActorId = StrongId<struct ActorTag>;

}  // namespace exemplar

/// Ids hash like their numbers, so hosts can key unordered containers by them.
template <class Tag>
struct std::hash<exemplar::StrongId<Tag>> {
  std::size_t operator()(exemplar::StrongId<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value());
  }
};
