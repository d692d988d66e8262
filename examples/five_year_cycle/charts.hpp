// The report's charts as SVG, drawn from the run: the roadmap's milestones on a time line coloured by
// their state on the last day (a Gantt chart), each year's funnel, and the units by registrations
// and recognitions. Each chart is one <svg> element that stands alone in a file or inline in HTML;
// every bar is a <rect class="bar"> with a <title> saying what it shows, so a test can count them.
#pragma once

#include <string>

#include "report.hpp"

namespace sim {

/// Each milestone of the plan's roadmap as a bar over its open period, coloured by its state on the
/// last day, with a tick on its last on-time day and the years along the top.
[[nodiscard]] std::string gantt_svg(const Plan& plan, const History& history, Lang lang);

/// Each cohort (the year of discovery) as a group of bars, one per stage of the happy path.
[[nodiscard]] std::string funnel_svg(const Tally& tally, Lang lang);

/// Each unit with two bars: its candidates that were registered, and those that were recognised.
[[nodiscard]] std::string units_svg(const History& history, const Tally& tally, Lang lang);

/// The three charts, one under the other, as one SVG document (`--format svg`).
[[nodiscard]] std::string charts_svg(const Plan& plan, const History& history, const Tally& tally, Lang lang);

}  // namespace sim
