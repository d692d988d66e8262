// exemplar/timetables.hpp: the five seed plans' timetables, as roadmaps.
//
//   timetables::hatinh_inspectorate_2021_2025(calendar)      seed 000, plan 10/KH-TT, section III
//   timetables::provincial_inspectorate_2021(calendar)       seed 001, the one year 2021
//   timetables::quangbinh_ppc_office_2021_2025(calendar)     seed 002, section III.1
//   timetables::hatinh_industry_trade_2021_2025(calendar)    seed 003, section IV
//   timetables::langson_inspectorate_2025(calendar)          seed 004, section IV (four quarters)
//
// Each milestone says where each of its dates comes from (DateSource): the plan's own day, the
// first or last day of a quarter or year the plan names, or a documented default where the plan
// gives none (the reasons are in src/timetables.cpp and docs/roadmap.md). "trước ngày" (before) is
// an exclusive deadline wherever a plan writes it. The calendar is the host's: pass its holidays.
// To change a rule (a late policy, say), copy `spec()`, edit it, and Roadmap::make it again.
#pragma once

#include "calendar.hpp"
#include "roadmap.hpp"

namespace exemplar::timetables {

/// Seed 000: Hà Tĩnh provincial Inspectorate, plan 10/KH-TT of 28/5/2021, 2021-2025.
[[nodiscard]] Roadmap hatinh_inspectorate_2021_2025(const WorkingCalendar& calendar = {});
/// Seed 001: the provincial Inspectorate's plan for 2021.
[[nodiscard]] Roadmap provincial_inspectorate_2021(const WorkingCalendar& calendar = {});
/// Seed 002: Quảng Bình Provincial People's Committee Office, 2021-2025 (issued in 2022).
[[nodiscard]] Roadmap quangbinh_ppc_office_2021_2025(const WorkingCalendar& calendar = {});
/// Seed 003: Hà Tĩnh Department of Industry and Trade, 2021-2025 (issued January 2021).
[[nodiscard]] Roadmap hatinh_industry_trade_2021_2025(const WorkingCalendar& calendar = {});
/// Seed 004: Lạng Sơn provincial Inspectorate, plan for 2025.
[[nodiscard]] Roadmap langson_inspectorate_2025(const WorkingCalendar& calendar = {});

}  // namespace exemplar::timetables
