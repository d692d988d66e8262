// Evidence labels and validation: bad input is refused with the path of the bad field.
#include "exemplar/evidence.hpp"

#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "detail/expected.hpp"
#include "detail/text.hpp"

namespace exemplar {
namespace {

constexpr std::array<Label, rating_count> rating_labels{{
    {"not_completed", "did not complete tasks", "không hoàn thành nhiệm vụ"},
    {"completed", "completed tasks", "hoàn thành nhiệm vụ"},
    {"good", "completed tasks well", "hoàn thành tốt nhiệm vụ"},
    {"excellent", "completed tasks excellently", "hoàn thành xuất sắc nhiệm vụ"},
}};

constexpr std::array<Label, title_count> title_labels{{
    {"advanced_worker", "advanced worker", "Lao động tiên tiến"},
    {"grassroots_emulation_soldier", "grassroots emulation soldier", "Chiến sĩ thi đua cơ sở"},
    {"provincial_emulation_soldier", "provincial emulation soldier", "Chiến sĩ thi đua cấp tỉnh"},
    {"national_emulation_soldier", "national emulation soldier", "Chiến sĩ thi đua toàn quốc"},
}};

constexpr std::array<Label, initiative_kind_count> initiative_kind_labels{{
    {"initiative", "initiative", "sáng kiến"},
    {"research_topic", "research topic", "đề tài khoa học"},
}};

constexpr std::array<Label, initiative_level_count> initiative_level_labels{{
    {"grassroots", "grassroots level", "cấp cơ sở"},
    {"provincial", "provincial or ministry level", "cấp tỉnh, cấp bộ"},
    {"national", "national level", "cấp toàn quốc"},
}};

constexpr std::array<Label, sanction_level_count> sanction_level_labels{{
    {"reprimand", "reprimand", "khiển trách"},
    {"warning", "warning", "cảnh cáo"},
    {"salary_reduction", "salary reduction", "hạ bậc lương"},
    {"demotion", "demotion", "giáng chức"},
    {"removal_from_office", "removal from office", "cách chức"},
    {"dismissal", "dismissal", "buộc thôi việc"},
}};

template <std::size_t N>
LabelTable table_of(const std::array<Label, N>& labels) noexcept {
  return LabelTable{labels.data(), N};
}

/// Where a bad value sits, spelled out only when a refusal needs it: validation allocates nothing
/// while the evidence is good.
struct Path {
  const char* list = nullptr;
  std::size_t index = 0;
  const char* field = nullptr;

  Path(const char* top) : field(top) {}  // implicit: a top-level field is named by its string
  Path(const char* l, std::size_t i, const char* f) : list(l), index(i), field(f) {}

