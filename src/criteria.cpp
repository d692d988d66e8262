// The criteria evaluator: one pass over the rule tree, counting from the evidence without allocating
// beyond the results vector; explanations are formatted only when asked for.
#include "exemplar/criteria.hpp"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstring>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "detail/day_number.hpp"
#include "detail/expected.hpp"
#include "detail/text.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, years_counted_count> years_counted_labels{{
    {"latest_years", "the latest rated years", "các năm gần nhất đã xếp loại"},
    {"fixed_years", "fixed years", "các năm cố định"},
    {"all_years", "all years", "toàn bộ các năm"},
}};

constexpr std::array<Label, member_basis_count> member_basis_labels{{
    {"rating", "members' ratings", "xếp loại của thành viên"},
    {"title", "members' titles", "danh hiệu của thành viên"},
}};

constexpr std::array<Label, rule_kind_count> rule_kind_labels{{
    {"rating_years", "years rated", "số năm xếp loại"},
    {"title_count", "titles", "danh hiệu thi đua"},
    {"certificate_count", "certificates of merit", "Giấy khen, Bằng khen"},
    {"initiative_count", "initiatives", "sáng kiến, đề tài"},
    {"no_sanction", "no sanction", "không bị kỷ luật"},
    {"member_share", "share of members", "tỷ lệ thành viên"},
    {"member_count", "number of members", "số thành viên"},
    {"indicator", "field indicator", "chỉ tiêu lĩnh vực"},
    {"judgement", "council's judgement", "Hội đồng đánh giá"},
    {"all_of", "all of", "tất cả các tiêu chí"},
    {"any_of", "any of", "một trong các tiêu chí"},
    {"by_position", "by position", "theo chức vụ"},
    {"by_field", "by field", "theo lĩnh vực"},
}};

constexpr std::array<Label, outcome_count> outcome_labels{{
    {"passed", "passed", "đạt"},
    {"failed", "failed", "không đạt"},
    {"needs_judgement", "needs the council's judgement", "cần Hội đồng đánh giá"},
}};

constexpr std::array<Label, verdict_count> verdict_labels{{
    {"eligible", "eligible", "đủ tiêu chuẩn"},
    {"not_eligible", "not eligible", "chưa đủ tiêu chuẩn"},
    {"needs_council_judgement", "needs the council's judgement", "cần Hội đồng Thi đua - Khen thưởng xem xét"},
}};

constexpr std::size_t max_rule_depth = 16;
constexpr std::uint16_t max_counted_years = 64;

template <std::size_t N>
LabelTable table_of(const std::array<Label, N>& labels) noexcept {
  return LabelTable{labels.data(), N};
}


/// Boost's day number of 1 January of `year`: years are compared as day numbers, with no date
/// conversion.
constexpr std::int64_t first_day_of(int year) noexcept { return detail::day_number(year, 1, 1); }
static_assert(first_day_of(2024) == bg::date(2024, 1, 1).day_number());
static_assert(first_day_of(1945) == bg::date(1945, 1, 1).day_number());
static_assert(first_day_of(2200) == bg::date(2200, 1, 1).day_number());

/// A range of years, inclusive; empty when first > last.
struct Span {
  int first = 0;
  int last = -1;
  [[nodiscard]] bool contains(int year) const noexcept { return year >= first && year <= last; }
  [[nodiscard]] bool empty() const noexcept { return first > last; }
  [[nodiscard]] int size() const noexcept { return empty() ? 0 : last - first + 1; }
  /// True when `day` falls in one of the span's years, compared as day numbers.
  [[nodiscard]] bool holds_day(std::int64_t day) const noexcept {
    return day >= first_day_of(first) && day < first_day_of(last + 1);
  }
};

/// Years as bits, covering every year evidence may name: runs and unique counts without allocation.
using YearBits = std::bitset<evidence_last_year - evidence_first_year + 1>;

std::size_t bit_of(int year) noexcept { return static_cast<std::size_t>(year - evidence_first_year); }

std::uint16_t clamp_year(int year) noexcept {
  return static_cast<std::uint16_t>(std::clamp(year, 0, 65535));
}

using detail::civil_of;
using detail::CivilDay;
static_assert(civil_of(bg::date(2024, 2, 29).day_number()).year == 2024);
static_assert(civil_of(bg::date(2024, 2, 29).day_number()).month == 2);
static_assert(civil_of(bg::date(2024, 2, 29).day_number()).day == 29);
static_assert(civil_of(bg::date(1945, 1, 1).day_number()).year == 1945);
static_assert(civil_of(bg::date(2199, 12, 31).day_number()).month == 12);

/// The first and last day evidence may name, as day numbers; the special values lie outside.
constexpr std::int64_t first_evidence_day = first_day_of(evidence_first_year);
constexpr std::int64_t last_evidence_day = first_day_of(evidence_last_year + 1) - 1;

constexpr bool year_ok(std::uint16_t year) noexcept { return year >= evidence_first_year && year <= evidence_last_year; }
bool day_ok(bg::date day) noexcept {
  const std::int64_t n = day.day_number();
  return n >= first_evidence_day && n <= last_evidence_day;
}
template <class E>
constexpr bool at_most(E value, E last) noexcept {
  return static_cast<unsigned>(value) <= static_cast<unsigned>(last);
}

/// A short id that validate() accepts: 1 to 128 bytes of UTF-8 (checked 8 bytes at a time while
/// they are ASCII).
bool id_ok(std::string_view id) noexcept {
  if (id.empty() || id.size() > max_id_bytes) return false;
  std::size_t i = 0;
  for (; i + 8 <= id.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, id.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) return detail::is_valid_utf8(id);
  }
  for (; i < id.size(); ++i) {
    if ((static_cast<unsigned char>(id[i]) & 0x80U) != 0) return detail::is_valid_utf8(id);
  }
  return true;
}

/// True only when validate(evidence) would find nothing: validate()'s checks on ratings, titles,
/// certificates, initiatives, sanctions and judgements, in plain integers and inline. Member tallies
/// and indicators (collectives' evidence) are left to validate(), as is anything this finds wrong,
/// so that a refusal is always validate()'s own. Every evaluation validates; this makes the common,
/// valid case cheap.
bool plainly_valid(const Evidence& e) noexcept {
  if (!at_most(e.subject, Subject::collective) || !at_most(e.position, Position::staff) ||
      !at_most(e.field, Field::new_rural_development) ||
      (e.subject == Subject::collective) != (e.position == Position::none) || !e.members.empty() ||
      !e.indicators.empty()) {
    return false;
  }
  std::array<std::uint64_t, 4> rated{};  // one bit per year from evidence_first_year
  static_assert(evidence_last_year - evidence_first_year < 4 * 64);
  for (const YearRating& r : e.ratings) {
    if (!year_ok(r.year) || !at_most(r.rating, Rating::excellent)) return false;
    const unsigned bit = r.year - evidence_first_year;
    std::uint64_t& word = rated[bit / 64];
    const std::uint64_t mask = std::uint64_t{1} << (bit % 64);
    if ((word & mask) != 0) return false;
    word |= mask;
  }
  for (std::size_t i = 0; i < e.titles.size(); ++i) {
    const YearTitle& t = e.titles[i];
    if (!year_ok(t.year) || !at_most(t.title, Title::national_emulation_soldier)) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.titles[j].year == t.year && e.titles[j].title == t.title) return false;
    }
  }
  for (const Certificate& c : e.certificates) {
    if (!at_most(c.award, Award::prime_minister_certificate) || c.award == Award::public_commendation ||
        !day_ok(c.granted)) {
      return false;
    }
  }
  for (const Initiative& n : e.initiatives) {
    if (!year_ok(n.year) || !at_most(n.level, InitiativeLevel::national) ||
        !at_most(n.kind, InitiativeKind::research_topic)) {
      return false;
    }
  }
  for (const Sanction& x : e.sanctions) {
    if (!at_most(x.level, SanctionLevel::dismissal) || !day_ok(x.from) || !day_ok(x.until) ||
        x.until.day_number() < x.from.day_number()) {
      return false;
    }
  }
  for (std::size_t i = 0; i < e.judgements.size(); ++i) {
    const std::string& rule = e.judgements[i].rule;
    if (!id_ok(rule)) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (e.judgements[j].rule == rule) return false;
    }
  }
  return true;
}

