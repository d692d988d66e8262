// The council's selection of K of N: it ranks and reports; ties and missing quorums stay open.
#include "exemplar/council.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "exemplar/lifecycle.hpp"

namespace exemplar {
namespace {

constexpr std::array<Label, motion_count> motion_labels{{
    {"recognition", "recognition as an exemplar", "công nhận điển hình tiên tiến"},
    {"emulation_soldier_title", "provincial or national emulation soldier title (secret ballot)",
     "danh hiệu Chiến sĩ thi đua cấp tỉnh, toàn quốc (bỏ phiếu kín)"},
}};

constexpr std::array<Label, selection_status_count> selection_status_labels{{
    {"decided", "decided", "đã lựa chọn"},
    {"tie_at_cutoff", "tie at the cut-off", "bằng phiếu tại vị trí cuối"},
    {"short_of_quota", "fewer approved than the quota", "số được tán thành ít hơn chỉ tiêu"},
    {"no_quorum", "no quorum", "không đủ số thành viên"},
}};

Refusal invalid(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

std::optional<Refusal> check_fraction(const Fraction& f, const char* subject) {
  if (f.denominator == 0 || f.numerator == 0 || f.numerator > f.denominator || (f.strict && f.numerator == f.denominator)) {
    return invalid(subject, "a threshold is a share above 0 that can be reached",
                   "ngưỡng phải là một tỷ lệ lớn hơn 0 và có thể đạt được");
  }
  return std::nullopt;
}

std::string id_list(const std::vector<CandidateId>& ids) {
  std::string text;
  for (const CandidateId id : ids) {
    if (!text.empty()) text += ", ";
    text += std::to_string(id.value());
  }
  return text;
}

}  // namespace

LabelTable label_table(Motion) noexcept { return LabelTable{motion_labels.data(), motion_labels.size()}; }
LabelTable label_table(SelectionStatus) noexcept {
  return LabelTable{selection_status_labels.data(), selection_status_labels.size()};
}

tl::expected<void, Refusal> validate(const CouncilRules& rules) {
  auto first = check_fraction(rules.quorum, "quorum");
  if (!first) first = check_fraction(rules.approval, "approval");
  if (!first) first = check_fraction(rules.title_approval, "title_approval");
  if (first) return tl::make_unexpected(std::move(*first));
  return {};
}

tl::expected<Selection, Refusal> select(const CouncilRules& rules, const Sitting& sitting,
                                        const std::vector<Ballot>& ballots, Quota quota, Motion motion) {
  auto fail = [](Refusal r) { return tl::make_unexpected(std::move(r)); };
  if (auto valid = validate(rules); !valid) return fail(std::move(valid.error()));
  if (!is_known(motion)) return fail(invalid("motion", "the value is not one the library knows", "giá trị không xác định"));
  if (sitting.members == 0) return fail(invalid("council members", "the council has no members", "Hội đồng không có thành viên"));
  if (sitting.present > sitting.members) {
    return fail(invalid("council attendance", "more members present than the council has",
                        "số thành viên dự họp nhiều hơn số thành viên Hội đồng"));
  }
  if (quota.at_most == 0 || quota.at_least > quota.at_most) {
    return fail(invalid("quota", "a quota selects at least 1, and its minimum does not exceed its maximum",
                        "chỉ tiêu phải chọn ít nhất 1 và số tối thiểu không vượt số tối đa"));
  }
  for (std::size_t i = 0; i < ballots.size(); ++i) {
    const Ballot& b = ballots[i];
    const std::string where = fmt::format("ballots[{}]", i);
    if (!b.candidate.valid()) return fail(invalid(where + ".candidate", "0 is not an id", "0 không phải là mã"));
    if (!votes_fit(sitting.members, sitting.present, b.votes_for, b.votes_against)) {
      return fail(invalid(where, "votes for and against add up to more than the members present",
                          "số phiếu đồng ý và không đồng ý nhiều hơn số thành viên dự họp"));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (ballots[j].candidate == b.candidate) {
        return fail(invalid(where + ".candidate", "the candidate has two ballots", "ứng viên có hai phiếu bầu"));
      }
    }
  }

  Selection s;
  s.sitting = sitting;
  s.quorum_needed = rules.quorum_needed(sitting.members);
  s.votes_needed = rules.votes_needed(sitting.members, motion);
  s.ranking = ballots;
  std::stable_sort(s.ranking.begin(), s.ranking.end(),
                   [](const Ballot& a, const Ballot& b) { return a.votes_for > b.votes_for; });
  if (!rules.has_quorum(sitting.members, sitting.present)) {
    s.status = SelectionStatus::no_quorum;
    return s;
  }

  std::vector<const Ballot*> approved;
  approved.reserve(s.ranking.size());
  for (const Ballot& b : s.ranking) {
    if (rules.approves(sitting.members, b.votes_for, motion)) {
      approved.push_back(&b);
    } else {
      s.not_selected.push_back(b.candidate);
    }
  }

  if (approved.size() <= quota.at_most) {
    for (const Ballot* b : approved) s.selected.push_back(b->candidate);
    s.status = approved.size() < quota.at_least ? SelectionStatus::short_of_quota : SelectionStatus::decided;
    return s;
  }

  const std::uint16_t cutoff = approved[quota.at_most - 1U]->votes_for;
  const bool tie = approved[quota.at_most]->votes_for == cutoff;
  std::vector<CandidateId> below;
  for (std::size_t i = 0; i < approved.size(); ++i) {
    const Ballot& b = *approved[i];
    if (tie ? b.votes_for > cutoff : i < quota.at_most) {
      s.selected.push_back(b.candidate);
    } else if (tie && b.votes_for == cutoff) {
      s.tied.push_back(b.candidate);
    } else {
      below.push_back(b.candidate);
    }
  }
  // Approved candidates below the cut-off rank above those the motion did not approve.
  s.not_selected.insert(s.not_selected.begin(), below.begin(), below.end());
  s.status = tie ? SelectionStatus::tie_at_cutoff : SelectionStatus::decided;
  s.seats_left = tie ? static_cast<std::uint16_t>(quota.at_most - s.selected.size()) : 0;
  return s;
}

commands::Review review_of(const Sitting& sitting, const Ballot& ballot) {
  return commands::Review{sitting.members, sitting.present, ballot.votes_for, ballot.votes_against};
}

std::string explain(const Selection& s, Lang lang) {
  const bool vi = lang == Lang::vi;
  switch (s.status) {
    case SelectionStatus::no_quorum:
      return vi ? fmt::format("Không đủ số thành viên: {}/{} thành viên dự họp, cần ít nhất {}; chưa lựa chọn",
                              s.sitting.present, s.sitting.members, s.quorum_needed)
                : fmt::format("No quorum: {} of {} members present, {} needed; nothing was selected",
                              s.sitting.present, s.sitting.members, s.quorum_needed);
    case SelectionStatus::tie_at_cutoff:
      return vi ? fmt::format("Đã chọn: {}; bằng phiếu cho {} vị trí còn lại: {}; Hội đồng cần quyết định",
                              id_list(s.selected), s.seats_left, id_list(s.tied))
                : fmt::format("Selected: {}; tied for the {} remaining seats: {}; the council must settle it",
                              id_list(s.selected), s.seats_left, id_list(s.tied));
    case SelectionStatus::short_of_quota:
      return vi ? fmt::format("Chỉ {} ứng viên đạt từ {} phiếu đồng ý trở lên: {}", s.selected.size(), s.votes_needed,
                              id_list(s.selected))
                : fmt::format("Only {} candidates reached {} votes for: {}", s.selected.size(), s.votes_needed,
                              id_list(s.selected));
    case SelectionStatus::decided: break;
  }
  return vi ? fmt::format("Đã chọn: {}", id_list(s.selected)) : fmt::format("Selected: {}", id_list(s.selected));
}

}  // namespace exemplar
