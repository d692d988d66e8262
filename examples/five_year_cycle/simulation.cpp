// The five-year simulation. Every lifecycle step goes through the plan's Workflow and, when
// accepted, into the hash-chained Journal; the roadmap is ticked every day and its milestones are
// completed (some late, a few never) by the roles that own them.
#include "simulation.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace sim {
namespace {

using Shapes = std::vector<std::pair<std::string, Field>>;

const Shapes kInspectorate = {
    {"Văn phòng Thanh tra tỉnh", Field::advisory},
    {"Phòng Nghiệp vụ 1", Field::inspection},
    {"Phòng Nghiệp vụ 2", Field::inspection},
    {"Phòng Nghiệp vụ 3", Field::inspection},
    {"Phòng Tiếp công dân, xử lý đơn thư", Field::citizen_reception},
    {"Phòng Phòng, chống tham nhũng", Field::anti_corruption},
    {"Thanh tra thành phố Hà Tĩnh", Field::inspection},
    {"Thanh tra thị xã Hồng Lĩnh", Field::inspection},
    {"Thanh tra thị xã Kỳ Anh", Field::inspection},
    {"Thanh tra huyện Nghi Xuân", Field::inspection},
    {"Thanh tra huyện Đức Thọ", Field::inspection},
    {"Thanh tra huyện Hương Sơn", Field::inspection},
    {"Thanh tra huyện Vũ Quang", Field::inspection},
    {"Thanh tra huyện Can Lộc", Field::inspection},
    {"Thanh tra huyện Thạch Hà", Field::inspection},
    {"Thanh tra huyện Lộc Hà", Field::inspection},
    {"Thanh tra huyện Cẩm Xuyên", Field::inspection},
    {"Thanh tra huyện Kỳ Anh", Field::inspection},
    {"Thanh tra huyện Hương Khê", Field::inspection},
    {"Thanh tra Sở Tài chính", Field::inspection},
    {"Thanh tra Sở Xây dựng", Field::inspection},
    {"Thanh tra Sở Giáo dục và Đào tạo", Field::inspection},
    {"Thanh tra Sở Y tế", Field::inspection},
    {"Thanh tra Sở Tài nguyên và Môi trường", Field::inspection},
    {"Thanh tra Sở Nông nghiệp và PTNT", Field::inspection},
    {"Thanh tra Sở Giao thông vận tải", Field::inspection},
    {"Thanh tra Sở Công Thương", Field::inspection},
    {"Thanh tra Sở Lao động - Thương binh và Xã hội", Field::inspection},
    {"Thanh tra Sở Kế hoạch và Đầu tư", Field::inspection},
};

// 002: the Office's kinds of exemplar are tied to fields (II.1-3).
const Shapes kPeoplesCommitteeOffice = {
    {"Phòng Hành chính - Tổ chức", Field::administrative_reform},
    {"Phòng Tổng hợp", Field::ho_chi_minh_example},
    {"Trung tâm Tin học - Công báo", Field::digital_transformation},
    {"Trung tâm Phục vụ hành chính công", Field::administrative_reform},
    {"Phòng Kinh tế ngành", Field::ho_chi_minh_example},
    {"Phòng Khoa giáo - Văn xã", Field::ho_chi_minh_example},
    {"Phòng Quản trị - Tài vụ", Field::digital_transformation},
    {"Ban Tiếp công dân tỉnh", Field::administrative_reform},
};

// 003: administrative reform or new rural development (III.1).
const Shapes kIndustryTrade = {
    {"Văn phòng Sở", Field::administrative_reform},
    {"Thanh tra Sở", Field::administrative_reform},
    {"Phòng Quản lý thương mại", Field::new_rural_development},
    {"Phòng Quản lý công nghiệp", Field::new_rural_development},
    {"Phòng Kế hoạch - Tài chính", Field::administrative_reform},
    {"Phòng Quản lý năng lượng", Field::new_rural_development},
    {"Trung tâm Khuyến công và Xúc tiến thương mại", Field::new_rural_development},
};

const Shapes& shapes_for(const Plan& plan) {
  if (plan.seed == "002") return kPeoplesCommitteeOffice;
  if (plan.seed == "003") return kIndustryTrade;
  return kInspectorate;
}

/// The host's evidence store, as the eligibility guard reads it.
class HostEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId candidate) const override {
    const auto found = records.find(candidate);
    return found == records.end() ? nullptr : &found->second;
  }
  std::map<CandidateId, Evidence> records;
};

