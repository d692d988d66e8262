// The account of a simulated period: a timeline of milestones, each year's funnel per unit, the
// exemplars and why they qualified, every deadline met late or missed; as text, JSON or CSV.
#pragma once

#include <array>
#include <map>
#include <string>
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
[[nodiscard]] std::string csv_report(const History& history, const Tally& tally);

}  // namespace sim
