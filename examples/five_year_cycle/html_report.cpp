#include "html_report.hpp"

#include <set>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <exemplar/export.hpp>
#include <fmt/format.h>

#include "charts.hpp"

namespace sim {
namespace {

using exemplar::detail::xml_escape;

// The page's own style and script. The first script records every error and console.error into
// the page (data-errors on <html>), so that a headless browser's DOM dump shows them; the last makes
// the table sortable and, when the address ends in #selftest, sorts it once and says whether the
// order came out right (data-selftest on <body>).
constexpr const char* style = R"(
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#1d2429;max-width:1200px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d4d8}
.chart{display:block;max-width:100%;height:auto;margin:8px 0}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border:1px solid #d0d4d8;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f5;cursor:pointer;user-select:none}th::first-letter{text-transform:uppercase}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;white-space:nowrap}td.why{width:45%}.note{color:#5b6770;font-size:12px}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:8px 0}dt{color:#5b6770}dd{margin:0}
)";

constexpr const char* recorder = R"(
(function(){var root=document.documentElement;
function note(text){root.setAttribute('data-errors',(root.getAttribute('data-errors')||'')+text+'\n');}
window.addEventListener('error',function(e){note('error: '+(e.message||e.type));},true);
window.addEventListener('unhandledrejection',function(e){note('rejection: '+e.reason);});
var original=console.error;console.error=function(){note('console: '+Array.prototype.join.call(arguments,' '));return original.apply(console,arguments);};})();
)";

constexpr const char* sorter = R"(
(function(){
function key(cell,numeric){var v=cell.getAttribute('data-value');if(v===null)v=cell.textContent;return numeric?parseFloat(v):v;}
function sortBy(table,column,heading){
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var ascending=heading.getAttribute('aria-sort')!=='ascending',numeric=heading.getAttribute('data-type')==='number';
var lang=document.documentElement.lang;
rows.sort(function(a,b){var x=key(a.cells[column],numeric),y=key(b.cells[column],numeric);
var r=numeric?x-y:String(x).localeCompare(String(y),lang);return ascending?r:-r;});
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(h){h.removeAttribute('aria-sort');});
heading.setAttribute('aria-sort',ascending?'ascending':'descending');
rows.forEach(function(row){body.appendChild(row);});}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(table){
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(heading,column){
heading.tabIndex=0;
heading.addEventListener('click',function(){sortBy(table,column,heading);});
heading.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(table,column,heading);}});});});
if(location.hash==='#selftest'){
var table=document.getElementById('exemplars'),verdict='ok';
if(table&&table.tBodies[0].rows.length>1){
var heading=table.tHead.rows[0].cells[0];heading.click();heading.click();
var ids=Array.prototype.map.call(table.tBodies[0].rows,function(r){return parseFloat(r.cells[0].getAttribute('data-value'));});
for(var i=1;i<ids.length;++i){if(ids[i-1]<ids[i])verdict='descending sort broken at row '+i;}
heading.click();}
document.body.setAttribute('data-selftest',verdict);}
document.body.setAttribute('data-ready','1');})();
)";

std::string escaped(std::string_view text) { return xml_escape(text); }

