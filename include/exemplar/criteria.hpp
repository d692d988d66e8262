// exemplar/criteria.hpp: criteria as data, and the verdict they give on a candidate's evidence.
//
//   CountedYears          which years a rule looks at: the latest N rated years, fixed years, all years
//   rules::*            the kinds of rule, plain values (no code inside):
//     RatingYears       "5 years good or better, at least 3 excellent"; "good or better every year"
//     TitleCount        "at least 2 grassroots emulation soldier titles or higher"; "3 consecutive"
//     CertificateCount  "2 provincial chairman's certificates in the period"
//     InitiativeCount   "3 initiatives or research topics applied"; skips ones already rewarded
//     NoSanction        "no member disciplined"; "no one broke the rules"
//     MemberShare       "100% of members good or better", "more than 50% advanced workers"
//     MemberCount       "at least one member grassroots emulation soldier"
//     IndicatorAtLeast  "economic recommendations handled over 80%" (strict) or "100%" (at least)
//     Judgement         a criterion only the council can judge
//     AllOf, AnyOf      composition; ByPosition, ByField pick the branch for the candidate
//   Rule                id + seed section + bilingual title + one kind + children (composites)
//   RatingCalendar      the day a year's ratings close (setting, default 15 December)
//   RuleSet, Profile    rule trees for collectives and individuals, in force from a date
//   validate(rule), validate(profile)
//   evaluate(profile, evidence, date) -> Evaluation { verdict, results (one per rule, with numbers) }
//   evaluate_into(evaluation, profile, evidence, date) -> expected<void>   the same, reusing its results
//   explain(result, lang), Evaluation::explain(lang), Evaluation::failures()
//
// Evaluation formats no text (explanations are rendered from the numbers only when asked for) and
// allocates only the results vector: once per evaluate(), never once evaluate_into() has warmed
// its Evaluation.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "authority.hpp"
#include "council.hpp"
#include "evidence.hpp"
#include "labels.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// How the years a rule counts are anchored.
enum class YearsCounted : std::uint8_t {
  latest_years,  ///< the `length` years ending at the latest rated year
  fixed_years,   ///< the years `first` to `last` (a plan's period), up to what has happened
  all_years,     ///< every year up to the evaluation (a career's count)
};
inline constexpr std::size_t years_counted_count = 3;
[[nodiscard]] LabelTable label_table(YearsCounted) noexcept;

/// The years a rule counts. Yearly facts (ratings, titles, member tallies, indicators) count up to
/// the latest rated year; dated facts (certificates, sanctions) and initiatives up to the day of
/// evaluation. Latest years start `length - 1` years before the latest rated year.
struct CountedYears {
  YearsCounted kind = YearsCounted::latest_years;
  std::uint16_t length = 1;  ///< latest_years only: how many years, 1 to 64
  std::uint16_t first = 0;   ///< fixed_years only
  std::uint16_t last = 0;    ///< fixed_years only

  /// The `years` latest rated years ("5 consecutive years" ending with the latest rating).
  [[nodiscard]] static constexpr CountedYears latest(std::uint16_t years) noexcept {
    return CountedYears{YearsCounted::latest_years, years, 0, 0};
  }
  /// A plan's period ("trong giai đoạn 2021-2025").
  [[nodiscard]] static constexpr CountedYears fixed(std::uint16_t first_year, std::uint16_t last_year) noexcept {
    return CountedYears{YearsCounted::fixed_years, 0, first_year, last_year};
  }
  /// A whole career, for counts the plan does not bound in time.
  [[nodiscard]] static constexpr CountedYears all() noexcept { return CountedYears{YearsCounted::all_years, 0, 0, 0}; }
};

/// What a members' rule counts: members' ratings or members' titles.
enum class MemberBasis : std::uint8_t { rating, title };
inline constexpr std::size_t member_basis_count = 2;
[[nodiscard]] LabelTable label_table(MemberBasis) noexcept;

/// The positions a ByPosition branch applies to.
using PositionSet = EnumSet<Position, std::uint8_t>;
/// The fields a ByField branch applies to.
using FieldSet = EnumSet<Field, std::uint16_t>;

