// One-line descriptions behind the formatters of format.hpp.
#include "exemplar/format.hpp"

namespace exemplar::detail {
namespace {

std::string payload(const Event& event, Lang lang) {
  const bool vi = lang == Lang::vi;
  struct Visitor {
    bool vi;
    Lang lang;
    std::string operator()(const events::Discovered& e) const {
      return fmt::format(vi ? "{}, đơn vị {}, {}, {}" : "{}, unit {}, {}, {}", label(e.subject, lang), e.unit,
                         label(e.field, lang), label(e.level, lang));
    }
    std::string operator()(const events::Fostered& e) const {
      return fmt::format(vi ? "người phụ trách {}" : "mentor {}", e.mentor);
    }
    std::string operator()(const events::Registered& e) const {
      return fmt::format(vi ? "năm {}" : "round of {}", e.year);
    }
    std::string operator()(const events::Reviewed& e) const {
      return fmt::format(vi ? "{}/{} dự họp, {} đồng ý, {} không đồng ý, {}" : "{}/{} present, {} for, {} against, {}",
                         e.present, e.members, e.votes_for, e.votes_against,
                         e.proposed ? (vi ? "đề nghị công nhận" : "proposed") : (vi ? "không đề nghị" : "not proposed"));
    }
    std::string operator()(const events::Recognized& e) const {
      return fmt::format(vi ? "quyết định số {} ngày {}" : "decision {} of {}", e.decision_number,
                         format_date(e.decision_date, lang));
    }
    std::string operator()(const events::Commended& e) const { return std::string(label(e.award, lang)); }
    std::string operator()(const events::Replicated& e) const { return std::string(label(e.activity, lang)); }
    std::string operator()(const events::Nominated& e) const {
      return fmt::format("{} → {}", label(e.from, lang), label(e.to, lang));
    }
    std::string operator()(const commands::Withdraw& e) const { return e.reason; }
    std::string operator()(const commands::Reject& e) const { return e.reason; }
    std::string operator()(const commands::Disqualify& e) const { return e.reason; }
    std::string operator()(const commands::Revoke& e) const { return e.reason; }
  };
  return std::visit(Visitor{vi, lang}, event.data);
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
  for (std::size_t i = 0; i < step_flag_count; ++i) {
    const auto flag = static_cast<StepFlag>(i);
    if (event.has(flag)) text += fmt::format(" [{}]", label(flag, lang));
  }
  return text;
}

std::string describe(const Option& option, Lang lang) {
  if (option.allowed()) return fmt::format(lang == Lang::vi ? "{}: được phép" : "{}: allowed", label(option.command, lang));
  return fmt::format("{}: {}", label(option.command, lang), option.refusal->message(lang));
}

}  // namespace exemplar::detail