const Actor kChief{ActorId{1}, Role::agency_head, UnitId{1}};
const Actor kCouncil{ActorId{2}, Role::council, UnitId{1}};
const Actor kSecretariat{ActorId{3}, Role::secretariat, UnitId{1}};
const Actor kBoard{ActorId{9000}, Role::provincial_board, UnitId{9000}};

Actor unit_head(UnitId unit) { return Actor{ActorId{unit.value() * 100}, Role::unit_head, unit}; }

Rating rating_for(double ability, Dice& dice) {
  const double roll = dice.unit() * 0.6 + ability * 0.55;
  if (roll > 0.78) return Rating::excellent;
  if (roll > 0.35) return Rating::good;
  if (roll > 0.08) return Rating::completed;
  return Rating::not_completed;
}

class Simulation {
 public:
  Simulation(const Plan& plan, const Settings& settings, History& outcome)
      : plan_(plan), settings_(settings), out_(outcome), dice_(settings.seed) {}

  tl::expected<void, Refusal> run() {
    build_agency(plan_, settings_, dice_, out_);
    for (const Unit& unit : out_.units) {
      Evidence& e = evidence_.records[CandidateId{unit.id.value()}];
      e.subject = Subject::collective;
      e.position = Position::none;
      e.field = unit.field;
    }
    for (const Person& person : out_.people) {
      Evidence& e = evidence_.records[person.id];
      e.subject = Subject::individual;
      e.position = person.position;
      e.field = field_of(person.unit);
    }
    auto running = RunningPlan::make(plan_, evidence_);
    if (!running) return tl::make_unexpected(std::move(running.error()));
    running_ = std::move(*running);
    journal_ = std::make_unique<Journal>(running_->workflow());
    // The quota checks read the running plan's tally: it counts every record the journal applies.
    if (auto subscribed = journal_->subscribe(running_->tally()); !subscribed) return subscribed;

    const Roadmap& roadmap = running_->roadmap();
    const RoadmapSpec& spec = roadmap.spec();
    out_.first_day = bg::date{spec.first_year, 1, 1};
    out_.last_day = bg::date{spec.last_year, 12, 31};
    if (!settings_.until.is_special() && settings_.until < out_.last_day) out_.last_day = settings_.until;
    if (out_.last_day < out_.first_day) {
      return tl::make_unexpected(refuse(RefusalCode::date_out_of_range)
                                     .with_date(out_.last_day)
                                     .with_reference(out_.first_day)
                                     .with_detail("--until is before the plan's first day", "--until trước ngày đầu của kế hoạch"));
    }
    // Five years of history before the plan, so that criteria over five years can be met at its start.
    for (int year = spec.first_year - 5; year < spec.first_year; ++year) close_year(static_cast<std::uint16_t>(year));

    for (int year = spec.first_year; year <= spec.last_year; ++year) plan_year(static_cast<std::uint16_t>(year));
    plan_milestones();

    for (bg::date day = out_.first_day; day <= out_.last_day; day += bg::days(1)) {
      auto passed = running_->tick(day);
      if (passed) out_.roadmap_events.insert(out_.roadmap_events.end(), passed->begin(), passed->end());
      while (!agenda_.empty() && agenda_.begin()->first <= day) {
        auto action = std::move(agenda_.begin()->second);
        agenda_.erase(agenda_.begin());
        action(day);
      }
      if (day.month() == 12 && day.day() == 15) close_year(static_cast<std::uint16_t>(day.year()));
    }
    auto status = running_->roadmap().status(out_.last_day);
    if (status) out_.status = std::move(*status);
    std::vector<UnitId> units;
    for (const Unit& unit : out_.units) units.push_back(unit.id);
    out_.quotas = running_->quotas(units, out_.last_day);
    out_.journal = std::move(records_);
    return {};
  }

 private:
  using Action = std::function<void(bg::date)>;

