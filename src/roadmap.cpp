// The roadmap decider: validation of a definition, completions and waivers, ticks and status.
#include "exemplar/roadmap.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "detail/text.hpp"
#include "exemplar/precondition.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, milestone_kind_count> milestone_kind_labels{{
    {"registration", "registration", "đăng ký điển hình tiên tiến"},
    {"send_up", "sending up to the next level", "gửi lên cấp trên"},
    {"six_month_review", "six-month review", "sơ kết 6 tháng"},
    {"year_end_review", "year-end review", "tổng kết năm"},
    {"midterm_review", "mid-term review of the period", "sơ kết giai đoạn"},
    {"final_review", "final review of the period", "tổng kết giai đoạn"},
    {"exemplar_conference", "exemplar conference", "Hội nghị điển hình tiên tiến"},
    {"emulation_congress", "Patriotic Emulation Congress", "Đại hội Thi đua yêu nước"},
    {"report", "report", "báo cáo, đánh giá"},
}};

constexpr std::array<Label, date_source_count> date_source_labels{{
    {"stated", "stated in the plan", "theo văn bản kế hoạch"},
    {"period_bound", "first or last day of the quarter or year the plan names",
     "ngày đầu hoặc cuối của quý, năm mà kế hoạch nêu"},
    {"defaulted", "documented default", "mặc định có ghi rõ lý do"},
}};

constexpr std::array<Label, period_phase_count> period_phase_labels{{
    {"planning", "planning", "xây dựng kế hoạch"},
    {"implementing", "implementing", "tổ chức thực hiện"},
    {"midterm_review", "mid-term review", "sơ kết"},
    {"intensifying", "intensifying", "đẩy mạnh thực hiện"},
    {"final_review", "final review", "tổng kết"},
    {"closed", "closed", "kết thúc giai đoạn"},
}};

constexpr std::array<Label, period_event_count> period_event_labels{{
    {"phase_ended", "phase ended", "hết giai đoạn"},
}};

constexpr std::array<Label, year_phase_count> year_phase_labels{{
    {"q1_registration", "Q1: registration", "Quý I: đăng ký"},
    {"q2_six_month_review", "Q2: six-month review", "Quý II: sơ kết 6 tháng"},
    {"q3_evaluation", "Q3: evaluation", "Quý III: đánh giá"},
    {"q4_year_end_review", "Q4: year-end review", "Quý IV: tổng kết năm"},
    {"closed", "year closed", "kết thúc năm"},
}};

constexpr std::array<Label, year_event_count> year_event_labels{{
    {"quarter_ended", "quarter ended", "hết quý"},
}};

constexpr std::array<Label, roadmap_event_kind_count> roadmap_event_kind_labels{{
    {"completed", "milestone completed", "hoàn thành mốc"},
    {"waived", "milestone waived", "cho phép thực hiện sau thời hạn"},
    {"deadline_passed", "deadline passed", "hết hạn mốc"},
    {"quarter_ended", "quarter ended", "hết quý"},
    {"phase_entered", "phase entered", "bắt đầu giai đoạn"},
    {"ticked", "roadmap ticked", "cập nhật lộ trình"},
}};

tl::unexpected<Refusal> fail(Refusal refusal) { return tl::make_unexpected(std::move(refusal)); }