/// For each milestone the plan ties unit steps to (its `inside` timings: register at registration,
/// commend at a review, nominate at a send-up), the units that took none of those steps inside its
/// open period by its last on-time day: whom the officer chases. Milestones no step is tied to are
/// the agency's own, and the Gantt chart shows their state.
std::string missing_units(const Plan& plan, const History& history, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out;
  for (const Milestone& m : plan.roadmap.milestones) {
    std::set<CommandKind> steps;
    for (const Timing& timing : plan.procedure.timings) {
      const MilestoneSelector& selects = timing.milestones;
      if (timing.rule == TimingRule::inside && (selects.id.empty() ? selects.kind == m.kind : selects.id == m.id)) {
        steps.insert(timing.step);
      }
    }
    if (steps.empty() || m.open_period.opens > history.last_day) continue;
    const MilestoneStatus* status = history.status.find(m.id);
    const bg::date last = status ? status->days.last_on_time : m.open_period.closes;
    std::set<UnitId> done;
    for (const Record& record : history.journal) {
      const Event& event = record.event;
      if (steps.count(event.kind()) == 0 || event.date < m.open_period.opens || event.date > last) continue;
      const auto candidate = history.candidates.find(event.candidate);
      if (candidate != history.candidates.end()) done.insert(candidate->second.unit);
    }
    std::string names;
    std::size_t missing = 0;
    for (const Unit& unit : history.units) {
      if (done.count(unit.id) != 0) continue;
      names += (missing++ ? "; " : "") + escaped(unit.name);
    }
    std::string step_names;
    for (CommandKind step : steps) step_names += (step_names.empty() ? "" : vi ? " hoặc " : " or ") + std::string(label(step, lang));
    out += fmt::format("<li><strong>{}</strong> ({}{} {}{}): ", escaped(m.title.in(lang)), escaped(step_names), vi ? "; hạn" : "; due",
                       format_date(last, lang), last > history.last_day ? (vi ? ", chưa đến hạn" : ", not yet due") : "");
    if (missing == 0) {
      out += vi ? "tất cả các đơn vị đã thực hiện đúng hạn." : "every unit did so on time.";
    } else {
      out += fmt::format(vi ? "{} đơn vị không có bước «{}» nào đúng hạn: {}." : "{} units took no '{}' step on time: {}.",
                         thousands(missing, lang), escaped(step_names), names);
    }
    out += "</li>\n";
  }
  if (out.empty()) {
    return vi ? "<p>Kế hoạch không gắn bước nào của đơn vị với một mốc đã mở.</p>\n"
              : "<p>The plan ties no unit step to a milestone that has opened.</p>\n";
  }
  return "<ul id=\"missing\">\n" + out + "</ul>\n";
}