/// The kinds of rule. Each is a plain value: a plan's file can hold it field by field.
namespace rules {

/// Years rated `at_least` or better: `required` of the counted years's years (or every counted
/// year, which must then hold at least one rated year), with at least `top_required` of them
/// rated `top` ("5 consecutive years good or better, at least 3 excellent": 000 II.2.2a).
struct RatingYears {
  CountedYears years = CountedYears::latest(5);
  Rating at_least = Rating::good;
  std::uint16_t required = 5;
  bool every_year = false;
  Rating top = Rating::excellent;
  std::uint16_t top_required = 0;
};

/// Titles `at_least` (or, unless `or_higher`, exactly that title) within the counted years: `required`
/// records, or with `consecutive`, a run of `required` consecutive titles, each `every` years after
/// the one before (1 for a yearly title; 3 for the provincial emulation soldier, whose title covers
/// three years: "02 lần liên tục", Law 06/2022 art. 21).
struct TitleCount {
  CountedYears years = CountedYears::all();
  Title at_least = Title::grassroots_emulation_soldier;
  bool or_higher = true;
  bool consecutive = false;
  std::uint16_t required = 1;
  std::uint16_t every = 1;  ///< with `consecutive`: years between two consecutive titles, 1 to 10
};

/// Certificates of merit of any of `awards`, granted within the counted years.
struct CertificateCount {
  CountedYears years = CountedYears::all();
  AwardSet awards{Award::provincial_certificate};
  std::uint16_t required = 1;
};

/// Initiatives and/or research topics recognised at `at_least` or higher within the counted years;
/// `applied_only` counts only applied ones; `skip_rewarded` leaves out those that already earned
/// a title or award (Law 06/2022 art. 74; Decree 98/2023 art. 4).
struct InitiativeCount {
  CountedYears years = CountedYears::all();
  InitiativeLevel at_least = InitiativeLevel::grassroots;
  bool initiatives = true;
  bool research_topics = true;
  bool applied_only = true;
  bool skip_rewarded = false;
  std::uint16_t required = 1;
};

/// No sanction at `at_least` or above in force during the counted years: the candidate's own and, with
/// `members`, its members' (counted in the member tallies); `breaches` also counts members who
/// broke the agency's rules (004 III.1); `proceedings` also fails while a review, investigation
/// or complaint is open (Decree 98/2023 art. 4). With `on_the_day`, only the candidate's own
/// sanctions in force on the day of evaluation count, whatever the counted years (no award while a
/// sanction is in force: 000 II.2.2b, 003 II.2.2, Decree 98/2023 art. 4).
struct NoSanction {
  CountedYears years = CountedYears::latest(1);
  SanctionLevel at_least = SanctionLevel::reprimand;
  bool members = true;
  bool breaches = false;
  bool proceedings = false;
  bool on_the_day = false;
};

/// In every counted year of the counted years, the share of members rated `rating` or better (or holding
/// `title` or higher) reaches `share` ("at least" or, when strict, "more than"). At least one year
/// must be counted.
struct MemberShare {
  CountedYears years = CountedYears::latest(1);
  MemberBasis basis = MemberBasis::rating;
  Rating rating = Rating::good;
  Title title = Title::advanced_worker;
  Fraction share{1, 1, false};
};

/// In every counted year of the counted years, at least `required` members rated `rating` or better (or
/// holding `title` or higher). At least one year must be counted.
struct MemberCount {
  CountedYears years = CountedYears::latest(1);
  MemberBasis basis = MemberBasis::title;
  Rating rating = Rating::good;
  Title title = Title::grassroots_emulation_soldier;
  std::uint32_t required = 1;
};

/// The indicator `indicator` reaches `percent` in every year of the counted years that reports it ("at
/// least", or "more than" when strict: "trên 80%" in 000 II.2.2a is strict). At least one year
/// must report it.
/// With `when_reported`, a collective that reports no figure for it is not judged on it (a
/// comprehensive collective is judged on the fields it reports: 000 I.3, II.2.1).
struct IndicatorAtLeast {
  CountedYears years = CountedYears::latest(1);
  std::string indicator;
  double percent = 100.0;
  bool strict = false;
  bool when_reported = false;
};

/// A qualitative criterion: the council judges it. Until the evidence carries the council's
/// judgement for this rule's id, the rule needs judgement.
struct Judgement {};

/// Met when every child is met.
struct AllOf {};
/// Met when one child is met.
struct AnyOf {};
/// The first child whose set in `when` holds the candidate's position decides (003 III.2).
struct ByPosition {
  std::vector<PositionSet> when;
};
/// The first child whose set in `when` holds the candidate's field decides (000 II.2.2a; 002 II.3.2).
struct ByField {
  std::vector<FieldSet> when;
};

}  // namespace rules