int member_rating_count(const MemberTally& t, Rating at_least) noexcept {
  std::uint64_t n = 0;
  for (std::size_t r = static_cast<std::size_t>(at_least); r < rating_count; ++r) n += t.rated[r];
  return static_cast<int>(std::min<std::uint64_t>(n, t.members));
}

int member_title_count(const MemberTally& t, Title at_least) noexcept {
  std::uint64_t n = 0;
  for (std::size_t r = static_cast<std::size_t>(at_least); r < title_count; ++r) n += t.titled[r];
  return static_cast<int>(std::min<std::uint64_t>(n, t.members));
}

Outcome outcome_of(bool passed) noexcept { return passed ? Outcome::passed : Outcome::failed; }

std::size_t count_rules(const Rule& rule) noexcept {
  std::size_t n = 1;
  for (const Rule& child : rule.children) n += count_rules(child);
  return n;
}

/// Counts facts and keeps their first years, without a branch on each fact: evaluation runs over
/// many candidates' random evidence, where a branch on each fact's value is mispredicted about
/// half the time. Gives the same list as YearList::add called for each kept fact.
class Tally {
 public:
  void add_if(bool keep, int year) noexcept {
    // Slot `capacity` is scratch: a year written there, or at `kept()` for a fact not kept, is
    // overwritten or never read.
    years_[kept()] = static_cast<std::uint16_t>(std::clamp(year, 0, 65535));
    count_ += keep ? 1U : 0U;
  }
  [[nodiscard]] std::uint32_t count() const noexcept { return count_; }
  void copy_to(YearList& list) const noexcept {
    const std::uint32_t n = kept();
    for (std::uint32_t i = 0; i < n; ++i) list.years[i] = years_[i];
    list.size = static_cast<std::uint8_t>(n);
    list.more = static_cast<std::uint16_t>(std::min<std::uint32_t>(count_ - n, 65535));
  }

 private:
  [[nodiscard]] std::uint32_t kept() const noexcept {
    return std::min<std::uint32_t>(count_, static_cast<std::uint32_t>(YearList::capacity));
  }
  std::array<std::uint16_t, YearList::capacity + 1> years_{};
  std::uint32_t count_ = 0;
};

class Evaluator {
 public:
  Evaluator(const Evidence& evidence, bg::date date, int eval_year, int rated_year, std::vector<RuleResult>& out)
      : e_(evidence), date_(date), day_(date.day_number()), eval_year_(eval_year), rated_year_(rated_year), out_(out) {}

  Outcome visit(const Rule& rule, std::uint8_t depth) {
    const std::size_t index = out_.size();
    // A copy of a constant, which compiles to a few vector stores; a value-initialised
    // emplace_back() zeroes the 104 bytes with `rep stos`, whose start-up cost showed in profiles.
    static constexpr RuleResult blank{};
    out_.push_back(blank);
    out_[index].rule = &rule;
    out_[index].depth = depth;
    const Outcome outcome = dispatch(rule, index, depth);
    out_[index].outcome = outcome;
    return outcome;
  }

 private:
  RuleResult& at(std::size_t index) { return out_[index]; }

  /// A switch on the kind, so that each rule's code is inlined here rather than reached through
  /// std::visit's table of function pointers.
  Outcome dispatch(const Rule& rule, std::size_t index, std::uint8_t depth) {
    const RuleSpec& spec = rule.spec;
    switch (rule.kind()) {
      case RuleKind::rating_years: return run(*std::get_if<rules::RatingYears>(&spec), rule, index, depth);
      case RuleKind::title_count: return run(*std::get_if<rules::TitleCount>(&spec), rule, index, depth);
      case RuleKind::certificate_count: return run(*std::get_if<rules::CertificateCount>(&spec), rule, index, depth);
      case RuleKind::initiative_count: return run(*std::get_if<rules::InitiativeCount>(&spec), rule, index, depth);
      case RuleKind::no_sanction: return run(*std::get_if<rules::NoSanction>(&spec), rule, index, depth);
      case RuleKind::member_share: return run(*std::get_if<rules::MemberShare>(&spec), rule, index, depth);
      case RuleKind::member_count: return run(*std::get_if<rules::MemberCount>(&spec), rule, index, depth);
      case RuleKind::indicator: return run(*std::get_if<rules::IndicatorAtLeast>(&spec), rule, index, depth);
      case RuleKind::judgement: return run(*std::get_if<rules::Judgement>(&spec), rule, index, depth);
      case RuleKind::all_of: return run(*std::get_if<rules::AllOf>(&spec), rule, index, depth);
      case RuleKind::any_of: return run(*std::get_if<rules::AnyOf>(&spec), rule, index, depth);
      case RuleKind::by_position: return run(*std::get_if<rules::ByPosition>(&spec), rule, index, depth);
      case RuleKind::by_field: return run(*std::get_if<rules::ByField>(&spec), rule, index, depth);
    }
    return Outcome::failed;
  }

  /// The counted years; dated facts and initiatives count up to the evaluation year.
  Span span(const CountedYears& w, bool dated) const noexcept {
    const int cap = dated ? eval_year_ : rated_year_;
    switch (w.kind) {
      case YearsCounted::latest_years: return Span{rated_year_ - w.length + 1, cap};
      case YearsCounted::fixed_years: return Span{w.first, std::min<int>(w.last, cap)};
      case YearsCounted::all_years: break;
    }
    return Span{evidence_first_year, cap};
  }

  void record_span(RuleResult& r, const Span& s) const noexcept {
    r.first_year = clamp_year(s.first);
    r.last_year = clamp_year(s.last);
  }

  /// A dated fact counts when it falls inside the span and on or before the day of evaluation.
  bool dated_in(bg::date day, const Span& s) const noexcept {
    const std::int64_t n = day.day_number();
    return s.holds_day(n) && n <= day_;
  }