  [[nodiscard]] std::string str() const {
    return list ? fmt::format("{}[{}].{}", list, index, field) : std::string(field);
  }
};

Path at(const char* list, std::size_t index, const char* field) { return Path{list, index, field}; }

Refusal bad(const Path& path, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(path.str()).with_detail(std::move(en), std::move(vi));
}

std::optional<Refusal> check_year(std::uint16_t year, const Path& path) {
  if (year >= evidence_first_year && year <= evidence_last_year) return std::nullopt;
  return refuse(RefusalCode::date_out_of_range)
      .with_subject(path.str())
      .with_detail(fmt::format("the year {} is outside {}-{}", year, evidence_first_year, evidence_last_year),
                   fmt::format("năm {} nằm ngoài khoảng {}-{}", year, evidence_first_year, evidence_last_year));
}

std::optional<Refusal> check_date(boost::gregorian::date date, const Path& path) {
  if (date.is_special()) {
    return refuse(RefusalCode::invalid_date)
        .with_subject(path.str())
        .with_detail("it is not a calendar date", "không phải là ngày hợp lệ");
  }
  return check_year(static_cast<std::uint16_t>(date.year()), path);
}

template <class E>
std::optional<Refusal> check_known(E value, const Path& path) {
  if (is_known(value)) return std::nullopt;
  return bad(path, "the value is not one the library knows", "giá trị không xác định");
}

std::optional<Refusal> check_id(std::string_view id, const Path& path) {
  if (id.empty()) return bad(path, "the id must not be empty", "mã không được để trống");
  if (id.size() > max_id_bytes) return bad(path, "the id is longer than 128 bytes", "mã dài quá 128 byte");
  if (!detail::is_valid_utf8(id)) return bad(path, "the id is not valid UTF-8 text", "mã không phải văn bản UTF-8 hợp lệ");
  return std::nullopt;
}

std::optional<Refusal> check_at_most(std::uint64_t count, std::uint32_t members, const Path& path) {
  if (count <= members) return std::nullopt;
  return bad(path, fmt::format("{} counted but the collective has {} members", count, members),
             fmt::format("đếm được {} nhưng tập thể chỉ có {} thành viên", count, members));
}

std::optional<Refusal> check_tally(const MemberTally& t, std::size_t i) {
  if (auto r = check_year(t.year, at("members", i, "year"))) return r;
  if (t.members == 0) return bad(at("members", i, "members"), "a collective has at least one member", "tập thể phải có ít nhất một thành viên");
  std::uint64_t rated = 0;
  for (auto n : t.rated) rated += n;
  if (auto r = check_at_most(rated, t.members, at("members", i, "rated"))) return r;
  std::uint64_t titled = 0;
  for (auto n : t.titled) titled += n;
  if (auto r = check_at_most(titled, t.members, at("members", i, "titled"))) return r;
  std::uint64_t disciplined = 0;
  for (auto n : t.disciplined) disciplined += n;
  if (auto r = check_at_most(disciplined, t.members, at("members", i, "disciplined"))) return r;
  return check_at_most(t.in_breach, t.members, at("members", i, "in_breach"));
}

}  // namespace

LabelTable label_table(Rating) noexcept { return table_of(rating_labels); }
LabelTable label_table(Title) noexcept { return table_of(title_labels); }
LabelTable label_table(InitiativeKind) noexcept { return table_of(initiative_kind_labels); }
LabelTable label_table(InitiativeLevel) noexcept { return table_of(initiative_level_labels); }
LabelTable label_table(SanctionLevel) noexcept { return table_of(sanction_level_labels); }

namespace {
std::optional<Refusal> evidence_problem(const Evidence& e) {
  if (auto r = check_known(e.subject, "subject")) return r;
  if (auto r = check_known(e.position, "position")) return r;
  if (auto r = check_known(e.field, "field")) return r;
  if ((e.subject == Subject::collective) != (e.position == Position::none)) {
    return bad("position", "a collective has no position and an individual has one",
               "tập thể không có chức vụ, cá nhân phải có chức vụ");
  }
  for (std::size_t i = 0; i < e.ratings.size(); ++i) {
    if (auto r = check_year(e.ratings[i].year, at("ratings", i, "year"))) return r;
    if (auto r = check_known(e.ratings[i].rating, at("ratings", i, "rating"))) return r;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.ratings[j].year == e.ratings[i].year) {
        return bad(at("ratings", i, "year"), fmt::format("the year {} is rated twice", e.ratings[i].year),
                   fmt::format("năm {} được xếp loại hai lần", e.ratings[i].year));
      }
    }
  }
  for (std::size_t i = 0; i < e.titles.size(); ++i) {
    if (auto r = check_year(e.titles[i].year, at("titles", i, "year"))) return r;
    if (auto r = check_known(e.titles[i].title, at("titles", i, "title"))) return r;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.titles[j].year == e.titles[i].year && e.titles[j].title == e.titles[i].title) {
        return bad(at("titles", i, "title"), fmt::format("the same title is recorded twice for {}", e.titles[i].year),
                   fmt::format("cùng một danh hiệu được ghi hai lần cho năm {}", e.titles[i].year));
      }
    }
  }
  for (std::size_t i = 0; i < e.certificates.size(); ++i) {
    const Certificate& c = e.certificates[i];
    if (auto r = check_known(c.award, at("certificates", i, "award"))) return r;
    if (c.award == Award::public_commendation) {
      return bad(at("certificates", i, "award"), "a public commendation is not a certificate of merit",
                 "biểu dương không phải là Giấy khen, Bằng khen");
    }
    if (auto r = check_date(c.granted, at("certificates", i, "granted"))) return r;
  }
  for (std::size_t i = 0; i < e.initiatives.size(); ++i) {
    const Initiative& n = e.initiatives[i];
    if (auto r = check_year(n.year, at("initiatives", i, "year"))) return r;
    if (auto r = check_known(n.level, at("initiatives", i, "level"))) return r;
    if (auto r = check_known(n.kind, at("initiatives", i, "kind"))) return r;
  }
  for (std::size_t i = 0; i < e.sanctions.size(); ++i) {
    const Sanction& s = e.sanctions[i];
    if (auto r = check_known(s.level, at("sanctions", i, "level"))) return r;
    if (auto r = check_date(s.from, at("sanctions", i, "from"))) return r;
    if (auto r = check_date(s.until, at("sanctions", i, "until"))) return r;
    if (s.until < s.from) {
      return refuse(RefusalCode::date_out_of_order)
          .with_subject(at("sanctions", i, "until").str())
          .with_date(s.until)
          .with_reference(s.from)
          .with_detail("the sanction ends before it starts", "kỷ luật kết thúc trước khi bắt đầu");
    }
  }
  if (e.subject == Subject::individual && !e.members.empty()) {
    return bad("members", "an individual has no members to count", "cá nhân không có thành viên để thống kê");
  }
  for (std::size_t i = 0; i < e.members.size(); ++i) {
    if (auto r = check_tally(e.members[i], i)) return r;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.members[j].year == e.members[i].year) {
        return bad(at("members", i, "year"), fmt::format("the members of {} are counted twice", e.members[i].year),
                   fmt::format("thành viên năm {} được thống kê hai lần", e.members[i].year));
      }
    }
  }
  for (std::size_t i = 0; i < e.indicators.size(); ++i) {
    const IndicatorValue& v = e.indicators[i];
    if (auto r = check_id(v.id, at("indicators", i, "id"))) return r;
    if (auto r = check_year(v.year, at("indicators", i, "year"))) return r;
    if (!std::isfinite(v.percent) || v.percent < 0.0 || v.percent > 100.0) {
      return bad(at("indicators", i, "percent"), "a percentage is a number from 0 to 100",
                 "tỷ lệ phần trăm phải là số từ 0 đến 100");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (e.indicators[j].year == v.year && e.indicators[j].id == v.id) {
        return bad(at("indicators", i, "id"), fmt::format("the indicator is given twice for {}", v.year),
                   fmt::format("chỉ tiêu được nhập hai lần cho năm {}", v.year));
      }
    }
  }
  for (std::size_t i = 0; i < e.judgements.size(); ++i) {
    if (auto r = check_id(e.judgements[i].rule, at("judgements", i, "rule"))) return r;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.judgements[j].rule == e.judgements[i].rule) {
        return bad(at("judgements", i, "rule"), "the council's judgement on this rule is given twice",
                   "kết luận của Hội đồng về tiêu chí này được nhập hai lần");
      }
    }
  }
  return std::nullopt;
}
}  // namespace

tl::expected<void, Refusal> validate(const Evidence& e) { return detail::accepted_unless(evidence_problem(e)); }

}  // namespace exemplar
