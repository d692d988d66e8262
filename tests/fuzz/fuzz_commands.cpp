// Any bytes as a stream of lifecycle commands: which candidate, which command with which arguments
// (enum values in and out of range, any text), which actor of which role and unit, on which date
// (forward, backward, special). Checked on every command: a refusal leaves the candidate exactly as
// it was; an accepted command came from a non-terminal stage, was within the actor's rights, and its
// event applies to a known stage. At the end, the accepted events replayed from nothing give every
// candidate's state. Half the inputs run against a workflow gated by a seed's roadmap windows.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <exemplar/lifecycle.hpp>
#include <exemplar/timetables.hpp>
#include <exemplar/window.hpp>

namespace {

namespace bg = boost::gregorian;
using namespace exemplar;

constexpr std::size_t candidate_count = 3;

template <typename E>
E any_enum(FuzzedDataProvider& in) {
  return static_cast<E>(in.ConsumeIntegral<std::uint8_t>() % 16);
}

std::string any_text(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0) return std::string(in.ConsumeIntegralInRange<std::size_t>(0, 9000), 'a');
  return in.ConsumeRandomLengthString(200);
}

bg::date any_date(FuzzedDataProvider& in, bg::date clock) {
  switch (in.ConsumeIntegralInRange<int>(0, 31)) {
    case 0: return bg::date{bg::not_a_date_time};
    case 1: return bg::date{bg::pos_infin};
    case 2: return bg::date{bg::neg_infin};
    case 3: return bg::date{bg::min_date_time};
    case 4: return bg::date{bg::max_date_time};
    case 5: return clock + bg::days(in.ConsumeIntegralInRange<int>(-30000, 30000));
    default: return clock + bg::days(in.ConsumeIntegralInRange<int>(-5, 40));
  }
}

Command any_command(FuzzedDataProvider& in, bg::date clock) {
  switch (in.ConsumeIntegralInRange<std::size_t>(0, command_count - 1)) {
    case 0:
      return commands::Discover{CandidateId{in.ConsumeIntegralInRange<std::uint32_t>(0, candidate_count + 1)},
                                any_enum<Subject>(in), UnitId{in.ConsumeIntegralInRange<std::uint32_t>(0, 4)},
                                any_enum<Position>(in), any_enum<Field>(in), any_enum<Level>(in), any_text(in)};
    case 1: return commands::Foster{ActorId{in.ConsumeIntegralInRange<std::uint32_t>(0, 3)}};
    case 2: return commands::Register{any_text(in)};
    case 3:
      return commands::Review{in.ConsumeIntegral<std::uint16_t>(), in.ConsumeIntegral<std::uint16_t>(),
                              in.ConsumeIntegral<std::uint16_t>(), in.ConsumeIntegral<std::uint16_t>()};
    case 4: {
      std::string number = any_text(in);
      return commands::Recognize{std::move(number), any_date(in, clock)};
    }
    case 5: return commands::Commend{any_enum<Award>(in)};
    case 6: {
      const auto activity = any_enum<Replication>(in);
      return commands::Replicate{activity, any_text(in)};
    }
    case 7: return commands::Withdraw{any_text(in)};
    case 8: return commands::Reject{any_text(in)};
    case 9: return commands::Disqualify{any_text(in)};
    case 10: return commands::Nominate{};
    default: return commands::Revoke{any_text(in)};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Workflow plain;
  static const Roadmap roadmap = timetables::hatinh_inspectorate_2021_2025();
  static const RoadmapGate gate{roadmap};
  static const Workflow gated{Policy::defaults(), CouncilRules{}, &gate};

  FuzzedDataProvider in(data, size);
  const Workflow& flow = in.ConsumeBool() ? gated : plain;
  std::array<Candidate, candidate_count> states{};
  std::array<std::vector<Event>, candidate_count> journals;
  bg::date clock{2021, 1, 4};

  while (in.remaining_bytes() > 0) {
    const std::size_t i = in.ConsumeIntegralInRange<std::size_t>(0, candidate_count - 1);
    Candidate& candidate = states[i];
    const Command command = any_command(in, clock);
    const Actor actor{ActorId{in.ConsumeIntegralInRange<std::uint32_t>(0, 200)}, any_enum<Role>(in),
                      UnitId{in.ConsumeIntegralInRange<std::uint32_t>(0, 4)}};
    const bg::date day = any_date(in, clock);

    unsigned char before[sizeof(Candidate)];
    std::memcpy(before, static_cast<const void*>(&candidate), sizeof(Candidate));
    const Candidate copy = candidate;
    const auto outcome = flow.decide(candidate, command, actor, day);

    if (!outcome) {
      if (std::memcmp(before, static_cast<const void*>(&candidate), sizeof(Candidate)) != 0 || candidate != copy) {
        std::abort();
      }
      continue;
    }
    const auto* discover = std::get_if<commands::Discover>(&command);
    const UnitId unit = discover ? discover->unit : candidate.unit;
    const Level level = discover ? discover->level : candidate.level;
    if (is_terminal(copy.stage) || !flow.policy().permits(actor, kind_of(command), copy.stage, level, unit)) {
      std::abort();
    }
    candidate = flow.evolve(candidate, *outcome);
    if (!is_known(candidate.stage) || !lifecycle_table.has_transition(copy.stage, kind_of(command))) std::abort();
    journals[i].push_back(*outcome);
    if (!day.is_special() && day > clock) clock = day;
  }

  for (std::size_t i = 0; i < candidate_count; ++i) {
    Candidate replayed;
    for (const Event& event : journals[i]) replayed = flow.evolve(replayed, event);
    if (replayed != states[i]) std::abort();
  }
  return 0;
}
