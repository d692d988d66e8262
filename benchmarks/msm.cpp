// The lifecycle as Boost.MSM state machines (back::state_machine over a functor-row front end), in
// MSM's lean configuration (no exceptions, no message queue), in two forms over one harness:
//   msm        exemplar's rules as MSM guards and actions: every row asks authority (the acting
//              role's right at the row's source stage, the candidate's level and, for own-unit
//              rights, unit) and date order, and its own guard (the dossier, the council's votes
//              against its membership, a level to nominate to); the candidate's unit, level and
//              last day live in the machine, written by the rows' actions. The rules are
//              rules.hpp's, so msm checks exactly what switch and table check.
//   msm_bare   the arrows and the two guards on the step's argument, nothing else: a reference row
//              for what MSM costs with no rules.
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

#include "rules.hpp"

namespace exemplar::bench {
namespace {

namespace front = boost::msm::front;
using S = Stage;
using C = CommandKind;

template <S Stage_>
struct St : front::state<> {
  static constexpr S stage = Stage_;
};

// ---- msm_bare --------------------------------------------------------------------------------

template <C Kind>
struct Ev {
  std::uint8_t arg;
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

struct Bare : front::state_machine_def<Bare> {
  // Lean: no exceptions to catch around each event, no queue for events sent from actions.
  using no_exception_thrown = int;
  using no_message_queue = int;
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

  /// What the host sends for a step: its argument only.
  struct Host {
    template <C Kind, class StageNow>
    Ev<Kind> event(const Step& step, StageNow) const noexcept {
      return Ev<Kind>{step.arg};
    }
  };
};

// ---- msm: the same rules as switch and table -------------------------------------------------

/// One step as the host sends it to a same-rules machine: who gives it, on which day, with which
/// argument; a discovery's unit (the command's); a review's sitting and ballot.
template <C Kind>
struct RuledEv {
  static constexpr C kind = Kind;
  StepActor actor;
  const ReviewVotes* review;  ///< a review's votes; null for other commands
  std::uint32_t unit;         ///< a discovery's unit; 0 for other commands
  std::uint16_t day;
  std::uint8_t arg;
};

/// Authority at the row's source stage, for the candidate's level and unit, and date order: what
/// every row out of a discovered candidate asks first.
struct Permitted {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M& machine, From&, To&) const {
    return rules::permitted(event.actor, E::kind, From::stage, machine.level, machine.unit) &&
           rules::in_order(machine.last_day, event.day);
  }
};
/// Discovery's authority is judged on the unit and level the command names.
struct MayDiscover {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M& machine, From&, To&) const {
    return rules::permitted(event.actor, E::kind, From::stage, kDiscoverLevel, event.unit) &&
           rules::in_order(machine.last_day, event.day);
  }
};
struct GivesDossier {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const { return rules::has_dossier(event.arg); }
};
struct CouncilProposes {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const {
    return rules::council_verdict(*event.review) == rules::Verdict::proposes;
  }
};
struct CouncilDoesNotPropose {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M&, From&, To&) const {
    return rules::council_verdict(*event.review) == rules::Verdict::does_not_propose;
  }
};
struct HasHigherLevel {
  template <class E, class M, class From, class To>
  bool operator()(const E&, M& machine, From&, To&) const { return rules::has_higher_level(machine.level); }
};
/// Every guard, in order, as MSM's functor rows take one guard per row.
template <class... Guards>
struct All {
  template <class E, class M, class From, class To>
  bool operator()(const E& event, M& machine, From& from, To& to) const {
    return (Guards{}(event, machine, from, to) && ...);
  }
};

/// Every taken step records its day.
struct Record {
  template <class E, class M, class From, class To>
  void operator()(const E& event, M& machine, From&, To&) const { machine.last_day = event.day; }
};
struct RecordDiscovery {
  template <class E, class M, class From, class To>
  void operator()(const E& event, M& machine, From&, To&) const {
    machine.unit = static_cast<std::uint16_t>(event.unit);
    machine.level = kDiscoverLevel;
    machine.last_day = event.day;
  }
};
struct RecordNomination {
  template <class E, class M, class From, class To>
  void operator()(const E& event, M& machine, From&, To&) const {
    machine.level = rules::level_above(machine.level);
    machine.last_day = event.day;
  }
};

struct Ruled : front::state_machine_def<Ruled> {
  using no_exception_thrown = int;
  using no_message_queue = int;
  using initial_state = St<S::initial>;

  // What rules::Kept holds beside the stage, which MSM keeps itself.
  std::uint16_t unit = 0;
  std::uint16_t last_day = 0;
  Level level = Level::unit;

  template <C Kind>
  using E = RuledEv<Kind>;
  template <S From, C Kind, S To, class Guard = Permitted, class Action = Record>
  using Row = front::Row<St<From>, E<Kind>, St<To>, Action, Guard>;

