// exemplar/export.hpp: pictures of the machines, read from their tables so they cannot drift.
//
//   to_dot(table, name, lang)       Graphviz DOT (`dot -Tsvg`)
//   to_mermaid(table, lang)         a Mermaid stateDiagram-v2
//   to_scxml(table, name)           W3C SCXML (ECMAScript data model): every state and transition, each
//                                   guard a datum the host sets or the event carries
//   policy_markdown(policy, lang)   the authority policy as a Markdown table (docs/authority.md)
//   awards_markdown(awards, lang)   the award powers: what each role grants and proposes upward
//   pipeline_mermaid(checks, lang)  the decide pipeline as a Mermaid flowchart: the checks in order,
//                                   what each reads, and which of decide, apply and options run it
//   roadmap_gantt(roadmap, today, lang)   a Mermaid Gantt chart: each milestone's open period and its
//                                   state on `today` (done, active, late)
//
// Any table of the fsm engine whose states and events have labels (labels.hpp) exports: the
// lifecycle, the roadmap's machines, and a host's own. The first state is the initial one; states
// with no outgoing row are final.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "authority.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "procedure.hpp"
#include "roadmap.hpp"

namespace exemplar {

namespace detail {
/// Escapes text for a double-quoted DOT or Mermaid label.
[[nodiscard]] std::string quote_label(std::string_view text);
/// Escapes text for an XML attribute value.
[[nodiscard]] std::string xml_escape(std::string_view text);
/// An SCXML `cond` (ECMAScript, XML-escaped) that reads the guard `name` from the event's data when
/// the event carries it as a boolean, and from the datum of that name otherwise.
[[nodiscard]] std::string scxml_guard(std::string_view name);
}  // namespace detail

/// The table as a Graphviz digraph named `name`, states and edges labelled in `lang`.
template <class Table>
[[nodiscard]] std::string to_dot(const Table& table, std::string_view name, Lang lang = Lang::en) {
  std::string out = "digraph " + std::string(name) + " {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n";
  for (auto state : Table::states()) {
    out += "  " + std::string(identifier(state)) + " [label=\"" + detail::quote_label(label(state, lang)) + "\"";
    if (table.is_final(state)) out += ", peripheries=2";
    out += "];\n";
  }
  for (const auto& row : table.rows()) {
    std::string edge(label(row.event, lang));
    if (!row.guard_name.empty()) edge += "\\n[" + std::string(row.guard_name) + "]";
    out += "  " + std::string(identifier(row.from)) + " -> " + std::string(identifier(row.to)) + " [label=\"" +
           detail::quote_label(edge) + "\"];\n";
  }
  out += "}\n";
  return out;
}

/// The table as a Mermaid state diagram, states and transitions labelled in `lang`.
template <class Table>
[[nodiscard]] std::string to_mermaid(const Table& table, Lang lang = Lang::en) {
  std::string out = "stateDiagram-v2\n";
  const auto states = Table::states();
  for (auto state : states) {
    out += "  state \"" + detail::quote_label(label(state, lang)) + "\" as " + std::string(identifier(state)) + "\n";
  }
  out += "  [*] --> " + std::string(identifier(states.front())) + "\n";
  for (const auto& row : table.rows()) {
    out += "  " + std::string(identifier(row.from)) + " --> " + std::string(identifier(row.to)) + " : " +
           detail::quote_label(label(row.event, lang));
    if (!row.guard_name.empty()) out += " [" + std::string(row.guard_name) + "]";
    out += "\n";
  }
  for (auto state : states) {
    if (table.is_final(state)) out += "  " + std::string(identifier(state)) + " --> [*]\n";
  }
  return out;
}

/// The table as an SCXML document that a standard engine runs as the table does: states and events
/// by identifier, the ECMAScript data model, and each guard declared as a boolean datum (false until
/// the host sets it). A guarded transition reads the guard from the event's data when the event
/// carries it (`submitEvent("review", {council_proposed: true})`), otherwise from the datum the host
/// set; among a state's transitions for one event the first whose guard holds is taken, in the
/// table's row order.
template <class Table>
[[nodiscard]] std::string to_scxml(const Table& table, std::string_view name) {
  const auto states = Table::states();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" datamodel=\"ecmascript\" name=\"" +
         detail::xml_escape(name) + "\" initial=\"" + std::string(identifier(states.front())) + "\">\n";
  std::vector<std::string_view> guards;
  for (const auto& row : table.rows()) {
    if (!row.guard_name.empty() && std::find(guards.begin(), guards.end(), row.guard_name) == guards.end()) {
      guards.push_back(row.guard_name);
    }
  }
  if (!guards.empty()) {
    out += "  <datamodel>\n";
    for (std::string_view guard : guards) out += "    <data id=\"" + detail::xml_escape(guard) + "\" expr=\"false\"/>\n";
    out += "  </datamodel>\n";
  }
  for (auto state : states) {
    const std::string id(identifier(state));
    if (table.is_final(state)) {
      out += "  <final id=\"" + id + "\"/>\n";
      continue;
    }
    out += "  <state id=\"" + id + "\">\n";
    for (const auto& row : table.rows()) {
      if (row.from != state) continue;
      out += "    <transition event=\"" + std::string(identifier(row.event)) + "\"";
      if (!row.guard_name.empty()) out += " cond=\"" + detail::scxml_guard(row.guard_name) + "\"";
      out += " target=\"" + std::string(identifier(row.to)) + "\"/>\n";
    }
    out += "  </state>\n";
  }
  out += "</scxml>\n";
  return out;
}

/// The policy's grants as a Markdown table: command, role, scope, stages, levels.
[[nodiscard]] std::string policy_markdown(const Policy& policy, Lang lang = Lang::en);

/// The award powers as a Markdown table: role, awards it grants, awards it proposes upward.
[[nodiscard]] std::string awards_markdown(const std::vector<AwardPower>& awards, Lang lang = Lang::en);

/// The pipeline's checks, in order, as a Mermaid flowchart from the command to the event: each check
/// with its name and what it reads; the checks options leaves out (they read arguments) and those
/// apply leaves out (they read the running plan) drawn apart.
[[nodiscard]] std::string pipeline_mermaid(const std::vector<Check>& checks, Lang lang = Lang::en);

/// The roadmap as a Mermaid Gantt chart, one section per year, one bar per milestone's open period, each
/// labelled with its title and its state on `today`: met ones are done, open ones active, late or
/// missed ones critical.
[[nodiscard]] std::string roadmap_gantt(const Roadmap& roadmap, boost::gregorian::date today, Lang lang = Lang::en);

}  // namespace exemplar