  Outcome run(const rules::RatingYears& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    const Span s = span(spec.years, false);
    record_span(r, s);
    Tally found;
    Tally top;
    for (const YearRating& y : e_.ratings) {
      const bool counted = (y.year >= s.first) & (y.year <= s.last) & (y.rating >= spec.at_least);
      found.add_if(counted, y.year);
      top.add_if(counted & (y.rating >= spec.top), y.year);
    }
    r.found = found.count();
    found.copy_to(r.years);
    r.top_found = top.count();
    top.copy_to(r.top_years);
    r.required = spec.every_year ? static_cast<std::uint32_t>(s.size()) : spec.required;
    r.top_required = spec.top_required;
    return outcome_of(!s.empty() && r.found >= r.required && r.top_found >= r.top_required);
  }

  Outcome run(const rules::TitleCount& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    const Span s = span(spec.years, false);
    record_span(r, s);
    r.required = spec.required;
    if (!spec.consecutive) {
      Tally found;
      for (const YearTitle& t : e_.titles) {
        const bool rank = spec.or_higher ? t.title >= spec.at_least : t.title == spec.at_least;
        found.add_if(rank & (t.year >= s.first) & (t.year <= s.last), t.year);
      }
      r.found = found.count();
      found.copy_to(r.years);
      return outcome_of(r.found >= r.required);
    }
    YearBits bits;
    for (const YearTitle& t : e_.titles) {
      const bool rank = spec.or_higher ? t.title >= spec.at_least : t.title == spec.at_least;
      if (rank && s.contains(t.year)) bits.set(bit_of(t.year));
    }
    if (!s.empty()) {
      // A run of titles `every` years apart: one run per starting offset.
      const int every = std::max<int>(spec.every, 1);
      const int start = std::max<int>(s.first, evidence_first_year);
      int best_end = 0;
      int best = 0;
      for (int offset = 0; offset < every; ++offset) {
        int run = 0;
        for (int year = start + offset; year <= s.last; year += every) {
          run = bits.test(bit_of(year)) ? run + 1 : 0;
          if (run > best) {
            best = run;
            best_end = year;
          }
        }
      }
      r.found = static_cast<std::uint32_t>(best);
      for (int i = best - 1; i >= 0; --i) r.years.add(best_end - i * every);
    }
    return outcome_of(r.found >= r.required);
  }

  Outcome run(const rules::CertificateCount& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    const Span s = span(spec.years, true);
    record_span(r, s);
    r.required = spec.required;
    for (const Certificate& c : e_.certificates) {
      if (!spec.awards.contains(c.award) || !dated_in(c.granted, s)) continue;
      ++r.found;
      r.years.add(c.granted.year());
    }
    return outcome_of(r.found >= r.required);
  }

  Outcome run(const rules::InitiativeCount& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    const Span s = span(spec.years, true);
    record_span(r, s);
    r.required = spec.required;
    Tally found;
    for (const Initiative& n : e_.initiatives) {
      const bool kind = (n.kind == InitiativeKind::initiative) ? spec.initiatives : spec.research_topics;
      const bool counted = kind & (n.level >= spec.at_least) & (n.year >= s.first) & (n.year <= s.last) &
                           (n.applied | !spec.applied_only) & (!n.rewarded | !spec.skip_rewarded);
      found.add_if(counted, n.year);
    }
    r.found = found.count();
    found.copy_to(r.years);
    return outcome_of(r.found >= r.required);
  }

  Outcome run(const rules::NoSanction& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    if (spec.on_the_day) {
      // Only the candidate's own sanctions in force today; the result names the heaviest one.
      for (const Sanction& x : e_.sanctions) {
        if (x.level < spec.at_least || x.from > date_ || x.until < date_) continue;
        if (r.found == 0 || static_cast<std::uint8_t>(x.level) > r.key) {
          r.key = static_cast<std::uint8_t>(x.level);
          r.first_year = clamp_year(x.from.year());
          r.last_year = clamp_year(x.until.year());
        }
        ++r.found;
        r.years.add(x.from.year());
      }
      r.pending = spec.proceedings && e_.under_proceedings;
      return outcome_of(r.found == 0 && !r.pending);
    }
    const Span s = span(spec.years, true);
    record_span(r, s);
    if (!s.empty()) {
      for (const Sanction& x : e_.sanctions) {
        if (x.level < spec.at_least || x.from > date_) continue;
        if (static_cast<std::int64_t>(x.until.day_number()) < first_day_of(s.first) ||
            static_cast<std::int64_t>(x.from.day_number()) >= first_day_of(s.last + 1)) {
          continue;
        }
        ++r.found;
        r.years.add(x.from.year());
      }
    }
    if (spec.members) {
      const Span yearly = span(spec.years, false);
      for (const MemberTally& t : e_.members) {
        if (!yearly.contains(t.year)) continue;
        std::uint64_t n = spec.breaches ? t.in_breach : 0;
        for (std::size_t l = static_cast<std::size_t>(spec.at_least); l < sanction_level_count; ++l) n += t.disciplined[l];
        if (n == 0) continue;
        r.top_found += static_cast<std::uint32_t>(std::min<std::uint64_t>(n, t.members));
        r.top_years.add(t.year);
      }
    }
    r.pending = spec.proceedings && e_.under_proceedings;
    return outcome_of(r.found == 0 && r.top_found == 0 && !r.pending);
  }

  /// Runs `count` over the member tallies of the counted years and keeps the weakest year; true when some
  /// year was counted and every counted year passed.
  template <class Count, class Passes>
  bool over_members(const CountedYears& years, RuleResult& r, Count count, Passes passes) {
    const Span s = span(years, false);
    record_span(r, s);
    bool any = false;
    bool all = true;
    for (const MemberTally& t : e_.members) {
      if (!s.contains(t.year)) continue;
      const auto n = static_cast<std::uint32_t>(count(t));
      const bool ok = passes(n, t.members);
      // Report the year that fails, or the weakest one (lowest share) when all pass.
      const bool weaker = !any || (!ok && all) ||
                          (ok == all && static_cast<std::uint64_t>(n) * r.total <
                                            static_cast<std::uint64_t>(r.found) * t.members);
      if (weaker) {
        r.found = n;
        r.total = t.members;
        r.year = t.year;
      }
      any = true;
      all = all && ok;
    }
    return any && all;
  }

  Outcome run(const rules::MemberShare& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    auto count = [&](const MemberTally& t) {
      return spec.basis == MemberBasis::rating ? member_rating_count(t, spec.rating) : member_title_count(t, spec.title);
    };
    auto passes = [&](std::uint32_t n, std::uint32_t members) { return spec.share.reached(n, members); };
    return outcome_of(over_members(spec.years, r, count, passes));
  }

  Outcome run(const rules::MemberCount& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    r.required = spec.required;
    auto count = [&](const MemberTally& t) {
      return spec.basis == MemberBasis::rating ? member_rating_count(t, spec.rating) : member_title_count(t, spec.title);
    };
    auto passes = [&](std::uint32_t n, std::uint32_t) { return n >= spec.required; };
    return outcome_of(over_members(spec.years, r, count, passes));
  }

