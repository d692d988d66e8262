#include "charts.hpp"

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <exemplar/export.hpp>
#include <fmt/format.h>

namespace sim {
namespace {

using exemplar::detail::xml_escape;

/// One chart: its elements and its size, so that charts_svg can stack them.
struct Drawing {
  std::string id;
  std::string title;
  int width = 0;
  int height = 0;
  std::string body;

  [[nodiscard]] std::string svg() const {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{0}\" class=\"chart\" width=\"{1}\" height=\"{2}\" "
        "viewBox=\"0 0 {1} {2}\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\" role=\"img\" "
        "aria-labelledby=\"{0}-title\"><title id=\"{0}-title\">{3}</title>"
        "<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{3}</text>{4}</svg>",
        id, width, height, xml_escape(title), body);
  }
};

// Colours that read apart for most colour-blind readers, and in grey print by lightness.
constexpr std::array<const char*, milestone_state_count> state_colours{
    "#b0b7bf",  // upcoming
    "#4e9ad6",  // open
    "#f2b134",  // due soon
    "#2e8b57",  // met
    "#e07b24",  // met late
    "#c62828",  // missed
    "#7e57c2",  // waived
};
constexpr std::array<const char*, funnel_stages.size()> stage_colours{"#c6dbef", "#9ecae1", "#6baed6", "#4292c6",
                                                                        "#2171b5", "#08519c", "#08306b"};

/// At most `most` characters of UTF-8 text, ending in an ellipsis when cut; never splits a character.
std::string shortened(std::string_view text, std::size_t most) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) continue;
    if (++characters > most) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

/// How many characters (not bytes) UTF-8 text holds: what a label's width follows.
double characters(std::string_view text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string bar(double x, double y, double width, double height, const char* colour, const std::string& tooltip) {
  return fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}</title></rect>",
                     x, y, std::max(width, 0.0), height, colour, xml_escape(tooltip));
}

std::string key(double x, double y, const char* colour, std::string_view text) {
  return fmt::format("<rect class=\"key\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
                     "<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>",
                     x, y, colour, x + 14, y + 9, xml_escape(text));
}

std::string text_at(double x, double y, std::string_view text, const char* anchor = "start", int size = 11) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\" font-size=\"{}\">{}</text>", x, y, anchor, size,
                     xml_escape(text));
}

Drawing gantt(const Plan& plan, const History& history, Lang lang) {
  const bool vi = lang == Lang::vi;
  Drawing d;
  d.id = "gantt";
  d.title = fmt::format(vi ? "Lộ trình: các mốc và trạng thái ngày {}" : "Roadmap: the milestones and their states on {}",
                        format_date(history.last_day, lang));
  const auto& milestones = plan.roadmap.milestones;
  constexpr int label_width = 400, plot_width = 720, row = 18, top = 52;
  d.width = label_width + plot_width + 20;
  const int rows_end = top + static_cast<int>(milestones.size()) * row;
  d.height = rows_end + 48;
  if (milestones.empty()) {
    d.body = text_at(8, 40, vi ? "Kế hoạch không có mốc nào." : "The plan has no milestones.");
    return d;
  }
  bg::date start = milestones.front().open_period.opens, end = milestones.front().open_period.closes;
  for (const Milestone& m : milestones) {
    start = std::min(start, m.open_period.opens);
    end = std::max(end, m.open_period.closes);
  }
  const double span = static_cast<double>((end - start).days() + 1);
  const auto x = [&](bg::date day) { return label_width + static_cast<double>((day - start).days()) * plot_width / span; };

  std::string& out = d.body;
  for (int year = start.year(); year <= end.year(); ++year) {
    const bg::date first{static_cast<unsigned short>(year), 1, 1};
    const double at = x(std::max(first, start));
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#d0d4d8\"/>", at, top - 14, rows_end);
    out += text_at(at + 3, top - 4, std::to_string(year), "start", 10);
  }
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& m = milestones[i];
    const MilestoneStatus* status = history.status.find(m.id);
    const MilestoneState state = status ? status->state : MilestoneState::upcoming;
    const double y = top + static_cast<double>(i) * row;
    const std::string& title = m.title.in(lang);
    out += text_at(label_width - 6, y + 12, std::to_string(m.year) + " · " + shortened(title, 56), "end");
    const double left = x(m.open_period.opens);
    const double right = x(m.open_period.closes + bg::days(1));
    const std::string deadline = status ? format_date(status->days.last_on_time, lang) : std::string("?");
    out += bar(left, y + 3, std::max(right - left, 2.0), row - 6, state_colours[static_cast<std::size_t>(state)],
               fmt::format(vi ? "{}: {}; mở {} – {}; hạn {}" : "{}: {}; open {} – {}; due {}", title, label(state, lang),
                           format_date(m.open_period.opens, lang), format_date(m.open_period.closes, lang), deadline));
    if (status) {
      const double due = x(status->days.last_on_time + bg::days(1));
      out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#222\" stroke-width=\"1.5\"/>",
                         due, y + 1, y + row - 1);
    }
  }
  double kx = 8;
  for (MilestoneState state : all_values<MilestoneState>()) {
    out += key(kx, rows_end + 14, state_colours[static_cast<std::size_t>(state)], label(state, lang));
    kx += 24 + 6.5 * characters(label(state, lang));
  }
  out += text_at(8, rows_end + 40, vi ? "Vạch đen: ngày cuối cùng còn đúng hạn." : "Black tick: the last day on time.", "start", 10);
  return d;
}

