// The account of a simulated period as one HTML page that an officer opens in a browser: the
// charts inline as SVG (charts.hpp), a sortable table of the exemplars with their unit, subject and
// the reasons they qualified, and the units missing each milestone, all in Vietnamese
// or English. The page is self-contained: no style sheet, script, font or image comes from
// anywhere else, and its Content-Security-Policy forbids fetching any.
#pragma once

#include <string>

#include "report.hpp"

namespace sim {

[[nodiscard]] std::string html_report(const Plan& plan, const Settings& settings, const History& history,
                                      const Tally& tally, Lang lang);

}  // namespace sim