/// The kind of a rule, in the order of RuleSpec's alternatives.
enum class RuleKind : std::uint8_t {
  rating_years,
  title_count,
  certificate_count,
  initiative_count,
  no_sanction,
  member_share,
  member_count,
  indicator,
  judgement,
  all_of,
  any_of,
  by_position,
  by_field,
};
inline constexpr std::size_t rule_kind_count = 13;
[[nodiscard]] LabelTable label_table(RuleKind) noexcept;

/// One rule's parameters.
using RuleSpec = std::variant<rules::RatingYears, rules::TitleCount, rules::CertificateCount,
                              rules::InitiativeCount, rules::NoSanction, rules::MemberShare,
                              rules::MemberCount, rules::IndicatorAtLeast, rules::Judgement, rules::AllOf,
                              rules::AnyOf, rules::ByPosition, rules::ByField>;

/// A criterion: a stable id (the council's judgements name it), the plan's section it comes from
/// ("000 II.2.2a"), a title in both languages, its parameters and, for composites, its children.
struct Rule {
  std::string id;
  std::string section;
  Text title;
  RuleSpec spec;
  std::vector<Rule> children;

  [[nodiscard]] RuleKind kind() const noexcept { return static_cast<RuleKind>(spec.index()); }
  /// AllOf, AnyOf, ByPosition and ByField hold children; every other kind is a leaf.
  [[nodiscard]] bool composite() const noexcept { return kind() >= RuleKind::all_of; }
};

/// A rule from its parts; composites take their children here.
[[nodiscard]] Rule make_rule(std::string id, std::string section, Text title, RuleSpec spec,
                             std::vector<Rule> children = {});

/// The day of the year on which that year's ratings are closed (Decree 90/2020: rated "before 15
/// December"; special agencies by 15 January of the next year, which a plan sets as month 1 of the
/// following year by using `next_year`). A setting of the profile.
struct RatingCalendar {
  std::uint8_t month = 12;
  std::uint8_t day = 15;
  bool next_year = false;

  /// The latest year whose ratings are closed on `date` (0 for a special date).
  [[nodiscard]] int latest_rated_year(boost::gregorian::date date) const noexcept;
};

/// The rules in force from `effective_from` until the next rule set's date; `basis` names the legal
/// text or plan they come from.
struct RuleSet {
  boost::gregorian::date effective_from{boost::gregorian::not_a_date_time};
  Text basis;
  std::optional<Rule> collective;
  std::optional<Rule> individual;
};

/// The criteria of one plan or title: rule sets ordered by their dates, so the rules in force on a
/// day are chosen by that day (the law of 2003 before 1/1/2024, the law of 2022 from then).
struct Profile {
  std::string id;
  Text title;
  std::string seed;  ///< the seed plan it comes from ("000"), empty for a national title
  RatingCalendar calendar;
  std::vector<RuleSet> rule_sets;

  /// The rule set in force on `date`, or null before the first one.
  [[nodiscard]] const RuleSet* in_force(boost::gregorian::date date) const noexcept;
};

/// Accepts a well-formed rule tree: ids, sections and titles present; parameters in
/// range (1 to 64 latest years, counts of at least 1, shares and percentages that can be met);
/// leaves without children and composites with them; ids unique; depth at most 16.
[[nodiscard]] tl::expected<void, Refusal> validate(const Rule& rule);
/// Accepts a well-formed profile: an id, a title, a valid calendar, rule sets in
/// increasing date order each holding at least one valid rule tree.
[[nodiscard]] tl::expected<void, Refusal> validate(const Profile& profile);

/// What one rule says about a candidate.
enum class Outcome : std::uint8_t { passed, failed, needs_judgement };
inline constexpr std::size_t outcome_count = 3;
[[nodiscard]] LabelTable label_table(Outcome) noexcept;

/// The verdict on a candidate: the root rule's outcome.
enum class Verdict : std::uint8_t { eligible, not_eligible, needs_council_judgement };
inline constexpr std::size_t verdict_count = 3;
[[nodiscard]] LabelTable label_table(Verdict) noexcept;

/// A few years, inline, for explanations; counts beyond the capacity are kept in `more`.
struct YearList {
  static constexpr std::size_t capacity = 12;
  std::array<std::uint16_t, capacity> years{};
  std::uint8_t size = 0;
  std::uint16_t more = 0;