std::string exemplar_table(const History& history, Lang lang) {
  const auto field = [lang](std::string_view id) { return escaped(candidate_field_label(id, lang)); };
  std::string out = "<table id=\"exemplars\" class=\"sortable\">\n<thead><tr>";
  out += fmt::format("<th data-type=\"number\">{}</th><th>{}</th><th>{}</th><th data-type=\"number\">{}</th><th>{}</th>"
                     "<th>{}</th><th>{}</th><th>{}</th>",
                     field("id"), field("unit"), field("subject"), escaped(label(Column::year_discovered, lang)), field("level"),
                     field("award"), field("stage"), escaped(label(Column::why, lang)));
  out += "</tr></thead>\n<tbody>\n";
  for (CandidateId id : exemplars(history)) {
    const Candidate& c = history.candidates.at(id);
    const Unit* unit = unit_named(history, c.unit);
    const auto cohort = history.cohort.find(id);
    const auto why = history.why.find(id);
    out += fmt::format(
        "<tr><td class=\"n\" data-value=\"{0}\">{0}</td><td>{1}</td><td>{2}</td><td class=\"n\" data-value=\"{3}\">{3}</td>"
        "<td>{4}</td><td>{5}</td><td>{6}</td><td class=\"why\">{7}</td></tr>\n",
        id.value(), escaped(unit ? unit->name : std::to_string(c.unit.value())), escaped(label(c.subject, lang)),
        cohort == history.cohort.end() ? 0 : cohort->second, escaped(label(c.level, lang)), escaped(label(c.award, lang)),
        escaped(label(c.stage, lang)), why == history.why.end() ? std::string() : escaped(why->second.in(lang)));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace

std::string html_report(const Plan& plan, const Settings& settings, const History& history, const Tally& tally,
                        Lang lang) {
  const bool vi = lang == Lang::vi;
  const std::vector<CandidateId> honoured = exemplars(history);
  std::string out = "<!DOCTYPE html>\n";
  out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", vi ? "vi" : "en");
  // Nothing may be fetched: the page carries its style, script and pictures inline.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n", escaped(plan.title.in(lang)));
  out += fmt::format("<script>{}</script>\n<style>{}</style>\n</head>\n<body>\n", recorder, style);

  out += fmt::format("<h1>{}</h1>\n<p>{}</p>\n",
                     vi ? "Báo cáo kết quả xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến"
                        : "Report on building, fostering and replicating advanced exemplars",
                     escaped(plan.title.in(lang)));
  const std::string summary[][2] = {
      {vi ? "Mã kế hoạch" : "Plan id", plan.id},
      {vi ? "Thời gian" : "Period",
       fmt::format(vi ? "từ ngày {} đến ngày {}" : "from {} to {}", format_date(history.first_day, lang),
                   format_date(history.last_day, lang))},
      {vi ? "Cơ quan mô phỏng" : "Simulated agency",
       fmt::format(vi ? "{} đơn vị, {} người (hạt giống ngẫu nhiên {})" : "{} units, {} people (random seed {})",
                   thousands(history.units.size(), lang), thousands(history.people.size(), lang), settings.seed)},
      {vi ? "Ứng viên" : "Candidates", thousands(history.candidates.size(), lang)},
      {vi ? "Điển hình tiên tiến" : "Exemplars", thousands(honoured.size(), lang)},
      {vi ? "Đề nghị lên cấp tỉnh" : "Nominated to the province", thousands(tally.nominated, lang)},
      {vi ? "Mốc trễ hạn hoặc bỏ lỡ" : "Milestones late or missed",
       thousands(history.status.count(MilestoneState::met_late) + history.status.count(MilestoneState::missed), lang)},
  };
  out += "<dl>\n";
  for (const auto& [term, value] : summary) out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", escaped(term), escaped(value));
  out += "</dl>\n";

  out += fmt::format("<h2>{}</h2>\n", vi ? "Lộ trình thực hiện" : "Roadmap");
  out += gantt_svg(plan, history, lang) + "\n";
  out += fmt::format("<h2>{}</h2>\n", vi ? "Kết quả từng năm" : "Each year's results");
  out += funnel_svg(tally, lang) + "\n";
  out += units_svg(history, tally, lang) + "\n";

  out += fmt::format("<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
                     vi ? "Điển hình tiên tiến của giai đoạn và lý do" : "The period's exemplars and why they qualified",
                     vi ? "Bấm vào tiêu đề cột để sắp xếp." : "Click a column heading to sort.");
  out += honoured.empty() ? std::string(vi ? "<p>Chưa có điển hình tiên tiến nào.</p>\n" : "<p>No exemplars yet.</p>\n")
                          : exemplar_table(history, lang);

  out += fmt::format("<h2>{}</h2>\n", vi ? "Đơn vị chưa thực hiện đúng hạn theo từng mốc" : "Units missing each milestone");
  out += missing_units(plan, history, lang);
  std::string short_of;
  for (const QuotaStanding& standing : history.quotas) {
    if (standing.state == QuotaState::short_) short_of += "<li>" + escaped(standing.message(plan, lang)) + "</li>\n";
  }
  if (!short_of.empty()) {
    out += fmt::format("<h2>{}</h2>\n<ul id=\"short\">\n{}</ul>\n", vi ? "Đơn vị chưa đạt chỉ tiêu" : "Units short of a quota", short_of);
  }

  out += fmt::format(vi ? "<p class=\"note\">Nhật ký: {} bản ghi, mã băm cuối {}.</p>\n"
                        : "<p class=\"note\">Journal: {} records, head hash {}.</p>\n",
                     thousands(history.journal.size(), lang),
                     history.journal.empty() ? std::string("-") : to_hex(history.journal.back().hash));
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", sorter);
  return out;
}

}  // namespace sim
