// Invariants that hold for any command stream (issue: reliability), checked on random streams with
// fixed seeds: thousands of candidates, every command kind, sound and broken arguments, dates
// forward and backward, actors of every role in their own unit and others.
//  - a refused command leaves the candidate byte for byte as it was;
//  - every accepted event was within the actor's rights under the policy;
//  - the stage is always one of the table's, and a terminal stage accepts nothing;
//  - replaying the accepted events from nothing gives every candidate's state exactly;
//  - decide, apply and options are projections of one check list: an event decide makes, apply
//    accepts and turns into the candidate evolve makes; a command decide accepts, options allows;
//    a command options refuses, decide refuses.
#include <cstring>
#include <map>
#include <random>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

/// A small deterministic generator: the same seed gives the same stream on every platform.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : engine_(seed) {}
  unsigned below(unsigned n) { return static_cast<unsigned>(engine_() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::mt19937_64 engine_;
};

std::string some_text(Dice& dice) {
  switch (dice.below(10)) {
    case 0: return "";
    case 1: return std::string("\xFF\xFE", 2);
    case 2: return std::string(5000, 'a');
    default: return "Lý do hợp lệ";
  }
}

Command random_command(Dice& dice, CommandKind kind, CandidateId id, bg::date day) {
  const auto unit = UnitId{1 + dice.below(4)};
  switch (kind) {
    case CommandKind::discover: {
      const bool collective = dice.chance(30);
      return commands::Discover{dice.chance(95) ? id : CandidateId{},
                                collective ? Subject::collective : Subject::individual,
                                unit,
                                collective ? Position::none : static_cast<Position>(dice.below(4)),
                                static_cast<Field>(dice.below(11)),
                                static_cast<Level>(dice.below(4)),
                                some_text(dice)};
    }
    case CommandKind::foster: return commands::Foster{ActorId{dice.below(3)}};
    case CommandKind::register_: return commands::Register{some_text(dice)};
    case CommandKind::review: {
      const auto members = static_cast<std::uint16_t>(dice.below(12));
      const auto present = static_cast<std::uint16_t>(dice.below(members + 2U));
      const auto votes_for = static_cast<std::uint16_t>(dice.below(present + 2U));
      const auto votes_against = static_cast<std::uint16_t>(dice.below(present + 2U));
      return commands::Review{members, present, votes_for, votes_against};
    }
    case CommandKind::recognize: {
      const bg::date decided = dice.chance(10) ? bg::date{bg::not_a_date_time} : day - bg::days(dice.below(3));
      return commands::Recognize{dice.chance(90) ? "12/QĐ-TTr" : std::string(25, '1'), decided};
    }
    // Mostly a Giấy khen, which the agency head grants; otherwise any form, in power or not.
    case CommandKind::commend:
      return commands::Commend{dice.chance(80) ? Award::agency_certificate : static_cast<Award>(dice.below(6))};
    case CommandKind::replicate: return commands::Replicate{static_cast<Replication>(dice.below(5)), some_text(dice)};
    case CommandKind::withdraw: return commands::Withdraw{some_text(dice)};
    case CommandKind::reject: return commands::Reject{some_text(dice)};
    case CommandKind::disqualify: return commands::Disqualify{some_text(dice)};
    case CommandKind::nominate: return commands::Nominate{};
    case CommandKind::revoke: return commands::Revoke{some_text(dice)};
    case CommandKind::propose: return commands::Propose{static_cast<Award>(dice.below(6))};
  }
  return commands::Nominate{};
}

struct StreamCounts {
  long commands = 0;
  long accepted = 0;
  std::array<long, stage_count> reached{};  ///< accepted events by the stage they led to
};

// Runs one stream; fatal assertions need a void function, so the counts come back by reference.
void run_stream(std::uint64_t seed, unsigned candidates, unsigned steps_each, StreamCounts& counts) {
  const Workflow flow;
  const Policy& policy = flow.policy();
  Dice dice(seed);
  std::vector<Candidate> states(candidates);
  std::vector<bg::date> clocks(candidates, bg::date{2021, 1, 1});
  std::vector<std::vector<Event>> journals(candidates);

  for (unsigned round = 0; round < steps_each; ++round) {
    for (unsigned i = 0; i < candidates; ++i) {
      Candidate& candidate = states[i];
      // Mostly forward in time, sometimes a step back, now and then not a date at all.
      bg::date day = clocks[i] + bg::days(static_cast<long>(dice.below(20)));
      if (dice.chance(5)) day = clocks[i] - bg::days(1 + static_cast<long>(dice.below(30)));
      if (dice.chance(1)) day = bg::date{bg::not_a_date_time};
      if (dice.chance(1)) day = dice.chance(50) ? bg::date{1899, 12, 31} : bg::date{3000, 1, 1};
      // Two times in three, a command the table allows now, by a role the policy names for it, so
      // that streams reach every stage; otherwise anything from anyone.
      CommandKind kind = static_cast<CommandKind>(dice.below(command_count));
      Role role = static_cast<Role>(dice.below(role_count));
      UnitId actor_unit{1 + dice.below(4)};
      const auto allowed_now = lifecycle_table.allowed(candidate.stage);
      if (!allowed_now.empty() && dice.below(3) != 0) {
        // The first allowed command is the happy path's next step; favour it so streams go far.
        kind = dice.chance(50) ? allowed_now.front() : allowed_now[dice.below(static_cast<unsigned>(allowed_now.size()))];
        std::vector<Role> roles;
        for (const Grant& grant : policy.grants()) {
          if (grant.command == kind && grant.stages.contains(candidate.stage)) roles.push_back(grant.role);
        }
        if (!roles.empty()) role = roles[dice.below(static_cast<unsigned>(roles.size()))];
        if (candidate.unit.valid() && dice.chance(85)) actor_unit = candidate.unit;
      }
      const Command command = random_command(dice, kind, CandidateId{i + 1}, day.is_special() ? clocks[i] : day);
      const Actor actor{ActorId{100 + dice.below(50)}, role, actor_unit};

      unsigned char before[sizeof(Candidate)];
      std::memcpy(before, &candidate, sizeof(Candidate));
      const Stage stage_before = candidate.stage;

      auto outcome = flow.decide(candidate, command, actor, day);
      ++counts.commands;
      const Option offered = flow.options(candidate, actor, day)[static_cast<std::size_t>(kind_of(command))];

      if (!outcome) {
        ASSERT_EQ(std::memcmp(before, &candidate, sizeof(Candidate)), 0) << "a refusal changed candidate " << i;
        if (is_terminal(stage_before) && check_date(day)) {
          ASSERT_EQ(outcome.error().code, RefusalCode::stage_is_terminal);
        }
        continue;
      }
      ASSERT_TRUE(offered.allowed()) << "options refused what decide accepted: " << offered.refusal->message();
      ASSERT_FALSE(is_terminal(stage_before)) << "a terminal stage accepted a command";
      const auto* discover = std::get_if<commands::Discover>(&command);
      const UnitId unit = discover ? discover->as.unit : candidate.unit;
      const Level level = discover ? discover->as.level : candidate.level;
      ASSERT_TRUE(policy.permits(actor, kind_of(command), stage_before, level, unit))
          << identifier(actor.role) << " got " << identifier(kind_of(command)) << " accepted without the right";

      auto applied = flow.apply(candidate, *outcome);
      ASSERT_TRUE(applied) << "apply refused an event decide made: " << applied.error().message();
      candidate = flow.evolve(candidate, *outcome);
      ASSERT_EQ(*applied, candidate) << "apply and evolve disagree on candidate " << i;
      ASSERT_TRUE(is_known(candidate.stage));
      ASSERT_TRUE(lifecycle_table.has_transition(stage_before, kind_of(command)));
      journals[i].push_back(*outcome);
      ++counts.reached[static_cast<std::size_t>(candidate.stage)];
      clocks[i] = day;
      ++counts.accepted;
    }
  }

  for (unsigned i = 0; i < candidates; ++i) {
    Candidate replayed;
    for (const Event& event : journals[i]) replayed = flow.evolve(replayed, event);
    ASSERT_EQ(replayed, states[i]) << "replay of candidate " << i;
  }
}

TEST(Invariants, HoldOnOneHundredThousandRandomCommands) {
  StreamCounts counts;
  for (std::uint64_t seed : {20210101ULL, 20250331ULL}) run_stream(seed, 1500, 40, counts);
  const long commands = counts.commands;
  const long accepted = counts.accepted;

  EXPECT_GE(commands, 100000);
  EXPECT_GT(accepted, commands / 20);
  for (Stage stage : all_values<Stage>()) {
    if (stage != Stage::initial) {
      EXPECT_GT(counts.reached[static_cast<std::size_t>(stage)], 0) << identifier(stage);
    }
  }
  RecordProperty("commands", static_cast<int>(commands));
  RecordProperty("accepted", static_cast<int>(accepted));
}

}  // namespace
}  // namespace exemplar
