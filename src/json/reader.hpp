// src/json/reader.hpp: how exemplar reads its JSON documents (private to the library).
//
//   Reader                                walks a document; the first problem sticks, with its path
//     reader["key"], reader.at(i), size(), is_null(), only({keys...})
//     integer<T>(), number(), boolean(), text(), date(), optional_date(), enumeration<E>(),
//     one_of<E>(), version(known)
//
// Every document carries a version; a newer one than the library knows is refused, never guessed.
// A malformed document is refused with the JSON pointer of the bad field and why, for example
// "/records/3/event/date: not a date", and nothing of it is returned. No nlohmann exception escapes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "exemplar/json/document.hpp"
#include "exemplar/labels.hpp"
#include "exemplar/refusal.hpp"

namespace exemplar::json {

/// A cursor into a document at one JSON pointer path. Reading a field that is missing or of the
/// wrong shape records a refusal (code invalid_argument, subject = the path, detail in English and
/// Vietnamese) in the shared failure slot and returns a default value; after the first failure every
/// read returns defaults, so a loader reads straight through and checks failure once at the end.
/// Readers are cheap views: the document and the failure slot must outlive them.
class Reader {
 public:
  /// A reader of a whole document, reporting into `failure`.
  Reader(const Json& document, std::optional<Refusal>& failure) : value_(&document), failure_(&failure) {}

  /// The member `key` of this object (refused when this is not an object or has no such member).
  [[nodiscard]] Reader operator[](std::string_view key) const;
  /// The element `index` of this array.
  [[nodiscard]] Reader at(std::size_t index) const;
  /// The number of elements of this array (refused, and 0, when it is not an array).
  [[nodiscard]] std::size_t size() const;
  /// True when this object has the member `key` (false when it is not an object).
  [[nodiscard]] bool has(std::string_view key) const noexcept;
  /// True when the value is JSON null.
  [[nodiscard]] bool is_null() const noexcept { return value_ != nullptr && value_->is_null(); }
  /// Refuses an object with members other than `keys`: a typo must not pass for a missing field.
  void only(std::initializer_list<std::string_view> keys) const { only(keys.begin(), keys.end()); }
  /// The same with the keys in a range (a description's field names).
  void only(const std::string_view* first, const std::string_view* last) const;

  /// An integer in T's range (refuses fractions, booleans, strings and out-of-range numbers).
  template <class T>
  [[nodiscard]] T integer() const {
    static_assert(std::is_integral_v<T> && std::is_unsigned_v<T>, "documents hold unsigned counts and ids");
    return static_cast<T>(unsigned_in_range(std::numeric_limits<T>::max()));
  }
  /// A finite number, integer or fractional (refuses booleans and strings).
  [[nodiscard]] double number() const;
  [[nodiscard]] bool boolean() const;
  /// A string of at most `max_bytes` bytes (nlohmann has checked that it is UTF-8).
  [[nodiscard]] std::string text(std::size_t max_bytes = 4096) const;
  /// An ISO date; null is refused.
  [[nodiscard]] boost::gregorian::date date() const;
  /// An ISO date, or not_a_date_time for null.
  [[nodiscard]] boost::gregorian::date optional_date() const;
  /// An enumerator by its identifier.
  template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
  [[nodiscard]] E enumeration() const {
    const std::string name = text(64);
    if (failed()) return E{};
    if (auto value = from_identifier<E>(name)) return *value;
    fail("'" + name + "' is not a value this library knows", "'" + name + "' không phải giá trị đã biết");
    return E{};
  }
  /// An enumerator by its identifier; an unknown one is refused naming the identifiers there are,
  /// for documents people write by hand.
  template <class E, std::enable_if_t<is_labelled_v<E>, int> = 0>
  [[nodiscard]] E one_of() const {
    const std::string name = text(64);
    if (failed()) return E{};
    if (auto value = from_identifier<E>(name)) return *value;
    std::string allowed;
    for (E each : all_values<E>()) {
      if (!allowed.empty()) allowed += ", ";
      allowed += identifier(each);
    }
    fail("'" + name + "' is not one of " + allowed, "'" + name + "' không thuộc các giá trị: " + allowed);
    return E{};
  }
  /// The document's version: refused when 0, not a number, or newer than `known`.
  [[nodiscard]] std::uint16_t version(std::uint16_t known) const;

  /// Records a failure at this path (the first one wins).
  void fail(std::string en, std::string vi) const;
  /// True once any read on this document has failed.
  [[nodiscard]] bool failed() const noexcept { return failure_->has_value(); }
  /// The JSON pointer of this value ("" for the whole document).
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  Reader(const Json* value, std::optional<Refusal>* failure, std::string path)
      : value_(value), failure_(failure), path_(std::move(path)) {}
  [[nodiscard]] std::uint64_t unsigned_in_range(std::uint64_t max) const;
  /// The value, or null after a failure (or when this reader points at nothing).
  [[nodiscard]] const Json* get() const noexcept { return failed() ? nullptr : value_; }

  const Json* value_;
  std::optional<Refusal>* failure_;
  std::string path_;
};

}  // namespace exemplar::json