  Outcome run(const rules::IndicatorAtLeast& spec, const Rule&, std::size_t index, std::uint8_t) {
    RuleResult& r = at(index);
    const Span s = span(spec.years, false);
    record_span(r, s);
    bool any = false;
    bool all = true;
    for (const IndicatorValue& v : e_.indicators) {
      if (v.id != spec.indicator || !s.contains(v.year)) continue;
      const bool ok = spec.strict ? v.percent > spec.percent : v.percent >= spec.percent;
      if (!any || (!ok && all) || (ok == all && v.percent < r.percent)) {
        r.percent = v.percent;
        r.year = v.year;
      }
      any = true;
      all = all && ok;
    }
    r.found = any ? 1 : 0;
    return outcome_of(any ? all : spec.when_reported);
  }

  Outcome run(const rules::Judgement&, const Rule& rule, std::size_t index, std::uint8_t) {
    for (const CouncilJudgement& j : e_.judgements) {
      if (j.rule != rule.id) continue;
      at(index).judged = true;
      return outcome_of(j.met);
    }
    return Outcome::needs_judgement;
  }

  Outcome run(const rules::AllOf&, const Rule& rule, std::size_t index, std::uint8_t depth) {
    bool failed = false;
    bool open = false;
    std::uint32_t met = 0;
    for (const Rule& child : rule.children) {
      const Outcome o = visit(child, static_cast<std::uint8_t>(depth + 1));
      met += o == Outcome::passed ? 1U : 0U;
      failed = failed || o == Outcome::failed;
      open = open || o == Outcome::needs_judgement;
    }
    RuleResult& r = at(index);
    r.found = met;
    r.total = static_cast<std::uint32_t>(rule.children.size());
    if (failed || rule.children.empty()) return Outcome::failed;
    return open ? Outcome::needs_judgement : Outcome::passed;
  }

  Outcome run(const rules::AnyOf&, const Rule& rule, std::size_t index, std::uint8_t depth) {
    bool open = false;
    std::uint32_t met = 0;
    for (const Rule& child : rule.children) {
      const Outcome o = visit(child, static_cast<std::uint8_t>(depth + 1));
      met += o == Outcome::passed ? 1U : 0U;
      open = open || o == Outcome::needs_judgement;
    }
    RuleResult& r = at(index);
    r.found = met;
    r.total = static_cast<std::uint32_t>(rule.children.size());
    if (met > 0) return Outcome::passed;
    return open ? Outcome::needs_judgement : Outcome::failed;
  }

  template <class Set, class Key>
  Outcome branch(const std::vector<Set>& when, Key key, const Rule& rule, std::size_t index, std::uint8_t depth) {
    at(index).key = static_cast<std::uint8_t>(key);
    const std::size_t n = std::min(when.size(), rule.children.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (!when[i].contains(key)) continue;
      const Outcome o = visit(rule.children[i], static_cast<std::uint8_t>(depth + 1));
      RuleResult& r = at(index);
      r.found = 1;
      r.total = 1;
      return o;
    }
    return Outcome::failed;
  }

  Outcome run(const rules::ByPosition& spec, const Rule& rule, std::size_t index, std::uint8_t depth) {
    return branch(spec.when, e_.position, rule, index, depth);
  }

  Outcome run(const rules::ByField& spec, const Rule& rule, std::size_t index, std::uint8_t depth) {
    return branch(spec.when, e_.field, rule, index, depth);
  }

  const Evidence& e_;
  bg::date date_;
  std::int64_t day_;
  int eval_year_;
  int rated_year_;
  std::vector<RuleResult>& out_;
};


std::string year_list(const YearList& list, Lang lang) {
  if (list.size == 0 && list.more == 0) return lang == Lang::vi ? "không có" : "none";
  std::array<std::uint16_t, YearList::capacity> sorted = list.years;
  std::sort(sorted.begin(), sorted.begin() + list.size);
  std::string text;
  for (std::size_t i = 0; i < list.size; ++i) {
    if (i > 0) text += ", ";
    text += std::to_string(sorted[i]);
  }
  if (list.more > 0) text += fmt::format(lang == Lang::vi ? " và {} năm khác" : " and {} more", list.more);
  return text;
}

std::string span_text(const RuleResult& r) {
  if (r.first_year > r.last_year) return fmt::format("{}-", r.first_year);
  if (r.first_year == r.last_year) return std::to_string(r.first_year);
  return fmt::format("{}-{}", r.first_year, r.last_year);
}

std::string percent_text(double value) { return fmt::format("{:g}", std::round(value * 100.0) / 100.0); }

std::string fraction_percent(const Fraction& f) {
  return f.denominator == 0 ? std::string("?") : percent_text(100.0 * f.numerator / f.denominator);
}

struct Explainer {
  const RuleResult& r;
  Lang lang;

  [[nodiscard]] bool vi() const noexcept { return lang == Lang::vi; }
  template <class E>
  [[nodiscard]] std::string_view name(E value) const noexcept {
    return label(value, lang);
  }

  std::string operator()(const rules::RatingYears& s) const {
    if (r.first_year > r.last_year) {
      return vi() ? fmt::format("chưa có năm nào từ {} được xếp loại", r.first_year)
                  : fmt::format("no year from {} has been rated yet", r.first_year);
    }
    std::string text = vi() ? fmt::format("{} năm xếp loại «{}» trở lên (yêu cầu ít nhất {}): {}", r.found,
                                          name(s.at_least), r.required, year_list(r.years, lang))
                            : fmt::format("{} years rated '{}' or better of the {} required: {}", r.found,
                                          name(s.at_least), r.required, year_list(r.years, lang));
    if (r.top_required > 0) {
      text += vi() ? fmt::format("; {} năm «{}» (yêu cầu ít nhất {}): {}", r.top_found, name(s.top),
                                 r.top_required, year_list(r.top_years, lang))
                   : fmt::format("; {} years '{}' of the {} required: {}", r.top_found, name(s.top),
                                 r.top_required, year_list(r.top_years, lang));
    }
    text += vi() ? fmt::format(" (các năm {})", span_text(r)) : fmt::format(" (years {})", span_text(r));
    return text;
  }

  std::string operator()(const rules::TitleCount& s) const {
    const std::string_view higher = s.or_higher ? (vi() ? " trở lên" : " or higher") : "";
    if (s.consecutive) {
      if (s.every > 1) {
        return vi() ? fmt::format("{} lần liên tục đạt danh hiệu «{}»{} (yêu cầu ít nhất {}): {}", r.found,
                                  name(s.at_least), higher, r.required, year_list(r.years, lang))
                    : fmt::format("{} consecutive titles '{}'{} of the {} required: {}", r.found, name(s.at_least),
                                  higher, r.required, year_list(r.years, lang));
      }
      return vi() ? fmt::format("{} năm liên tục đạt danh hiệu «{}»{} (yêu cầu ít nhất {}): {}", r.found,
                                name(s.at_least), higher, r.required, year_list(r.years, lang))
                  : fmt::format("{} consecutive years '{}'{} of the {} required: {}", r.found, name(s.at_least),
                                higher, r.required, year_list(r.years, lang));
    }
    return vi() ? fmt::format("{} lần đạt danh hiệu «{}»{} (yêu cầu ít nhất {}): {}", r.found, name(s.at_least),
                              higher, r.required, year_list(r.years, lang))
                : fmt::format("{} titles '{}'{} of the {} required: {}", r.found, name(s.at_least), higher,
                              r.required, year_list(r.years, lang));
  }

