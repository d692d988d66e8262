// benchmarks/peer_machines.hpp: the harness side of a hand-made peer (switch, table and their
// _bare rows): one State per candidate in a vector, the loop that feeds a block, the resets and
// the counts. The peers differ only in Peer::step, so the loop around it is the same for all four.
#pragma once

#include <algorithm>
#include <vector>

#include "stream.hpp"

namespace exemplar::bench {

/// A hand-made peer's machines. `Peer` names its `State` (value-initialised means `initial`), reads
/// a state's `stage_of`, and takes one step with `bool step(State&, const Step&) const`: true when
/// the step is taken, false (the state unchanged) when it is refused.
template <class Peer>
class PeerMachines : public Machines {
 public:
  using State = typename Peer::State;

  explicit PeerMachines(std::uint32_t candidates) : states_(candidates) {}

  void reset_all() override {
    std::fill(states_.begin(), states_.end(), State{});
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& state : states_) {
      if (is_terminal(Peer::stage_of(state))) state = State{};
    }
  }
  void run(const Step* first, const Step* last) override {
    std::uint64_t refused = 0;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(states_, step, last);
      if (!peer_.step(states_[step->candidate], *step)) ++refused;
    }
    refused_ += refused;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (const auto& state : states_) ++counts[static_cast<std::size_t>(Peer::stage_of(state))];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(State); }

 private:
  Peer peer_;
  std::vector<State> states_;
  std::uint64_t refused_ = 0;
};

}  // namespace exemplar::bench
