// Escaping for the exporters, and the policy as Markdown.
#include "exemplar/export.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

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

std::string scxml_guard(std::string_view name) {
  // _event.data is undefined for an event sent without data; typeof keeps the lookup safe.
  const std::string guard(name);
  return xml_escape("typeof _event.data === 'object' && _event.data !== null && typeof _event.data." + guard +
                    " === 'boolean' ? _event.data." + guard + " : " + guard + " === true");
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

std::string awards_markdown(const std::vector<AwardPower>& awards, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out = vi ? "| vai trò | được tặng | đề nghị cấp trên |\n|---|---|---|\n"
                       : "| role | grants | proposes upward |\n|---|---|---|\n";
  for (const AwardPower& power : awards) {
    out += "| " + std::string(label(power.role, lang)) + " | " + list_of<Award>(power.grants, lang) + " | " +
           list_of<Award>(power.proposes, lang) + " |\n";
  }
  return out;
}

std::string pipeline_mermaid(const std::vector<Check>& checks, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out = "flowchart LR\n";
  out += vi ? "  command([yêu cầu, người thực hiện, ngày]) --> make[sự kiện yêu cầu tạo ra]\n"
            : "  command([command, actor, date]) --> make[the event it asks for]\n";
  std::string previous = "make";
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const Check& check = checks[i];
    const std::string id = "c" + std::to_string(i);
    std::string note;
    if (check.reads == Reads::arguments) note = vi ? "<br/>không chạy trong options" : "<br/>not in options";
    if (check.reads == Reads::plan_state) note = vi ? "<br/>không chạy trong apply" : "<br/>not in apply";
    out += "  " + previous + " --> " + id + "[\"" + detail::quote_label(check.name) + "<br/><i>" +
           detail::quote_label(label(check.reads, lang)) + "</i>" + note + "\"]\n";
    out += "  " + id + " -. " + (vi ? "từ chối" : "refused") + " .-> refusal([Refusal])\n";
    previous = id;
  }
  out += "  " + previous + (vi ? " --> event([sự kiện, kèm cờ])\n" : " --> event([event, with flags])\n");
  return out;
}

std::string roadmap_gantt(const Roadmap& roadmap, boost::gregorian::date today, Lang lang) {
  // Mermaid reads ':' and '#' as syntax inside a task name; ',' separates its fields.
  const auto clean = [](std::string_view text) {
    std::string out;
    for (char c : text) out += (c == ':' || c == '#' || c == ';' || c == ',') ? ' ' : c;
    return out;
  };
  const auto iso = [](boost::gregorian::date d) { return boost::gregorian::to_iso_extended_string(d); };
  const Text& title = roadmap.spec().title;
  std::string out = "gantt\n  title " + clean(lang == Lang::vi ? title.vi : title.en) + "\n  dateFormat YYYY-MM-DD\n";
  std::uint16_t section = 0;
  for (std::size_t i = 0; i < roadmap.milestones().size(); ++i) {
    const Milestone& m = roadmap.milestones()[i];
    if (m.year != section) {
      section = m.year;
      out += "  section " + std::to_string(section) + "\n";
    }
    const MilestoneState state = roadmap.state_of(i, today);
    std::string tag;
    switch (state) {
      case MilestoneState::met:
      case MilestoneState::waived: tag = "done, "; break;
      case MilestoneState::open:
      case MilestoneState::due_soon: tag = "active, "; break;
      case MilestoneState::met_late:
      case MilestoneState::missed: tag = "crit, "; break;
      case MilestoneState::upcoming: break;
    }
    out += "  " + clean(lang == Lang::vi ? m.title.vi : m.title.en) + " (" + std::string(label(state, lang)) + ") :" + tag +
           clean(m.id) + ", " + iso(m.open_period.opens) + ", " + iso(m.open_period.closes) + "\n";
  }
  return out;
}

}  // namespace exemplar
