// CSV as Excel opens it and RFC 4180 writes it: UTF-8 with a byte-order mark (without one, Excel on
// Windows reads Vietnamese unit names as Windows-1252), fields separated by commas, a field holding
// a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled, and every
// record ended by CRLF.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sim::csv {

/// The UTF-8 byte-order mark that starts the file.
inline constexpr std::string_view bom = "\xEF\xBB\xBF";

/// One field, quoted when RFC 4180 asks for it.
[[nodiscard]] inline std::string field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

/// One record: the fields, quoted as needed, separated by commas and ended by CRLF.
[[nodiscard]] inline std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace sim::csv
