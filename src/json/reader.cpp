// The strict reader every exemplar JSON document goes through.
#include "reader.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include <fmt/format.h>

namespace exemplar::json {
namespace bg = boost::gregorian;

namespace {

/// A member name as a JSON pointer token (RFC 6901: '~' is "~0", '/' is "~1").
std::string pointer_token(std::string_view key) {
  std::string token;
  token.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      token += "~0";
    } else if (c == '/') {
      token += "~1";
    } else {
      token += c;
    }
  }
  return token;
}

/// The deepest nesting of arrays and objects in `text`, outside strings; stops counting past `limit`.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

/// What a JSON value is, in English or in Vietnamese words (no JSON type name inside a Vietnamese
/// sentence).
const char* kind_of(const Json& value, bool vi = false) {
  switch (value.type()) {
    case Json::value_t::null: return vi ? "giá trị rỗng" : "null";
    case Json::value_t::object: return vi ? "một đối tượng" : "an object";
    case Json::value_t::array: return vi ? "một mảng" : "an array";
    case Json::value_t::string: return vi ? "một chuỗi ký tự" : "a string";
    case Json::value_t::boolean: return vi ? "giá trị đúng/sai" : "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return vi ? "một số nguyên" : "an integer";
    case Json::value_t::number_float: return vi ? "một số thập phân" : "a fractional number";
    case Json::value_t::binary: return vi ? "dữ liệu nhị phân" : "binary data";
    case Json::value_t::discarded: break;
  }
  return vi ? "không có gì" : "nothing";
}

}  // namespace

tl::expected<Json, Refusal> parse(std::string_view text) {
  if (nesting_depth(text, max_depth) > max_depth) {
    return tl::make_unexpected(refuse(RefusalCode::invalid_argument)
                                   .with_subject("/")
                                   .with_detail(fmt::format("the document nests deeper than {} levels", max_depth),
                                                fmt::format("tài liệu lồng sâu quá {} cấp", max_depth)));
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    return tl::make_unexpected(refuse(RefusalCode::invalid_argument)
                                   .with_subject("/")
                                   .with_detail(fmt::format("not JSON (byte {}): {}", error.byte, error.what()),
                                                fmt::format("không phải JSON (byte {})", error.byte)));
  } catch (const std::exception& error) {
    return tl::make_unexpected(refuse(RefusalCode::invalid_argument)
                                   .with_subject("/")
                                   .with_detail(std::string("not JSON: ") + error.what(), "không phải JSON"));
  }
}

Json date_to_json(bg::date date) {
  if (date.is_special()) return nullptr;
  const auto ymd = date.year_month_day();
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year), ymd.month.as_number(), ymd.day.as_number());
}

