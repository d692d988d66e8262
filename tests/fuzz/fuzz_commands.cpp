// Any bytes as a stream of lifecycle commands: which candidate, which command with which arguments
// (enum values in and out of range, any text), which actor of which role and unit, on which date
// (forward, backward, special). Checked on every command: a refusal leaves the candidate exactly as
// it was; an accepted command came from a non-terminal stage, was within the actor's rights, and its
// event applies to a known stage, and a commendation's award was in the actor's power or proposed
// upward before. At the end, the accepted events replayed from nothing give every candidate's
// state. Half the inputs run against the workflow of a running seed plan (003: its roadmap's
// timings, its extra arrow, its quotas counted afresh for each input, its soft criteria guard).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <exemplar/lifecycle.hpp>
#include <exemplar/plan.hpp>

namespace {

namespace bg = boost::gregorian;
using namespace exemplar;

constexpr std::size_t candidate_count = 3;

/// A host that has no evidence for anyone: the plan's soft guard warns at registration.
class NoEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId) const override { return nullptr; }
};

/// The award powers of `role` in the workflow's procedure.
AwardPower power_of(const Workflow& flow, Role role) {
  for (const AwardPower& power : flow.procedure().awards) {
    if (power.role == role) return power;
  }
  return AwardPower{role, {}, {}};
}

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
      // Braced initialisers are evaluated in order, so the bytes are read in the order written.
      return commands::Discover{CandidateId{in.ConsumeIntegralInRange<std::uint32_t>(0, candidate_count + 1)},
                                {any_enum<Subject>(in), UnitId{in.ConsumeIntegralInRange<std::uint32_t>(0, 4)},
                                 any_enum<Position>(in), any_enum<Field>(in), any_enum<Level>(in), any_text(in)}};
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
    case 11: return commands::Revoke{any_text(in)};
    default: return commands::Propose{any_enum<Award>(in)};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Workflow plain;
  static const NoEvidence no_evidence;
  static const std::unique_ptr<RunningPlan> running = [] {
    auto made = RunningPlan::make(plans::hatinh_industry_trade_2021_2025(), no_evidence);
    if (!made) std::abort();
    return std::move(*made);
  }();
  // Each input counts its quotas from nothing, so that it runs the same whatever ran before it.
  running->tally() = QuotaTally{running->roadmap(), running->plan().procedure};
  const Workflow& gated = running->workflow();

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
    const UnitId unit = discover ? discover->as.unit : candidate.unit;
    const Level level = discover ? discover->as.level : candidate.level;
    if (is_terminal(copy.stage) || !flow.policy().permits(actor, kind_of(command), copy.stage, level, unit)) {
      std::abort();
    }
    if (const auto* commend = std::get_if<commands::Commend>(&command)) {
      if (!power_of(flow, actor.role).grants.contains(commend->award) && !copy.proposed_awards.contains(commend->award)) {
        std::abort();
      }
    }
    if (outcome->actor_unit != actor.unit || outcome->kind() != kind_of(command)) std::abort();
    candidate = flow.evolve(candidate, *outcome);
    if (!is_known(candidate.stage) || !flow.table().has_transition(copy.stage, kind_of(command))) std::abort();
    if (&flow == &gated) running->tally().record(*outcome, copy);
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