  /// Keeps `year`, or counts it in `more` once the list is full. Inline: evaluation calls it once
  /// per counted fact.
  void add(int year) noexcept {
    if (size < capacity) {
      years[size++] = static_cast<std::uint16_t>(year < 0 ? 0 : year > 65535 ? 65535 : year);
    } else if (more < 65535) {
      ++more;
    }
  }
  void clear() noexcept { size = 0; more = 0; }
};

/// One rule's outcome and the numbers behind it. What the numbers mean depends on the rule's kind
/// (see explain()); `rule` points into the profile, which must outlive the result.
struct RuleResult {
  const Rule* rule = nullptr;
  Outcome outcome = Outcome::failed;
  std::uint8_t depth = 0;     ///< 0 for the root
  bool judged = false;        ///< a Judgement settled by the council's answer in the evidence
  bool pending = false;       ///< NoSanction: a review, investigation or complaint is open
  std::uint8_t key = 0;       ///< ByPosition / ByField: the candidate's position or field
  std::uint16_t first_year = 0;  ///< the counted years as evaluated (empty when first_year > last_year)
  std::uint16_t last_year = 0;
  std::uint16_t year = 0;        ///< MemberShare, MemberCount, IndicatorAtLeast: the year reported
  std::uint32_t found = 0;       ///< what was counted (children met, for composites)
  std::uint32_t required = 0;
  std::uint32_t top_found = 0;   ///< RatingYears: top-rated years; NoSanction: members counted
  std::uint32_t top_required = 0;
  std::uint32_t total = 0;       ///< members (MemberShare), children (composites)
  double percent = 0.0;          ///< IndicatorAtLeast: the figure reported
  YearList years;                ///< the years behind `found`
  YearList top_years;            ///< the years behind `top_found`
};

/// One sentence with the numbers: "3 years 'completed tasks excellently' of the 3 required: 2021,
/// 2022, 2024".
[[nodiscard]] std::string explain(const RuleResult& result, Lang lang);
/// The same sentence in both languages.
[[nodiscard]] Text explain(const RuleResult& result);

/// The verdict and every evaluated rule, root first, children after their parent (depth-first).
/// A branch not taken by ByPosition / ByField is not evaluated and has no result.
struct Evaluation {
  Verdict verdict = Verdict::not_eligible;
  boost::gregorian::date date{boost::gregorian::not_a_date_time};
  int latest_rated_year = 0;
  const RuleSet* rule_set = nullptr;
  std::vector<RuleResult> results;

  /// The failed rules that made the verdict fail: failed leaves whose every ancestor failed too
  /// (a failed alternative under a met any-of is not one). Empty unless not eligible.
  [[nodiscard]] std::vector<const RuleResult*> failures() const;
  /// When the verdict needs the council's judgement: the counted rules that failed on the way, so
  /// that only the council's judgement can still carry the candidate (failed leaves whose every
  /// ancestor is open; seed 000's Ho Chi Minh alternative, 000 II.2.2b). Empty otherwise.
  [[nodiscard]] std::vector<const RuleResult*> carried_only_by_judgement() const;
  /// A report of several lines: the verdict, then one indented line per rule.
  [[nodiscard]] std::string explain(Lang lang) const;
};

/// The verdict of `profile` on `evidence` on `date`, with the rule set in force that day and the
/// rules for the evidence's subject. Refused: a special date; evidence that validate() refuses;
/// a date before the profile's first rule set; a rule set without rules for the subject.
/// The profile must be valid (validate(profile)) and outlive the result. Allocates the results
/// once; for many candidates, evaluate_into() reuses them.
[[nodiscard]] tl::expected<Evaluation, Refusal> evaluate(const Profile& profile, const Evidence& evidence,
                                                         boost::gregorian::date date);

/// The same verdict as evaluate(), written into `out`, whose results vector keeps its capacity
/// from one call to the next: once `out` has held an evaluation of this profile, further calls
/// allocate nothing (a batch over a million candidates reuses one Evaluation). Accepted when `out`
/// holds the verdict; otherwise the refusal evaluate() gives, and `out` is left as it was. The
/// evidence is validated on every call, as evaluate() does.
[[nodiscard]] tl::expected<void, Refusal> evaluate_into(Evaluation& out, const Profile& profile, const Evidence& evidence,
                                                   boost::gregorian::date date);

}  // namespace exemplar
