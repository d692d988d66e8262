// exemplar/evidence.hpp: what the host tells the library about one candidate, as plain values.
//
//   Rating           not_completed < completed < good < excellent       (annual rating)
//   Title            advanced_worker < grassroots < provincial < national emulation soldier
//   InitiativeKind   initiative | research_topic
//   InitiativeLevel  grassroots < provincial < national
//   SanctionLevel    reprimand < warning < salary_reduction < demotion < removal_from_office < dismissal
//
//   YearRating, YearTitle, Certificate, Initiative, Sanction     an individual's (or collective's) record
//   MemberTally      a collective's members in one year, in aggregate (counts, no names)
//   IndicatorValue   a field indicator in one year, as a percentage with an id (000 II.2.2a)
//   CouncilJudgement the council's answer to a criterion only it can judge
//   Evidence         all of the above for one candidate
//   validate(evidence) -> expected<void, Refusal>
//
// Every enum is ordered lowest first, so "at or above" is a comparison. The host fills Evidence from
// its own database; the library only reads it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <tl/expected.hpp>

#include "ids.hpp"
#include "labels.hpp"
#include "refusal.hpp"
#include "vocabulary.hpp"

namespace exemplar {

/// The annual rating of a civil servant or a collective (Decree 90/2020), lowest first.
enum class Rating : std::uint8_t { not_completed, completed, good, excellent };
inline constexpr std::size_t rating_count = 4;
[[nodiscard]] LabelTable label_table(Rating) noexcept;

/// An individual's emulation title, lowest first (Law 06/2022 art. 21-24).
enum class Title : std::uint8_t {
  advanced_worker,
  grassroots_emulation_soldier,
  provincial_emulation_soldier,
  national_emulation_soldier,
};
inline constexpr std::size_t title_count = 4;
[[nodiscard]] LabelTable label_table(Title) noexcept;

/// An initiative (sáng kiến) or a research topic (đề tài khoa học); plans often count both (000 II.2.2b).
enum class InitiativeKind : std::uint8_t { initiative, research_topic };
inline constexpr std::size_t initiative_kind_count = 2;
[[nodiscard]] LabelTable label_table(InitiativeKind) noexcept;

/// The level that recognised an initiative, lowest first; ministry level counts as provincial.
enum class InitiativeLevel : std::uint8_t { grassroots, provincial, national };
inline constexpr std::size_t initiative_level_count = 3;
[[nodiscard]] LabelTable label_table(InitiativeLevel) noexcept;

/// The forms of disciplinary sanction for civil servants, lightest first.
enum class SanctionLevel : std::uint8_t {
  reprimand,
  warning,
  salary_reduction,
  demotion,
  removal_from_office,
  dismissal,
};
inline constexpr std::size_t sanction_level_count = 6;
[[nodiscard]] LabelTable label_table(SanctionLevel) noexcept;

/// The first and last year evidence may name; anything else is a typing error, refused.
inline constexpr std::uint16_t evidence_first_year = 1945;
inline constexpr std::uint16_t evidence_last_year = 2199;
/// The most bytes an indicator id or a rule id in a judgement may hold.
inline constexpr std::size_t max_id_bytes = 128;

/// The rating of one work year. At most one per year.
struct YearRating {
  std::uint16_t year = 0;
  Rating rating = Rating::completed;
};

/// A title earned for one year. One record per title and year; a year may hold several titles.
struct YearTitle {
  std::uint16_t year = 0;
  Title title = Title::advanced_worker;
};

/// A certificate of merit and the day it was granted. The Award names its issuer's level;
/// a public commendation is not a certificate and is refused here.
struct Certificate {
  Award award = Award::agency_certificate;
  boost::gregorian::date granted{boost::gregorian::not_a_date_time};
};

/// An initiative or research topic, the year it was recognised, and whether it is applied.
/// `rewarded` marks one that already earned a title or award: the law forbids counting it again
/// for another (Law 06/2022 art. 74; Decree 98/2023 art. 4).
struct Initiative {
  std::uint16_t year = 0;
  InitiativeLevel level = InitiativeLevel::grassroots;
  InitiativeKind kind = InitiativeKind::initiative;
  bool applied = false;
  bool rewarded = false;
};

/// A disciplinary sanction in force from `from` to `until`, both days included.
struct Sanction {
  SanctionLevel level = SanctionLevel::reprimand;
  boost::gregorian::date from{boost::gregorian::not_a_date_time};
  boost::gregorian::date until{boost::gregorian::not_a_date_time};
};

/// A collective's members in one year, counted: how many were rated at each rating, how many hold
/// each title (a member counts once, at the highest title of the year), how many were disciplined
/// at each level, and how many broke the agency's rules without a sanction (004 III.1).
struct MemberTally {
  std::uint16_t year = 0;
  std::uint32_t members = 0;
  std::array<std::uint32_t, rating_count> rated{};
  std::array<std::uint32_t, title_count> titled{};
  std::array<std::uint32_t, sanction_level_count> disciplined{};
  std::uint32_t in_breach = 0;
};

/// One figure of a collective's field of work in one year, as a percentage from 0 to 100
/// ("planned_inspections", "economic_recommendations": 000 II.2.2a).
struct IndicatorValue {
  std::string id;
  std::uint16_t year = 0;
  double percent = 0.0;
};

/// The council's answer to a criterion it alone can judge, named by the rule's id.
struct CouncilJudgement {
  std::string rule;
  bool met = false;
};

/// Everything the criteria read about one candidate. Order inside the lists does not matter.
struct Evidence {
  Subject subject = Subject::individual;
  Position position = Position::staff;  ///< Position::none for a collective
  Field field = Field::general;
  std::vector<YearRating> ratings;
  std::vector<YearTitle> titles;
  std::vector<Certificate> certificates;
  std::vector<Initiative> initiatives;
  std::vector<Sanction> sanctions;
  std::vector<MemberTally> members;           ///< collectives only
  std::vector<IndicatorValue> indicators;
  std::vector<CouncilJudgement> judgements;
  /// Under a disciplinary review, an investigation or an open complaint: no award meanwhile
  /// (Decree 98/2023 art. 4).
  bool under_proceedings = false;
};

/// Where the plan's eligibility check finds a candidate's evidence: the host's database, behind a
/// const lookup. Implementations must allow concurrent calls if the Workflow is shared across threads.
class EvidenceSource {
 public:
  EvidenceSource() = default;
  EvidenceSource(const EvidenceSource&) = default;
  EvidenceSource& operator=(const EvidenceSource&) = default;
  virtual ~EvidenceSource() = default;

  /// The candidate's evidence, or null when the host has none; the pointer must stay valid for the
  /// duration of the check.
  [[nodiscard]] virtual const Evidence* find(CandidateId candidate) const = 0;
};

/// Accepts consistent evidence; otherwise the first problem, with the path of the bad
/// field as subject ("ratings[2].year"). Checks unknown enum values, years outside
/// [evidence_first_year, evidence_last_year], special dates, a sanction ending before it starts,
/// duplicates (two ratings for one year), counts larger than the membership, percentages that are
/// NaN or outside 0-100, empty or oversized ids, and member tallies on an individual.
[[nodiscard]] tl::expected<void, Refusal> validate(const Evidence& evidence);

}  // namespace exemplar
