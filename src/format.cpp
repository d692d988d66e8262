// One-line descriptions behind the formatters of format.hpp.
#include "exemplar/format.hpp"

namespace exemplar::detail {
namespace {

/// One field's value as a person reads it.
template <class V>
std::string shown(const V& value, Lang lang) {
  if constexpr (std::is_enum_v<V>) {
    return std::string(label(value, lang));
  } else if constexpr (std::is_same_v<V, bool>) {
    return lang == Lang::vi ? (value ? "có" : "không") : (value ? "yes" : "no");
  } else if constexpr (std::is_same_v<V, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<V, boost::gregorian::date>) {
    return format_date(value, lang);
  } else {
    return fmt::format("{}", value);
  }
}

/// The event's data, each field with its label: "số phiếu đồng ý 7, ...". Empty text is left out.
std::string payload(const Event& event, Lang lang) {
  std::string text;
  std::visit(
      [&](const auto& data) {
        for_each_field(data, [&](const auto& f, const auto& value) {
          const std::string each = shown(value, lang);
          if (each.empty()) return;
          if (!text.empty()) text += ", ";
          text += fmt::format("{}: {}", lang == Lang::vi ? f.label.vi : f.label.en, each);
        });
      },
      event.data);
  return text;
}

}  // namespace

std::string describe(const Actor& actor, Lang lang) {
  return fmt::format(lang == Lang::vi ? "{} (người dùng {}, đơn vị {})" : "{} (actor {}, unit {})",
                     label(actor.role, lang), actor.id, actor.unit);
}

std::string describe(const Candidate& c, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string text = fmt::format(vi ? "ứng viên {} ({}, đơn vị {}, {}): {}" : "candidate {} ({}, unit {}, {}): {}",
                                 c.id, label(c.subject, lang), c.unit, label(c.level, lang), label(c.stage, lang));
  if (!c.last_step.is_special()) text += fmt::format(vi ? ", bước gần nhất {}" : ", last step {}", format_date(c.last_step, lang));
  return text;
}

std::string describe(const Event& event, Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string text = fmt::format(vi ? "{} ứng viên {}: {} bởi {} ({})" : "{} candidate {}: {} by {} ({})",
                                 format_date(event.date, lang), event.candidate, label(event.kind(), lang),
                                 label(event.role, lang), payload(event, lang));
  for (StepFlag flag : all_values<StepFlag>()) {
    if (event.has(flag)) text += fmt::format(" [{}]", label(flag, lang));
  }
  return text;
}

std::string describe(const Option& option, Lang lang) {
  if (option.allowed()) return fmt::format(lang == Lang::vi ? "{}: được phép" : "{}: allowed", label(option.command, lang));
  return fmt::format("{}: {}", label(option.command, lang), option.refusal->message(lang));
}

}  // namespace exemplar::detail
