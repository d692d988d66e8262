// statechart: the lifecycle as a Boost.Statechart machine: one simple_state per stage, transitions
// as reactions, the two guarded steps (register, review) as custom reactions on the step's
// argument. A reference row: like the _bare peers it checks no authority, date or council rule.
#include <boost/mpl/list.hpp>
#include <boost/statechart/custom_reaction.hpp>
#include <boost/statechart/event.hpp>
#include <boost/statechart/simple_state.hpp>
#include <boost/statechart/state_machine.hpp>
#include <boost/statechart/transition.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace sc = boost::statechart;
namespace mpl = boost::mpl;
using S = Stage;
using C = CommandKind;

/// Refusals of every Statechart machine; the harness reads the difference around a run.
std::uint64_t statechart_refused = 0;

template <C Kind>
struct Ev : sc::event<Ev<Kind>> {
  explicit Ev(std::uint8_t value) : arg(value) {}
  std::uint8_t arg;
};

/// Lets the harness read the stage of the active state (outside the timing: it is a dynamic_cast).
struct HasStage {
  virtual ~HasStage() = default;
  [[nodiscard]] virtual S stage() const = 0;
};

template <S Stage_>
struct St;

struct Machine : sc::state_machine<Machine, St<S::initial>> {
  void unconsumed_event(const sc::event_base&) { ++statechart_refused; }
};

template <S Stage_, class Reactions = mpl::list<>>
struct Base : sc::simple_state<St<Stage_>, Machine>, HasStage {
  using reactions = Reactions;
  [[nodiscard]] S stage() const override { return Stage_; }
};

template <C Kind, S Target>
using To = sc::transition<Ev<Kind>, St<Target>>;

template <>
struct St<S::initial> : Base<S::initial, mpl::list<To<C::discover, S::discovered>>> {};
template <>
struct St<S::discovered>
    : Base<S::discovered, mpl::list<To<C::foster, S::fostered>, To<C::withdraw, S::withdrawn>,
                                    To<C::disqualify, S::disqualified>>> {};
template <>
struct St<S::fostered>
    : Base<S::fostered, mpl::list<sc::custom_reaction<Ev<C::register_>>, To<C::withdraw, S::withdrawn>,
                                  To<C::disqualify, S::disqualified>>> {
  sc::result react(const Ev<C::register_>& event);
};
template <>
struct St<S::registered>
    : Base<S::registered, mpl::list<sc::custom_reaction<Ev<C::review>>, To<C::withdraw, S::withdrawn>,
                                    To<C::reject, S::rejected>, To<C::disqualify, S::disqualified>>> {
  sc::result react(const Ev<C::review>& event);
};
template <>
struct St<S::reviewed>
    : Base<S::reviewed, mpl::list<To<C::recognize, S::recognized>, To<C::reject, S::rejected>,
                                  To<C::disqualify, S::disqualified>>> {};
template <>
struct St<S::recognized>
    : Base<S::recognized, mpl::list<To<C::commend, S::commended>, To<C::reject, S::rejected>,
                                    To<C::disqualify, S::disqualified>>> {};
template <>
struct St<S::commended>
    : Base<S::commended, mpl::list<To<C::replicate, S::replicated>, To<C::nominate, S::registered>,
                                   To<C::disqualify, S::disqualified>, To<C::revoke, S::revoked>>> {};
template <>
struct St<S::replicated>
    : Base<S::replicated, mpl::list<To<C::replicate, S::replicated>, To<C::nominate, S::registered>,
                                    To<C::disqualify, S::disqualified>, To<C::revoke, S::revoked>>> {};
template <>
struct St<S::withdrawn> : Base<S::withdrawn> {};
template <>
struct St<S::rejected> : Base<S::rejected> {};
template <>
struct St<S::disqualified> : Base<S::disqualified> {};
template <>
struct St<S::revoked> : Base<S::revoked> {};

sc::result St<S::fostered>::react(const Ev<C::register_>& event) {
  if (event.arg != 0) return transit<St<S::registered>>();
  ++statechart_refused;
  return discard_event();
}

sc::result St<S::registered>::react(const Ev<C::review>& event) {
  if (event.arg >= kProposingVotes) return transit<St<S::reviewed>>();
  return transit<St<S::rejected>>();
}

class StatechartMachines : public Machines {
 public:
  explicit StatechartMachines(std::uint32_t candidates) : machines_(candidates) { reset_all(); }

  void reset_all() override {
    for (auto& machine : machines_) machine.initiate();
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& machine : machines_) {
      if (is_terminal(stage_of(machine))) machine.initiate();
    }
  }
  void run(const Step* first, const Step* last) override {
    const std::uint64_t before = statechart_refused;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(machines_, step, last);
      dispatch(machines_[step->candidate], *step);
    }
    refused_ += statechart_refused - before;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (const auto& machine : machines_) ++counts[static_cast<std::size_t>(stage_of(machine))];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(Machine); }

 private:
  static S stage_of(const Machine& machine) { return machine.state_cast<const HasStage&>().stage(); }

  static void dispatch(Machine& machine, const Step& step) {
    switch (step.kind) {
      case C::discover: machine.process_event(Ev<C::discover>{step.arg}); break;
      case C::foster: machine.process_event(Ev<C::foster>{step.arg}); break;
      case C::register_: machine.process_event(Ev<C::register_>{step.arg}); break;
      case C::review: machine.process_event(Ev<C::review>{step.arg}); break;
      case C::recognize: machine.process_event(Ev<C::recognize>{step.arg}); break;
      case C::commend: machine.process_event(Ev<C::commend>{step.arg}); break;
      case C::replicate: machine.process_event(Ev<C::replicate>{step.arg}); break;
      case C::withdraw: machine.process_event(Ev<C::withdraw>{step.arg}); break;
      case C::reject: machine.process_event(Ev<C::reject>{step.arg}); break;
      case C::disqualify: machine.process_event(Ev<C::disqualify>{step.arg}); break;
      case C::nominate: machine.process_event(Ev<C::nominate>{step.arg}); break;
      case C::revoke: machine.process_event(Ev<C::revoke>{step.arg}); break;
      case C::propose: break;  // never in the stream (stream.cpp)
    }
  }

  std::vector<Machine> machines_;
  std::uint64_t refused_ = 0;
};

}  // namespace

std::unique_ptr<Machines> make_statechart(std::uint32_t candidates) {
  return std::make_unique<StatechartMachines>(candidates);
}

}  // namespace exemplar::bench