Refusal bad_argument(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

std::optional<Refusal> check_text(std::string_view text, const std::string& subject, std::size_t max_bytes,
                                  bool required) {
  if (required && text.empty()) return bad_argument(subject, "it must not be empty", "không được để trống");
  if (text.size() > max_bytes) {
    return bad_argument(subject, fmt::format("it is longer than {} bytes", max_bytes),
                        fmt::format("dài quá {} byte", max_bytes));
  }
  if (!detail::is_valid_utf8(text)) return bad_argument(subject, "it is not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
  return std::nullopt;
}

template <class E>
std::optional<Refusal> check_known(E value, const std::string& subject, const char* en_field, const char* vi_field) {
  if (is_known(value)) return std::nullopt;
  return bad_argument(subject, fmt::format("{}: the value is not one the library knows", en_field),
                      fmt::format("{}: giá trị không xác định", vi_field));
}

/// A date field of a milestone: the refusal names the milestone and says which field.
std::optional<Refusal> check_field_date(bg::date date, const std::string& id, const char* en_field, const char* vi_field) {
  auto checked = check_date(date, id);
  if (checked) return std::nullopt;
  Refusal bad = std::move(checked.error());
  bad.detail = Text{fmt::format("{}: {}", en_field, bad.detail.en), fmt::format("{}: {}", vi_field, bad.detail.vi)};
  return bad;
}

/// Quotes a milestone's title for a detail sentence.
std::string quoted(const Milestone& m, Lang lang) { return "«" + m.title.in(lang) + "»"; }

/// The phase `steps` arrows after planning, read from the period table.
PeriodPhase period_phase_after(std::size_t steps) {
  PeriodPhase phase = PeriodPhase::planning;
  for (std::size_t i = 0; i < steps; ++i) {
    const auto next = period_table.target(phase, PeriodEvent::phase_ended);
    if (!next) break;
    phase = *next;
  }
  return phase;
}


/// The first day after the quarter: when its QuarterEnded event is dated.
bg::date quarter_end_boundary(std::uint16_t year, Quarter quarter) {
  return *last_day(QuarterOfYear{year, quarter}) + bg::days(1);
}

std::optional<Refusal> validate_milestone(const Milestone& m, std::uint16_t first_year, std::uint16_t last_year,
                                          const WorkingCalendar& calendar, DeadlineDays& days) {
  if (auto bad = check_text(m.id, "milestone id", max_milestone_id_bytes, true)) return bad;
  if (auto bad = check_text(m.title.en, m.id, detail::max_text_bytes, true)) {
    bad->detail = Text{"English title: " + bad->detail.en, "tên tiếng Anh: " + bad->detail.vi};
    return bad;
  }
  if (auto bad = check_text(m.title.vi, m.id, detail::max_text_bytes, true)) {
    bad->detail = Text{"Vietnamese title: " + bad->detail.en, "tên tiếng Việt: " + bad->detail.vi};
    return bad;
  }
  if (auto bad = check_text(m.basis, m.id, detail::max_text_bytes, false)) return bad;
  if (auto bad = check_known(m.kind, m.id, "kind", "loại mốc")) return bad;
  if (auto bad = check_known(m.owner, m.id, "owner", "người chịu trách nhiệm")) return bad;
  if (auto bad = check_known(m.level, m.id, "level", "cấp")) return bad;
  if (auto bad = check_known(m.sources.opens, m.id, "source of the opening day", "nguồn ngày bắt đầu")) return bad;
  if (auto bad = check_known(m.sources.deadline, m.id, "source of the deadline", "nguồn thời hạn")) return bad;
  if (auto bad = check_known(m.sources.closes, m.id, "source of the closing day", "nguồn ngày kết thúc")) return bad;
  if (m.year < first_year || m.year > last_year) {
    return bad_argument(m.id, fmt::format("the year {} is outside the roadmap's years {}-{}", m.year, first_year, last_year),
                        fmt::format("năm {} nằm ngoài các năm {}-{} của lộ trình", m.year, first_year, last_year));
  }
  if (auto bad = check_field_date(m.open_period.opens, m.id, "the open period's first day", "ngày bắt đầu")) return bad;
  if (auto bad = check_field_date(m.open_period.closes, m.id, "the open period's last day", "ngày kết thúc")) return bad;
  if (m.open_period.closes < m.open_period.opens) {
    return bad_argument(m.id, "the open period closes before it opens", "thời hạn kết thúc trước khi bắt đầu")
        .with_date(m.open_period.closes)
        .with_reference(m.open_period.opens);
  }
  auto resolved = resolve(m.deadline, calendar);
  if (!resolved) {
    Refusal bad = std::move(resolved.error());
    bad.detail = Text{"deadline: " + bad.detail.en, "thời hạn: " + bad.detail.vi};
    bad.subject = m.id;
    return bad;
  }
  if (resolved->last_on_time < m.open_period.opens) {
    return bad_argument(m.id, "the deadline falls before the open period opens", "thời hạn rơi vào trước ngày bắt đầu")
        .with_date(m.deadline.date)
        .with_reference(m.open_period.opens);
  }
  if (resolved->last_on_time > m.open_period.closes) {
    return bad_argument(m.id, "the open period closes before the deadline", "thời hạn kết thúc trước hạn chót")
        .with_date(m.open_period.closes)
        .with_reference(m.deadline.date);
  }
  days = *resolved;
  return std::nullopt;
}

std::optional<Refusal> validate_phases(const std::vector<PhaseStart>& phases) {
  if (phases.empty()) return std::nullopt;
  if (phases.size() != period_phase_count) {
    return bad_argument("phases", "a period names every phase from planning to closed",
                        "giai đoạn phải nêu đủ các bước từ xây dựng kế hoạch đến kết thúc");
  }
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const PhaseStart& start = phases[i];
    const std::string subject = fmt::format("phase {}", i);
    if (start.phase != period_phase_after(i)) {
      return bad_argument(subject, "the phases are not in the period's order", "các bước không theo thứ tự của giai đoạn");
    }
    if (auto bad = check_known(start.source, subject, "source", "nguồn")) return bad;
    if (auto checked = check_date(start.starts, subject); !checked) return std::move(checked.error());
    if (i > 0 && start.starts <= phases[i - 1].starts) {
      return bad_argument(subject, "a phase starts no later than the one before it",
                          "một bước bắt đầu không sau bước trước đó")
          .with_date(start.starts)
          .with_reference(phases[i - 1].starts);
    }
  }
  return std::nullopt;
}

/// The milestone an event names; empty for the events that name none.
std::string_view milestone_of(const RoadmapEventData& data) {
  if (const auto* e = std::get_if<roadmap_events::Completed>(&data)) return e->milestone;
  if (const auto* e = std::get_if<roadmap_events::Waived>(&data)) return e->milestone;
  if (const auto* e = std::get_if<roadmap_events::DeadlinePassed>(&data)) return e->milestone;
  return {};
}

Refusal unknown_milestone(std::string_view id) {
  return bad_argument(std::string(id), "there is no milestone with this id in the roadmap",
                      "lộ trình không có mốc với mã này");
}

}  // namespace