  void at(bg::date day, Action action) {
    if (day <= out_.last_day) agenda_.emplace(day, std::move(action));
  }

  Field field_of(UnitId unit) const {
    for (const Unit& u : out_.units) {
      if (u.id == unit) return u.field;
    }
    return Field::general;
  }

  bg::date last_on_time(const Milestone& m) const {
    const auto index = running_->roadmap().index_of(m.id);
    return running_->roadmap().days(*index).last_on_time;
  }

  /// Decides a step through the plan; journals it when accepted and keeps the candidate the journal
  /// now holds. A step held for the head's waiver gets it (the head waives the milestone) and is
  /// tried again the next day.
  bool step(CandidateId id, const Command& command, const Actor& actor, bg::date day, bool retried = false) {
    const auto live = out_.candidates.find(id);
    const Candidate before = live == out_.candidates.end() ? Candidate{} : live->second;
    auto event = running_->workflow().decide(before, command, actor, day);
    if (!event) {
      const Refusal refusal = event.error();
      out_.refused.push_back(Refused{day, id, refusal});
      if (refusal.code == RefusalCode::needs_waiver && !retried) {
        if (waived_.insert(refusal.subject).second) {
          auto waiver = running_->act(roadmap_commands::Waive{refusal.subject, "Thủ trưởng cho phép nộp muộn"}, kChief, day);
          if (waiver) out_.roadmap_events.push_back(*waiver);
        }
        at(day + bg::days(1), [this, id, command, actor](bg::date next) { step(id, command, actor, next, true); });
      }
      return false;
    }
    auto record = journal_->append(*event);
    if (!record) {
      out_.refused.push_back(Refused{day, id, record.error()});
      return false;
    }
    records_.push_back(*record);
    out_.candidates[event->candidate] = *journal_->find(event->candidate);
    if (!event->flags.empty()) out_.flagged.push_back(*event);
    return true;
  }

  /// Still a commended or replicated exemplar of this agency (not sent up, revoked or disqualified
  /// since the replication was planned).
  bool honoured_here(CandidateId id) {
    const Candidate& c = out_.candidates[id];
    return (c.stage == Stage::commended || c.stage == Stage::replicated) && c.level == Level::agency;
  }

  void plan_year(std::uint16_t year) {
    const RoundDays round = round_days(plan_, running_->roadmap(), year);
    at(round.discover, [this, year, round](bg::date) { discover_round(year, round); });
    at(round.council, [this, year](bg::date day) { council_sitting(year, day); });
    if (round.send_up && round.from_council) at(*round.send_up, [this, year](bg::date day) { nominate_best(year, true, day); });
    at(round.recognize, [this, year](bg::date day) { recognize_all(year, day); });
    at(round.commend, [this, year](bg::date day) { commend_all(year, day); });
    if (round.send_up && !round.from_council) at(*round.send_up, [this, year](bg::date day) { nominate_best(year, false, day); });
  }

