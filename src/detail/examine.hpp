// src/detail/examine.hpp: whether a described record's values are ones the library can hold, store
// and read back, field by field from its description (fields.hpp).
//
//   examine_fields(record, version, report)   every field present in `version`: enums known, sets of
//                                             known bits, given ids and texts not empty when
//                                             mandatory, text within its bytes and valid UTF-8,
//                                             mandatory dates real dates in the supported years
//
// A report is called as report(code, label, detail) for the first problem and returns false to stop;
// `detail` is a function that makes the reason (a Text) only when the report wants words. The
// pipeline's cheap test passes a report that keeps the code; its explanation passes one that builds
// the refusal, so both read the same rules.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <fmt/format.h>

#include "detail/day_number.hpp"
#include "detail/text.hpp"
#include "exemplar/calendar.hpp"
#include "exemplar/fields.hpp"
#include "exemplar/ids.hpp"
#include "exemplar/refusal.hpp"
#include "exemplar/vocabulary.hpp"

namespace exemplar::detail {

/// The supported years' first and last days as day numbers.
inline constexpr auto first_supported_day = static_cast<std::uint32_t>(day_number(first_supported_year, 1, 1));
inline constexpr auto last_supported_day = static_cast<std::uint32_t>(day_number(last_supported_year, 12, 31));

template <class T>
struct is_enum_set : std::false_type {};
template <class E, class Bits>
struct is_enum_set<EnumSet<E, Bits>> : std::true_type {
  using element = E;
};

template <class T>
struct is_strong_id : std::false_type {};
template <class Tag>
struct is_strong_id<StrongId<Tag>> : std::true_type {};

/// How many enumerators E has.
template <class E>
[[nodiscard]] std::size_t enumerator_count() noexcept {
  if constexpr (enumerators<E>::count != 0) {
    return enumerators<E>::count;
  } else {
    return label_table(E{}).size;
  }
}

/// The bits of a set whose every bit names an enumerator.
template <class E, class Bits>
[[nodiscard]] bool known_bits(EnumSet<E, Bits> set) noexcept {
  const std::size_t count = enumerator_count<E>();
  return count >= sizeof(Bits) * 8 || (set.bits() >> count) == 0;
}

/// One field's value, by its type and rules; false when `report` asked to stop.
template <class FieldT, class V, class Report>
bool examine_value(const FieldT& f, const V& value, Report& report) {
  const FieldRules rules = f.rules;
  if constexpr (std::is_enum_v<V>) {
    if (!is_known(value)) {
      return report(RefusalCode::invalid_argument, f.label,
                    [] { return Text{"the value is not one the library knows", "giá trị không xác định"}; });
    }
  } else if constexpr (is_enum_set<V>::value) {
    if (!known_bits(value)) {
      return report(RefusalCode::invalid_argument, f.label,
                    [] { return Text{"a value of the set is not one the library knows", "có giá trị không xác định"}; });
    }
  } else if constexpr (is_strong_id<V>::value) {
    if (rules.required && !value.valid()) {
      return report(RefusalCode::invalid_argument, f.label, [] { return Text{"it must be given", "phải có"}; });
    }
  } else if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::string_view>) {
    if (rules.required && value.empty()) {
      return report(RefusalCode::invalid_argument, f.label,
                    [] { return Text{"it must not be empty", "không được để trống"}; });
    }
    if (value.size() > rules.max_bytes) {
      return report(RefusalCode::invalid_argument, f.label, [&] {
        return Text{fmt::format("it is longer than {} bytes", rules.max_bytes),
                    fmt::format("dài quá {} byte", rules.max_bytes)};
      });
    }
    if (!is_valid_utf8(value)) {
      return report(RefusalCode::invalid_argument, f.label,
                    [] { return Text{"it is not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ"}; });
    }
  } else if constexpr (std::is_same_v<V, boost::gregorian::date>) {
    if (rules.required && value.is_special()) {
      return report(RefusalCode::invalid_date, f.label,
                    [] { return Text{"it is not a calendar date", "không phải là ngày hợp lệ"}; });
    }
    // Day numbers, not years: splitting a date into its year costs more than the rest of the check.
    if (!value.is_special() && (value.day_number() < first_supported_day || value.day_number() > last_supported_day)) {
      return report(RefusalCode::date_out_of_range, f.label, [] {
        return Text{fmt::format("it is outside the years {}-{}", first_supported_year, last_supported_year),
                    fmt::format("nằm ngoài các năm {}-{}", first_supported_year, last_supported_year)};
      });
    }
  }
  return true;
}

/// Every field of `record` that format `version` carries; false when `report` asked to stop.
template <class Record, class Report>
bool examine_fields(const Record& record, std::uint16_t version, Report& report) {
  bool going = true;
  for_each_field(record, [&](const auto& f, const auto& value) {
    if (going && f.rules.since <= version) going = examine_value(f, value, report);
  });
  return going;
}

}  // namespace exemplar::detail