LabelTable label_table(MilestoneKind) noexcept { return LabelTable{milestone_kind_labels.data(), milestone_kind_labels.size()}; }
LabelTable label_table(DateSource) noexcept { return LabelTable{date_source_labels.data(), date_source_labels.size()}; }
LabelTable label_table(PeriodPhase) noexcept { return LabelTable{period_phase_labels.data(), period_phase_labels.size()}; }
LabelTable label_table(PeriodEvent) noexcept { return LabelTable{period_event_labels.data(), period_event_labels.size()}; }
LabelTable label_table(YearPhase) noexcept { return LabelTable{year_phase_labels.data(), year_phase_labels.size()}; }
LabelTable label_table(YearEvent) noexcept { return LabelTable{year_event_labels.data(), year_event_labels.size()}; }
LabelTable label_table(RoadmapEventKind) noexcept {
  return LabelTable{roadmap_event_kind_labels.data(), roadmap_event_kind_labels.size()};
}

bool operator==(const Milestone& a, const Milestone& b) {
  return a.id == b.id && a.title == b.title && a.kind == b.kind && a.owner == b.owner && a.level == b.level &&
         a.year == b.year && a.open_period == b.open_period && a.deadline == b.deadline && a.sources == b.sources &&
         a.basis == b.basis;
}

bool operator==(const RoadmapSpec& a, const RoadmapSpec& b) {
  return a.id == b.id && a.title == b.title && a.first_year == b.first_year && a.last_year == b.last_year &&
         a.phases == b.phases && a.milestones == b.milestones && a.calendar == b.calendar;
}

bool operator==(const MilestoneProgress& a, const MilestoneProgress& b) {
  return a.completed == b.completed && a.completed_by == b.completed_by && a.waived == b.waived &&
         a.waived_by == b.waived_by && a.waiver_reason == b.waiver_reason;
}

