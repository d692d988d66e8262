// The two rule-less hand-made peers, switch_bare and table_bare: a hand-written switch and a
// constexpr [state][event] table over one byte per candidate. They check the arrows and the two
// guards on the step's argument, nothing else: reference rows for the cost of a bare transition.
#include "peer_machines.hpp"

namespace exemplar::bench {
namespace {

using S = Stage;
using C = CommandKind;

constexpr std::uint8_t kRefused = 0xFF;

constexpr std::uint8_t u8(S stage) noexcept { return static_cast<std::uint8_t>(stage); }

/// One byte per candidate: its stage.
struct ByteState {
  std::uint8_t stage = u8(S::initial);
};

/// What both rule-less peers share: a byte of state, and a step that asks Derived where it leads.
template <class Derived>
struct BytePeer {
  using State = ByteState;
  static Stage stage_of(const State& state) noexcept { return static_cast<S>(state.stage); }
  bool step(State& state, const Step& step) const noexcept {
    const std::uint8_t next = Derived::next(state.stage, step.kind, step.arg);
    if (next == kRefused) return false;
    state.stage = next;
    return true;
  }
};

struct SwitchBare : BytePeer<SwitchBare> {
  static std::uint8_t next(std::uint8_t stage, C kind, std::uint8_t arg) noexcept {
    switch (static_cast<S>(stage)) {
      case S::initial:
        if (kind == C::discover) return u8(S::discovered);
        break;
      case S::discovered:
        switch (kind) {
          case C::foster: return u8(S::fostered);
          case C::withdraw: return u8(S::withdrawn);
          case C::disqualify: return u8(S::disqualified);
          default: break;
        }
        break;
      case S::fostered:
        switch (kind) {
          case C::register_: return arg != 0 ? u8(S::registered) : kRefused;
          case C::withdraw: return u8(S::withdrawn);
          case C::disqualify: return u8(S::disqualified);
          default: break;
        }
        break;
      case S::registered:
        switch (kind) {
          case C::review: return arg >= kProposingVotes ? u8(S::reviewed) : u8(S::rejected);
          case C::withdraw: return u8(S::withdrawn);
          case C::reject: return u8(S::rejected);
          case C::disqualify: return u8(S::disqualified);
          default: break;
        }
        break;
      case S::reviewed:
        switch (kind) {
          case C::recognize: return u8(S::recognized);
          case C::reject: return u8(S::rejected);
          case C::disqualify: return u8(S::disqualified);
          default: break;
        }
        break;
      case S::recognized:
        switch (kind) {
          case C::commend: return u8(S::commended);
          case C::reject: return u8(S::rejected);
          case C::disqualify: return u8(S::disqualified);
          default: break;
        }
        break;
      case S::commended:
      case S::replicated:
        switch (kind) {
          case C::replicate: return u8(S::replicated);
          case C::nominate: return u8(S::registered);
          case C::disqualify: return u8(S::disqualified);
          case C::revoke: return u8(S::revoked);
          default: break;
        }
        break;
      case S::withdrawn:
      case S::rejected:
      case S::disqualified:
      case S::revoked: break;
    }
    return kRefused;
  }
};

/// One cell of the table: where the event leads when `arg >= min_arg`, and where otherwise. A guard
/// that refuses has `otherwise == kRefused`; an unguarded row has min_arg 0.
struct Cell {
  std::uint8_t to = kRefused;
  std::uint8_t otherwise = kRefused;
  std::uint8_t min_arg = 0;
};

using Grid = std::array<std::array<Cell, command_count>, stage_count>;

constexpr Grid make_grid() {
  Grid grid{};
  // Every cell is set explicitly: GCC 12 value-initialises nested std::arrays of a class with
  // default member initialisers wrongly in constant evaluation (the histogram check caught it).
  for (auto& line : grid) {
    for (auto& cell : line) cell = Cell{kRefused, kRefused, 0};
  }
  for (const Arrow& arrow : kArrows) grid[u8(arrow.from)][static_cast<std::size_t>(arrow.kind)] = Cell{u8(arrow.to), kRefused, 0};
  // The two guarded cells: a dossier to register, a majority to be proposed.
  grid[u8(S::fostered)][static_cast<std::size_t>(C::register_)].min_arg = 1;
  grid[u8(S::registered)][static_cast<std::size_t>(C::review)] = Cell{u8(S::reviewed), u8(S::rejected), kProposingVotes};
  return grid;
}

constexpr Grid kGrid = make_grid();

struct TableBare : BytePeer<TableBare> {
  static std::uint8_t next(std::uint8_t stage, C kind, std::uint8_t arg) noexcept {
    const Cell& cell = kGrid[stage][static_cast<std::size_t>(kind)];
    return arg >= cell.min_arg ? cell.to : cell.otherwise;
  }
};

}  // namespace

std::unique_ptr<Machines> make_switch_bare(std::uint32_t candidates) { return std::make_unique<PeerMachines<SwitchBare>>(candidates); }
std::unique_ptr<Machines> make_table_bare(std::uint32_t candidates) { return std::make_unique<PeerMachines<TableBare>>(candidates); }

}  // namespace exemplar::bench
