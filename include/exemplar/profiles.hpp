// exemplar/profiles.hpp: the criteria of the five seed plans and of the national titles, as data.
//
//   profiles::hatinh_inspectorate_2021_2025(settings)     seed 000, plan 10/KH-TT
//   profiles::inspectorate_2021()                          seed 001: the council judges
//   profiles::quangbinh_office_2021_2025()                 seed 002: three kinds, judged by field
//   profiles::hatinh_industry_trade_2021_2025(settings)    seed 003: thresholds by position
//   profiles::langson_inspectorate_2025()                  seed 004
//   profiles::advanced_worker(settings) ... prime_minister_certificate(settings)
//                                                          the titles of Law 06/2022 (from 1/1/2024; before, Law 15/2003)
//   profiles::indicators::*                                the ids of seed 000's field indicators
//
// Each rule carries its seed section ("000 II.2.2a") or article ("Law 06/2022 art. 22"). Values the
// texts leave open are settings with documented defaults; docs/criteria.md lists them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "council.hpp"
#include "criteria.hpp"

namespace exemplar::profiles {

/// The field indicators seed 000 counts (000 II.2.2a), as the ids a host fills IndicatorValue with.
namespace indicators {
/// Share of the year's planned inspections carried out.
inline constexpr std::string_view planned_inspections = "planned_inspections";
/// Share of administrative recommendations handled.
inline constexpr std::string_view administrative_recommendations = "administrative_recommendations";
/// Share of economic recommendations handled ("trên 80%": strictly more than 80%).
inline constexpr std::string_view economic_recommendations = "economic_recommendations";
/// Share of arising complaints and denunciations resolved on time.
inline constexpr std::string_view complaints_resolved = "complaints_resolved";
/// Share of the anti-corruption inspection plan carried out.
inline constexpr std::string_view anti_corruption_plan = "anti_corruption_plan";
}  // namespace indicators

/// Seed 000's settings. The individual criterion reads "5 năm" without "liền" (consecutive), so
/// how far back the five years may lie is a setting; the collective's "05 năm liền" is not.
struct HaTinhInspectorateSettings {
  std::uint16_t individual_lookback_years = 5;
  RatingCalendar calendar;
};

/// Seed 003's settings. "Trong giai đoạn" (in the period) is read relative to the evaluation: the
/// five latest rated years, since the plan's only dated selection (before 30/3/2021, 003 IV.1) comes
/// before any year of 2021-2025 is rated (docs/criteria.md). A host that counts the plan's own
/// period may set CountedYears::fixed(2021, 2025).
struct IndustryTradeSettings {
  CountedYears period = CountedYears::latest(5);
  RatingCalendar calendar;
};

/// The national rules' settings (values the public summaries of the law could not confirm to the letter).
struct NationalSettings {
  /// Excellent collective: share of members who are advanced workers or higher (Law art. 27).
  Fraction excellent_collective_advanced_workers{7, 10, false};
  /// Advanced collective: share of members who are advanced workers or higher (Law art. 28).
  Fraction advanced_collective_advanced_workers{1, 2, true};
  RatingCalendar calendar;
};

/// Seed 000, Hà Tĩnh provincial Inspectorate, plan 10/KH-TT, 2021-2025 (plan id
/// "hatinh-inspectorate-2021-2025").
[[nodiscard]] Profile hatinh_inspectorate_2021_2025(const HaTinhInspectorateSettings& settings = {});
/// Seed 001, provincial Inspectorate, 2021: no counts; the council's judgement is the verdict.
[[nodiscard]] Profile inspectorate_2021();
/// Seed 002, Quảng Bình Provincial People's Committee Office, 2021-2025: three kinds of exemplar,
/// each a judgement tied to its field.
[[nodiscard]] Profile quangbinh_office_2021_2025();
/// Seed 003, Hà Tĩnh Department of Industry and Trade, 2021-2025: collective counts, individual
/// thresholds by position.
[[nodiscard]] Profile hatinh_industry_trade_2021_2025(const IndustryTradeSettings& settings = {});
/// Seed 004, Lạng Sơn provincial Inspectorate, 2025.
[[nodiscard]] Profile langson_inspectorate_2025();

/// Advanced worker, yearly (Law 06/2022 art. 24): rated good or better, not under sanction.
[[nodiscard]] Profile advanced_worker(const NationalSettings& settings = {});
/// Grassroots emulation soldier, yearly (Law 06/2022 art. 23 from 1/1/2024; Law 15/2003 art. 23,
/// in force from 1/7/2004, before).
[[nodiscard]] Profile grassroots_emulation_soldier(const NationalSettings& settings = {});
/// Provincial emulation soldier (Law 06/2022 art. 22).
[[nodiscard]] Profile provincial_emulation_soldier(const NationalSettings& settings = {});
/// National emulation soldier (Law 06/2022 art. 21).
[[nodiscard]] Profile national_emulation_soldier(const NationalSettings& settings = {});
/// Provincial chairman's or ministry certificate of merit (Law 06/2022 art. 74).
[[nodiscard]] Profile provincial_certificate(const NationalSettings& settings = {});
/// Prime Minister's certificate of merit (Law 06/2022 art. 73).
[[nodiscard]] Profile prime_minister_certificate(const NationalSettings& settings = {});
/// Excellent collective (Law 06/2022 art. 27).
[[nodiscard]] Profile excellent_collective(const NationalSettings& settings = {});
/// Advanced collective (Law 06/2022 art. 28).
[[nodiscard]] Profile advanced_collective(const NationalSettings& settings = {});

/// The five seed profiles with default settings, seed 000 first.
[[nodiscard]] std::vector<Profile> seeds();
/// The national title profiles with default settings.
[[nodiscard]] std::vector<Profile> national();

}  // namespace exemplar::profiles