bool operator==(const Roadmap& a, const Roadmap& b) {
  return a.spec_ == b.spec_ && a.progress_ == b.progress_ &&
         a.last_tick_ == b.last_tick_;
}

const MilestoneStatus* RoadmapStatus::find(std::string_view id) const noexcept {
  for (const auto& m : milestones) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const YearStatus* RoadmapStatus::year(std::uint16_t value) const noexcept {
  for (const auto& y : years) {
    if (y.year == value) return &y;
  }
  return nullptr;
}

std::size_t RoadmapStatus::count(MilestoneState state) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(milestones.begin(), milestones.end(), [state](const MilestoneStatus& m) { return m.state == state; }));
}

tl::expected<Roadmap, Refusal> Roadmap::make(RoadmapSpec spec) {
  if (auto bad = check_text(spec.id, "roadmap id", max_milestone_id_bytes, true)) return fail(std::move(*bad));
  if (auto bad = check_text(spec.title.en, "roadmap title (English)", detail::max_text_bytes, true)) return fail(std::move(*bad));
  if (auto bad = check_text(spec.title.vi, "roadmap title (Vietnamese)", detail::max_text_bytes, true)) return fail(std::move(*bad));
  // The last year's Q4 ends on a day whose successor must still be a supported date.
  if (spec.first_year < first_supported_year || spec.last_year >= last_supported_year || spec.first_year > spec.last_year ||
      spec.last_year - spec.first_year >= 100) {
    return fail(refuse(RefusalCode::date_out_of_range)
                    .with_subject("roadmap years")
                    .with_detail(fmt::format("the years {}-{} are not in order, longer than a century, or outside {}-{}",
                                             spec.first_year, spec.last_year, first_supported_year, last_supported_year - 1),
                                 fmt::format("các năm {}-{} không theo thứ tự, dài hơn một thế kỷ, hoặc nằm ngoài {}-{}",
                                             spec.first_year, spec.last_year, first_supported_year, last_supported_year - 1)));
  }
  if (auto bad = validate_phases(spec.phases)) return fail(std::move(*bad));

  Roadmap roadmap;
  roadmap.days_.resize(spec.milestones.size());
  for (std::size_t i = 0; i < spec.milestones.size(); ++i) {
    const Milestone& m = spec.milestones[i];
    if (auto bad = validate_milestone(m, spec.first_year, spec.last_year, spec.calendar, roadmap.days_[i])) {
      return fail(std::move(*bad));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (spec.milestones[j].id == m.id) {
        return fail(bad_argument(m.id, "two milestones have this id", "hai mốc trùng mã"));
      }
    }
  }
  roadmap.progress_.resize(spec.milestones.size());
  roadmap.spec_ = std::move(spec);
  return roadmap;
}

std::optional<std::size_t> Roadmap::index_of(std::string_view id) const noexcept {
  for (std::size_t i = 0; i < spec_.milestones.size(); ++i) {
    if (spec_.milestones[i].id == id) return i;
  }
  return std::nullopt;
}

const Milestone* Roadmap::find(std::string_view id) const noexcept {
  const auto index = index_of(id);
  return index ? &spec_.milestones[*index] : nullptr;
}

std::vector<std::size_t> Roadmap::indexes_of(MilestoneKind kind, std::uint16_t year) const {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < spec_.milestones.size(); ++i) {
    if (spec_.milestones[i].kind == kind && spec_.milestones[i].year == year) found.push_back(i);
  }
  return found;
}

MilestoneState Roadmap::state_of(std::size_t index, bg::date today) const {
  const MilestoneProgress& p = progress_.at(index);
  return state_on(today, spec_.milestones.at(index).open_period.opens, days_.at(index), p.completed, p.waived);
}

std::optional<PeriodPhase> Roadmap::phase_on(bg::date day) const noexcept {
  if (!has_period() || day.is_special()) return std::nullopt;
  PeriodPhase phase = spec_.phases.front().phase;
  for (std::size_t k = 1; k < spec_.phases.size() && spec_.phases[k].starts <= day; ++k) {
    phase = period_table.fire(phase, PeriodEvent::phase_ended, Boundary{spec_.phases[k].starts}).row->to;
  }
  return phase;
}