  /// Each unit finds new factors and registers them. Where the plan sets a per-unit quota on the
  /// round's registration, a unit puts forward no more than its most, and the first of them, as
  /// many as its least, stay on the list and register on time.
  void discover_round(std::uint16_t year, const RoundDays& round) {
    const bg::date day = round.discover;
    const bg::date deadline = round.deadline;
    const bool windowed = round.windowed;
    const UnitQuota quota = registration_quota(plan_, running_->roadmap(), year, round);
    for (const Unit& unit : out_.units) {
      const Actor head = unit_head(unit.id);
      std::vector<const Person*> pool;
      for (const Person& person : out_.people) {
        if (person.unit == unit.id && out_.cohort.count(person.id) == 0) pool.push_back(&person);
      }
      std::sort(pool.begin(), pool.end(), [](const Person* a, const Person* b) { return a->ability > b->ability; });
      std::vector<commands::Discover> found;
      for (std::size_t i = 0; i < pool.size() && i < 1 + dice_.below(2); ++i) {
        found.push_back(commands::Discover{pool[i]->id, {Subject::individual, unit.id, pool[i]->position,
                                                         field_of(unit.id), Level::agency, "Nhân tố mới trong phong trào thi đua"}});
      }
      const CandidateId collective{unit.id.value()};
      if (out_.cohort.count(collective) == 0 && dice_.chance(0.4)) {
        found.push_back(commands::Discover{collective, {Subject::collective, unit.id, Position::none, unit.field,
                                                        Level::agency, "Tập thể có mô hình hay, cách làm sáng tạo"}});
      }
      if (quota.at_most && found.size() > *quota.at_most) found.resize(*quota.at_most);
      unsigned counted_on = 0;  // candidates the unit counts on for the plan's least
      for (const commands::Discover& discover : found) {
        if (!step(discover.id, discover, head, day)) continue;
        out_.cohort[discover.id] = year;
        const CandidateId id = discover.id;
        const bool kept = quota.at_least && counted_on < *quota.at_least;
        if (kept) ++counted_on;
        const bg::date foster_day = day + bg::days(2 + dice_.below(6));
        at(foster_day, [this, id, head](bg::date d) { step(id, commands::Foster{ActorId{head.id.value() + 1}}, head, d); });
        if (dice_.chance(0.03) && !kept) {
          at(foster_day + bg::days(5), [this, id, head](bg::date d) { step(id, commands::Withdraw{"Chuyển công tác"}, head, d); });
          continue;
        }
        bg::date register_day = windowed ? std::max(foster_day + bg::days(1), deadline - bg::days(dice_.below(20)))
                                         : foster_day + bg::days(14);
        if (windowed && dice_.chance(settings_.late_share) && !kept) register_day = deadline + bg::days(1 + dice_.below(5));
        at(register_day, [this, id, head](bg::date d) { step(id, commands::Register{"Bản mô tả mô hình"}, head, d); });
      }
    }
  }

  void council_sitting(std::uint16_t year, bg::date day) {
    for (auto& [id, candidate] : out_.candidates) {
      if (candidate.stage != Stage::registered || candidate.level != Level::agency || candidate.round_year != year) continue;
      const Evidence* evidence = evidence_.find(id);
      Verdict verdict = Verdict::needs_council_judgement;
      bool counts_failed = false;  // only the council's judgement can still carry the candidate
      Text why;
      if (evidence) {
        auto evaluation = evaluate(plan_.profile, *evidence, day);
        if (evaluation) {
          verdict = evaluation->verdict;
          counts_failed = !evaluation->carried_only_by_judgement().empty();
          for (const RuleResult& result : evaluation->results) {
            if (result.outcome == Outcome::passed && result.depth == 2) {
              const Text line = exemplar::explain(result);
              why.en += (why.en.empty() ? "" : "; ") + line.en;
              why.vi += (why.vi.empty() ? "" : "; ") + line.vi;
            }
          }
        }
      }
      const std::uint16_t members = 9;
      const std::uint16_t present = static_cast<std::uint16_t>(7 + dice_.below(3));
      std::uint16_t votes_for = 0;
      switch (verdict) {
        case Verdict::eligible: votes_for = static_cast<std::uint16_t>(6 + dice_.below(3)); break;
        case Verdict::needs_council_judgement:
          // A council carries a candidate whose counts failed only rarely (000 II.2.2b's Ho Chi Minh
          // alternative is for the truly outstanding).
          votes_for = counts_failed && !dice_.chance(0.1) ? static_cast<std::uint16_t>(1 + dice_.below(4))
                                                          : static_cast<std::uint16_t>(3 + dice_.below(6));
          break;
        case Verdict::not_eligible: votes_for = static_cast<std::uint16_t>(1 + dice_.below(4)); break;
      }
      votes_for = std::min(votes_for, present);
      const auto votes_against = static_cast<std::uint16_t>(present - votes_for);
      const CandidateId candidate_id = id;
      if (step(candidate_id, commands::Review{members, present, votes_for, votes_against}, kCouncil, day) &&
          out_.candidates[candidate_id].stage == Stage::reviewed) {
        const Text verdict_text{std::string(label(verdict, Lang::en)), std::string(label(verdict, Lang::vi))};
        out_.why[candidate_id] = Text{verdict_text.en + (why.en.empty() ? "" : ": " + why.en),
                                      verdict_text.vi + (why.vi.empty() ? "" : ": " + why.vi)};
      }
    }
  }

