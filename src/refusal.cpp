// Refusal messages: one sentence per code, filled with the facts the refusal carries.
#include "exemplar/refusal.hpp"

#include <array>

#include <fmt/format.h>

namespace exemplar {
namespace {

constexpr std::array<Label, refusal_code_count> refusal_labels{{
    {"not_allowed_from_stage", "not allowed from this stage", "không được phép ở giai đoạn này"},
    {"stage_is_terminal", "the candidate's stage is final", "giai đoạn của ứng viên đã kết thúc"},
    {"not_authorised", "not authorised", "không có thẩm quyền"},
    {"outside_actor_unit", "outside the actor's unit", "ngoài đơn vị của người thực hiện"},
    {"missing_prerequisite", "missing prerequisite", "thiếu điều kiện tiên quyết"},
    {"invalid_argument", "invalid argument", "thông tin không hợp lệ"},
    {"invalid_date", "invalid date", "ngày không hợp lệ"},
    {"date_out_of_range", "date out of range", "ngày nằm ngoài phạm vi"},
    {"date_out_of_order", "date before the last step", "ngày trước bước gần nhất"},
    {"no_quorum", "no quorum", "không đủ số thành viên"},
    {"no_higher_level", "no higher level", "không có cấp cao hơn"},
    {"outside_window", "outside the dates the plan sets", "ngoài thời hạn của kế hoạch"},
    {"deadline_passed", "deadline passed", "đã quá hạn"},
    {"needs_waiver", "needs the agency head's waiver", "cần Thủ trưởng cơ quan cho phép"},
    {"not_eligible", "criteria not met", "chưa đạt tiêu chuẩn"},
    {"step_not_in_plan", "not a step of the plan", "kế hoạch không có bước này"},
    {"award_not_in_power", "award beyond the actor's power", "hình thức khen thưởng vượt thẩm quyền"},
    {"quota_exceeded", "quota filled", "đã đủ số lượng"},
    {"plan_rule", "refused by a rule of the plan", "quy định của kế hoạch không cho phép"},
    {"record_gap", "a record is missing", "thiếu bản ghi"},
    {"record_duplicate", "a record is repeated", "bản ghi bị lặp"},
    {"record_out_of_order", "records are out of order", "bản ghi sai thứ tự"},
    {"record_edited", "the record was edited", "bản ghi đã bị sửa"},
    {"record_chain_broken", "the chain of hashes is broken", "chuỗi mã băm bị đứt"},
    {"record_candidate_sequence", "the candidate's record number is wrong", "số thứ tự bản ghi của ứng viên sai"},
    {"record_unknown_kind", "unknown event kind", "loại sự kiện không xác định"},
    {"record_unknown_version", "unknown format version", "phiên bản định dạng không xác định"},
    {"record_malformed", "the record cannot be read", "không đọc được bản ghi"},
    {"journal_busy", "the journal is announcing a record", "nhật ký đang thông báo một bản ghi"},
}};

/// The code point `c` in upper case, for ASCII and the Vietnamese letters (Latin-1 vowels, ă, đ, ĩ,
/// ũ, ơ, ư and the precomposed vowels U+1EA0-U+1EF9); any other code point unchanged.
char32_t upper_vietnamese(char32_t c) noexcept {
  if (c >= U'a' && c <= U'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFD && c != 0xF7) return c - 0x20;
  if (c == 0x103 || c == 0x111 || c == 0x129 || c == 0x169 || c == 0x1A1 || c == 0x1B0) return c - 1;
  if (c >= 0x1EA1 && c <= 0x1EF9 && (c % 2) == 1) return c - 1;
  return c;
}

/// The text with its first letter in upper case, Vietnamese letters included ("đăng ký" →
/// "Đăng ký"): every sentence starts with a capital.
std::string capitalized(std::string text) {
  if (text.empty()) return text;
  const auto b0 = static_cast<unsigned char>(text[0]);
  const std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : 0;
  if (n == 0 || text.size() < n) return text;
  char32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1FU) : (b0 & 0x0FU);
  for (std::size_t i = 1; i < n; ++i) c = (c << 6) | (static_cast<unsigned char>(text[i]) & 0x3FU);
  const char32_t u = upper_vietnamese(c);
  if (u == c) return text;
  std::string head;
  if (u < 0x80) {
    head += static_cast<char>(u);
  } else if (u < 0x800) {
    head += static_cast<char>(0xC0 | (u >> 6));
    head += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    head += static_cast<char>(0xE0 | (u >> 12));
    head += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    head += static_cast<char>(0x80 | (u & 0x3F));
  }
  return head + text.substr(n);
}

std::string opt_label(const std::optional<CommandKind>& command, Lang lang) {
  return command ? std::string(label(*command, lang)) : std::string(lang == Lang::vi ? "thực hiện bước này" : "take this step");
}

std::string sentence(const Refusal& r, Lang lang) {
  const bool vi = lang == Lang::vi;
  const std::string command = opt_label(r.command, lang);
  const std::string stage = r.stage ? std::string(label(*r.stage, lang)) : std::string("?");
  const std::string role = r.role ? std::string(label(*r.role, lang)) : std::string("?");
  const std::string date = r.date ? format_date(*r.date, lang) : std::string("?");
  const std::string reference = r.reference ? format_date(*r.reference, lang) : std::string("?");
  switch (r.code) {
    case RefusalCode::not_allowed_from_stage:
      return vi ? fmt::format("Không thể {} khi ứng viên ở trạng thái «{}»", command, stage)
                : fmt::format("Cannot {}: the candidate is {}", command, stage);
    case RefusalCode::stage_is_terminal:
      return vi ? fmt::format("Ứng viên ở trạng thái «{}», đã kết thúc, không thể {}", stage, command)
                : fmt::format("The candidate is {}, a final stage, and cannot {}", stage, command);
    case RefusalCode::not_authorised: {
      // Without a stage the step is not on a candidate (a milestone, a plan setting).
      if (!r.stage) {
        return vi ? fmt::format("{} không có thẩm quyền {}", capitalized(role), command)
                  : fmt::format("A {} may not {}", role, command);
      }
      const std::string level = r.level ? std::string(label(*r.level, lang)) : std::string("?");
      return vi ? fmt::format("{} không có thẩm quyền {} ứng viên ở trạng thái «{}» ({})", capitalized(role), command, stage, level)
                : fmt::format("A {} may not {} a candidate that is {} ({})", role, command, stage, level);
    }
    case RefusalCode::outside_actor_unit: {
      const auto unit = [](const std::optional<UnitId>& id) { return id ? id->value() : 0U; };
      return vi ? fmt::format("{} chỉ được {} ứng viên của đơn vị mình (đơn vị {}), ứng viên thuộc đơn vị {}",
                              capitalized(role), command, unit(r.actor_unit), unit(r.candidate_unit))
                : fmt::format("A {} may {} only candidates of their own unit (unit {}), not of unit {}",
                              role, command, unit(r.actor_unit), unit(r.candidate_unit));
    }
    case RefusalCode::missing_prerequisite:
      return vi ? fmt::format("Chưa đủ điều kiện để {}", command) : fmt::format("Cannot {} yet", command);
    case RefusalCode::invalid_argument:
      return vi ? fmt::format("Thông tin không hợp lệ ({})", r.subject) : fmt::format("Invalid {}", r.subject);
    case RefusalCode::invalid_date:
      return vi ? fmt::format("Ngày «{}» không phải là ngày hợp lệ", r.subject.empty() ? date : r.subject)
                : fmt::format("The {} is not a valid calendar date", r.subject.empty() ? "date" : r.subject);
    case RefusalCode::date_out_of_range:
      return vi ? fmt::format("Ngày {} nằm ngoài phạm vi cho phép", date)
                : fmt::format("The date {} is out of range", date);
    case RefusalCode::date_out_of_order:
      return vi ? fmt::format("Ngày {} trước ngày của bước gần nhất ({})", date, reference)
                : fmt::format("{} is before the candidate's last step on {}", date, reference);
    case RefusalCode::no_quorum:
      return vi ? std::string("Hội đồng không đủ số thành viên tham dự") : std::string("The council has no quorum");
    case RefusalCode::no_higher_level:
      return vi ? std::string("Điển hình cấp toàn quốc không còn cấp cao hơn để đề nghị")
                : std::string("A national exemplar has no higher level to be nominated to");
    case RefusalCode::outside_window:
      return vi ? fmt::format("Không thể {} ngày {}: ngoài thời hạn của mốc trong kế hoạch", command, date)
                : fmt::format("Cannot {} on {}: outside the dates of milestone '{}'", command, date, r.subject);
    case RefusalCode::deadline_passed:
      return vi ? fmt::format("Không thể {} ngày {}: mốc trong kế hoạch đã hết hạn ngày {}", command, date, reference)
                : fmt::format("Cannot {} on {}: the deadline of milestone '{}' was {}", command, date, r.subject, reference);
    case RefusalCode::needs_waiver:
      return vi ? fmt::format("{} ngày {} là quá hạn, cần Thủ trưởng cơ quan cho phép", capitalized(command), date)
                : fmt::format("To {} on {}, after the deadline of milestone '{}' ({}), needs the agency head's waiver", command, date, r.subject, reference);
    case RefusalCode::not_eligible:
      return vi ? std::string("Ứng viên chưa đạt tiêu chuẩn của kế hoạch") : std::string("The candidate does not meet the plan's criteria");
    case RefusalCode::step_not_in_plan:
      return vi ? fmt::format("Kế hoạch không có bước «{}»", command) : fmt::format("The plan has no step to {}", command);
    case RefusalCode::award_not_in_power:
      return vi ? fmt::format("{} không có thẩm quyền tặng hình thức khen thưởng này", capitalized(role))
                : fmt::format("A {} may not grant this form of award", role);
    case RefusalCode::quota_exceeded:
      return vi ? fmt::format("Không thể {}: đã đủ số lượng theo kế hoạch", command)
                : fmt::format("Cannot {}: the plan's quota is filled", command);
    case RefusalCode::plan_rule:
      return vi ? fmt::format("Quy định «{}» của kế hoạch không cho phép {}", r.subject, command)
                : fmt::format("The plan's rule '{}' does not allow to {}", r.subject, command);
    case RefusalCode::record_gap:
    case RefusalCode::record_duplicate:
    case RefusalCode::record_out_of_order:
    case RefusalCode::record_edited:
    case RefusalCode::record_chain_broken:
    case RefusalCode::record_candidate_sequence:
    case RefusalCode::record_unknown_kind:
    case RefusalCode::record_unknown_version:
    case RefusalCode::record_malformed: {
      const std::string what = capitalized(std::string(label(r.code, lang)));
      return r.subject.empty() ? what : fmt::format("{} ({})", what, r.subject);
    }
    case RefusalCode::journal_busy:
      return vi ? std::string("Không thể thay đổi nhật ký từ bên trong một bên nhận thông báo của chính nhật ký đó")
                : std::string("An observer may not change the journal that is announcing a record to it");
  }
  return std::string(label(r.code, lang));
}

}  // namespace

LabelTable label_table(RefusalCode) noexcept { return LabelTable{refusal_labels.data(), refusal_labels.size()}; }

std::string format_date(boost::gregorian::date date, Lang lang) {
  if (date.is_special()) return lang == Lang::vi ? "không phải ngày" : "not a date";
  const auto ymd = date.year_month_day();
  if (lang == Lang::vi) return fmt::format("{:02}/{:02}/{:04}", ymd.day.as_number(), ymd.month.as_number(), static_cast<int>(ymd.year));
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year), ymd.month.as_number(), ymd.day.as_number());
}

std::string Refusal::message(Lang lang) const {
  std::string text;
  if (record) text = fmt::format(lang == Lang::vi ? "Bản ghi nhật ký số {}: " : "Journal record {}: ", *record);
  text += sentence(*this, lang);
  const std::string& specific = detail.in(lang);
  if (!specific.empty()) {
    text += ": ";
    text += specific;
  }
  text += '.';
  return text;
}

bool operator==(const Refusal& a, const Refusal& b) {
  return a.code == b.code && a.command == b.command && a.stage == b.stage && a.level == b.level &&
         a.role == b.role && a.actor_unit == b.actor_unit && a.candidate_unit == b.candidate_unit &&
         a.date == b.date && a.reference == b.reference && a.record == b.record && a.subject == b.subject &&
         a.detail == b.detail;
}

}  // namespace exemplar
