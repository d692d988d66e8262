// exemplar/fields.hpp: a record's fields, described once and read by everything that needs them.
//
//   FieldRules                          since (format version), max_bytes (text), required
//   FieldOf<Owner, T>                     a label (id, en, vi), a member pointer and its rules
//   field_of(label, member, rules)      one entry of a description
//   has_fields_v<T>                     T has `static constexpr auto fields()`
//   for_each_field(object, f)           f(field, value) for every field, in order
//   same_fields(a, b)                   equality read from the description
//
// A record type (an event, a candidate) describes itself with a static `fields()` that returns a
// tuple of Field entries. Equality, the journal's checks, the binary and JSON forms and the
// formatters all walk that tuple, so adding a field to an event is one line here and the format
// version (journal.hpp), and nothing else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "labels.hpp"

namespace exemplar {

/// What a field promises beyond its type.
struct FieldRules {
  std::uint16_t since = 1;         ///< the first record format version that carries it
  std::uint16_t max_bytes = 4096;  ///< text: the most bytes it may hold
  bool required = false;           ///< text must not be empty; an id must not be 0

  /// The same rules for a field that must be given.
  [[nodiscard]] constexpr FieldRules needed() const noexcept { return FieldRules{since, max_bytes, true}; }
  /// The same rules for text of at most `bytes` bytes.
  [[nodiscard]] constexpr FieldRules at_most(std::uint16_t bytes) const noexcept { return FieldRules{since, bytes, required}; }
  /// The same rules for a field added in format `version`.
  [[nodiscard]] constexpr FieldRules added_in(std::uint16_t version) const noexcept {
    return FieldRules{version, max_bytes, required};
  }
};

/// A field that must be given (non-empty text, a non-zero id).
inline constexpr FieldRules mandatory = FieldRules{}.needed();

/// One field of a record: its names (the stable id is the JSON key and a refusal's subject), where
/// it lives in the record, and its rules.
template <class Owner, class T>
struct FieldOf {
  using value_type = T;
  Label label;
  T Owner::*member;
  FieldRules rules;
};

/// One entry of a description: `field_of({"votes_for", "votes for", "số phiếu đồng ý"}, &Review::votes_for)`.
template <class Owner, class T>
[[nodiscard]] constexpr FieldOf<Owner, T> field_of(Label label, T Owner::*member, FieldRules rules = {}) noexcept {
  return FieldOf<Owner, T>{label, member, rules};
}

namespace detail {
template <class T, class = void>
struct has_fields : std::false_type {};
template <class T>
struct has_fields<T, std::void_t<decltype(T::fields())>> : std::true_type {};
}  // namespace detail

/// True for the types that describe their fields.
template <class T>
inline constexpr bool has_fields_v = detail::has_fields<std::remove_cv_t<T>>::value;

/// Calls f(field, value) for each field of `object` in the order of its description; `value` is a
/// reference into `object`, const when `object` is.
template <class T, class F>
constexpr void for_each_field(T& object, F&& f) {
  std::apply([&](const auto&... each) { (f(each, object.*(each.member)), ...); }, std::remove_cv_t<T>::fields());
}

/// Two records are equal when every described field is.
template <class T>
[[nodiscard]] constexpr bool same_fields(const T& a, const T& b) {
  return std::apply([&](const auto&... each) { return (true && ... && (a.*(each.member) == b.*(each.member))); },
                    T::fields());
}

/// How many fields `T` describes.
template <class T>
inline constexpr std::size_t field_count_v = std::tuple_size_v<decltype(T::fields())>;

namespace described {
/// Equality for every described record, found by argument-dependent lookup from the namespaces that
/// bring it in with a using-declaration.
template <class T, std::enable_if_t<has_fields_v<T>, int> = 0>
[[nodiscard]] constexpr bool operator==(const T& a, const T& b) {
  return same_fields(a, b);
}
template <class T, std::enable_if_t<has_fields_v<T>, int> = 0>
[[nodiscard]] constexpr bool operator!=(const T& a, const T& b) {
  return !same_fields(a, b);
}
}  // namespace described

using described::operator==;
using described::operator!=;

}  // namespace exemplar