  std::string operator()(const rules::CertificateCount& s) const {
    std::string awards;
    for (std::size_t i = 0; i < 8; ++i) {
      const auto award = static_cast<Award>(i);
      if (!is_known(award) || !s.awards.contains(award)) continue;
      if (!awards.empty()) awards += vi() ? " hoặc " : " or ";
      awards += name(award);
    }
    return vi() ? fmt::format("{} lần được tặng {} (yêu cầu ít nhất {}): {}", r.found, awards, r.required,
                              year_list(r.years, lang))
                : fmt::format("{} certificates ({}) of the {} required: {}", r.found, awards, r.required,
                              year_list(r.years, lang));
  }

  std::string operator()(const rules::InitiativeCount& s) const {
    const char* what = nullptr;
    if (s.initiatives && s.research_topics) {
      what = vi() ? "sáng kiến, đề tài khoa học" : "initiatives or research topics";
    } else if (s.initiatives) {
      what = vi() ? "sáng kiến" : "initiatives";
    } else {
      what = vi() ? "đề tài khoa học" : "research topics";
    }
    const char* applied = s.applied_only ? (vi() ? " được áp dụng" : " applied") : "";
    const char* rewarded = s.skip_rewarded ? (vi() ? " (không tính sáng kiến đã dùng để khen thưởng)"
                                                   : " (not counting those already rewarded)")
                                           : "";
    return vi() ? fmt::format("{} {}{} {} trở lên (yêu cầu ít nhất {}): {}{}", r.found, what, applied, name(s.at_least),
                              r.required, year_list(r.years, lang), rewarded)
                : fmt::format("{} {}{} at {} or higher of the {} required: {}{}", r.found, what, applied,
                              name(s.at_least), r.required, year_list(r.years, lang), rewarded);
  }

  std::string operator()(const rules::NoSanction& s) const {
    std::string text;
    if (s.on_the_day) {
      const auto level = static_cast<SanctionLevel>(r.key);
      text = r.found == 0 ? (vi() ? fmt::format("không trong thời gian thi hành kỷ luật từ mức «{}» trở lên vào ngày xét",
                                                name(s.at_least))
                                  : fmt::format("no sanction at '{}' or above in force on the day", name(s.at_least)))
                          : (vi() ? fmt::format("đang trong thời gian thi hành kỷ luật «{}» (các năm {}) vào ngày xét, "
                                                "không được xét khen thưởng",
                                                name(level), span_text(r))
                                  : fmt::format("under a sanction '{}' (years {}) on the day: no award meanwhile",
                                                name(level), span_text(r)));
    } else if (r.found == 0 && r.top_found == 0) {
      text = vi() ? fmt::format("không có kỷ luật từ mức «{}» trở lên (các năm {})", name(s.at_least), span_text(r))
                  : fmt::format("no sanction at '{}' or above (years {})", name(s.at_least), span_text(r));
    } else {
      text = vi() ? fmt::format("{} lần bị kỷ luật từ mức «{}» trở lên: {}", r.found, name(s.at_least),
                                year_list(r.years, lang))
                  : fmt::format("{} sanctions at '{}' or above: {}", r.found, name(s.at_least), year_list(r.years, lang));
      if (s.members) {
        const char* breach = s.breaches ? (vi() ? " hoặc vi phạm quy chế" : " or in breach of the rules") : "";
        text += vi() ? fmt::format("; {} thành viên bị kỷ luật{}: {}", r.top_found, breach, year_list(r.top_years, lang))
                     : fmt::format("; {} members disciplined{}: {}", r.top_found, breach, year_list(r.top_years, lang));
      }
      text += vi() ? ", yêu cầu không có" : ", none allowed";
    }
    if (r.pending) {
      text += vi() ? "; đang bị xem xét kỷ luật, điều tra hoặc có khiếu nại chưa giải quyết"
                   : "; a disciplinary review, investigation or complaint is open";
    }
    return text;
  }

  std::string no_tally() const {
    return vi() ? fmt::format("không có số liệu thành viên các năm {}", span_text(r))
                : fmt::format("no count of members for {}", span_text(r));
  }

  std::string operator()(const rules::MemberShare& s) const {
    if (r.total == 0) return no_tally();
    const std::string_view standing = s.basis == MemberBasis::rating ? name(s.rating) : name(s.title);
    const std::string share = percent_text(100.0 * r.found / r.total);
    const std::string threshold = fraction_percent(s.share);
    return vi() ? fmt::format("{}/{} thành viên đạt «{}» trở lên năm {} ({}%), yêu cầu {} {}%", r.found, r.total,
                              standing, r.year, share, s.share.strict ? "trên" : "từ", threshold)
                : fmt::format("{} of {} members '{}' or better in {} ({}%), {} {}% required", r.found, r.total,
                              standing, r.year, share, s.share.strict ? "more than" : "at least", threshold);
  }

  std::string operator()(const rules::MemberCount& s) const {
    if (r.total == 0) return no_tally();
    const std::string_view standing = s.basis == MemberBasis::rating ? name(s.rating) : name(s.title);
    return vi() ? fmt::format("{} thành viên đạt «{}» trở lên năm {}, yêu cầu ít nhất {}", r.found, standing, r.year,
                              r.required)
                : fmt::format("{} members '{}' or better in {}, at least {} required", r.found, standing, r.year,
                              r.required);
  }

  std::string operator()(const rules::IndicatorAtLeast& s) const {
    // The Vietnamese sentence names no indicator id: the rule's title, printed beside it, says what it is.
    if (r.found == 0 && s.when_reported) {
      return vi() ? fmt::format("không báo cáo số liệu các năm {}, không xét", span_text(r))
                  : fmt::format("{}: no figure reported for {}, not judged on it", s.indicator, span_text(r));
    }
    if (r.found == 0) {
      return vi() ? fmt::format("không có số liệu các năm {}", span_text(r))
                  : fmt::format("{}: no figure for {}", s.indicator, span_text(r));
    }
    return vi() ? fmt::format("đạt {}% năm {}, yêu cầu {} {}%", percent_text(r.percent), r.year,
                              s.strict ? "trên" : "đạt", percent_text(s.percent))
                : fmt::format("{}: {}% in {}, {} {}% required", s.indicator, percent_text(r.percent), r.year,
                              s.strict ? "more than" : "at least", percent_text(s.percent));
  }

  std::string operator()(const rules::Judgement&) const {
    if (!r.judged) return vi() ? "cần Hội đồng đánh giá" : "needs the council's judgement";
    if (r.outcome == Outcome::passed) return vi() ? "Hội đồng đánh giá đạt" : "the council judged it met";
    return vi() ? "Hội đồng đánh giá không đạt" : "the council judged it not met";
  }

  std::string operator()(const rules::AllOf&) const {
    return vi() ? fmt::format("đạt {}/{} tiêu chí, yêu cầu đạt tất cả", r.found, r.total)
                : fmt::format("{} of {} criteria met, all required", r.found, r.total);
  }

  std::string operator()(const rules::AnyOf&) const {
    return vi() ? fmt::format("đạt {}/{} phương án, yêu cầu đạt ít nhất một", r.found, r.total)
                : fmt::format("{} of {} alternatives met, one required", r.found, r.total);
  }

