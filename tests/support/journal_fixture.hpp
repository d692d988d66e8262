// Journals for the journal, binary, JSON and observer tests: a short scripted one that holds every
// event kind, and a long simulated run over many candidates with a fixed seed and fixed dates.
#pragma once

#include <cstdint>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>

namespace exemplar::fixture {

namespace bg = boost::gregorian;

inline const Actor head_of_unit_7{ActorId{3}, Role::unit_head, UnitId{7}};
inline const Actor council{ActorId{20}, Role::council, UnitId{1}};
inline const Actor agency_head{ActorId{30}, Role::agency_head, UnitId{1}};
inline const Actor secretariat{ActorId{40}, Role::secretariat, UnitId{1}};
inline const Actor provincial_board{ActorId{50}, Role::provincial_board, UnitId{2}};

/// Writes a journal step by step through Workflow::decide, keeping every record it appends.
class Script {
 public:
  explicit Script(const Workflow& flow) : flow_(flow), journal_(flow) {}

  /// Decides and appends one command; a refusal here is a bug in the test, so it throws.
  Script& step(CandidateId id, const Command& command, const Actor& actor, bg::date date) {
    const Candidate* found = journal_.find(id);
    const Candidate before = found ? *found : Candidate{};
    auto event = flow_.decide(before, command, actor, date);
    if (!event) throw std::logic_error("scripted step refused: " + event.error().message());
    auto record = journal_.append(*event);
    if (!record) throw std::logic_error("scripted append refused: " + record.error().message());
    records_.push_back(std::move(*record));
    return *this;
  }

  [[nodiscard]] const std::vector<Record>& records() const noexcept { return records_; }
  [[nodiscard]] Journal& journal() noexcept { return journal_; }