  using transition_table = boost::mpl::vector<
      Row<S::initial, C::discover, S::discovered, MayDiscover, RecordDiscovery>,
      Row<S::discovered, C::foster, S::fostered>,
      Row<S::discovered, C::withdraw, S::withdrawn>,
      Row<S::discovered, C::disqualify, S::disqualified>,
      Row<S::fostered, C::register_, S::registered, All<Permitted, GivesDossier>>,
      Row<S::fostered, C::withdraw, S::withdrawn>,
      Row<S::fostered, C::disqualify, S::disqualified>,
      Row<S::registered, C::review, S::reviewed, All<Permitted, CouncilProposes>>,
      Row<S::registered, C::review, S::rejected, All<Permitted, CouncilDoesNotPropose>>,
      Row<S::registered, C::withdraw, S::withdrawn>,
      Row<S::registered, C::reject, S::rejected>,
      Row<S::registered, C::disqualify, S::disqualified>,
      Row<S::reviewed, C::recognize, S::recognized>,
      Row<S::reviewed, C::reject, S::rejected>,
      Row<S::reviewed, C::disqualify, S::disqualified>,
      Row<S::recognized, C::commend, S::commended>,
      Row<S::recognized, C::reject, S::rejected>,
      Row<S::recognized, C::disqualify, S::disqualified>,
      Row<S::commended, C::replicate, S::replicated>,
      Row<S::commended, C::nominate, S::registered, All<Permitted, HasHigherLevel>, RecordNomination>,
      Row<S::commended, C::disqualify, S::disqualified>,
      Row<S::commended, C::revoke, S::revoked>,
      Row<S::replicated, C::replicate, S::replicated>,
      Row<S::replicated, C::nominate, S::registered, All<Permitted, HasHigherLevel>, RecordNomination>,
      Row<S::replicated, C::disqualify, S::disqualified>,
      Row<S::replicated, C::revoke, S::revoked>>;

  template <class M, class Event>
  void no_transition(const Event&, M&, int) {}

  /// What the host sends for a step: the actor stream.hpp names for the machine's stage now, the
  /// day and argument, and what a discovery or a review carries.
  struct Host {
    template <C Kind, class StageNow>
    RuledEv<Kind> event(const Step& step, StageNow stage_now) const noexcept {
      return RuledEv<Kind>{actor_for(Kind, stage_now(), step.candidate),
                           Kind == C::review ? &reviews[step.arg] : nullptr,
                           Kind == C::discover ? unit_of(step.candidate) : 0U, step.day, step.arg};
    }
    rules::Reviews reviews;
  };
};

// ---- the harness both forms share --------------------------------------------------------------

template <class Front>
class MsmMachines : public Machines {
  using Machine = boost::msm::back::state_machine<Front>;

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
      if (is_terminal(stage_of(machine))) machine = pristine_;
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
    for (const auto& machine : machines_) ++counts[static_cast<std::size_t>(stage_of(machine))];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(Machine); }

 private:
  [[nodiscard]] S stage_of(const Machine& machine) const noexcept {
    return stage_of_id_[static_cast<std::size_t>(machine.current_state()[0])];
  }

  template <C Kind>
  boost::msm::back::HandledEnum fire(Machine& machine, const Step& step) const {
    return machine.process_event(host_.template event<Kind>(step, [&] { return stage_of(machine); }));
  }

  boost::msm::back::HandledEnum dispatch(Machine& machine, const Step& step) const {
    switch (step.kind) {
      case C::discover: return fire<C::discover>(machine, step);
      case C::foster: return fire<C::foster>(machine, step);
      case C::register_: return fire<C::register_>(machine, step);
      case C::review: return fire<C::review>(machine, step);
      case C::recognize: return fire<C::recognize>(machine, step);
      case C::commend: return fire<C::commend>(machine, step);
      case C::replicate: return fire<C::replicate>(machine, step);
      case C::withdraw: return fire<C::withdraw>(machine, step);
      case C::reject: return fire<C::reject>(machine, step);
      case C::disqualify: return fire<C::disqualify>(machine, step);
      case C::nominate: return fire<C::nominate>(machine, step);
      case C::revoke: return fire<C::revoke>(machine, step);
      case C::propose: break;  // never in the stream (stream.cpp)
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

  typename Front::Host host_;
  Machine pristine_;
  std::vector<Machine> machines_;
  std::array<S, stage_count> stage_of_id_{};
  std::uint64_t refused_ = 0;
};

}  // namespace

std::unique_ptr<Machines> make_msm(std::uint32_t candidates) { return std::make_unique<MsmMachines<Ruled>>(candidates); }
std::unique_ptr<Machines> make_msm_bare(std::uint32_t candidates) {
  return std::make_unique<MsmMachines<Bare>>(candidates);
}

}  // namespace exemplar::bench
