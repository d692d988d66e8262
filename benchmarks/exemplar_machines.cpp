// exemplar's own lifecycle on the shared stream, as a host calls it: Workflow::decide, then
// Workflow::evolve, over a 64-byte Candidate per candidate, with the default Workflow (authority by
// Policy::defaults(), CouncilRules{}, no gate). decide checks what the same-rules peers check (the
// table's arrows and guards, authority, date order, the dossier, the council's votes against its
// membership) and more: the date's range, every text's length and UTF-8, the decision number, the
// ids; it builds the Event a host journals, or the whole Refusal it shows.
#include <exemplar/lifecycle.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace bg = boost::gregorian;
using C = CommandKind;

/// The first day of the stream; step.day counts from it.
const bg::date kFirstDay{2021, 1, 4};

class ExemplarMachines : public Machines {
 public:
  explicit ExemplarMachines(std::uint32_t candidates) : candidates_(candidates) {
    const Stream& stream = stream_for(candidates);
    dates_.reserve(std::size_t{stream.last_day} + 1);
    for (std::size_t day = 0; day <= stream.last_day; ++day) dates_.push_back(kFirstDay + bg::days(static_cast<long>(day)));
    // Every text is at most 15 bytes, so std::string keeps it inline (no allocation).
    discover_ = commands::Discover{CandidateId{1}, Subject::individual, UnitId{1}, Position::staff,
                                   Field::inspection, kDiscoverLevel, "Sáng kiến"};
    foster_ = commands::Foster{ActorId{800000}};
    register_[0] = commands::Register{""};
    register_[1] = commands::Register{"Hồ sơ số 1"};
    for (std::uint8_t votes = 0; votes <= kCouncilMembers; ++votes) {
      const ReviewVotes review = review_votes(votes);
      review_[votes] = commands::Review{review.members, review.present, review.votes_for, review.votes_against};
    }
    recognize_ = commands::Recognize{"45/QĐ-TTr", kFirstDay};
    commend_ = commands::Commend{Award::agency_certificate};
    replicate_ = commands::Replicate{Replication::meeting, "Hội nghị"};
    withdraw_ = commands::Withdraw{"Rút đăng ký"};
    reject_ = commands::Reject{"Không đạt"};
    disqualify_ = commands::Disqualify{"Kỷ luật"};
    nominate_ = commands::Nominate{};
    revoke_ = commands::Revoke{"Gian lận"};
    propose_ = commands::Propose{Award::provincial_certificate};
    // The host's lookup from a step to its command: a table, not a switch per step.
    for (std::size_t kind = 0; kind < command_count; ++kind) {
      for (std::size_t arg = 0; arg <= kCouncilMembers; ++arg) {
        commands_[kind][arg] = &prepared(static_cast<C>(kind), static_cast<std::uint8_t>(arg));
      }
    }
  }

  void reset_all() override {
    std::fill(candidates_.begin(), candidates_.end(), Candidate{});
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& candidate : candidates_) {
      if (is_terminal(candidate.stage)) candidate = Candidate{};
    }
  }
  void run(const Step* first, const Step* last) override {
    std::uint64_t refused = 0;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(candidates_, step, last);
      Candidate& candidate = candidates_[step->candidate];
      const bg::date date = dates_[step->day];
      // Discover and recognize carry per-step facts; writing them every step costs less than asking.
      auto& discover = *std::get_if<commands::Discover>(&discover_);
      discover.id = CandidateId{step->candidate + 1};
      discover.as.unit = UnitId{unit_of(step->candidate)};
      std::get_if<commands::Recognize>(&recognize_)->decision_date = date;
      const StepActor who = actor_for(step->kind, candidate.stage, step->candidate);
      const Actor actor{ActorId{who.id}, who.role, UnitId{who.unit}};
      const Command& command = *commands_[static_cast<std::size_t>(step->kind)][step->arg <= kCouncilMembers ? step->arg : 0];
      auto event = flow_.decide(candidate, command, actor, date);
      if (!event) {
        ++refused;
        continue;
      }
      candidate = flow_.evolve(candidate, *event);
    }
    refused_ += refused;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (const auto& candidate : candidates_) ++counts[static_cast<std::size_t>(candidate.stage)];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(Candidate); }

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
      case C::propose: return propose_;
    }
    return nominate_;
  }

  Workflow flow_;
  std::vector<Candidate> candidates_;
  std::vector<bg::date> dates_;
  Command discover_, foster_, recognize_, commend_, replicate_, withdraw_, reject_, disqualify_, nominate_, revoke_, propose_;
  std::array<Command, 2> register_;
  std::array<Command, kCouncilMembers + 1> review_;
  std::array<std::array<const Command*, kCouncilMembers + 1>, command_count> commands_{};
  std::uint64_t refused_ = 0;
};

}  // namespace

std::unique_ptr<Machines> make_exemplar(std::uint32_t candidates) {
  return std::make_unique<ExemplarMachines>(candidates);
}

}  // namespace exemplar::bench