std::optional<YearPhase> Roadmap::year_phase_on(std::uint16_t year, bg::date day) const noexcept {
  if (year < spec_.first_year || year > spec_.last_year || day.is_special()) return std::nullopt;
  YearPhase phase = YearPhase::q1_registration;
  for (std::size_t q = 0; q < quarter_count; ++q) {
    const bg::date ends = quarter_end_boundary(year, static_cast<Quarter>(q));
    if (ends > day) break;
    phase = year_table.fire(phase, YearEvent::quarter_ended, Boundary{ends}).row->to;
  }
  return phase;
}

tl::expected<RoadmapEvent, Refusal> Roadmap::decide(const RoadmapCommand& command, const Actor& actor, bg::date date) const {
  if (auto bad = check_date(date); !bad) return fail(std::move(bad.error()));
  if (!is_known(actor.role)) {
    return fail(bad_argument("role", "the actor's role is not one the library knows", "vai trò không xác định"));
  }
  const bool completing = std::holds_alternative<roadmap_commands::Complete>(command);
  const std::string& id = completing ? std::get<roadmap_commands::Complete>(command).milestone
                                     : std::get<roadmap_commands::Waive>(command).milestone;
  const auto index = index_of(id);
  if (!index) return fail(unknown_milestone(id));
  const Milestone& m = spec_.milestones[*index];

  if (completing) {
    if (actor.role != m.owner && actor.role != Role::agency_head) {
      return fail(refuse(RefusalCode::not_authorised)
                      .with_role(actor.role)
                      .with_subject(m.id)
                      .with_detail(fmt::format("only the {} or the head of agency completes {}", label(m.owner, Lang::en), quoted(m, Lang::en)),
                                   fmt::format("chỉ {} hoặc Thủ trưởng cơ quan hoàn thành {}", label(m.owner, Lang::vi), quoted(m, Lang::vi))));
    }
  } else {
    if (actor.role != Role::agency_head) {
      return fail(refuse(RefusalCode::not_authorised)
                      .with_role(actor.role)
                      .with_subject(m.id)
                      .with_detail(fmt::format("only the head of agency waives {}", quoted(m, Lang::en)),
                                   fmt::format("chỉ Thủ trưởng cơ quan được cho phép thực hiện {} sau thời hạn", quoted(m, Lang::vi))));
    }
    const std::string& reason = std::get<roadmap_commands::Waive>(command).reason;
    if (auto bad = check_text(reason, "reason", detail::max_text_bytes, true)) return fail(std::move(*bad));
  }

  RoadmapEvent event{date, completing ? RoadmapEventData{roadmap_events::Completed{m.id, actor.id, actor.role}}
                                      : RoadmapEventData{roadmap_events::Waived{
                                            m.id, actor.id, std::get<roadmap_commands::Waive>(command).reason}}};
  if (auto bad = check_event(event)) return fail(std::move(*bad));
  return event;
}