  template <class E>
  std::string branch_text(E key) const {
    if (r.total > 0) return vi() ? fmt::format("tiêu chí dành cho {}", name(key)) : fmt::format("criteria for {}", name(key));
    return vi() ? fmt::format("kế hoạch không có tiêu chí cho {}", name(key))
                : fmt::format("the plan has no criteria for {}", name(key));
  }

  std::string operator()(const rules::ByPosition&) const { return branch_text(static_cast<Position>(r.key)); }
  std::string operator()(const rules::ByField&) const { return branch_text(static_cast<Field>(r.key)); }
};


class RuleChecker {
 public:
  explicit RuleChecker(std::string where) : where_(std::move(where)) {}

  std::optional<Refusal> check(const Rule& rule, std::size_t depth) {
    if (depth > max_rule_depth) return fail(rule, "children", "rules nest deeper than 16 levels", "tiêu chí lồng nhau quá 16 cấp");
    if (auto r = check_id(rule)) return r;
    if (rule.section.empty() || rule.section.size() > 64 || !detail::is_valid_utf8(rule.section)) {
      return fail(rule, "section", "every rule names the plan's section it comes from, in at most 64 bytes",
                  "mỗi tiêu chí phải ghi mục của kế hoạch (tối đa 64 byte)");
    }
    for (const std::string* t : {&rule.title.en, &rule.title.vi}) {
      if (t->empty() || t->size() > detail::max_text_bytes || !detail::is_valid_utf8(*t)) {
        return fail(rule, "title", "the title is needed in English and Vietnamese, as UTF-8 text",
                    "tên tiêu chí phải có bằng tiếng Anh và tiếng Việt (UTF-8)");
      }
    }
    ids_.push_back(rule.id);
    if (rule.spec.valueless_by_exception()) return fail(rule, "kind", "the rule has no kind", "tiêu chí không có loại");
    if (auto r = std::visit([&](const auto& spec) { return params(rule, spec); }, rule.spec)) return r;
    if (rule.composite() && rule.children.empty()) {
      return fail(rule, "children", "a composite rule needs at least one child", "tiêu chí tổng hợp phải có tiêu chí con");
    }
    if (!rule.composite() && !rule.children.empty()) {
      return fail(rule, "children", "only all-of, any-of, by-position and by-field rules have children",
                  "chỉ tiêu chí tổng hợp mới có tiêu chí con");
    }
    for (const Rule& child : rule.children) {
      if (auto r = check(child, depth + 1)) return r;
    }
    return std::nullopt;
  }

  std::optional<Refusal> check_unique() {
    std::sort(ids_.begin(), ids_.end());
    const auto twice = std::adjacent_find(ids_.begin(), ids_.end());
    if (twice == ids_.end()) return std::nullopt;
    return refuse(RefusalCode::invalid_argument)
        .with_subject(fmt::format("{}rule '{}'", where_, *twice))
        .with_detail("two rules have the same id", "hai tiêu chí trùng mã");
  }

 private:
  Refusal fail(const Rule& rule, const char* field, std::string en, std::string vi) const {
    return refuse(RefusalCode::invalid_argument)
        .with_subject(fmt::format("{}rule '{}' {}", where_, rule.id, field))
        .with_detail(std::move(en), std::move(vi));
  }

  std::optional<Refusal> check_id(const Rule& rule) const {
    if (rule.id.empty() || rule.id.size() > max_id_bytes || !detail::is_valid_utf8(rule.id)) {
      return fail(rule, "id", "a rule id is 1 to 128 bytes of UTF-8 text", "mã tiêu chí dài 1-128 byte UTF-8");
    }
    return std::nullopt;
  }

  template <class E>
  std::optional<Refusal> known(const Rule& rule, E value, const char* field) const {
    if (is_known(value)) return std::nullopt;
    return fail(rule, field, "the value is not one the library knows", "giá trị không xác định");
  }

  std::optional<Refusal> counted(const Rule& rule, const CountedYears& w) const {
    if (auto r = known(rule, w.kind, "years.kind")) return r;
    if (w.kind == YearsCounted::latest_years && (w.length == 0 || w.length > max_counted_years)) {
      return fail(rule, "years.length", "1 to 64 latest years are counted", "khoảng thời gian gồm 1 đến 64 năm");
    }
    if (w.kind == YearsCounted::fixed_years &&
        (w.first < evidence_first_year || w.last > evidence_last_year || w.first > w.last)) {
      return fail(rule, "years.first", fmt::format("fixed years run forwards within {}-{}", evidence_first_year, evidence_last_year),
                  fmt::format("các năm cố định phải theo thứ tự, trong khoảng {}-{}", evidence_first_year, evidence_last_year));
    }
    return std::nullopt;
  }

  std::optional<Refusal> at_least_one(const Rule& rule, std::uint32_t count, const char* field) const {
    if (count > 0) return std::nullopt;
    return fail(rule, field, "a count of 0 is always met; ask for at least 1", "số lượng 0 luôn đạt; yêu cầu ít nhất 1");
  }

  std::optional<Refusal> fits(const Rule& rule, const CountedYears& w, std::uint32_t years, const char* field) const {
    if (w.kind != YearsCounted::latest_years || years <= w.length) return std::nullopt;
    return fail(rule, field, "more years are required than are counted", "số năm yêu cầu nhiều hơn khoảng thời gian");
  }

  std::optional<Refusal> fraction(const Rule& rule, const Fraction& f, const char* field) const {
    if (f.denominator == 0 || f.numerator > f.denominator || f.numerator == 0 ||
        (f.strict && f.numerator == f.denominator)) {
      return fail(rule, field, "a share is above 0 and can be met (not 'more than 100%')",
                  "tỷ lệ phải lớn hơn 0 và có thể đạt được (không thể 'trên 100%')");
    }
    return std::nullopt;
  }

  std::optional<Refusal> params(const Rule& rule, const rules::RatingYears& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (auto r = known(rule, s.at_least, "at_least")) return r;
    if (auto r = known(rule, s.top, "top")) return r;
    if (s.top < s.at_least) return fail(rule, "top", "the top rating is below the rating required", "mức cao nhất thấp hơn mức yêu cầu");
    if (!s.every_year) {
      if (auto r = at_least_one(rule, s.required, "required")) return r;
      if (auto r = fits(rule, s.years, s.required, "required")) return r;
      if (s.top_required > s.required) {
        return fail(rule, "top_required", "more top-rated years than years required", "số năm xuất sắc nhiều hơn số năm yêu cầu");
      }
    }
    return fits(rule, s.years, s.top_required, "top_required");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::TitleCount& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (auto r = known(rule, s.at_least, "at_least")) return r;
    if (auto r = at_least_one(rule, s.required, "required")) return r;
    if (s.every < 1 || s.every > 10) {
      return fail(rule, "every", "titles are 1 to 10 years apart", "khoảng cách giữa hai danh hiệu từ 1 đến 10 năm");
    }
    const std::uint32_t span = s.every * (s.required - 1U) + 1U;
    return s.consecutive ? fits(rule, s.years, span, "required") : std::nullopt;
  }

