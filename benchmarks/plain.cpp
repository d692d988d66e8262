// The two hand-made peers: a hand-written switch and a constexpr [state][event] table. Each keeps
// one byte per candidate and knows nothing of exemplar beyond the enums' numbering.
#include <algorithm>

#include "stream.hpp"

namespace exemplar::bench {
namespace {

using S = Stage;
using C = CommandKind;

constexpr std::uint8_t kRefused = 0xFF;

constexpr std::uint8_t u8(S stage) noexcept { return static_cast<std::uint8_t>(stage); }

/// Byte-per-candidate storage shared by both peers.
template <class Derived>
class ByteMachines : public Machines {
 public:
  explicit ByteMachines(std::uint32_t candidates) : stages_(candidates, u8(S::initial)) {}

  void reset_all() override {
    std::fill(stages_.begin(), stages_.end(), u8(S::initial));
    refused_ = 0;
  }
  void reset_terminal() override {
    for (auto& stage : stages_) {
      if (is_terminal(static_cast<S>(stage))) stage = u8(S::initial);
    }
  }
  void run(const Step* first, const Step* last) override {
    std::uint64_t refused = 0;
    for (const Step* step = first; step != last; ++step) {
      prefetch_ahead(stages_, step, last);
      std::uint8_t& stage = stages_[step->candidate];
      const std::uint8_t next = Derived::next(stage, step->kind, step->arg);
      if (next == kRefused) {
        ++refused;
      } else {
        stage = next;
      }
    }
    refused_ += refused;
  }
  [[nodiscard]] Histogram histogram() const override {
    Histogram counts{};
    for (auto stage : stages_) ++counts[stage];
    return counts;
  }
  [[nodiscard]] std::uint64_t refused() const override { return refused_; }
  [[nodiscard]] std::size_t bytes_per_machine() const override { return sizeof(std::uint8_t); }

 private:
  std::vector<std::uint8_t> stages_;
  std::uint64_t refused_ = 0;
};

class SwitchMachines : public ByteMachines<SwitchMachines> {
 public:
  using ByteMachines::ByteMachines;

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
  auto row = [&grid](S from, C kind, S to) { grid[u8(from)][static_cast<std::size_t>(kind)] = Cell{u8(to), kRefused, 0}; };
  row(S::initial, C::discover, S::discovered);
  row(S::discovered, C::foster, S::fostered);
  row(S::discovered, C::withdraw, S::withdrawn);
  row(S::discovered, C::disqualify, S::disqualified);
  grid[u8(S::fostered)][static_cast<std::size_t>(C::register_)] = Cell{u8(S::registered), kRefused, 1};
  row(S::fostered, C::withdraw, S::withdrawn);
  row(S::fostered, C::disqualify, S::disqualified);
  grid[u8(S::registered)][static_cast<std::size_t>(C::review)] = Cell{u8(S::reviewed), u8(S::rejected), kProposingVotes};
  row(S::registered, C::withdraw, S::withdrawn);
  row(S::registered, C::reject, S::rejected);
  row(S::registered, C::disqualify, S::disqualified);
  row(S::reviewed, C::recognize, S::recognized);
  row(S::reviewed, C::reject, S::rejected);
  row(S::reviewed, C::disqualify, S::disqualified);
  row(S::recognized, C::commend, S::commended);
  row(S::recognized, C::reject, S::rejected);
  row(S::recognized, C::disqualify, S::disqualified);
  for (S from : {S::commended, S::replicated}) {
    row(from, C::replicate, S::replicated);
    row(from, C::nominate, S::registered);
    row(from, C::disqualify, S::disqualified);
    row(from, C::revoke, S::revoked);
  }
  return grid;
}

constexpr Grid kGrid = make_grid();

class TableMachines : public ByteMachines<TableMachines> {
 public:
  using ByteMachines::ByteMachines;

  static std::uint8_t next(std::uint8_t stage, C kind, std::uint8_t arg) noexcept {
    const Cell& cell = kGrid[stage][static_cast<std::size_t>(kind)];
    return arg >= cell.min_arg ? cell.to : cell.otherwise;
  }
};

}  // namespace

std::unique_ptr<Machines> make_switch(std::uint32_t candidates) { return std::make_unique<SwitchMachines>(candidates); }
std::unique_ptr<Machines> make_table(std::uint32_t candidates) { return std::make_unique<TableMachines>(candidates); }

}  // namespace exemplar::bench