  /// The head recognises the council's proposals; for those the council backed most strongly, the
  /// head proposes the provincial chairman's certificate upward (beyond the head's own power).
  void recognize_all(std::uint16_t year, bg::date day) {
    for (auto& [id, candidate] : out_.candidates) {
      if (candidate.stage != Stage::reviewed || candidate.level != Level::agency || candidate.round_year != year) continue;
      const std::string number = std::to_string(++decisions_) + "/QĐ-TTr";
      if (step(id, commands::Recognize{number, day}, kChief, day) && candidate.votes_for >= 8) {
        step(id, commands::Propose{Award::provincial_certificate}, kChief, day);
      }
    }
  }

  /// The head commends the round's recognised exemplars: with the Giấy khen, or with the higher
  /// award proposed upward, which comes back conferred.
  void commend_all(std::uint16_t year, bg::date day) {
    for (auto& [id, candidate] : out_.candidates) {
      if (candidate.stage != Stage::recognized || candidate.level != Level::agency || candidate.round_year != year) continue;
      const CandidateId candidate_id = id;
      const Award award = candidate.proposed_awards.contains(Award::provincial_certificate) ? Award::provincial_certificate
                                                                                           : Award::agency_certificate;
      if (!step(candidate_id, commands::Commend{award}, kChief, day)) continue;
      evidence_.records[candidate_id].certificates.push_back(Certificate{award, day});
      const UnitId unit = candidate.unit;
      // Spread soon after the honour, and within the plan (a one-year plan replicates in December).
      const bg::date spread = std::min(day + bg::days(20 + dice_.below(40)), out_.last_day - bg::days(1));
      if (spread <= day) continue;
      at(spread, [this, candidate_id](bg::date d) {
        if (honoured_here(candidate_id)) {
          step(candidate_id, commands::Replicate{Replication::web_publication, "Cổng TTĐT"}, kSecretariat, d);
        }
      });
      if (dice_.chance(0.5)) {
        at(std::min(spread + bg::days(40 + dice_.below(40)), out_.last_day), [this, candidate_id, unit](bg::date d) {
          if (honoured_here(candidate_id)) {
            step(candidate_id, commands::Replicate{Replication::meeting, "Hội nghị cơ quan"}, unit_head(unit), d);
          }
        });
      }
    }
  }

