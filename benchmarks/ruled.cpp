// The same-rules hand-made peers, switch and table: what a user would write instead of exemplar to
// enforce the rules exemplar's default Workflow enforces on this stream. Each keeps a 6-byte
// rules::Kept per candidate and, for every step, asks stream.hpp who acts and rules.hpp whether the
// rules allow it: the arrow, authority (the acting role's right at the candidate's stage and level,
// and its unit for own-unit rights), date order, then the step's guard (the dossier, the council's
// votes against its membership, a level to nominate to). They check no text, no id and no date
// range: the stream carries none to check, and a user who keeps a stage byte rarely would.
#include "peer_machines.hpp"
#include "rules.hpp"

namespace exemplar::bench {
namespace {

using S = Stage;
using C = CommandKind;
using rules::Kept;
using rules::Verdict;

/// switch: one case per arrow, each with its guard written beside it.
class SwitchPeer {
 public:
  using State = Kept;
  static Stage stage_of(const State& state) noexcept { return state.stage; }

  bool step(Kept& c, const Step& s) const noexcept {
    const StepActor actor = actor_for(s.kind, c.stage, s.candidate);
    // The checks every arrow out of an existing candidate makes, then the arrow's own record.
    const auto allowed = [&] {
      return rules::permitted(actor, s.kind, c.stage, c.level, c.unit) && rules::in_order(c.last_day, s.day);
    };
    const auto to = [&](S next) {
      c.stage = next;
      c.last_day = s.day;
      return true;
    };
    switch (c.stage) {
      case S::initial:
        if (s.kind == C::discover) {
          // Discovery names the unit and level the candidate will have: authority is judged on them.
          const std::uint32_t unit = unit_of(s.candidate);
          if (!rules::permitted(actor, s.kind, c.stage, kDiscoverLevel, unit) || !rules::in_order(c.last_day, s.day)) {
            return false;
          }
          c.unit = static_cast<std::uint16_t>(unit);
          c.level = kDiscoverLevel;
          return to(S::discovered);
        }
        return false;
      case S::discovered:
        switch (s.kind) {
          case C::foster: return allowed() && to(S::fostered);
          case C::withdraw: return allowed() && to(S::withdrawn);
          case C::disqualify: return allowed() && to(S::disqualified);
          default: return false;
        }
      case S::fostered:
        switch (s.kind) {
          case C::register_: return allowed() && rules::has_dossier(s.arg) && to(S::registered);
          case C::withdraw: return allowed() && to(S::withdrawn);
          case C::disqualify: return allowed() && to(S::disqualified);
          default: return false;
        }
      case S::registered:
        switch (s.kind) {
          case C::review: {
            if (!allowed()) return false;
            const Verdict verdict = rules::council_verdict(reviews_[s.arg]);
            if (verdict == Verdict::refused) return false;
            return to(verdict == Verdict::proposes ? S::reviewed : S::rejected);
          }
          case C::withdraw: return allowed() && to(S::withdrawn);
          case C::reject: return allowed() && to(S::rejected);
          case C::disqualify: return allowed() && to(S::disqualified);
          default: return false;
        }
      case S::reviewed:
        switch (s.kind) {
          case C::recognize: return allowed() && to(S::recognized);
          case C::reject: return allowed() && to(S::rejected);
          case C::disqualify: return allowed() && to(S::disqualified);
          default: return false;
        }
      case S::recognized:
        switch (s.kind) {
          case C::commend: return allowed() && to(S::commended);
          case C::reject: return allowed() && to(S::rejected);
          case C::disqualify: return allowed() && to(S::disqualified);
          default: return false;
        }
      case S::commended:
      case S::replicated:
        switch (s.kind) {
          case C::replicate: return allowed() && to(S::replicated);
          case C::nominate:
            if (!allowed() || !rules::has_higher_level(c.level)) return false;
            c.level = rules::level_above(c.level);
            return to(S::registered);
          case C::disqualify: return allowed() && to(S::disqualified);
          case C::revoke: return allowed() && to(S::revoked);
          default: return false;
        }
      case S::withdrawn:
      case S::rejected:
      case S::disqualified:
      case S::revoked: return false;
    }
    return false;
  }