std::optional<Refusal> Roadmap::check_event(const RoadmapEvent& event) const {
  if (auto checked = check_date(event.date); !checked) return std::move(checked.error());
  const bg::date date = event.date;
  const bool ticked = !last_tick_.is_special();

  if (std::holds_alternative<roadmap_events::Ticked>(event.data)) {
    if (ticked && date <= last_tick_) {
      return refuse(RefusalCode::date_out_of_order).with_subject("tick").with_date(date).with_reference(last_tick_)
          .with_detail("the roadmap was already ticked on or after that day", "lộ trình đã được cập nhật từ ngày đó trở đi");
    }
    return std::nullopt;
  }

  if (const auto* e = std::get_if<roadmap_events::QuarterEnded>(&event.data)) {
    if (!year_phase_on(e->year, date) || !is_known(e->quarter)) {
      return bad_argument("quarter", "the roadmap does not cover this quarter", "lộ trình không bao gồm quý này");
    }
    // A quarter ends on the day its year's machine leaves it, and after the last tick.
    if (date != quarter_end_boundary(e->year, e->quarter) || (ticked && date <= last_tick_)) {
      return bad_argument("quarter", "the quarter's end is out of order or misdated", "thứ tự hoặc ngày hết quý không đúng")
          .with_date(date);
    }
  } else if (const auto* e = std::get_if<roadmap_events::PhaseEntered>(&event.data)) {
    // A phase is entered on the day the period's machine reaches it, and after the last tick.
    if (!has_period() || !is_known(e->phase) || phase_on(date) != e->phase || phase_on(date - bg::days(1)) == e->phase ||
        (ticked && date <= last_tick_)) {
      return bad_argument("phase", "the phase is out of order or misdated", "thứ tự hoặc ngày của giai đoạn không đúng")
          .with_date(date);
    }
  } else {
    const std::string_view id = milestone_of(event.data);
    const auto index = index_of(id);
    if (!index) return unknown_milestone(id);
    const Milestone& m = spec_.milestones[*index];
    const MilestoneProgress& p = progress_[*index];

    if (const auto* e = std::get_if<roadmap_events::DeadlinePassed>(&event.data)) {
      if (date != days_[*index].last_on_time + bg::days(1) || e->outcome != state_of(*index, date) ||
          (ticked && date <= last_tick_)) {
        return bad_argument(m.id, "the deadline's passing is misdated or its outcome is wrong",
                            "ngày hết hạn hoặc kết quả của mốc không đúng")
            .with_date(date);
      }
    } else {
      if (const auto* e = std::get_if<roadmap_events::Completed>(&event.data)) {
        if (!is_known(e->role)) return bad_argument("role", "the role is not one the library knows", "vai trò không xác định");
      } else if (const auto* w = std::get_if<roadmap_events::Waived>(&event.data)) {
        if (auto bad = check_text(w->reason, "reason", detail::max_text_bytes, true)) return bad;
      }
      if (p.completed) {
        return bad_argument(m.id, fmt::format("{} was already completed on {}", quoted(m, Lang::en), format_date(*p.completed, Lang::en)),
                            fmt::format("{} đã hoàn thành ngày {}", quoted(m, Lang::vi), format_date(*p.completed, Lang::vi)));
      }
      if (p.waived) {
        return bad_argument(m.id, fmt::format("{} was waived on {}", quoted(m, Lang::en), format_date(*p.waived, Lang::en)),
                            fmt::format("{} đã được cho phép thực hiện sau thời hạn từ ngày {}", quoted(m, Lang::vi), format_date(*p.waived, Lang::vi)));
      }
      if (std::holds_alternative<roadmap_events::Completed>(event.data)) {
        if (date < m.open_period.opens) {
          return refuse(RefusalCode::outside_window).with_subject(m.id).with_date(date).with_reference(m.open_period.opens)
              .with_detail(fmt::format("{} opens on {}", quoted(m, Lang::en), format_date(m.open_period.opens, Lang::en)),
                           fmt::format("{} bắt đầu từ ngày {}", quoted(m, Lang::vi), format_date(m.open_period.opens, Lang::vi)));
        }
        if (date > m.open_period.closes) {
          return refuse(RefusalCode::outside_window).with_subject(m.id).with_date(date).with_reference(m.open_period.closes)
              .with_detail(fmt::format("{} closed on {}", quoted(m, Lang::en), format_date(m.open_period.closes, Lang::en)),
                           fmt::format("{} đã kết thúc ngày {}", quoted(m, Lang::vi), format_date(m.open_period.closes, Lang::vi)));
        }
      }
    }
  }
  if (ticked && date < last_tick_) {
    return refuse(RefusalCode::date_out_of_order).with_subject("roadmap").with_date(date).with_reference(last_tick_)
        .with_detail("the roadmap was already ticked after that day", "lộ trình đã được cập nhật sau ngày đó");
  }
  return std::nullopt;
}

