// Deadlines resolved on a working calendar, and a milestone's state on a day.
#include "exemplar/deadline.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, deadline_bound_count> bound_labels{{
    {"inclusive", "by the date (the day itself is on time)", "chậm nhất ngày (tính cả ngày hạn)"},
    {"exclusive", "before the date (the day itself is late)", "trước ngày (không tính ngày hạn)"},
}};

constexpr std::array<Label, day_count_count> day_count_labels{{
    {"calendar_days", "calendar days", "ngày theo lịch"},
    {"working_days", "working days", "ngày làm việc"},
}};

constexpr std::array<Label, late_policy_count> late_policy_labels{{
    {"refuse", "late steps are refused", "không chấp nhận bước quá hạn"},
    {"accept_flagged", "late steps are accepted and flagged late", "chấp nhận bước quá hạn, có đánh dấu quá hạn"},
    {"needs_waiver", "late steps need the agency head's waiver", "bước quá hạn cần Thủ trưởng cơ quan cho phép"},
}};

constexpr std::array<Label, milestone_state_count> milestone_state_labels{{
    {"upcoming", "not open yet", "chưa đến thời gian thực hiện"},
    {"open", "open", "đang thực hiện"},
    {"due_soon", "due soon", "sắp đến hạn"},
    {"met", "met on time", "hoàn thành đúng hạn"},
    {"met_late", "met late", "hoàn thành quá hạn"},
    {"missed", "missed", "quá hạn, chưa hoàn thành"},
    {"waived", "waived by the agency head", "được Thủ trưởng cơ quan cho miễn"},
}};

template <class E>
std::optional<Refusal> unknown(E value, const char* subject) {
  if (is_known(value)) return std::nullopt;
  return refuse(RefusalCode::invalid_argument)
      .with_subject(subject)
      .with_detail("the value is not one the library knows", "giá trị không xác định");
}

tl::unexpected<Refusal> fail(Refusal refusal) { return tl::make_unexpected(std::move(refusal)); }

}  // namespace

LabelTable label_table(DeadlineBound) noexcept { return LabelTable{bound_labels.data(), bound_labels.size()}; }
LabelTable label_table(DayCount) noexcept { return LabelTable{day_count_labels.data(), day_count_labels.size()}; }
LabelTable label_table(LatePolicy) noexcept { return LabelTable{late_policy_labels.data(), late_policy_labels.size()}; }
LabelTable label_table(MilestoneState) noexcept {
  return LabelTable{milestone_state_labels.data(), milestone_state_labels.size()};
}

tl::expected<DeadlineDays, Refusal> resolve(const Deadline& deadline, const WorkingCalendar& calendar) {
  if (auto bad = check_date(deadline.date, "deadline")) return fail(std::move(*bad));
  if (auto bad = unknown(deadline.bound, "deadline bound")) return fail(std::move(*bad));
  if (auto bad = unknown(deadline.count, "deadline day count")) return fail(std::move(*bad));
  if (auto bad = unknown(deadline.late, "late policy")) return fail(std::move(*bad));
  if (deadline.due_soon_days > max_due_soon_days) {
    return fail(refuse(RefusalCode::invalid_argument)
                    .with_subject("due-soon days")
                    .with_detail(fmt::format("{} days is more than {}", deadline.due_soon_days, max_due_soon_days),
                                 fmt::format("{} ngày vượt quá {}", deadline.due_soon_days, max_due_soon_days)));
  }

  bg::date last = deadline.date;
  if (deadline.bound == DeadlineBound::exclusive) {
    last = deadline.date - bg::days(1);
    if (auto bad = check_date(last, "deadline")) return fail(std::move(*bad));
  } else if (deadline.count == DayCount::working_days) {
    auto moved = calendar.next_working_day(deadline.date);
    if (!moved) return fail(std::move(moved.error()));
    last = *moved;
  }

  bg::date soon = last;
  if (deadline.count == DayCount::working_days) {
    auto back = calendar.add_working_days(last, -static_cast<int>(deadline.due_soon_days));
    if (!back) return fail(std::move(back.error()));
    soon = *back;
  } else {
    soon = last - bg::days(deadline.due_soon_days);
    if (auto bad = check_date(soon, "due-soon day")) return fail(std::move(*bad));
  }
  return DeadlineDays{soon, last};
}

std::string describe(const Deadline& deadline, Lang lang) {
  const std::string day = format_date(deadline.date, lang);
  const bool vi = lang == Lang::vi;
  if (deadline.bound == DeadlineBound::exclusive) return vi ? "trước ngày " + day : "before " + day;
  if (deadline.count == DayCount::working_days) {
    return vi ? fmt::format("chậm nhất ngày {} (nếu là ngày nghỉ thì đến hết ngày làm việc tiếp theo)", day)
              : fmt::format("by {} (the next working day when that is a day off)", day);
  }
  return vi ? "chậm nhất ngày " + day : "by " + day;
}

}  // namespace exemplar