std::optional<bg::date> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  // Boost.Date_Time throws for an impossible day or a year outside 1400..9999: this is the one place.
  try {
    return bg::date(static_cast<unsigned short>(parts[0]), static_cast<unsigned short>(parts[1]),
                    static_cast<unsigned short>(parts[2]));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void Reader::fail(std::string en, std::string vi) const {
  if (failed()) return;
  *failure_ = refuse(RefusalCode::invalid_argument)
                  .with_subject(path_.empty() ? std::string("/") : path_)
                  .with_detail(std::move(en), std::move(vi));
}

Reader Reader::operator[](std::string_view key) const {
  std::string path = path_ + "/" + pointer_token(key);
  const Json* value = get();
  if (value == nullptr) return Reader{nullptr, failure_, std::move(path)};
  if (!value->is_object()) {
    fail(fmt::format("{} where an object was expected", kind_of(*value)),
         fmt::format("cần một đối tượng, nhưng nhận được {}", kind_of(*value, true)));
    return Reader{nullptr, failure_, std::move(path)};
  }
  const auto found = value->find(key);
  if (found == value->end()) {
    Reader missing{nullptr, failure_, std::move(path)};
    missing.fail("missing", "thiếu trường này");
    return missing;
  }
  return Reader{&*found, failure_, std::move(path)};
}

Reader Reader::at(std::size_t index) const {
  std::string path = path_ + "/" + std::to_string(index);
  const Json* value = get();
  if (value == nullptr || !value->is_array() || index >= value->size()) {
    Reader missing{nullptr, failure_, std::move(path)};
    missing.fail("no such element", "không có phần tử này");
    return missing;
  }
  return Reader{&(*value)[index], failure_, std::move(path)};
}

std::size_t Reader::size() const {
  const Json* value = get();
  if (value == nullptr) return 0;
  if (!value->is_array()) {
    fail(fmt::format("{} where an array was expected", kind_of(*value)), fmt::format("cần một mảng, nhưng nhận được {}", kind_of(*value, true)));
    return 0;
  }
  return value->size();
}

bool Reader::has(std::string_view key) const noexcept {
  const Json* value = get();
  return value != nullptr && value->is_object() && value->find(key) != value->end();
}

void Reader::only(const std::string_view* first, const std::string_view* last) const {
  const Json* value = get();
  if (value == nullptr || !value->is_object()) return;
  for (const auto& member : value->items()) {
    if (std::find(first, last, std::string_view{member.key()}) == last) {
      Reader{nullptr, failure_, path_ + "/" + pointer_token(member.key())}.fail(
          "not a field of this document", "không phải trường của tài liệu này");
      return;
    }
  }
}

std::uint64_t Reader::unsigned_in_range(std::uint64_t max) const {
  const Json* value = get();
  if (value == nullptr) return 0;
  // Parsed text gives non-negative numbers as unsigned; documents built in code may hold them signed.
  if (value->is_number_integer() && value->get<std::int64_t>() < 0 && !value->is_number_unsigned()) {
    fail("a negative number where a count or id was expected", "cần số không âm");
    return 0;
  }
  if (value->is_number_integer()) {
    const auto number = value->get<std::uint64_t>();
    if (number <= max) return number;
    fail(fmt::format("{} is larger than {}", number, max), fmt::format("{} lớn hơn {}", number, max));
    return 0;
  }
  fail(fmt::format("{} where a whole number was expected", kind_of(*value)), fmt::format("cần số nguyên, nhưng nhận được {}", kind_of(*value, true)));
  return 0;
}

double Reader::number() const {
  const Json* value = get();
  if (value == nullptr) return 0.0;
  if (!value->is_number()) {
    fail(fmt::format("{} where a number was expected", kind_of(*value)), fmt::format("cần một số, nhưng nhận được {}", kind_of(*value, true)));
    return 0.0;
  }
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    fail("not a finite number", "không phải số hữu hạn");
    return 0.0;
  }
  return number;
}

bool Reader::boolean() const {
  const Json* value = get();
  if (value == nullptr) return false;
  if (value->is_boolean()) return value->get<bool>();
  fail(fmt::format("{} where true or false was expected", kind_of(*value)), fmt::format("cần giá trị đúng/sai, nhưng nhận được {}", kind_of(*value, true)));
  return false;
}

std::string Reader::text(std::size_t max_bytes) const {
  const Json* value = get();
  if (value == nullptr) return {};
  if (!value->is_string()) {
    fail(fmt::format("{} where a string was expected", kind_of(*value)), fmt::format("cần một chuỗi ký tự, nhưng nhận được {}", kind_of(*value, true)));
    return {};
  }
  const auto& text = value->get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    fail(fmt::format("longer than {} bytes", max_bytes), fmt::format("dài quá {} byte", max_bytes));
    return {};
  }
  return text;
}

bg::date Reader::date() const {
  if (is_null() && !failed()) {
    fail("a date is required", "phải có ngày");
    return bg::date{bg::not_a_date_time};
  }
  return optional_date();
}

bg::date Reader::optional_date() const {
  const Json* value = get();
  if (value == nullptr || value->is_null()) return bg::date{bg::not_a_date_time};
  const std::string written = text(16);
  if (failed()) return bg::date{bg::not_a_date_time};
  if (auto parsed = parse_iso_date(written)) return *parsed;
  fail("'" + written + "' is not a date (YYYY-MM-DD)", "'" + written + "' không phải là ngày (YYYY-MM-DD)");
  return bg::date{bg::not_a_date_time};
}

std::uint16_t Reader::version(std::uint16_t known) const {
  const auto version = integer<std::uint16_t>();
  if (failed()) return 0;
  if (version == 0) {
    fail("version 0 does not exist", "không có phiên bản 0");
  } else if (version > known) {
    fail(fmt::format("version {} is newer than this library reads (up to {}); upgrade the library", version, known),
         fmt::format("phiên bản {} mới hơn phiên bản thư viện đọc được (đến {}); hãy nâng cấp thư viện", version, known));
  }
  return version;
}

}  // namespace exemplar::json