tl::expected<Roadmap, Refusal> Roadmap::apply(const RoadmapEvent& event) const {
  if (auto bad = check_event(event)) return fail(std::move(*bad));
  Roadmap next = *this;
  std::visit(
      [&](const auto& data) {
        using T = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<T, roadmap_events::Completed>) {
          auto& p = next.progress_[*index_of(data.milestone)];
          p.completed = event.date;
          p.completed_by = data.actor;
        } else if constexpr (std::is_same_v<T, roadmap_events::Waived>) {
          auto& p = next.progress_[*index_of(data.milestone)];
          p.waived = event.date;
          p.waived_by = data.actor;
          p.waiver_reason = data.reason;
        } else if constexpr (std::is_same_v<T, roadmap_events::Ticked>) {
          next.last_tick_ = event.date;
        }
      },
      event.data);
  return next;
}

Roadmap Roadmap::evolve(const RoadmapEvent& event) const {
  auto next = apply(event);
  EXEMPLAR_EXPECTS(next.has_value(), "Roadmap::evolve: an event that decide or tick did not make for this roadmap (use apply)");
  return std::move(*next);
}

tl::expected<std::vector<RoadmapEvent>, Refusal> Roadmap::tick(bg::date today) const {
  if (auto bad = check_date(today, "today"); !bad) return fail(std::move(bad.error()));
  std::vector<RoadmapEvent> events;
  const bool ticked = !last_tick_.is_special();
  if (ticked && today <= last_tick_) return events;

  const auto due = [&](bg::date on) { return on <= today && (!ticked || on > last_tick_); };
  // (day, kind of boundary, position): deadlines first, then quarter ends, then phases, each in
  // the roadmap's order, so two hosts that tick differently store the same sequence.
  std::vector<std::tuple<bg::date, int, std::size_t, RoadmapEventData>> pending;
  for (std::size_t i = 0; i < spec_.milestones.size(); ++i) {
    const bg::date on = days_[i].last_on_time + bg::days(1);
    if (due(on)) pending.emplace_back(on, 0, i, roadmap_events::DeadlinePassed{spec_.milestones[i].id, state_of(i, on)});
  }
  for (std::size_t y = 0; y <= static_cast<std::size_t>(spec_.last_year - spec_.first_year); ++y) {
    const auto year = static_cast<std::uint16_t>(spec_.first_year + y);
    for (std::size_t q = 0; q < quarter_count; ++q) {
      const auto quarter = static_cast<Quarter>(q);
      const bg::date on = quarter_end_boundary(year, quarter);
      if (due(on)) pending.emplace_back(on, 1, y * quarter_count + q, roadmap_events::QuarterEnded{year, quarter});
    }
  }
  for (std::size_t k = 1; k < spec_.phases.size(); ++k) {
    const bg::date on = spec_.phases[k].starts;
    if (due(on)) pending.emplace_back(on, 2, k, roadmap_events::PhaseEntered{spec_.phases[k].phase});
  }
  std::sort(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  events.reserve(pending.size() + 1);
  for (auto& entry : pending) events.push_back(RoadmapEvent{std::get<0>(entry), std::move(std::get<3>(entry))});
  events.push_back(RoadmapEvent{today, roadmap_events::Ticked{}});
  return events;
}

tl::expected<RoadmapStatus, Refusal> Roadmap::status(bg::date today) const {
  if (auto bad = check_date(today, "today"); !bad) return fail(std::move(bad.error()));
  RoadmapStatus result;
  result.today = today;
  result.milestones.reserve(spec_.milestones.size());
  for (std::size_t i = 0; i < spec_.milestones.size(); ++i) {
    const Milestone& m = spec_.milestones[i];
    result.milestones.push_back(MilestoneStatus{m.id, m.kind, m.year, state_of(i, today), days_[i]});
  }
  const std::size_t years = static_cast<std::size_t>(spec_.last_year - spec_.first_year + 1);
  result.years.reserve(years);
  for (std::size_t y = 0; y < years; ++y) {
    YearStatus year;
    year.year = static_cast<std::uint16_t>(spec_.first_year + y);
    year.started = today >= *first_day_of_year(year.year);
    year.phase = *year_phase_on(year.year, today);
    for (const auto& m : result.milestones) {
      if (m.year == year.year && is_late(m.state)) year.late = true;
    }
    result.late = result.late || year.late;
    result.years.push_back(year);
  }
  result.phase = phase_on(today);
  return result;
}

}  // namespace exemplar