 private:
  const Workflow& flow_;
  Journal journal_;
  std::vector<Record> records_;
};

/// A short journal in which every event kind appears at least once (seed 001 II.2-3: register,
/// council review, recognition, commendation, replication; 003 IV.1: nomination one level up;
/// 004 V.2: a higher award proposed upward).
inline std::vector<Record> every_kind_journal(const Workflow& flow) {
  const CandidateId walker{1}, leaver{2}, rejected{3}, sanctioned{4}, revoked{5};
  const bg::date day{2022, 2, 10};
  Script s{flow};
  s.step(walker, commands::Discover{walker, {Subject::individual, UnitId{7}, Position::staff, Field::inspection,
                                              Level::agency, "Mô hình tiếp công dân kiểu mới"}},
         head_of_unit_7, day)
      .step(leaver, commands::Discover{leaver, {Subject::collective, UnitId{7}, Position::none, Field::general,
                                                Level::agency, "Tập thể phòng Nghiệp vụ 1"}},
            head_of_unit_7, day)
      .step(rejected, commands::Discover{rejected, {Subject::individual, UnitId{7}, Position::unit_leader,
                                                    Field::anti_corruption, Level::agency, "Đề tài phòng, chống tham nhũng"}},
            head_of_unit_7, day)
      .step(sanctioned, commands::Discover{sanctioned, {Subject::individual, UnitId{7}, Position::staff,
                                                        Field::digital_transformation, Level::unit, "Số hoá hồ sơ"}},
            head_of_unit_7, day)
      .step(revoked, commands::Discover{revoked, {Subject::individual, UnitId{7}, Position::staff, Field::advisory,
                                                  Level::agency, "Tham mưu tổng hợp"}},
            head_of_unit_7, day)
      .step(walker, commands::Foster{ActorId{9}}, head_of_unit_7, bg::date{2022, 2, 14})
      .step(leaver, commands::Withdraw{"Đơn vị sáp nhập"}, head_of_unit_7, bg::date{2022, 2, 15})
      .step(rejected, commands::Foster{ActorId{9}}, head_of_unit_7, bg::date{2022, 2, 15})
      .step(sanctioned, commands::Disqualify{"Bị kỷ luật khiển trách"}, agency_head, bg::date{2022, 2, 16})
      .step(revoked, commands::Foster{ActorId{11}}, head_of_unit_7, bg::date{2022, 2, 16})
      .step(walker, commands::Register{"Hồ sơ đăng ký điển hình"}, head_of_unit_7, bg::date{2022, 3, 1})
      .step(rejected, commands::Register{"Hồ sơ đăng ký"}, head_of_unit_7, bg::date{2022, 3, 1})
      .step(revoked, commands::Register{"Hồ sơ tham mưu"}, head_of_unit_7, bg::date{2022, 3, 2})
      .step(rejected, commands::Reject{"Không đủ thành tích"}, council, bg::date{2022, 6, 20})
      .step(walker, commands::Review{9, 8, 7, 1}, council, bg::date{2022, 6, 20})
      .step(revoked, commands::Review{9, 9, 6, 3}, council, bg::date{2022, 6, 20})
      .step(walker, commands::Recognize{"45/QĐ-TTr", bg::date{2022, 6, 25}}, agency_head, bg::date{2022, 6, 27})
      .step(revoked, commands::Recognize{"46/QĐ-TTr", bg::date{2022, 6, 25}}, agency_head, bg::date{2022, 6, 27})
      .step(walker, commands::Commend{Award::agency_certificate}, agency_head, bg::date{2022, 12, 20})
      .step(revoked, commands::Commend{Award::agency_certificate}, agency_head, bg::date{2022, 12, 20})
      .step(walker, commands::Propose{Award::provincial_certificate, "25/TTr-TTr"}, agency_head, bg::date{2022, 12, 28})
      .step(walker, commands::Replicate{Replication::web_publication, "Đăng trên Cổng thông tin"}, secretariat,
            bg::date{2023, 1, 5})
      .step(revoked, commands::Revoke{"Phát hiện gian dối hồ sơ"}, agency_head, bg::date{2023, 2, 1})
      .step(walker, commands::Nominate{}, agency_head, bg::date{2023, 2, 10})
      .step(walker, commands::Review{11, 9, 4, 5}, provincial_board, bg::date{2023, 6, 15});
  return s.records();
}

/// The forms of award `role` may grant and propose upward under the workflow's procedure.
inline AwardPower power_of(const Workflow& flow, Role role) {
  for (const AwardPower& power : flow.procedure().awards) {
    if (power.role == role) return power;
  }
  return AwardPower{role, {}, {}};
}

/// A long run: the records, and every candidate's state as Workflow::evolve made it, independently
/// of the journal, so that replay is checked against something it did not produce.
struct Simulation {
  std::vector<Record> records;
  std::map<CandidateId, Candidate> states;
  std::map<std::uint64_t, Snapshot> snapshots;  ///< the journal's snapshot after the given records
};

/// Simulates `count` accepted steps over many candidates with a fixed seed. Dates advance one day
/// every 40 records from 4 January 2021. Snapshots are taken after each number in `snapshot_at`.
inline Simulation simulate(const Workflow& flow, std::size_t count, std::uint32_t seed,
                           const std::vector<std::uint64_t>& snapshot_at = {}) {
  Simulation sim;
  sim.records.reserve(count);
  Journal journal{flow};
  std::mt19937 random{seed};
  auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(random() % n); };
  std::vector<CandidateId> live;
  std::uint32_t next_id = 1;
  std::uint32_t decisions = 0;
  const bg::date first_day{2021, 1, 4};

  // One of the awards of a non-empty set, picked at random.
  auto any_of = [&](AwardSet awards) {
    std::vector<Award> listed;
    for (Award award : all_values<Award>()) {
      if (awards.contains(award)) listed.push_back(award);
    }
    return listed.at(pick(static_cast<std::uint32_t>(listed.size())));
  };

  auto drop = [&](std::size_t index) {
    live[index] = live.back();
    live.pop_back();
  };