  /// The agency sends its best up to the province (most votes, then lowest id), as many as the
  /// plan's quota leaves room for (two when it sets none): its honoured exemplars, or, when the plan
  /// sends up straight from the council's selection, the round's reviewed candidates, which the
  /// secretariat nominates. The board reviews them 20 days on.
  void nominate_best(std::uint16_t year, bool from_council, bg::date day) {
    std::vector<std::pair<int, CandidateId>> ranked;
    for (const auto& [id, candidate] : out_.candidates) {
      if (candidate.level != Level::agency) continue;
      const bool chosen = from_council ? candidate.stage == Stage::reviewed && candidate.round_year == year
                                       : candidate.stage == Stage::commended || candidate.stage == Stage::replicated;
      if (chosen) ranked.emplace_back(candidate.votes_for, id);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const std::size_t quota = send_up_room(*running_, day, 2);
    const Actor& sender = from_council ? kSecretariat : kChief;
    for (std::size_t i = 0; i < ranked.size() && i < quota; ++i) {
      const CandidateId id = ranked[i].second;
      if (!step(id, commands::Nominate{}, sender, day)) continue;
      at(day + bg::days(20), [this, id](bg::date d) {
        const std::uint16_t present = static_cast<std::uint16_t>(11 + dice_.below(5));
        const std::uint16_t votes_for = static_cast<std::uint16_t>(std::min<unsigned>(present, 6 + dice_.below(10)));
        step(id, commands::Review{15, present, votes_for, static_cast<std::uint16_t>(present - votes_for)}, kBoard, d);
      });
    }
  }

  void plan_milestones() {
    const Roadmap& roadmap = running_->roadmap();
    for (const Milestone& m : roadmap.milestones()) {
      const bg::date due = last_on_time(m);
      const double roll = dice_.unit();
      if (roll < 0.05) continue;  // never completed: it will be missed
      bg::date day = due - bg::days(dice_.below(7));
      if (roll > 0.88) day = due + bg::days(1 + dice_.below(6));
      if (day < m.open_period.opens) day = m.open_period.opens;
      if (day > m.open_period.closes) day = m.open_period.closes;
      const std::string id = m.id;
      const Actor actor = owner_of(m);
      at(day, [this, id, actor](bg::date d) {
        const Roadmap& roadmap = running_->roadmap();
        if (roadmap.progress(*roadmap.index_of(id)).waived) return;  // the head already waived it
        auto done = running_->act(roadmap_commands::Complete{id}, actor, d);
        if (done) {
          out_.roadmap_events.push_back(*done);
        } else {
          out_.refused.push_back(Refused{d, CandidateId{}, done.error()});
        }
      });
    }
  }

  /// The year's ratings close on 15 December (Decree 90/2020: the annual rating is done before 15 December): ratings, titles,
  /// initiatives and now and then a sanction, for people and, in aggregate, for their units.
  void close_year(std::uint16_t year) {
    std::map<UnitId, MemberTally> tallies;
    for (const Person& person : out_.people) {
      Evidence& e = evidence_.records[person.id];
      const Rating rating = rating_for(person.ability, dice_);
      e.ratings.push_back(YearRating{year, rating});
      MemberTally& tally = tallies[person.unit];
      tally.year = year;
      ++tally.members;
      ++tally.rated[static_cast<std::size_t>(rating)];
      if (rating >= Rating::good) e.titles.push_back(YearTitle{year, Title::advanced_worker});
      const bool initiative = dice_.chance(0.15 + person.ability * 0.35);
      if (initiative) {
        const auto level = dice_.chance(0.1) ? InitiativeLevel::provincial : InitiativeLevel::grassroots;
        e.initiatives.push_back(Initiative{year, level, InitiativeKind::initiative, dice_.chance(0.85), false});
      }
      Title best = Title::advanced_worker;  // counted only when rated good or better
      if (rating == Rating::excellent && (initiative || dice_.chance(0.5))) {
        e.titles.push_back(YearTitle{year, Title::grassroots_emulation_soldier});
        best = Title::grassroots_emulation_soldier;
      }
      if (rating >= Rating::good) ++tally.titled[static_cast<std::size_t>(best)];
      // Certificates from other bodies: a provincial chairman's or a ministry's, now and then.
      if (dice_.chance(0.04 + person.ability * 0.12)) {
        e.certificates.push_back(Certificate{Award::provincial_certificate, bg::date{year, 12, 15}});
      } else if (dice_.chance(0.03 + person.ability * 0.05)) {
        e.certificates.push_back(Certificate{Award::ministry_certificate, bg::date{year, 12, 15}});
      }
      if (dice_.chance(0.006)) {
        const bg::date from{year, 12, 15};
        e.sanctions.push_back(Sanction{SanctionLevel::reprimand, from, from + bg::days(365)});
        ++tally.disciplined[static_cast<std::size_t>(SanctionLevel::reprimand)];
        const auto live = out_.candidates.find(person.id);
        if (live != out_.candidates.end() && !is_terminal(live->second.stage)) {
          const CandidateId id = person.id;
          at(from + bg::days(1), [this, id](bg::date d) {
            // One sent up to the province answers to the provincial board.
            const Candidate& c = out_.candidates[id];
            if (!is_terminal(c.stage)) {
              step(id, commands::Disqualify{"Bị kỷ luật khiển trách"}, c.level == Level::agency ? kChief : kBoard, d);
            }
          });
        }
      }
    }
    for (const Unit& unit : out_.units) {
      Evidence& e = evidence_.records[CandidateId{unit.id.value()}];
      const MemberTally& tally = tallies[unit.id];
      if (tally.members > 0) e.members.push_back(tally);
      const std::uint32_t good = tally.rated[static_cast<std::size_t>(Rating::good)] +
                                 tally.rated[static_cast<std::size_t>(Rating::excellent)];
      const double share = tally.members ? static_cast<double>(good) / tally.members : 0.0;
      e.ratings.push_back(YearRating{year, share >= 0.9 ? Rating::excellent : share >= 0.6 ? Rating::good : Rating::completed});
      const auto percent = [this](double chance_full, double low) {
        return dice_.chance(chance_full) ? 100.0 : low + dice_.unit() * (100.0 - low);
      };
      using namespace exemplar::profiles::indicators;
      e.indicators.push_back(IndicatorValue{std::string(planned_inspections), year, percent(0.9, 85)});
      e.indicators.push_back(IndicatorValue{std::string(administrative_recommendations), year, percent(0.85, 80)});
      e.indicators.push_back(IndicatorValue{std::string(economic_recommendations), year, percent(0.2, 65)});
      e.indicators.push_back(IndicatorValue{std::string(complaints_resolved), year, percent(0.9, 85)});
      e.indicators.push_back(IndicatorValue{std::string(anti_corruption_plan), year, percent(0.9, 85)});
    }
  }

  const Plan& plan_;
  const Settings& settings_;
  History& out_;
  Dice dice_;
  HostEvidence evidence_;
  std::unique_ptr<RunningPlan> running_;
  std::unique_ptr<Journal> journal_;
  std::vector<Record> records_;
  std::multimap<bg::date, Action> agenda_;
  std::set<std::string> waived_;
  unsigned decisions_ = 0;
};

const Milestone* first_milestone(const Roadmap& roadmap, MilestoneKind kind, std::uint16_t year) {
  const auto found = roadmap.indexes_of(kind, year);
  return found.empty() ? nullptr : &roadmap.milestones()[found.front()];
}

/// The day the head commends a round recognised on `recognize`, from the plan's commendation
/// timings: the round's own review (its year-end review, else another review the plan names) and
/// the dated events the plan ties commendation to (seed 002's mid-term review and conference). The
/// first of them the round can still reach on time, three days before its deadline; failing that,
/// the round's own review late (its open period may still accept it); a round the plan ties to
/// nothing is commended the day after recognition.
bg::date commend_day(const Plan& plan, const Roadmap& roadmap, std::uint16_t year, bg::date recognize) {
  std::vector<MilestoneKind> kinds;
  std::vector<std::size_t> occasions;  // the round's own review first, then the dated events
  for (const Timing& t : plan.procedure.timings) {
    if (t.step != CommandKind::commend || t.rule != TimingRule::inside) continue;
    if (t.milestones.id.empty()) {
      kinds.push_back(t.milestones.kind);
    } else if (const auto index = roadmap.index_of(t.milestones.id)) {
      occasions.push_back(*index);
    }
  }
  const auto tied = [&kinds](MilestoneKind kind) { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); };
  const Milestone* own = nullptr;
  for (MilestoneKind kind : {MilestoneKind::year_end_review, MilestoneKind::six_month_review}) {
    if (!own && tied(kind)) own = first_milestone(roadmap, kind, year);
  }
  for (MilestoneKind kind : kinds) {
    if (!own) own = first_milestone(roadmap, kind, year);
  }
  if (own) occasions.insert(occasions.begin(), *roadmap.index_of(own->id));

