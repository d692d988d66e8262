// Deadlines resolved on a working calendar, and a milestone's state on a day.
#include "exemplar/deadline.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

/// state_on's answers by its six tests (bit 0 waived, 1 completed, 2 completed late, 3 before the
/// window opens, 4 before the due-soon day, 5 after the last on-time day), so that the answer is
/// one load instead of a chain of branches on the data.
constexpr std::array<MilestoneState, 64> milestone_states = [] {
  std::array<MilestoneState, 64> states{};
  for (unsigned i = 0; i < states.size(); ++i) {
    if ((i & 1U) != 0) {
      states[i] = MilestoneState::waived;
    } else if ((i & 2U) != 0) {
      states[i] = (i & 4U) != 0 ? MilestoneState::met_late : MilestoneState::met;
    } else if ((i & 8U) != 0) {
      states[i] = MilestoneState::upcoming;
    } else if ((i & 32U) != 0) {
      states[i] = MilestoneState::missed;
    } else {
      states[i] = (i & 16U) != 0 ? MilestoneState::open : MilestoneState::due_soon;
    }
  }
  return states;
}();


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
    {"waived", "waived by the agency head", "được Thủ trưởng cơ quan cho phép thực hiện sau thời hạn"},
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

MilestoneState state_on(bg::date today, bg::date opens, const DeadlineDays& days, std::optional<bg::date> completed,
                        std::optional<bg::date> waived) noexcept {
  // Six compares of day numbers (exactly Boost's date order, which compares day numbers, special
  // values included) whose bits index milestone_states.
  const std::uint32_t t = today.day_number();
  const std::uint32_t o = opens.day_number();
  // An absent date stands in as `opens`: its tests are masked by has_value() below, and a value
  // already loaded lets the compiler select with a conditional move instead of a branch.
  const std::uint32_t c = completed.has_value() ? completed->day_number() : o;
  const std::uint32_t w = waived.has_value() ? waived->day_number() : o;
  const std::uint32_t soon = days.due_soon_from.day_number();
  const std::uint32_t last = days.last_on_time.day_number();
  const auto bit = [](bool test, unsigned position) { return static_cast<unsigned>(test) << position; };
  const unsigned index = bit(waived.has_value() & (w <= t), 0U) | bit(completed.has_value() & (c <= t), 1U) |
                         bit(last < c, 2U) | bit(t < o, 3U) | bit(t < soon, 4U) | bit(last < t, 5U);
  return milestone_states[index];
}

LabelTable label_table(DeadlineBound) noexcept { return LabelTable{bound_labels.data(), bound_labels.size()}; }
LabelTable label_table(DayCount) noexcept { return LabelTable{day_count_labels.data(), day_count_labels.size()}; }
LabelTable label_table(LatePolicy) noexcept { return LabelTable{late_policy_labels.data(), late_policy_labels.size()}; }
LabelTable label_table(MilestoneState) noexcept {
  return LabelTable{milestone_state_labels.data(), milestone_state_labels.size()};
}

tl::expected<DeadlineDays, Refusal> resolve(const Deadline& deadline, const WorkingCalendar& calendar) {
  if (auto bad = check_date(deadline.date, "deadline"); !bad) return fail(std::move(bad.error()));
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
    if (auto bad = check_date(last, "deadline"); !bad) return fail(std::move(bad.error()));
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
    if (auto bad = check_date(soon, "due-soon day"); !bad) return fail(std::move(bad.error()));
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
