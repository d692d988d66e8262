// The account of a simulated period: a timeline of milestones, each year's funnel per unit, the
// exemplars and why they qualified, every deadline met late or missed; as text, JSON or CSV (the
// HTML page and its SVG charts are in html_report.hpp and charts.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "simulation.hpp"

namespace sim {

/// The happy path's stages, in order: the funnel's columns.
inline constexpr std::array<Stage, 7> funnel_stages{Stage::discovered, Stage::fostered,   Stage::registered,
                                                    Stage::reviewed,   Stage::recognized, Stage::commended,
                                                    Stage::replicated};

/// How many candidates of one cohort (the year they were discovered) reached each stage.
using Funnel = std::array<unsigned, funnel_stages.size()>;

struct Tally {
  std::map<std::uint16_t, std::map<UnitId, Funnel>> by_year_and_unit;
  std::map<std::uint16_t, Funnel> by_year;
  std::map<Stage, unsigned> final_stages;
  unsigned nominated = 0;
};

/// The unit with this id, or null.
[[nodiscard]] const Unit* unit_named(const History& history, UnitId id);

/// True when the candidate was honoured: commended or replicated at the agency, or at a higher level.
[[nodiscard]] bool honoured(const Candidate& candidate);

/// The period's exemplars, in id order, as the text and HTML reports list them: honoured, with an award
/// above the public commendation.
[[nodiscard]] std::vector<CandidateId> exemplars(const History& history);

/// The label of one of Candidate's fields, read from its description (lifecycle.hpp): the column
/// headers of the CSV and of the HTML table. "?" for an id Candidate does not have.
[[nodiscard]] std::string_view candidate_field_label(std::string_view id, Lang lang);

/// The columns of the CSV and of the HTML table that Candidate has no field for.
enum class Column : std::uint8_t { unit_name, year_discovered, why };
[[nodiscard]] LabelTable label_table(Column) noexcept;

/// A whole number with its thousands grouped: «1.234» in Vietnamese, "1,234" in English.
[[nodiscard]] std::string thousands(std::uint64_t n, Lang lang);

/// Counts the funnel from the journal: what each candidate reached, by cohort and unit.
[[nodiscard]] Tally count(const History& history);

/// The self-checks: every funnel narrows from stage to stage, units add up to the year, every
/// candidate has one final stage, no unit is short of the plan's per-unit quotas at the end and no
/// step beyond a quota was tried. Empty when everything adds up; otherwise what does not.
[[nodiscard]] std::vector<std::string> check(const History& history, const Tally& tally);

[[nodiscard]] std::string text_report(const Plan& plan, const Settings& settings, const History& history,
                                      const Tally& tally, Lang lang);
[[nodiscard]] std::string json_report(const Plan& plan, const Settings& settings, const History& history,
                                      const Tally& tally);
/// One row per candidate, for Excel: UTF-8 with a byte-order mark, RFC 4180 quoting (csv.hpp), CRLF
/// line ends, headers in `lang` (Candidate's own field labels where it has the field).
[[nodiscard]] std::string csv_report(const History& history, Lang lang);

}  // namespace sim