  std::optional<std::size_t> best;
  for (std::size_t index : occasions) {
    const bg::date due = roadmap.days(index).last_on_time;
    if (due >= recognize && (!best || due < roadmap.days(*best).last_on_time)) best = index;
  }
  if (best) {
    const bg::date due = roadmap.days(*best).last_on_time;
    return std::max({recognize, roadmap.milestones()[*best].open_period.opens, due - bg::days(3)});
  }
  if (own) return std::max(recognize, roadmap.days(*roadmap.index_of(own->id)).last_on_time - bg::days(3));
  return recognize + bg::days(1);
}

}  // namespace

Actor owner_of(const Milestone& milestone) {
  switch (milestone.owner) {
    case Role::council: return kCouncil;
    case Role::secretariat: return kSecretariat;
    case Role::provincial_board: return kBoard;
    case Role::unit_head: return unit_head(UnitId{1});
    default: return kChief;
  }
}

RoundDays round_days(const Plan& plan, const Roadmap& roadmap, std::uint16_t year) {
  const auto last_on_time = [&roadmap](const Milestone& m) { return roadmap.days(*roadmap.index_of(m.id)).last_on_time; };
  const Milestone* registration = first_milestone(roadmap, MilestoneKind::registration, year);
  const Milestone* send_up = first_milestone(roadmap, MilestoneKind::send_up, year);
  const auto& arrows = plan.procedure.arrows;

  RoundDays round;
  round.windowed = registration != nullptr;
  round.from_council = std::any_of(arrows.begin(), arrows.end(), [](const Arrow& a) {
    return a.from == Stage::reviewed && a.command == CommandKind::nominate;
  });
  round.discover = bg::date{year, 1, 4};
  if (registration && registration->open_period.opens > round.discover) round.discover = registration->open_period.opens;
  round.deadline = registration ? last_on_time(*registration) : bg::date{year, 2, 28};
  round.council = round.deadline + bg::days(10);
  if (send_up && last_on_time(*send_up) - bg::days(3) < round.council && last_on_time(*send_up) > round.deadline) {
    round.council = last_on_time(*send_up) - bg::days(3);
  }
  round.recognize = round.council + bg::days(1);
  if (send_up && round.from_council) {
    // Straight from the council's selection: sent up the next day, the others recognised after.
    round.send_up = std::max(round.council + bg::days(1), send_up->open_period.opens);
    round.recognize = *round.send_up + bg::days(1);
  }
  round.commend = commend_day(plan, roadmap, year, round.recognize);
  if (send_up && !round.from_council) round.send_up = std::max(round.commend + bg::days(1), last_on_time(*send_up) - bg::days(2));
  return round;
}

