// The lifecycle as a Boost.MSM state machine (back::state_machine over a functor-row front end), in
// two configurations: lean (no exceptions, no message queue) and MSM's defaults.
//
// Boost.MPL's preprocessed sequences stop at 20 elements; the table has 26 rows. MSM 1.74 still
// includes headers Boost has deprecated, which print a note each unless told not to.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 30
#define BOOST_MPL_LIMIT_MAP_SIZE 30
#define BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_BIND_GLOBAL_PLACEHOLDERS

#include <boost/mpl/vector.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

namespace front = boost::msm::front;
using S = Stage;
using C = CommandKind;

template <C Kind>
struct Ev {
  std::uint8_t arg;
};

template <S Stage_>
struct St : front::state<> {
  static constexpr S stage = Stage_;
};

struct HasDossier {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const { return event.arg != 0; }
};
struct Proposed {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const { return event.arg >= kProposingVotes; }
};
struct NotProposed {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const { return event.arg < kProposingVotes; }
};

template <bool Lean>
struct Config {};
template <>
struct Config<true> {
  using no_exception_thrown = int;
  using no_message_queue = int;
};

template <bool Lean>
struct Lifecycle : front::state_machine_def<Lifecycle<Lean>>, Config<Lean> {
  using initial_state = St<S::initial>;
  using none = front::none;

  using transition_table = boost::mpl::vector<
      front::Row<St<S::initial>, Ev<C::discover>, St<S::discovered>, none, none>,
      front::Row<St<S::discovered>, Ev<C::foster>, St<S::fostered>, none, none>,
      front::Row<St<S::discovered>, Ev<C::withdraw>, St<S::withdrawn>, none, none>,
      front::Row<St<S::discovered>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::fostered>, Ev<C::register_>, St<S::registered>, none, HasDossier>,
      front::Row<St<S::fostered>, Ev<C::withdraw>, St<S::withdrawn>, none, none>,
      front::Row<St<S::fostered>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::registered>, Ev<C::review>, St<S::reviewed>, none, Proposed>,
      front::Row<St<S::registered>, Ev<C::review>, St<S::rejected>, none, NotProposed>,
      front::Row<St<S::registered>, Ev<C::withdraw>, St<S::withdrawn>, none, none>,
      front::Row<St<S::registered>, Ev<C::reject>, St<S::rejected>, none, none>,
      front::Row<St<S::registered>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::reviewed>, Ev<C::recognize>, St<S::recognized>, none, none>,
      front::Row<St<S::reviewed>, Ev<C::reject>, St<S::rejected>, none, none>,
      front::Row<St<S::reviewed>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::recognized>, Ev<C::commend>, St<S::commended>, none, none>,
      front::Row<St<S::recognized>, Ev<C::reject>, St<S::rejected>, none, none>,
      front::Row<St<S::recognized>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::commended>, Ev<C::replicate>, St<S::replicated>, none, none>,
      front::Row<St<S::commended>, Ev<C::nominate>, St<S::registered>, none, none>,
      front::Row<St<S::commended>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::commended>, Ev<C::revoke>, St<S::revoked>, none, none>,
      front::Row<St<S::replicated>, Ev<C::replicate>, St<S::replicated>, none, none>,
      front::Row<St<S::replicated>, Ev<C::nominate>, St<S::registered>, none, none>,
      front::Row<St<S::replicated>, Ev<C::disqualify>, St<S::disqualified>, none, none>,
      front::Row<St<S::replicated>, Ev<C::revoke>, St<S::revoked>, none, none>>;

  /// An event with no row: the state is unchanged (MSM's default asserts). process_event's result
  /// tells the harness, for this and for guards that refuse.
  template <class M, class Event>
  void no_transition(const Event&, M&, int) {}
};

template <class Machine>
class MsmMachines : public Machines {
 public:
  explicit MsmMachines(std::uint32_t candidates) {
    pristine_.start();
    machines_.assign(candidates, pristine_);
    fill_stage_of_id();
  }

  void reset_all() override {
    for (auto& machine : machines_) machine = pristine_;
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& machine : machines_) {
      if (is_terminal(stage_of_id_[static_cast<std::size_t>(machine.current_state()[0])])) machine = pristine_;
    }
  }
  void run(const Step* first, const Step* last) override {
    std::uint64_t refused = 0;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(machines_, step, last);
      refused += dispatch(machines_[step->candidate], *step) != boost::msm::back::HANDLED_TRUE;
    }
    refused_ += refused;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (const auto& machine : machines_) {
      ++counts[static_cast<std::size_t>(stage_of_id_[static_cast<std::size_t>(machine.current_state()[0])])];
    }
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(Machine); }

 private:
  static boost::msm::back::HandledEnum dispatch(Machine& machine, const Step& step) {
    switch (step.kind) {
      case C::discover: return machine.process_event(Ev<C::discover>{step.arg});
      case C::foster: return machine.process_event(Ev<C::foster>{step.arg});
      case C::register_: return machine.process_event(Ev<C::register_>{step.arg});
      case C::review: return machine.process_event(Ev<C::review>{step.arg});
      case C::recognize: return machine.process_event(Ev<C::recognize>{step.arg});
      case C::commend: return machine.process_event(Ev<C::commend>{step.arg});
      case C::replicate: return machine.process_event(Ev<C::replicate>{step.arg});
      case C::withdraw: return machine.process_event(Ev<C::withdraw>{step.arg});
      case C::reject: return machine.process_event(Ev<C::reject>{step.arg});
      case C::disqualify: return machine.process_event(Ev<C::disqualify>{step.arg});
      case C::nominate: return machine.process_event(Ev<C::nominate>{step.arg});
      case C::revoke: return machine.process_event(Ev<C::revoke>{step.arg});
    }
    return boost::msm::back::HANDLED_FALSE;
  }

  template <S Stage_>
  void note() {
    stage_of_id_.at(static_cast<std::size_t>(boost::msm::back::get_state_id<typename Machine::stt, St<Stage_>>::value)) = Stage_;
  }
  void fill_stage_of_id() {
    note<S::initial>();
    note<S::discovered>();
    note<S::fostered>();
    note<S::registered>();
    note<S::reviewed>();
    note<S::recognized>();
    note<S::commended>();
    note<S::replicated>();
    note<S::withdrawn>();
    note<S::rejected>();
    note<S::disqualified>();
    note<S::revoked>();
  }

  Machine pristine_;
  std::vector<Machine> machines_;
  std::array<S, stage_count> stage_of_id_{};
  std::uint64_t refused_ = 0;
};

}  // namespace

std::unique_ptr<Machines> make_msm(std::uint32_t candidates) {
  return std::make_unique<MsmMachines<boost::msm::back::state_machine<Lifecycle<true>>>>(candidates);
}
std::unique_ptr<Machines> make_msm_defaults(std::uint32_t candidates) {
  return std::make_unique<MsmMachines<boost::msm::back::state_machine<Lifecycle<false>>>>(candidates);
}

}  // namespace exemplar::bench
