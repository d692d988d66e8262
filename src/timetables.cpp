// The seed plans' timetables. Every date below is either the plan's own (DateSource::stated), the
// first or last day of a quarter or year the plan names (period_bound), or one of the documented
// defaults that follow (defaulted). The plans' words are quoted in each milestone's `basis`.
//
// Defaults, where a plan gives no day:
//   D1 registration: opens 1 January and is due by 31 March. Registration is the first quarter's
//      work in every plan that dates it (seed 004 IV.1 "Quý I", seed 003 IV.1 March): every year
//      repeats registration in Q1.
//   D2 late window: a late step is still taken, under the deadline's policy, until the end of the
//      milestone's year; after that it belongs to the next year's round. Year-end reviews keep
//      their window to the end of the next Q1, since the year-end conferences often slip into
//      January.
//   D3 late policy: no plan says anything of late entries, so a late step of any milestone is
//      accepted and flagged late, not blocked: the plans set deadlines, not sanctions. A host whose
//      plan does block late registrations sets LatePolicy::needs_waiver on that milestone.
//   D4 due soon: seven calendar days before the last on-time day (Deadline's default).
//   D5 year-end review: the fourth quarter, 1 October to 31 December (seed 004 IV.4 puts it there).
//   D6 six-month review: 1 June to 31 July, since a review of the first half needs June's results,
//      and provinces hold their six-month conferences by the end of July.
//   D7 the end of the period in 2025: the sector's final review, exemplar conference and send-up in
//      Q2, the provincial Emulation Congress in Q3 (the 2020 congress calendar: before a national
//      congress, the level above the grassroots meets in Q2 and provinces in Q3; the 11th national
//      congress opened on 27/12/2025).
//   D8 a unit's yearly report: 1 October to 30 November, so it reaches the year-end review it feeds
//      (the annual rating is done before 15 December).
//   D9 the five-year phases follow the years of seed 000 section III (2021 plan, 2022 implement,
//      2023 mid-term review, 2024 intensify, 2025 final review) in the plans that do not list them.
#include "exemplar/timetables.hpp"

#include "exemplar/precondition.hpp"

#include <string>
#include <utility>
#include <vector>

