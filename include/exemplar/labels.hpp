// exemplar/labels.hpp: every public enum has a stable identifier and a label in Vietnamese and English.
//
//   enum class Lang { en, vi }
//   struct Label { id, en, vi }
//   identifier(e)           stable machine name ("registered"), for files, exports and logs
//   label(e, lang)          the words a person reads ("registered" / "đã đăng ký")
//   from_identifier<E>(s)   the enum back from its identifier, or nullopt
//   all_values<E>()         every enumerator, in declaration order
//
// An enum takes part by having a `label_table(E)` function found by argument-dependent lookup that
// returns its labels in declaration order; the formatters in format.hpp use the same table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace exemplar {

/// The language of a message. Vietnamese is the users' language; English is the default for logs.
enum class Lang : std::uint8_t { en, vi };

/// One enumerator's names: a stable identifier and a label in each language.
struct Label {
  std::string_view id;
  std::string_view en;
  std::string_view vi;
};

/// A labelled enum's labels, indexed by the enumerator's value.
struct LabelTable {
  const Label* data = nullptr;
  std::size_t size = 0;
};

/// The labels of Lang itself, so that "en"/"vi" parse like any other enum.
[[nodiscard]] LabelTable label_table(Lang) noexcept;

/// How many enumerators E has, for the enums whose header says so (`count` stays 0 for the others):
/// is_known() then compares with a constant instead of reading the labels. labels_test checks that
/// every such count equals the length of the enum's labels.
template <class E>
struct enumerators {
  static constexpr std::size_t count = 0;
};

namespace detail {
template <class E, class = void>
struct has_label_table : std::false_type {};
template <class E>
struct has_label_table<E, std::void_t<decltype(label_table(std::declval<E>()))>>
    : std::is_enum<E> {};

template <class E>
[[nodiscard]] const Label* find_label(E value) noexcept {
  const LabelTable table = label_table(value);
  const auto index = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  return index < table.size ? &table.data[index] : nullptr;
}
}  // namespace detail

/// True for every enum that has labels (and therefore an fmt formatter).
template <class E>
inline constexpr bool is_labelled_v = detail::has_label_table<E>::value;

/// The stable identifier of an enumerator, or "?" for a value outside the enum.
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] std::string_view identifier(E value) noexcept {
  const Label* found = detail::find_label(value);
  return found ? found->id : std::string_view{"?"};
}

/// The label of an enumerator in the given language, or "?" for a value outside the enum.
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] std::string_view label(E value, Lang lang = Lang::en) noexcept {
  const Label* found = detail::find_label(value);
  if (!found) return "?";
  return lang == Lang::vi ? found->vi : found->en;
}

/// The enumerator whose identifier is `text`; nullopt when there is none (input from files and forms).
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] std::optional<E> from_identifier(std::string_view text) noexcept {
  const LabelTable table = label_table(E{});
  for (std::size_t i = 0; i < table.size; ++i) {
    if (table.data[i].id == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

/// Every enumerator of E in declaration order: what introspection and exports iterate over.
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] std::vector<E> all_values() {
  const LabelTable table = label_table(E{});
  std::vector<E> values;
  values.reserve(table.size);
  for (std::size_t i = 0; i < table.size; ++i) values.push_back(static_cast<E>(i));
  return values;
}

/// True when `value` is one of E's enumerators (a value cast from a file may not be).
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] bool is_known(E value) noexcept {
  if constexpr (enumerators<E>::count != 0) {
    return static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value)) < enumerators<E>::count;
  } else {
    return detail::find_label(value) != nullptr;
  }
}

}  // namespace exemplar