 private:
  rules::Reviews reviews_;
};

/// What a table cell asks beyond authority and date order before its arrow is taken.
enum class Guard : std::uint8_t { none, dossier, council, higher_level };
/// What a taken arrow records beyond the stage and the day.
enum class Effect : std::uint8_t { none, discovery, nomination };

/// A cell's `to` when the command has no arrow from the stage.
constexpr std::uint8_t kNoArrow = 0xFF;

/// One cell: where the command leads (kNoArrow: nowhere), where when the council does not propose,
/// the guard, the effect.
struct Cell {
  std::uint8_t to;
  std::uint8_t otherwise;
  Guard guard;
  Effect effect;
};

/// [stage][command].
using Grid = std::array<std::array<Cell, command_count>, stage_count>;

/// A stage as the grid's index and cell value.
constexpr std::uint8_t u8(S stage) noexcept { return static_cast<std::uint8_t>(stage); }

/// The lifecycle's arrows (kArrows) as cells; every other cell has no arrow.
constexpr Grid make_grid() {
  Grid grid{};
  for (auto& line : grid) {
    for (auto& cell : line) cell = Cell{kNoArrow, kNoArrow, Guard::none, Effect::none};
  }
  for (const Arrow& arrow : kArrows) {
    grid[u8(arrow.from)][static_cast<std::size_t>(arrow.kind)] = Cell{u8(arrow.to), kNoArrow, Guard::none, Effect::none};
  }
  // The cells whose rules or effects go beyond the arrow.
  auto cell = [&grid](S from, C kind) -> Cell& { return grid[u8(from)][static_cast<std::size_t>(kind)]; };
  cell(S::initial, C::discover).effect = Effect::discovery;
  cell(S::fostered, C::register_).guard = Guard::dossier;
  cell(S::registered, C::review) = Cell{u8(S::reviewed), u8(S::rejected), Guard::council, Effect::none};
  for (S from : {S::commended, S::replicated}) cell(from, C::nominate) = Cell{u8(S::registered), kNoArrow, Guard::higher_level, Effect::nomination};
  return grid;
}

/// The grid the table peer reads, built by the compiler.
constexpr Grid kGrid = make_grid();

/// table: a constexpr [stage][command] grid of arrows, guards and effects, then the same checks
/// for every cell.
class TablePeer {
 public:
  using State = Kept;
  static Stage stage_of(const State& state) noexcept { return state.stage; }

  bool step(Kept& c, const Step& s) const noexcept {
    const Cell& cell = kGrid[u8(c.stage)][static_cast<std::size_t>(s.kind)];
    if (cell.to == kNoArrow) return false;
    const StepActor actor = actor_for(s.kind, c.stage, s.candidate);
    // Discovery names the unit and level the candidate will have: authority is judged on them.
    const bool discovery = cell.effect == Effect::discovery;
    const std::uint32_t unit = discovery ? unit_of(s.candidate) : c.unit;
    const Level level = discovery ? kDiscoverLevel : c.level;
    if (!rules::permitted(actor, s.kind, c.stage, level, unit) || !rules::in_order(c.last_day, s.day)) return false;
    std::uint8_t to = cell.to;
    switch (cell.guard) {
      case Guard::none: break;
      case Guard::dossier:
        if (!rules::has_dossier(s.arg)) return false;
        break;
      case Guard::council: {
        const Verdict verdict = rules::council_verdict(reviews_[s.arg]);
        if (verdict == Verdict::refused) return false;
        if (verdict == Verdict::does_not_propose) to = cell.otherwise;
        break;
      }
      case Guard::higher_level:
        if (!rules::has_higher_level(c.level)) return false;
        break;
    }
    switch (cell.effect) {
      case Effect::none: break;
      case Effect::discovery:
        c.unit = static_cast<std::uint16_t>(unit);
        c.level = level;
        break;
      case Effect::nomination: c.level = rules::level_above(c.level); break;
    }
    c.stage = static_cast<S>(to);
    c.last_day = s.day;
    return true;
  }

 private:
  rules::Reviews reviews_;
};

}  // namespace

std::unique_ptr<Machines> make_switch(std::uint32_t candidates) {
  return std::make_unique<PeerMachines<SwitchPeer>>(candidates);
}
std::unique_ptr<Machines> make_table(std::uint32_t candidates) {
  return std::make_unique<PeerMachines<TablePeer>>(candidates);
}

}  // namespace exemplar::bench
