// Escaping for the exporters, and the policy as Markdown.
#include "exemplar/export.hpp"

namespace exemplar {
namespace detail {

std::string quote_label(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace detail

namespace {

template <class E, class Set>
std::string list_of(const Set& set, Lang lang) {
  std::string out;
  for (E value : all_values<E>()) {
    if (!set.contains(value)) continue;
    if (!out.empty()) out += ", ";
    out += label(value, lang);
  }
  return out;
}

}  // namespace

std::string policy_markdown(const Policy& policy, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out = vi ? "| bước | vai trò | phạm vi | từ giai đoạn | ở cấp |\n|---|---|---|---|---|\n"
                       : "| command | role | scope | from stages | at levels |\n|---|---|---|---|---|\n";
  for (const Grant& grant : policy.grants()) {
    out += "| " + std::string(label(grant.command, lang)) + " | " + std::string(label(grant.role, lang)) + " | " +
           std::string(label(grant.scope, lang)) + " | " + list_of<Stage>(grant.stages, lang) + " | " +
           list_of<Level>(grant.levels, lang) + " |\n";
  }
  return out;
}

}  // namespace exemplar