  std::optional<Refusal> params(const Rule& rule, const rules::CertificateCount& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (s.awards.empty() || s.awards.contains(Award::public_commendation) || s.awards.bits() >= (1U << 5)) {
      return fail(rule, "awards", "name one or more certificates of merit", "phải nêu ít nhất một loại Giấy khen, Bằng khen");
    }
    return at_least_one(rule, s.required, "required");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::InitiativeCount& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (auto r = known(rule, s.at_least, "at_least")) return r;
    if (!s.initiatives && !s.research_topics) {
      return fail(rule, "initiatives", "count initiatives, research topics or both", "phải đếm sáng kiến hoặc đề tài");
    }
    return at_least_one(rule, s.required, "required");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::NoSanction& s) const {
    if (auto r = counted(rule, s.years)) return r;
    return known(rule, s.at_least, "at_least");
  }

  template <class Members>
  std::optional<Refusal> standing(const Rule& rule, const Members& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (auto r = known(rule, s.basis, "basis")) return r;
    if (auto r = known(rule, s.rating, "rating")) return r;
    return known(rule, s.title, "title");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::MemberShare& s) const {
    if (auto r = standing(rule, s)) return r;
    return fraction(rule, s.share, "share");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::MemberCount& s) const {
    if (auto r = standing(rule, s)) return r;
    return at_least_one(rule, s.required, "required");
  }

  std::optional<Refusal> params(const Rule& rule, const rules::IndicatorAtLeast& s) const {
    if (auto r = counted(rule, s.years)) return r;
    if (s.indicator.empty() || s.indicator.size() > max_id_bytes || !detail::is_valid_utf8(s.indicator)) {
      return fail(rule, "indicator", "an indicator id is 1 to 128 bytes of UTF-8 text", "mã chỉ tiêu dài 1-128 byte UTF-8");
    }
    if (!std::isfinite(s.percent) || s.percent < 0.0 || s.percent > 100.0 || (s.strict && s.percent >= 100.0)) {
      return fail(rule, "percent", "a percentage from 0 to 100 that can be met", "tỷ lệ từ 0 đến 100 và có thể đạt được");
    }
    return std::nullopt;
  }

  std::optional<Refusal> params(const Rule&, const rules::Judgement&) const { return std::nullopt; }
  std::optional<Refusal> params(const Rule&, const rules::AllOf&) const { return std::nullopt; }
  std::optional<Refusal> params(const Rule&, const rules::AnyOf&) const { return std::nullopt; }

  template <class Set>
  std::optional<Refusal> branches(const Rule& rule, const std::vector<Set>& when) const {
    if (when.size() != rule.children.size()) {
      return fail(rule, "when", "one set of positions or fields per child", "mỗi tiêu chí con cần một tập chức vụ hoặc lĩnh vực");
    }
    for (const Set& set : when) {
      if (set.empty()) return fail(rule, "when", "a branch that applies to nobody", "nhánh không áp dụng cho ai");
    }
    return std::nullopt;
  }

  std::optional<Refusal> params(const Rule& rule, const rules::ByPosition& s) const { return branches(rule, s.when); }
  std::optional<Refusal> params(const Rule& rule, const rules::ByField& s) const { return branches(rule, s.when); }

  std::string where_;
  std::vector<std::string_view> ids_;
};

std::optional<Refusal> validate_tree(const Rule& rule, std::string where) {
  RuleChecker checker(std::move(where));
  if (auto r = checker.check(rule, 0)) return r;
  return checker.check_unique();
}

Refusal profile_error(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

}  // namespace

LabelTable label_table(YearsCounted) noexcept { return table_of(years_counted_labels); }
LabelTable label_table(MemberBasis) noexcept { return table_of(member_basis_labels); }
LabelTable label_table(RuleKind) noexcept { return table_of(rule_kind_labels); }
LabelTable label_table(Outcome) noexcept { return table_of(outcome_labels); }
LabelTable label_table(Verdict) noexcept { return table_of(verdict_labels); }

Rule make_rule(std::string id, std::string section, Text title, RuleSpec spec, std::vector<Rule> children) {
  return Rule{std::move(id), std::move(section), std::move(title), std::move(spec), std::move(children)};
}

namespace {

int latest_rated_year_of(const RatingCalendar& calendar, const CivilDay& civil) noexcept {
  const bool closed = civil.month > calendar.month || (civil.month == calendar.month && civil.day >= calendar.day);
  const int year = civil.year - (calendar.next_year ? 1 : 0);
  return closed ? year : year - 1;
}

}  // namespace

int RatingCalendar::latest_rated_year(bg::date date) const noexcept {
  if (date.is_special()) return 0;
  return latest_rated_year_of(*this, civil_of(date.day_number()));
}

const RuleSet* Profile::in_force(bg::date date) const noexcept {
  if (date.is_special()) return nullptr;
  for (auto it = rule_sets.rbegin(); it != rule_sets.rend(); ++it) {
    if (!it->effective_from.is_special() && it->effective_from <= date) return &*it;
  }
  return nullptr;
}

tl::expected<void, Refusal> validate(const Rule& rule) { return detail::accepted_unless(validate_tree(rule, "")); }

namespace {
std::optional<Refusal> profile_problem(const Profile& p) {
  if (p.id.empty() || p.id.size() > max_id_bytes || !detail::is_valid_utf8(p.id)) {
    return profile_error("id", "a profile id is 1 to 128 bytes of UTF-8 text", "mã bộ tiêu chí dài 1-128 byte UTF-8");
  }
  if (p.title.en.empty() || p.title.vi.empty() || !detail::is_valid_utf8(p.title.en) || !detail::is_valid_utf8(p.title.vi)) {
    return profile_error("title", "the title is needed in English and Vietnamese", "tên phải có bằng tiếng Anh và tiếng Việt");
  }
  if (p.seed.size() > 16 || !detail::is_valid_utf8(p.seed)) {
    return profile_error("seed", "a seed is at most 16 bytes", "mã kế hoạch gốc tối đa 16 byte");
  }
  static constexpr std::array<std::uint8_t, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (p.calendar.month < 1 || p.calendar.month > 12 || p.calendar.day < 1 ||
      p.calendar.day > month_days[static_cast<std::size_t>(p.calendar.month - 1)]) {
    return profile_error("calendar", "the rating day is a day of the year (29 February is not)",
                         "ngày chốt xếp loại phải là một ngày trong năm (không dùng 29/02)");
  }
  if (p.rule_sets.empty()) return profile_error("rule_sets", "a profile needs at least one rule set", "cần ít nhất một bộ quy tắc");
  for (std::size_t i = 0; i < p.rule_sets.size(); ++i) {
    const RuleSet& set = p.rule_sets[i];
    const std::string where = fmt::format("rule_sets[{}]", i);
    if (set.effective_from.is_special()) {
      return refuse(RefusalCode::invalid_date).with_subject(where + ".effective_from")
          .with_detail("the rule set needs the date it takes effect", "bộ quy tắc phải có ngày hiệu lực");
    }
    if (i > 0 && set.effective_from <= p.rule_sets[i - 1].effective_from) {
      // Not date_out_of_order: that code speaks of a candidate's last step.
      return refuse(RefusalCode::invalid_argument).with_subject(where + ".effective_from")
          .with_date(set.effective_from).with_reference(p.rule_sets[i - 1].effective_from)
          .with_detail("rule sets are listed in the order they take effect", "các bộ quy tắc phải theo thứ tự ngày hiệu lực");
    }
    if (!set.collective && !set.individual) {
      return profile_error(where, "a rule set needs rules for collectives, individuals or both",
                           "bộ quy tắc phải có tiêu chí cho tập thể hoặc cá nhân");
    }
    if (set.collective) {
      if (auto r = validate_tree(*set.collective, where + ".collective: ")) return r;
    }
    if (set.individual) {
      if (auto r = validate_tree(*set.individual, where + ".individual: ")) return r;
    }
  }
  return std::nullopt;
}
}  // namespace