Drawing funnel(const Tally& tally, Lang lang) {
  const bool vi = lang == Lang::vi;
  Drawing d;
  d.id = "funnel";
  d.title = vi ? "Phễu từng năm (theo năm phát hiện)" : "Each year's funnel (by the year of discovery)";
  constexpr int left = 44, top = 40, plot_height = 220, bar_width = 16, gap = 28, legend_width = 270;
  const int group = static_cast<int>(funnel_stages.size()) * bar_width + gap;
  const int groups = std::max<int>(1, static_cast<int>(tally.by_year.size()));
  d.width = left + groups * group + legend_width;
  d.height = top + plot_height + 44;
  unsigned most = 1;
  for (const auto& [year, counts] : tally.by_year) most = std::max(most, *std::max_element(counts.begin(), counts.end()));
  const double base = top + plot_height;
  std::string& out = d.body;
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555\"/>", left - 4, base, left + groups * group);
  if (tally.by_year.empty()) out += text_at(left, top + 20, vi ? "Chưa có ứng viên nào." : "No candidates yet.");
  int g = 0;
  for (const auto& [year, counts] : tally.by_year) {
    const double gx = left + g * group;
    for (std::size_t s = 0; s < counts.size(); ++s) {
      const double height = static_cast<double>(counts[s]) * plot_height / most;
      const double bx = gx + static_cast<double>(s) * bar_width;
      out += bar(bx, base - height, bar_width - 2, height, stage_colours[s],
                 fmt::format("{}: {} {}", year, label(funnel_stages[s], lang), thousands(counts[s], lang)));
      out += text_at(bx + (bar_width - 2) / 2.0, base - height - 3, thousands(counts[s], lang), "middle", 9);
    }
    out += text_at(gx + (group - gap) / 2.0, base + 16, std::to_string(year), "middle", 12);
    ++g;
  }
  const double lx = left + groups * group + 10;
  for (std::size_t s = 0; s < funnel_stages.size(); ++s) {
    out += key(lx, top + static_cast<double>(s) * 18, stage_colours[s], label(funnel_stages[s], lang));
  }
  return d;
}

Drawing units(const History& history, const Tally& tally, Lang lang) {
  const bool vi = lang == Lang::vi;
  Drawing d;
  d.id = "units";
  d.title = vi ? "Đơn vị theo số ứng viên được đăng ký và được công nhận" : "Units by candidates registered and recognised";
  constexpr std::size_t registered = 2, recognized = 4;
  static_assert(funnel_stages[registered] == Stage::registered && funnel_stages[recognized] == Stage::recognized);
  std::map<UnitId, std::pair<unsigned, unsigned>> counts;
  unsigned most = 1;
  for (const auto& [year, per_unit] : tally.by_year_and_unit) {
    for (const auto& [unit, funnel] : per_unit) {
      auto& c = counts[unit];
      c.first += funnel[registered];
      c.second += funnel[recognized];
      most = std::max({most, c.first, c.second});
    }
  }
  constexpr int label_width = 340, plot_width = 560, row = 26, top = 56;
  d.width = label_width + plot_width + 60;
  d.height = top + static_cast<int>(history.units.size()) * row + 12;
  std::string& out = d.body;
  const std::string registered_label(label(Stage::registered, lang)), recognized_label(label(Stage::recognized, lang));
  out += key(8, 30, stage_colours[registered], registered_label);
  out += key(8 + 24 + 6.5 * characters(registered_label), 30, stage_colours[recognized], recognized_label);
  for (std::size_t i = 0; i < history.units.size(); ++i) {
    const Unit& unit = history.units[i];
    const auto [reg, rec] = counts[unit.id];
    const double y = top + static_cast<double>(i) * row;
    out += text_at(label_width - 6, y + 15, shortened(unit.name, 50), "end");
    const auto one = [&](unsigned n, double at, std::size_t stage, const std::string& what) {
      const double width = static_cast<double>(n) * plot_width / most;
      out += bar(label_width, at, width, 10, stage_colours[stage], fmt::format("{}: {} {}", unit.name, what, thousands(n, lang)));
      out += text_at(label_width + width + 4, at + 9, thousands(n, lang), "start", 9);
    };
    one(reg, y + 2, registered, registered_label);
    one(rec, y + 13, recognized, recognized_label);
  }
  return d;
}

}  // namespace

std::string gantt_svg(const Plan& plan, const History& history, Lang lang) { return gantt(plan, history, lang).svg(); }

std::string funnel_svg(const Tally& tally, Lang lang) { return funnel(tally, lang).svg(); }

std::string units_svg(const History& history, const Tally& tally, Lang lang) { return units(history, tally, lang).svg(); }

std::string charts_svg(const Plan& plan, const History& history, const Tally& tally, Lang lang) {
  const Drawing charts[] = {gantt(plan, history, lang), funnel(tally, lang), units(history, tally, lang)};
  int width = 0, height = 0;
  std::string body;
  for (const Drawing& chart : charts) {
    body += fmt::format("<g transform=\"translate(0,{})\">{}</g>", height, chart.svg());
    width = std::max(width, chart.width);
    height += chart.height + 16;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">"
                     "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#fff\"/>{2}</svg>\n",
                     width, height, body);
}

}  // namespace sim