UnitQuota registration_quota(const Plan& plan, const Roadmap& roadmap, std::uint16_t year, const RoundDays& round) {
  UnitQuota quota;
  for (const StepQuota& q : plan.procedure.quotas) {
    if (q.step != CommandKind::register_ || q.scope != QuotaScope::per_unit) continue;
    if (!quota_milestone(roadmap, q, year, round.deadline)) continue;
    if (q.at_least) quota.at_least = std::max(quota.at_least.value_or(0), *q.at_least);
    if (q.at_most) quota.at_most = std::min(quota.at_most.value_or(*q.at_most), *q.at_most);
  }
  return quota;
}

std::size_t send_up_room(const RunningPlan& running, bg::date day, std::size_t otherwise) {
  std::optional<std::size_t> room;
  const auto& quotas = running.plan().procedure.quotas;
  for (std::size_t q = 0; q < quotas.size(); ++q) {
    const StepQuota& quota = quotas[q];
    if (quota.step != CommandKind::nominate || quota.scope != QuotaScope::agency || !quota.at_most) continue;
    const auto milestone = quota_milestone(running.roadmap(), quota, 0, day);
    if (!milestone) continue;
    const std::uint32_t taken = running.tally().count(q, UnitId{}, *milestone);
    const std::size_t left = taken >= *quota.at_most ? 0 : *quota.at_most - taken;
    room = std::min(room.value_or(left), left);
  }
  return room.value_or(otherwise);
}

void build_agency(const Plan& plan, const Settings& settings, Dice& dice, History& outcome) {
  const Shapes& shapes = shapes_for(plan);
  const unsigned unit_count = std::max(1U, settings.units);
  for (unsigned i = 0; i < unit_count; ++i) {
    const auto& shape = shapes[i % shapes.size()];
    std::string name = shape.first;
    if (i >= shapes.size()) name += " (" + std::to_string(i / shapes.size() + 1) + ")";
    outcome.units.push_back(Unit{UnitId{i + 1}, name, shape.second});
  }
  const unsigned people = std::max(settings.people, unit_count);
  for (unsigned i = 0; i < people; ++i) {
    const UnitId unit{i % unit_count + 1};
    Position position = Position::staff;
    if (i < unit_count) position = Position::unit_leader;
    if (unit.value() == 1 && i >= unit_count && i < unit_count * 3) position = Position::agency_leader;
    outcome.people.push_back(Person{CandidateId{10000 + i}, unit, position, dice.unit()});
  }
}

tl::expected<History, Refusal> run(const Plan& plan, const Settings& settings) {
  History outcome;
  Simulation simulation(plan, settings, outcome);
  if (auto done = simulation.run(); !done) return tl::make_unexpected(std::move(done.error()));
  return outcome;
}

}  // namespace sim
