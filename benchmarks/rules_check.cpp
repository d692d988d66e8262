// The same-rules peers' hand-written rules (rules.hpp) against exemplar's, checked once at start-up,
// before anything is timed: a peer that checked less than it claims would make the ratios lie, and
// the histogram check alone cannot see it, because the stream never exercises most refusals.
#include <string>

#include <exemplar/labels.hpp>
#include <exemplar/lifecycle.hpp>

#include "rules.hpp"

namespace exemplar::bench {
namespace {

// The shares stream.hpp spells out are CouncilRules' defaults.
static_assert(CouncilRules{}.quorum == Fraction{kQuorumNumerator, kQuorumDenominator, false},
              "stream.hpp's quorum is not CouncilRules' default");
static_assert(CouncilRules{}.approval == Fraction{kApprovalNumerator, kApprovalDenominator, true},
              "stream.hpp's approval is not CouncilRules' default");

/// An enumerator's stable name, for the message.
template <class E>
std::string name(E value) {
  return std::string(identifier(value));
}

/// Every command, role, stage and level, with the candidate in the actor's unit, in another, and in
/// none: rules::permitted must answer as Policy::defaults().permits does.
std::string authority_mismatch() {
  const Policy policy = Policy::defaults();
  if (policy.grants().size() != rules::kGrantCount) return "rules.hpp has not as many grants as Policy::defaults()";
  constexpr std::uint32_t kActorUnit = 5;
  for (std::size_t command = 0; command < command_count; ++command) {
    for (std::size_t role = 0; role < role_count; ++role) {
      for (std::size_t stage = 0; stage < stage_count; ++stage) {
        for (std::size_t level = 0; level < level_count; ++level) {
          for (std::uint32_t unit : {kActorUnit, kActorUnit + 1, 0U}) {
            const auto kind = static_cast<CommandKind>(command);
            const StepActor who{1, static_cast<Role>(role), kActorUnit};
            const Actor actor{ActorId{who.id}, who.role, UnitId{who.unit}};
            const bool peer = rules::permitted(who, kind, static_cast<Stage>(stage), static_cast<Level>(level), unit);
            const bool lib = policy.permits(actor, kind, static_cast<Stage>(stage), static_cast<Level>(level), UnitId{unit});
            if (peer != lib) {
              return "authority differs for " + name(kind) + " by " + name(who.role) + " at " +
                     name(static_cast<Stage>(stage)) + ", level " + name(static_cast<Level>(level)) + ", unit " +
                     std::to_string(unit) + " (the actor's: " + std::to_string(kActorUnit) + ")";
            }
          }
        }
      }
    }
  }
  return {};
}

/// Every sitting and ballot of up to 9 members, each a little out of range too: rules::council_verdict
/// must refuse, propose or not as exemplar's decide does for a registered candidate.
std::string council_mismatch() {
  const Workflow flow;
  const boost::gregorian::date day{2022, 3, 1};
  const UnitId unit{7};
  const Actor head{ActorId{7}, Role::unit_head, unit};
  const Actor council{ActorId{kAgencyActorBase + 3}, Role::council, UnitId{kAgencyUnit}};
  Candidate registered;
  const Command walk[] = {
      commands::Discover{CandidateId{1}, Subject::individual, unit, Position::staff, Field::inspection, kDiscoverLevel,
                         "Sáng kiến"},
      commands::Foster{ActorId{9}},
      commands::Register{"Hồ sơ số 1"},
  };
  for (const Command& command : walk) {
    auto event = flow.decide(registered, command, head, day);
    if (!event) return "could not walk a candidate to registered: " + event.error().message();
    registered = flow.evolve(registered, *event);
  }
  constexpr std::uint16_t kMostMembers = 9;
  for (std::uint16_t members = 0; members <= kMostMembers; ++members) {
    for (std::uint16_t present = 0; present <= members + 1; ++present) {
      for (std::uint16_t votes_for = 0; votes_for <= present + 1; ++votes_for) {
        for (std::uint16_t votes_against = 0; votes_against <= present + 1; ++votes_against) {
          const ReviewVotes votes{members, present, votes_for, votes_against};
          const rules::Verdict peer = rules::council_verdict(votes);
          const auto event = flow.decide(registered, commands::Review{members, present, votes_for, votes_against},
                                         council, day);
          const rules::Verdict lib = !event                                                ? rules::Verdict::refused
                                     : std::get<events::Reviewed>(event->data).proposed ? rules::Verdict::proposes
                                                                                          : rules::Verdict::does_not_propose;
          if (peer != lib) {
            return "the council's verdict differs for " + std::to_string(votes_for) + " for, " +
                   std::to_string(votes_against) + " against, " + std::to_string(present) + " present of " +
                   std::to_string(members);
          }
        }
      }
    }
  }
  return {};
}

}  // namespace

std::string peer_rules_mismatch() {
  std::string found = authority_mismatch();
  if (found.empty()) found = council_mismatch();
  return found;
}

}  // namespace exemplar::bench
