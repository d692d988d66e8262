// src/json/fields.hpp: a described record (fields.hpp) to and from JSON, field by field — what
// every JSON form of a record is made of (journal records, candidates, commands).
//
//   value_to_json(value)                       one field's value, by its type
//   fields_to_json(record, version, out)       every field format `version` carries, into an object
//   fields_from_json(reader, version, record, extra)   the same back; other members are refused
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "detail/examine.hpp"
#include "exemplar/json/document.hpp"
#include "exemplar/lifecycle.hpp"
#include "reader.hpp"

namespace exemplar::json {
namespace bg = boost::gregorian;

template <class T>
struct is_per_kind : std::false_type {};
template <class E, class T, std::size_t N>
struct is_per_kind<PerKind<E, T, N>> : std::true_type {};

/// One described field's value as JSON, by its type.
template <class V>
Json value_to_json(const V& value) {
  if constexpr (std::is_enum_v<V>) {
    return enum_to_json(value);
  } else if constexpr (detail::is_enum_set<V>::value) {
    Json list = Json::array();
    for (auto each : all_values<typename detail::is_enum_set<V>::element>()) {
      if (value.contains(each)) list.push_back(enum_to_json(each));
    }
    return list;
  } else if constexpr (detail::is_strong_id<V>::value) {
    return value.value();
  } else if constexpr (std::is_same_v<V, bool> || std::is_same_v<V, std::uint16_t> || std::is_same_v<V, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<V, DecisionNumber>) {
    return std::string(value.view());
  } else if constexpr (std::is_same_v<V, bg::date>) {
    return date_to_json(value);
  } else {
    static_assert(is_per_kind<V>::value, "a described field of a type the JSON form does not know");
    Json counts = Json::object();
    for (auto kind : all_values<typename V::key_type>()) counts[std::string(identifier(kind))] = value[static_cast<std::size_t>(kind)];
    return counts;
  }
}

/// Every field of `record` that format `version` carries, into the object `out`.
template <class Record>
void fields_to_json(const Record& record, std::uint16_t version, Json& out) {
  for_each_field(record, [&](const auto& f, const auto& value) {
    if (f.rules.since <= version) out[std::string(f.label.id)] = value_to_json(value);
  });
}

/// One described field's value read from `r`, by its type, into `value`.
template <class FieldT, class V>
void value_from_json(const Reader& r, const FieldT& f, V& value) {
  if constexpr (std::is_enum_v<V>) {
    value = r.enumeration<V>();
  } else if constexpr (detail::is_enum_set<V>::value) {
    using E = typename detail::is_enum_set<V>::element;
    value = V{};
    const std::size_t count = r.size();
    for (std::size_t i = 0; i < count && !r.failed(); ++i) {
      const Reader item = r.at(i);
      const E each = item.enumeration<E>();
      if (!item.failed() && value.contains(each)) item.fail("listed twice", "bị lặp lại");
      value = value.with(each);
    }
  } else if constexpr (detail::is_strong_id<V>::value) {
    value = V{r.integer<std::uint32_t>()};
  } else if constexpr (std::is_same_v<V, bool>) {
    value = r.boolean();
  } else if constexpr (std::is_same_v<V, std::uint16_t>) {
    value = r.integer<std::uint16_t>();
  } else if constexpr (std::is_same_v<V, std::string>) {
    value = r.text(f.rules.max_bytes);
  } else if constexpr (std::is_same_v<V, DecisionNumber>) {
    const std::string text = r.text(DecisionNumber::capacity);
    value = DecisionNumber{};
    if (r.failed() || text.empty()) return;
    auto number = DecisionNumber::parse(text);
    if (number) {
      value = *number;
    } else {
      r.fail(number.error().detail.en, number.error().detail.vi);
    }
  } else if constexpr (std::is_same_v<V, bg::date>) {
    value = f.rules.required ? r.date() : r.optional_date();
  } else {
    using E = typename V::key_type;
    std::vector<std::string_view> names;
    for (E kind : all_values<E>()) names.push_back(identifier(kind));
    if (!r.failed()) r.only(names.data(), names.data() + names.size());
    for (E kind : all_values<E>()) value[static_cast<std::size_t>(kind)] = r[identifier(kind)].template integer<std::uint16_t>();
  }
}

/// The names of the fields of Record that format `version` carries, then `extra`.
template <class Record>
std::vector<std::string_view> field_names(std::uint16_t version, std::initializer_list<std::string_view> extra = {}) {
  std::vector<std::string_view> names;
  Record probe{};
  for_each_field(probe, [&](const auto& f, const auto&) {
    if (f.rules.since <= version) names.push_back(f.label.id);
  });
  names.insert(names.end(), extra.begin(), extra.end());
  return names;
}

/// Every field of `record` that format `version` carries, read from the object `r`; members that
/// are neither those fields nor `extra` are refused.
template <class Record>
void fields_from_json(const Reader& r, std::uint16_t version, Record& record, std::initializer_list<std::string_view> extra = {}) {
  const std::vector<std::string_view> names = field_names<Record>(version, extra);
  r.only(names.data(), names.data() + names.size());
  for_each_field(record, [&](const auto& f, auto& value) {
    if (f.rules.since <= version) value_from_json(r[f.label.id], f, value);
  });
}

}  // namespace exemplar::json