  while (sim.records.size() < count) {
    const bg::date today = first_day + bg::days(static_cast<long>(sim.records.size() / 40));
    Candidate candidate;
    Command command = commands::Nominate{};
    Actor actor = agency_head;
    std::size_t index = live.size();

    if (live.size() < 400 || pick(8) == 0) {
      const UnitId unit{1 + pick(20)};
      const bool collective = pick(4) == 0;
      const CandidateId id{next_id++};
      command = commands::Discover{id, {collective ? Subject::collective : Subject::individual, unit,
                                        collective ? Position::none : static_cast<Position>(1 + pick(3)),
                                        static_cast<Field>(pick(10)), pick(5) == 0 ? Level::unit : Level::agency,
                                        "Mô hình số " + std::to_string(id.value())}};
      actor = Actor{ActorId{1000 + unit.value()}, Role::unit_head, unit};
    } else {
      index = pick(static_cast<std::uint32_t>(live.size()));
      candidate = sim.states.at(live[index]);
      const bool province = candidate.level == Level::province;
      const Actor local_head{ActorId{1000 + candidate.unit.value()}, Role::unit_head, candidate.unit};
      const Actor deciding = province ? provincial_board : agency_head;
      const Actor reviewing = province ? provincial_board : council;
      const std::uint32_t roll = pick(100);
      switch (candidate.stage) {
        case Stage::discovered:
          if (roll < 85) {
            command = commands::Foster{ActorId{500 + candidate.unit.value()}};
            actor = local_head;
          } else if (roll < 95) {
            command = commands::Withdraw{"Rút theo đề nghị của đơn vị"};
            actor = local_head;
          } else {
            command = commands::Disqualify{"Bị xử lý kỷ luật"};
          }
          break;
        case Stage::fostered:
          command = roll < 90 ? Command{commands::Register{"Hồ sơ đăng ký điển hình"}}
                              : Command{commands::Withdraw{"Chuyển công tác"}};
          actor = local_head;
          break;
        case Stage::registered:
          if (candidate.level == Level::nation) {
            drop(index);
            continue;
          }
          if (roll < 85) {
            const auto present = static_cast<std::uint16_t>(7 + pick(3));
            const auto votes_for = static_cast<std::uint16_t>(3 + pick(present - 2));
            command = commands::Review{9, present, votes_for, static_cast<std::uint16_t>(present - votes_for)};
            actor = reviewing;
          } else if (roll < 95) {
            command = commands::Reject{"Không đủ thành tích"};
            actor = reviewing;
          } else if (!province) {
            command = commands::Withdraw{"Rút hồ sơ"};
            actor = local_head;
          } else {
            command = commands::Disqualify{"Vi phạm"};
            actor = deciding;
          }
          break;
        case Stage::reviewed:
          if (roll < 90) {
            command = commands::Recognize{std::to_string(++decisions) + "/QĐ-TTr", today};
          } else {
            command = commands::Reject{"Thủ trưởng không công nhận"};
          }
          actor = deciding;
          break;
        case Stage::recognized: {
          // An award in the deciding role's power, or one proposed upward that comes back conferred
          // (004 V.2); now and then the higher award is proposed first.
          const AwardPower power = power_of(flow, deciding.role);
          if (roll < 15) {
            command = commands::Propose{any_of(power.proposes)};
          } else if (roll < 95) {
            const bool conferred = !candidate.proposed_awards.empty() && pick(2) == 0;
            command = commands::Commend{any_of(conferred ? candidate.proposed_awards : power.grants)};
          } else {
            command = commands::Disqualify{"Vi phạm sau công nhận"};
          }
          actor = deciding;
          break;
        }
        case Stage::commended:
        case Stage::replicated:
          if (roll < 55) {
            command = commands::Replicate{static_cast<Replication>(pick(4)), "Hội nghị chia sẻ kinh nghiệm"};
            actor = secretariat;
          } else if (roll < 75) {
            command = commands::Nominate{};
            actor = deciding;
          } else if (roll < 80) {
            command = commands::Revoke{"Thu hồi do gian dối"};
            actor = deciding;
          } else if (roll < 85) {
            command = commands::Propose{any_of(power_of(flow, deciding.role).proposes)};
            actor = deciding;
          } else {
            drop(index);
            continue;
          }
          break;
        default:
          drop(index);
          continue;
      }
    }

    auto event = flow.decide(candidate, command, actor, today);
    if (!event) throw std::logic_error("simulated step refused: " + event.error().message());
    auto record = journal.append(*event);
    if (!record) throw std::logic_error("simulated append refused: " + record.error().message());
    const Candidate after = flow.evolve(candidate, *event);
    sim.states[after.id] = after;
    if (index == live.size()) {
      live.push_back(after.id);
    } else if (is_terminal(after.stage)) {
      drop(index);
    }
    sim.records.push_back(std::move(*record));
    for (std::uint64_t at : snapshot_at) {
      if (at == sim.records.size()) sim.snapshots.emplace(at, journal.snapshot());
    }
  }
  return sim;
}

}  // namespace exemplar::fixture