namespace exemplar::timetables {
namespace bg = boost::gregorian;

namespace {

constexpr DateSource stated = DateSource::stated;
constexpr DateSource period_bound = DateSource::period_bound;
constexpr DateSource defaulted = DateSource::defaulted;

/// A date of our own data; every one of them exists.
bg::date day(int year, int month, int dom) {
  return bg::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(dom));
}

std::string year_id(const char* kind, int year) { return std::string(kind) + "-" + std::to_string(year); }

/// One milestone; dates come as (day, source) pairs so no date is written without its origin.
struct Dates {
  bg::date opens;
  DateSource opens_from;
  Deadline deadline;
  DateSource deadline_from;
  bg::date closes;
  DateSource closes_from;
};

Milestone milestone(std::string id, std::string en, std::string vi, MilestoneKind kind, Role owner, Level level, int year,
                    const Dates& dates, std::string basis) {
  Milestone m;
  m.id = std::move(id);
  m.title = Text{std::move(en), std::move(vi)};
  m.kind = kind;
  m.owner = owner;
  m.level = level;
  m.year = static_cast<std::uint16_t>(year);
  m.open_period = OpenPeriod{dates.opens, dates.closes};
  m.deadline = dates.deadline;
  m.sources = DateSources{dates.opens_from, dates.deadline_from, dates.closes_from};
  m.basis = std::move(basis);
  return m;
}

/// D3.
Deadline event_deadline(Deadline deadline) { return deadline.when_late(LatePolicy::accept_flagged); }

/// D5 and D2: the year-end review, due by 31 December; the deadline's source is the plan's when it
/// ties the review to the year.
Milestone year_end_review(int year, DateSource deadline_from, std::string basis) {
  return milestone(year_id("year-end-review", year), "Year-end review: the year's exemplars are commended",
                   "Tổng kết năm: biểu dương, khen thưởng điển hình tiên tiến của năm", MilestoneKind::year_end_review,
                   Role::agency_head, Level::agency, year,
                   Dates{day(year, 10, 1), defaulted, event_deadline(Deadline::by(day(year, 12, 31))), deadline_from,
                         day(year + 1, 3, 31), defaulted},
                   std::move(basis));
}

/// D1 and D2: a yearly registration the plan does not date.
Milestone default_registration(int year, std::string basis) {
  return milestone(year_id("registration", year), "Units register their exemplars with the council",
                   "Các đơn vị đăng ký điển hình tiên tiến với Hội đồng Thi đua - Khen thưởng", MilestoneKind::registration,
                   Role::unit_head, Level::agency, year,
                   Dates{day(year, 1, 1), defaulted, event_deadline(Deadline::by(day(year, 3, 31))), defaulted,
                         day(year, 12, 31), defaulted},
                   std::move(basis));
}

/// D7: the end of the period in 2025, for the plans that do not date it.
Dates q2_2025_default(Deadline (*policy)(Deadline)) {
  return Dates{day(2025, 4, 1), defaulted, policy(Deadline::by(day(2025, 6, 30))), defaulted, day(2025, 12, 31), defaulted};
}

Milestone provincial_congress(std::string en, std::string vi, std::string basis) {
  return milestone("emulation-congress-2025", std::move(en), std::move(vi), MilestoneKind::emulation_congress,
                   Role::provincial_board, Level::province, 2025,
                   Dates{day(2025, 7, 1), defaulted, event_deadline(Deadline::by(day(2025, 9, 30))), defaulted,
                         day(2025, 12, 31), defaulted},
                   std::move(basis));
}

std::vector<PhaseStart> five_year_phases(DateSource source) {
  return {
      {PeriodPhase::planning, day(2021, 1, 1), source},     {PeriodPhase::implementing, day(2022, 1, 1), source},
      {PeriodPhase::midterm_review, day(2023, 1, 1), source}, {PeriodPhase::intensifying, day(2024, 1, 1), source},
      {PeriodPhase::final_review, day(2025, 1, 1), source}, {PeriodPhase::closed, day(2026, 1, 1), source},
  };
}

/// A roadmap's definition before its milestones: id, titles, the years it covers, the host's calendar.
RoadmapSpec spec_for(std::string id, Text title, std::uint16_t first_year, std::uint16_t last_year,
                     const WorkingCalendar& calendar) {
  RoadmapSpec spec;
  spec.id = std::move(id);
  spec.title = std::move(title);
  spec.first_year = first_year;
  spec.last_year = last_year;
  spec.calendar = calendar;
  return spec;
}

Roadmap build(RoadmapSpec spec) {
  auto roadmap = Roadmap::make(std::move(spec));
  EXEMPLAR_EXPECTS(roadmap.has_value(), "timetables: a built-in timetable is valid");
  return std::move(*roadmap);
}

}  // namespace

