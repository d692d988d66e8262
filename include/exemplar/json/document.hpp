// exemplar/json/document.hpp: what every exemplar JSON document shares.
//
//   Json                                  nlohmann::json, the document type
//   max_depth                             how deeply a document may nest
//   parse(text) -> expected<Json, Refusal>   text to a document; never throws
//   date_to_json(date), enum_to_json(e)   ISO dates ("2025-03-31", null for none), enums by identifier
//   parse_iso_date(text)                  "2025-03-31" back to a date, strictly
//
// Every document carries a version; a newer one than the library knows is refused, never guessed.
// A malformed document is refused with the JSON pointer of the bad field and why, for example
// "/records/3/event/date: not a date", and nothing of it is returned. No nlohmann exception escapes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "../labels.hpp"
#include "../refusal.hpp"

namespace exemplar::json {

/// The document type of every exemplar JSON function.
using Json = nlohmann::json;

/// How deeply a document may nest; deeper text is refused before parsing, so hostile input cannot
/// exhaust the stack.
inline constexpr std::size_t max_depth = 64;

/// Parses JSON text. Malformed text is refused with the byte where it went wrong.
[[nodiscard]] tl::expected<Json, Refusal> parse(std::string_view text);

/// A date as ISO 8601 text ("2025-03-31"), or null for not_a_date_time.
[[nodiscard]] Json date_to_json(boost::gregorian::date date);

/// A strict "YYYY-MM-DD" calendar date; nullopt for anything else, including 2021-02-30.
[[nodiscard]] std::optional<boost::gregorian::date> parse_iso_date(std::string_view text) noexcept;

/// An enumerator as its stable identifier (labels.hpp), the form documents store.
template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
[[nodiscard]] Json enum_to_json(E value) {
  return std::string(identifier(value));
}

}  // namespace exemplar::json