tl::expected<void, Refusal> validate(const Profile& p) { return detail::accepted_unless(profile_problem(p)); }

std::string explain(const RuleResult& result, Lang lang) {
  if (result.rule == nullptr) return "?";
  return std::visit(Explainer{result, lang}, result.rule->spec);
}

Text explain(const RuleResult& result) { return Text{explain(result, Lang::en), explain(result, Lang::vi)}; }

namespace {

/// The failed leaves whose every ancestor failed (or, with `through_open`, failed or still needs
/// the council): what made a verdict fail, or what only the council's judgement can still outweigh.
std::vector<const RuleResult*> failed_leaves(const std::vector<RuleResult>& results, bool through_open) {
  std::vector<const RuleResult*> found;
  std::array<bool, max_rule_depth + 2> chain{};
  for (std::size_t i = 0; i < results.size(); ++i) {
    const RuleResult& r = results[i];
    const std::size_t depth = std::min<std::size_t>(r.depth, chain.size() - 1);
    const bool path = depth == 0 || chain[depth - 1];
    chain[depth] = path && (r.outcome == Outcome::failed || (through_open && r.outcome == Outcome::needs_judgement));
    const bool leaf = i + 1 == results.size() || results[i + 1].depth <= r.depth;
    const bool counted = !through_open || (r.rule != nullptr && r.rule->kind() != RuleKind::judgement);
    if (path && leaf && r.outcome == Outcome::failed && counted) found.push_back(&r);
  }
  return found;
}

}  // namespace

std::vector<const RuleResult*> Evaluation::failures() const {
  if (verdict != Verdict::not_eligible) return {};
  return failed_leaves(results, false);
}

std::vector<const RuleResult*> Evaluation::carried_only_by_judgement() const {
  if (verdict != Verdict::needs_council_judgement) return {};
  return failed_leaves(results, true);
}

std::string Evaluation::explain(Lang lang) const {
  const bool vi = lang == Lang::vi;
  std::string text = fmt::format("{}: {} ({} {}", vi ? "Kết luận" : "Verdict", label(verdict, lang),
                                 vi ? "ngày" : "on", format_date(date, lang));
  if (rule_set != nullptr && !rule_set->basis.in(lang).empty()) text += fmt::format("; {}", rule_set->basis.in(lang));
  text += ")\n";
  const std::vector<const RuleResult*> unmet = carried_only_by_judgement();
  if (!unmet.empty()) {
    std::string names;
    for (const RuleResult* r : unmet) {
      if (!names.empty()) names += "; ";
      names += fmt::format("{} ({})", r->rule->title.in(lang), r->rule->section);
    }
    text += vi ? fmt::format("  Chưa đạt các tiêu chí định lượng: {}. Chỉ còn đánh giá của Hội đồng mới có thể công nhận.\n", names)
               : fmt::format("  Counted criteria not met: {}. Only the council's judgement can still carry the candidate.\n", names);
  }
  for (const RuleResult& r : results) {
    if (r.rule == nullptr) continue;
    text.append(2U * (r.depth + 1U), ' ');
    text += fmt::format("[{}] {} ({}): {}\n", label(r.outcome, lang), r.rule->title.in(lang), r.rule->section,
                        exemplar::explain(r, lang));
  }
  return text;
}

namespace {
std::optional<Refusal> evaluation_problem(Evaluation& out, const Profile& profile, const Evidence& evidence, bg::date date) {
  if (date.is_special()) {
    return refuse(RefusalCode::invalid_date)
        .with_subject("evaluation date")
        .with_detail("criteria are evaluated on a calendar date", "phải xét tiêu chuẩn vào một ngày cụ thể");
  }
  const CivilDay civil = civil_of(date.day_number());
  const int year = civil.year;
  if (year < evidence_first_year || year > evidence_last_year) {
    return refuse(RefusalCode::date_out_of_range)
        .with_date(date)
        .with_subject("evaluation date")
        .with_detail(fmt::format("the year is outside {}-{}", evidence_first_year, evidence_last_year),
                     fmt::format("năm nằm ngoài khoảng {}-{}", evidence_first_year, evidence_last_year));
  }
  if (!plainly_valid(evidence)) {
    if (auto valid = validate(evidence); !valid) return std::move(valid.error());
  }
  const RuleSet* set = profile.in_force(date);
  if (set == nullptr) {
    Refusal r = refuse(RefusalCode::date_out_of_range).with_date(date).with_subject("rule set");
    if (!profile.rule_sets.empty()) r.with_reference(profile.rule_sets.front().effective_from);
    return std::move(r.with_detail(fmt::format("no rule set of '{}' is in force on that day", profile.id),
                                   fmt::format("chưa có bộ quy tắc nào của «{}» có hiệu lực vào ngày đó", profile.id)));
  }
  const std::optional<Rule>& root = evidence.subject == Subject::collective ? set->collective : set->individual;
  if (!root) {
    return refuse(RefusalCode::invalid_argument)
        .with_subject("subject")
        .with_detail(fmt::format("'{}' has no criteria for a {}", profile.id, label(evidence.subject)),
                     fmt::format("«{}» không có tiêu chí cho {}", profile.id, label(evidence.subject, Lang::vi)));
  }

  out.date = date;
  out.rule_set = set;
  out.latest_rated_year = latest_rated_year_of(profile.calendar, civil);
  out.results.clear();
  if (out.results.capacity() == 0) out.results.reserve(count_rules(*root));
  Evaluator evaluator(evidence, date, year, out.latest_rated_year, out.results);
  switch (evaluator.visit(*root, 0)) {
    case Outcome::passed: out.verdict = Verdict::eligible; break;
    case Outcome::failed: out.verdict = Verdict::not_eligible; break;
    case Outcome::needs_judgement: out.verdict = Verdict::needs_council_judgement; break;
  }
  return std::nullopt;
}
}  // namespace

tl::expected<void, Refusal> evaluate_into(Evaluation& out, const Profile& profile, const Evidence& evidence, bg::date date) { return detail::accepted_unless(evaluation_problem(out, profile, evidence, date)); }

tl::expected<Evaluation, Refusal> evaluate(const Profile& profile, const Evidence& evidence, bg::date date) {
  Evaluation result;
  if (auto done = evaluate_into(result, profile, evidence, date); !done) return tl::make_unexpected(std::move(done.error()));
  return result;
}

}  // namespace exemplar