Roadmap hatinh_inspectorate_2021_2025(const WorkingCalendar& calendar) {
  RoadmapSpec spec = spec_for(
      "seed-000",
      Text{"Hà Tĩnh provincial Inspectorate: building, fostering and replicating exemplars, 2021-2025 (plan 10/KH-TT)",
           "Thanh tra tỉnh Hà Tĩnh: Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025 (10/KH-TT)"},
      2021, 2025, calendar);
  // Section III names one phase per year: the phases start on 1 January of their years.
  spec.phases = five_year_phases(period_bound);

  auto& ms = spec.milestones;
  ms.push_back(milestone(
      "registration-2021", "Units list their expected exemplars and assign leaders in charge",
      "Các đơn vị lập danh sách dự kiến điển hình tiên tiến, phân công lãnh đạo phụ trách", MilestoneKind::registration,
      Role::unit_head, Level::agency, 2021,
      Dates{day(2021, 5, 28), stated, event_deadline(Deadline::by(day(2021, 9, 30))), defaulted, day(2021, 12, 31),
            period_bound},
      "000 III.1 «Năm 2021: Hoàn thành việc xây dựng kế hoạch…»; IV.1 «Lập danh sách dự kiến điển hình tiên tiến, phân "
      "công lãnh đạo phụ trách»; opens on the plan's date, 28/5/2021, and is due by 30/9/2021, before the units' "
      "reports (D8) and the year-end review it feeds, so that the plan's own year runs on time"));
  for (int year = 2021; year <= 2025; ++year) {
    ms.push_back(milestone(
        year_id("report", year), "Units report on their exemplars with the year's commendation proposals",
        "Các đơn vị báo cáo kết quả phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến gắn với đề xuất khen thưởng",
        MilestoneKind::report, Role::unit_head, Level::agency, year,
        Dates{day(year, 10, 1), defaulted, event_deadline(Deadline::by(day(year, 11, 30))), defaulted, day(year, 12, 31),
              defaulted},
        "000 IV.1 «Báo cáo tình hình, kết quả … gắn với báo cáo, đề xuất khen thưởng tổng kết phong trào thi đua hằng "
        "năm» (no day: D8)"));
  }
  for (int year = 2021; year <= 2024; ++year) {
    ms.push_back(year_end_review(year, period_bound,
                                 "000 III.1-4 and IV.1: the year's emulation review «tổng kết phong trào thi đua hằng "
                                 "năm» (Q4 window: D5)"));
  }
  ms.push_back(milestone(
      "midterm-review-2023", "Preliminary review of two years of the plan, with the 2023 emulation review",
      "Sơ kết 02 năm thực hiện kế hoạch gắn với tổng kết phong trào thi đua yêu nước năm 2023", MilestoneKind::midterm_review,
      Role::secretariat, Level::agency, 2023,
      Dates{day(2023, 10, 1), defaulted, event_deadline(Deadline::by(day(2023, 12, 31))), period_bound, day(2024, 3, 31),
            defaulted},
      "000 III.3 «Sơ kết 02 năm thực hiện kế hoạch gắn với tổng kết phong trào thi đua yêu nước năm 2023»; IV.5 the "
      "Office compiles it (window of the 2023 year-end review: D5, D2)"));
  ms.push_back(milestone("final-review-2025", "Final review of 2021-2025, with the period's emulation review",
                         "Tổng kết đánh giá công tác xây dựng, bồi dưỡng nhân rộng điển hình tiên tiến giai đoạn 2021-2025",
                         MilestoneKind::final_review, Role::secretariat, Level::agency, 2025, q2_2025_default(event_deadline),
                         "000 III.5 «Tổng kết … gắn với tổng kết phong trào thi đua giai đoạn 2021-2025» (no day: D7)"));
  ms.push_back(milestone("exemplar-conference-2025", "Inspection sector exemplar conference, 2021-2025",
                         "Hội nghị điển hình tiên tiến ngành Thanh tra giai đoạn 2021-2025", MilestoneKind::exemplar_conference,
                         Role::agency_head, Level::agency, 2025, q2_2025_default(event_deadline),
                         "000 III.5, IV.5 «Hội nghị điển hình tiên tiến ngành Thanh tra giai đoạn 2021-2025» (no day: D7)"));
  ms.push_back(milestone("send-up-2025", "Exemplars introduced to the 8th provincial Patriotic Emulation Congress",
                         "Giới thiệu gương điển hình tiên tiến tham dự Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần thứ VIII",
                         MilestoneKind::send_up, Role::agency_head, Level::province, 2025, q2_2025_default(event_deadline),
                         "000 III.5 «Giới thiệu, bình xét gương điển hình tiên tiến … Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần "
                         "thứ VIII» (no day: D7)"));
  ms.push_back(provincial_congress("8th Hà Tĩnh Patriotic Emulation Congress (2021-2025)",
                                   "Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần thứ VIII (giai đoạn 2021-2025)",
                                   "000 III.5 «Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần thứ VIII» (no day: D7)"));
  return build(std::move(spec));
}

Roadmap provincial_inspectorate_2021(const WorkingCalendar& calendar) {
  RoadmapSpec spec = spec_for(
      "seed-001",
      Text{"Provincial Inspectorate: building, fostering and replicating outstanding exemplars in 2021",
           "Thanh tra tỉnh: Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến xuất sắc năm 2021"},
      2021, 2021, calendar);

  // II.2: units register «trong quá trình triển khai thực hiện» — all year, with no deadline, so the
  // plan has no registration milestone.
  auto& ms = spec.milestones;
  ms.push_back(milestone("six-month-review-2021", "Review of the year's work on exemplars, at the prescribed time",
                         "Sơ kết đánh giá công tác xây dựng, bồi dưỡng nhân rộng điển hình tiên tiến xuất sắc trong năm",
                         MilestoneKind::six_month_review, Role::secretariat, Level::agency, 2021,
                         Dates{day(2021, 6, 1), defaulted, event_deadline(Deadline::by(day(2021, 7, 31))), defaulted,
                               day(2021, 12, 31), defaulted},
                         "001 II.4 «Tiến hành sơ kết đánh giá … trong năm theo thời gian quy định» (no day: D6)"));
  ms.push_back(year_end_review(2021, period_bound,
                               "001 II.3 «Căn cứ kết quả công nhận … năm 2021, Chánh Thanh tra tỉnh quyết định tặng Giấy "
                               "khen» (Q4 window: D5)"));
  return build(std::move(spec));
}

