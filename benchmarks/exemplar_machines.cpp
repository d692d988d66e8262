// exemplar's own lifecycle on the shared stream, with the default authority policy, the dates and
// every command's arguments checked, exactly as a host calls it, in two forms:
//   exemplar          Workflow::advance over a 16-byte Standing per candidate: decide and evolve in
//                     one step, for sweeps (the same rules; a refusal is a code)
//   exemplar_events   Workflow::decide, then Workflow::evolve, over a 64-byte Candidate: the event a
//                     host journals and the full refusal it shows
#include <exemplar/lifecycle.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;
using C = CommandKind;

/// The first day of the stream; step.day counts from it.
const bg::date kFirstDay{2021, 1, 4};

/// The people acting: for each command the role the default policy allows (authority.cpp).
const Actor kCouncil{ActorId{900001}, Role::council, UnitId{1}};
const Actor kAgencyHead{ActorId{900002}, Role::agency_head, UnitId{1}};
const Actor kSecretariat{ActorId{900003}, Role::secretariat, UnitId{1}};


/// One step of each form: true when the step was taken.
struct Sweep {
  using State = Standing;
  static bool step(const Workflow& flow, Standing& state, const Command& command, const Actor& actor, bg::date date) {
    return !flow.advance(state, command, actor, date);
  }
};
struct Events {
  using State = Candidate;
  static bool step(const Workflow& flow, Candidate& state, const Command& command, const Actor& actor, bg::date date) {
    auto event = flow.decide(state, command, actor, date);
    if (!event) return false;
    state = flow.evolve(state, *event);
    return true;
  }
};

template <class Form>
class ExemplarMachines : public Machines {
  using State = typename Form::State;

 public:
  explicit ExemplarMachines(std::uint32_t candidates) : candidates_(candidates) {
    const Stream& stream = stream_for(candidates);
    dates_.reserve(std::size_t{stream.last_day} + 1);
    for (std::size_t day = 0; day <= stream.last_day; ++day) dates_.push_back(kFirstDay + bg::days(static_cast<long>(day)));
    // Every text is at most 15 bytes, so std::string keeps it inline (no allocation).
    discover_ = commands::Discover{CandidateId{1}, Subject::individual, UnitId{1}, Position::staff,
                                   Field::inspection, Level::unit, "Sáng kiến"};
    foster_ = commands::Foster{ActorId{800000}};
    register_[0] = commands::Register{""};
    register_[1] = commands::Register{"Hồ sơ số 1"};
    for (std::uint16_t votes = 0; votes <= kCouncilMembers; ++votes) {
      review_[votes] = commands::Review{kCouncilMembers, kCouncilMembers, votes,
                                        static_cast<std::uint16_t>(kCouncilMembers - votes)};
    }
    recognize_ = commands::Recognize{"45/QĐ-TTr", kFirstDay};
    commend_ = commands::Commend{Award::agency_certificate};
    replicate_ = commands::Replicate{Replication::meeting, "Hội nghị"};
    withdraw_ = commands::Withdraw{"Rút đăng ký"};
    reject_ = commands::Reject{"Không đạt"};
    disqualify_ = commands::Disqualify{"Kỷ luật"};
    nominate_ = commands::Nominate{};
    revoke_ = commands::Revoke{"Gian lận"};
    // The host's lookup from a step to its command and actor: tables, not a switch per step.
    for (std::size_t kind = 0; kind < command_count; ++kind) {
      for (std::size_t arg = 0; arg <= kCouncilMembers; ++arg) {
        commands_[kind][arg] = &prepared(static_cast<C>(kind), static_cast<std::uint8_t>(arg));
      }
      const C k = static_cast<C>(kind);
      by_unit_head_[kind] = k == C::discover || k == C::foster || k == C::register_ || k == C::withdraw;
      actors_[kind][0] = k == C::review ? kCouncil : k == C::replicate ? kSecretariat : kAgencyHead;
      actors_[kind][1] = k == C::review || k == C::reject ? kCouncil : actors_[kind][0];
    }
  }

  void reset_all() override {
    std::fill(candidates_.begin(), candidates_.end(), State{});
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& candidate : candidates_) {
      if (is_terminal(candidate.stage)) candidate = State{};
    }
  }
  void run(const Step* first, const Step* last) override {
    std::uint64_t refused = 0;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(candidates_, step, last);
      State& candidate = candidates_[step->candidate];
      const bg::date date = dates_[step->day];
      const auto kind = static_cast<std::size_t>(step->kind);
      const std::uint32_t unit = unit_of(step->candidate);
      // Discover and recognize carry per-step facts; writing them every step costs less than asking.
      auto& discover = *std::get_if<commands::Discover>(&discover_);
      discover.id = CandidateId{step->candidate + 1};
      discover.unit = UnitId{unit};
      std::get_if<commands::Recognize>(&recognize_)->decision_date = date;
      // The unit head of the candidate's unit for the unit's own steps, a fixed role otherwise.
      const Actor& fixed = actors_[kind][candidate.stage == Stage::registered ? 1 : 0];
      const bool own = by_unit_head_[kind];
      const Actor actor{ActorId{own ? unit : fixed.id.value()}, own ? Role::unit_head : fixed.role,
                        UnitId{own ? unit : fixed.unit.value()}};
      const Command& command = *commands_[kind][step->arg <= kCouncilMembers ? step->arg : 0];
      if (!Form::step(flow_, candidate, command, actor, date)) ++refused;
    }
    refused_ += refused;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (const auto& candidate : candidates_) ++counts[static_cast<std::size_t>(candidate.stage)];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(State); }

 private:
  /// The command prepared for a kind and a step's argument (register: a dossier or none; review:
  /// the votes for).
  Command& prepared(C kind, std::uint8_t arg) {
    switch (kind) {
      case C::discover: return discover_;
      case C::foster: return foster_;
      case C::register_: return register_[arg != 0 ? 1 : 0];
      case C::review: return review_[arg];
      case C::recognize: return recognize_;
      case C::commend: return commend_;
      case C::replicate: return replicate_;
      case C::withdraw: return withdraw_;
      case C::reject: return reject_;
      case C::disqualify: return disqualify_;
      case C::nominate: return nominate_;
      case C::revoke: return revoke_;
    }
    return nominate_;
  }

  Workflow flow_;
  std::vector<State> candidates_;
  std::vector<bg::date> dates_;
  Command discover_, foster_, recognize_, commend_, replicate_, withdraw_, reject_, disqualify_, nominate_, revoke_;
  std::array<Command, 2> register_;
  std::array<Command, kCouncilMembers + 1> review_;
  std::array<std::array<const Command*, kCouncilMembers + 1>, command_count> commands_{};
  std::array<std::array<Actor, 2>, command_count> actors_{};  ///< [kind][stage is registered]
  std::array<bool, command_count> by_unit_head_{};
  std::uint64_t refused_ = 0;
};

}  // namespace

std::unique_ptr<Machines> make_exemplar(std::uint32_t candidates) {
  return std::make_unique<ExemplarMachines<Sweep>>(candidates);
}
std::unique_ptr<Machines> make_exemplar_events(std::uint32_t candidates) {
  return std::make_unique<ExemplarMachines<Events>>(candidates);
}

std::size_t exemplar_candidate_bytes() noexcept { return sizeof(Candidate); }

}  // namespace exemplar::bench