Roadmap quangbinh_ppc_office_2021_2025(const WorkingCalendar& calendar) {
  RoadmapSpec spec = spec_for(
      "seed-002",
      Text{"Quảng Bình Provincial People's Committee Office: building and replicating exemplars, 2021-2025",
           "Văn phòng UBND tỉnh Quảng Bình: Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
      2021, 2025, calendar);
  spec.phases = five_year_phases(defaulted);  // D9

  auto& ms = spec.milestones;
  // The plan's own day is blank ("ngày tháng năm 2022") and it implements 1837/KH-UBND of
  // 04/10/2022, so its first registration cannot open earlier and falls in 2022.
  ms.push_back(milestone(
      "registration-2022", "Units choose and register their models and exemplars for 2021-2025",
      "Các phòng, ban, trung tâm lựa chọn, đăng ký mô hình, gương điển hình tiên tiến giai đoạn 2021-2025",
      MilestoneKind::registration, Role::unit_head, Level::agency, 2022,
      Dates{day(2022, 10, 4), defaulted, event_deadline(Deadline::by(day(2022, 12, 31))), defaulted, day(2022, 12, 31),
            defaulted},
      "002 III.1.1 «phát hiện, giới thiệu, lựa chọn, đăng ký mô hình, gương điển hình tiên tiến giai đoạn 2021 - 2025»; "
      "the plan follows 1837/KH-UBND of 04/10/2022"));
  for (int year = 2023; year <= 2025; ++year) {
    ms.push_back(default_registration(year, "002 III.1.2 «Hằng năm, trên cơ sở đăng ký các mô hình, gương điển hình tiên "
                                            "tiến…» (no day: D1)"));
  }
  for (int year = 2022; year <= 2025; ++year) {
    ms.push_back(year_end_review(year, period_bound,
                                 "002 III.1.2 «xem xét biểu dương, khen thưởng vào dịp tổng kết năm» (Q4 window: D5)"));
  }
  const Dates q2_2023{day(2023, 4, 1), period_bound, event_deadline(Deadline::by(day(2023, 6, 30))), period_bound,
                      day(2023, 12, 31), defaulted};
  ms.push_back(milestone("midterm-review-2023", "Preliminary review of finding, fostering and building exemplars",
                         "Sơ kết đánh giá công tác phát hiện, bồi dưỡng, xây dựng gương điển hình tiên tiến",
                         MilestoneKind::midterm_review, Role::secretariat, Level::agency, 2023, q2_2023,
                         "002 III.1.3 «trong Quý II năm 2023»"));
  Dates q2_2023_send_up = q2_2023;
  q2_2023_send_up.deadline = event_deadline(q2_2023.deadline);
  ms.push_back(milestone("send-up-2023", "Outstanding exemplars introduced to the competent level",
                         "Bình chọn, giới thiệu gương điển hình tiên tiến tiêu biểu gửi cấp có thẩm quyền",
                         MilestoneKind::send_up, Role::agency_head, Level::province, 2023, q2_2023_send_up,
                         "002 III.1.3 «đồng thời bình chọn, giới thiệu gương điển hình tiên tiến tiêu biểu gửi cấp có thẩm "
                         "quyền» (Quý II năm 2023)"));
  const Dates q1_2025{day(2025, 1, 1), period_bound, event_deadline(Deadline::by(day(2025, 3, 31))), period_bound,
                      day(2025, 12, 31), defaulted};
  ms.push_back(milestone("final-review-2025", "Final review of building and replicating exemplars",
                         "Tổng kết công tác xây dựng và nhân rộng các điển hình", MilestoneKind::final_review,
                         Role::secretariat, Level::agency, 2025, q1_2025, "002 III.1.4 «Quý I năm 2025, tổ chức đánh giá, tổng kết…»"));
  ms.push_back(milestone("exemplar-conference-2025", "Five-year exemplar conference",
                         "Hội nghị điển hình tiên tiến 05 năm", MilestoneKind::exemplar_conference, Role::agency_head,
                         Level::agency, 2025, q1_2025, "002 III.1.4 «tại Hội nghị điển hình tiên tiến 05 năm» (Quý I năm 2025)"));
  Dates q1_2025_send_up = q1_2025;
  q1_2025_send_up.deadline = event_deadline(q1_2025.deadline);
  ms.push_back(milestone("send-up-2025", "Exemplars introduced to the 6th provincial Patriotic Emulation Congress",
                         "Lựa chọn giới thiệu điển hình tiên tiến tiêu biểu tham dự Đại hội Thi đua yêu nước tỉnh lần thứ VI",
                         MilestoneKind::send_up, Role::agency_head, Level::province, 2025, q1_2025_send_up,
                         "002 III.1.4 «lựa chọn giới thiệu điển hình tiên tiến tiêu biểu tham dự tại Đại hội Thi đua yêu nước "
                         "tỉnh lần thứ VI» (Quý I năm 2025)"));
  ms.push_back(provincial_congress("6th Quảng Bình Patriotic Emulation Congress", "Đại hội Thi đua yêu nước tỉnh lần thứ VI",
                                   "002 III.1.4 «Đại hội Thi đua yêu nước tỉnh lần thứ VI» (no day: D7)"));
  return build(std::move(spec));
}

Roadmap hatinh_industry_trade_2021_2025(const WorkingCalendar& calendar) {
  RoadmapSpec spec = spec_for(
      "seed-003",
      Text{"Hà Tĩnh Department of Industry and Trade: building, fostering and replicating exemplars, 2021-2025",
           "Sở Công Thương Hà Tĩnh: Kế hoạch xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến giai đoạn 2021-2025"},
      2021, 2025, calendar);
  spec.phases = five_year_phases(defaulted);  // D9

  auto& ms = spec.milestones;
  // The plan is dated January 2021 with the day blank, and implements 06/KH-UBND of 11/01/2021:
  // registration cannot open before that day.
  ms.push_back(milestone(
      "registration-2021", "Divisions and the Centre register 1 or 2 exemplars with the Department's Office",
      "Các phòng chuyên môn, Trung tâm lựa chọn 01 hoặc 02 gương điển hình, lập danh sách đăng ký gửi về Văn phòng Sở",
      MilestoneKind::registration, Role::unit_head, Level::agency, 2021,
      Dates{day(2021, 1, 11), defaulted, event_deadline(Deadline::before(day(2021, 3, 25))), stated, day(2021, 12, 31),
            defaulted},
      "003 IV.1 «lập danh sách đăng ký gửi về Văn phòng Sở trước ngày 25/3/2021»"));
  // The council selects from the registration list once it has closed, i.e. from 25/3/2021.
  ms.push_back(milestone(
      "send-up-2021", "The council's 4 to 5 exemplars go to the provincial Emulation and Commendation Board",
      "Hội đồng Thi đua, khen thưởng Sở lựa chọn 04 đến 05 gương điển hình gửi Ban Thi đua, khen thưởng tỉnh",
      MilestoneKind::send_up, Role::secretariat, Level::province, 2021,
      Dates{day(2021, 3, 25), defaulted, event_deadline(Deadline::before(day(2021, 3, 30))), stated, day(2021, 12, 31),
            defaulted},
      "003 IV.1 «Văn phòng Sở tổng hợp trình Hội đồng … lựa chọn 04 đến 05 gương điển hình gửi Ban Thi đua, khen thưởng "
      "tỉnh trước ngày 30/3/2021»"));
  for (int year = 2021; year <= 2024; ++year) {
    ms.push_back(year_end_review(year, period_bound,
                                 "003 IV.4 «gắn với đánh giá kết quả thực hiện phong trào thi đua trong năm» (Q4 window: D5)"));
  }
  ms.push_back(milestone("midterm-review-2023", "Preliminary review, with the six-month emulation review of 2023",
                         "Sơ kết gắn với sơ kết phong trào thi đua yêu nước 06 tháng đầu năm 2023",
                         MilestoneKind::midterm_review, Role::secretariat, Level::agency, 2023,
                         Dates{day(2023, 6, 1), defaulted, event_deadline(Deadline::by(day(2023, 7, 31))), defaulted,
                               day(2023, 12, 31), defaulted},
                         "003 IV.4 «Tổ chức sơ kết gắn với sơ kết phong trào thi đua yêu nước 06 tháng đầu năm 2023» (no "
                         "day: D6)"));
  ms.push_back(milestone("final-review-2025", "Final review, with the review of the 2021-2025 emulation movement",
                         "Tổng kết, đánh giá công tác xây dựng, bồi dưỡng nhân rộng điển hình tiên tiến gắn với tổng kết "
                         "phong trào thi đua yêu nước giai đoạn 2021-2025",
                         MilestoneKind::final_review, Role::secretariat, Level::agency, 2025, q2_2025_default(event_deadline),
                         "003 IV.4 «tổng kết … gắn với tổng kết phong trào thi đua yêu nước giai đoạn 2021 - 2025» (no day: "
                         "D7)"));
  return build(std::move(spec));
}

Roadmap langson_inspectorate_2025(const WorkingCalendar& calendar) {
  RoadmapSpec spec = spec_for(
      "seed-004",
      Text{"Lạng Sơn provincial Inspectorate: fostering and replicating exemplars in 2025",
           "Thanh tra tỉnh Lạng Sơn: Kế hoạch bồi dưỡng và nhân rộng điển hình tiên tiến năm 2025"},
      2025, 2025, calendar);

  auto& ms = spec.milestones;
  ms.push_back(milestone("registration-2025", "Each division registers at least one exemplar with the council, through the Office",
                         "Mỗi phòng đăng ký ít nhất 01 gương điển hình tiên tiến về Hội đồng Thi đua, khen thưởng (qua Văn phòng)",
                         MilestoneKind::registration, Role::unit_head, Level::agency, 2025,
                         Dates{day(2025, 1, 1), period_bound, event_deadline(Deadline::before(day(2025, 3, 31))), stated,
                               day(2025, 12, 31), defaulted},
                         "004 IV.1 «Quý I năm 2025 … Danh sách đăng ký … về Hội đồng Thi đua, khen thưởng Thanh tra tỉnh (qua "
                         "Văn phòng) trước ngày 31/3/2025»"));
  ms.push_back(milestone("six-month-review-2025", "Rewards proposed at the six-month emulation review",
                         "Đề xuất tặng thưởng tại Hội nghị sơ kết phong trào thi đua 6 tháng đầu năm 2025",
                         MilestoneKind::six_month_review, Role::council, Level::agency, 2025,
                         Dates{day(2025, 4, 1), period_bound, event_deadline(Deadline::by(day(2025, 6, 30))), period_bound,
                               day(2025, 12, 31), defaulted},
                         "004 IV.2 «Quý II năm 2025 … Đề xuất tặng thưởng … tại Hội nghị sơ kết phong trào thi đua 6 tháng đầu "
                         "năm 2025»"));
  ms.push_back(milestone("evaluation-2025", "Results and new achievements of the exemplars evaluated",
                         "Đánh giá kết quả, thành tích mới của các điển hình tiên tiến", MilestoneKind::report,
                         Role::unit_head, Level::agency, 2025,
                         Dates{day(2025, 7, 1), period_bound, event_deadline(Deadline::by(day(2025, 9, 30))), period_bound,
                               day(2025, 12, 31), defaulted},
                         "004 IV.3 «Quý III năm 2025 … đánh giá kết quả, thành tích mới của các điển hình tiên tiến»"));
  ms.push_back(milestone("year-end-review-2025", "The head commends the exemplars of 2025 at the year-end review",
                         "Chánh Thanh tra tỉnh khen thưởng, biểu dương điển hình tiên tiến năm 2025 tại Hội nghị tổng kết",
                         MilestoneKind::year_end_review, Role::agency_head, Level::agency, 2025,
                         Dates{day(2025, 10, 1), period_bound, event_deadline(Deadline::by(day(2025, 12, 31))), period_bound,
                               day(2026, 3, 31), defaulted},
                         "004 IV.4 «Quý IV năm 2025 … trình Chánh Thanh tra tỉnh khen thưởng, biểu dương điển hình tiến tiến "
                         "trong toàn ngành năm 2025»; V.3 «tại Hội nghị tổng kết công tác hằng năm»"));
  return build(std::move(spec));
}

}  // namespace exemplar::timetables
