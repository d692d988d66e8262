// exemplar/fsm.hpp: a tiny table-driven state-machine engine.
//
//   Row<State, Event, Context, Failure>      {from, event, to, guard, guard_name, explain}
//   Table<State, Event, Context, Failure, NumStates, NumEvents, Capacity>
//     constexpr Table(std::array of rows)     indexes the rows at compile time
//     Table::check(rows, count), Table(vector) the same at run time, for a plan's own table
//     fire(from, event, context) -> Fired     the first row whose guard passes, or the row that blocked
//     Fired::failure(context)                 why it was blocked, built only when asked for
//     has_transition(from, event)             is there any row for (from, event)?
//     target(from, event) / targets(...)      where (from, event) leads, ignoring guards
//     states() / events() / allowed(from)     introspection over the same rows
//     rows()                                  the rows themselves (a range), for exports and docs
//
// A machine is nothing but its rows: dispatch, "what is allowed now" and the diagrams are all read
// from the same table, so they cannot drift apart. Dispatch is two array reads and at most a few
// guard calls through plain function pointers: no virtual call, no allocation.
//
// States and events are enums numbered 0..N-1. Rows sharing (from, event) must be adjacent; the first
// whose guard passes wins, which is how one command can lead to different stages (a council review
// that proposes or does not). A guard is a cheap predicate; the failure that explains a blocked row
// is made by the row's `explain` function only when the caller asks, so choosing between rows never
// allocates.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "precondition.hpp"

namespace exemplar::fsm {

/// One transition: in `from`, on `event`, go to `to` if `guard` (when present) holds.
template <class State, class Event, class Context, class Failure>
struct Row {
  /// A guard says whether the row may be taken; it must be cheap and must not allocate.
  using Guard = bool (*)(const Context&) noexcept;
  /// Says why the guard blocked the row, for the caller who needs to tell a person.
  using Explain = Failure (*)(const Context&);

  State from;
  Event event;
  State to;
  Guard guard = nullptr;
  std::string_view guard_name = {};  ///< the guard's name as diagrams show it ("[council_proposed]")
  Explain explain = nullptr;         ///< why a blocked row was blocked (none: Fired::failure is empty)
};

/// What firing an event did: the row taken, or the last row whose guard blocked it. Neither means
/// the table has no row for (from, event).
template <class RowType, class Failure>
struct Fired {
  const RowType* row = nullptr;
  const RowType* blocked = nullptr;

  [[nodiscard]] bool taken() const noexcept { return row != nullptr; }
  [[nodiscard]] bool no_transition() const noexcept { return row == nullptr && blocked == nullptr; }

  /// Why the step was blocked, made now from the blocking row's `explain`; nullopt when a row was
  /// taken or there was none.
  template <class Context>
  [[nodiscard]] std::optional<Failure> failure(const Context& context) const {
    if (row != nullptr || blocked == nullptr || blocked->explain == nullptr) return std::nullopt;
    return blocked->explain(context);
  }
};

/// The rows of a table, in the order they were written.
template <class RowType>
class Rows {
 public:
  constexpr Rows(const RowType* first, std::size_t count) noexcept : first_(first), count_(count) {}
  [[nodiscard]] constexpr const RowType* begin() const noexcept { return first_; }
  [[nodiscard]] constexpr const RowType* end() const noexcept { return first_ + count_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] constexpr const RowType& operator[](std::size_t i) const noexcept { return first_[i]; }

 private:
  const RowType* first_;
  std::size_t count_;
};

/// Why a list of rows cannot be a table.
enum class TableProblem : std::uint8_t { none, too_many_rows, outside_the_counts, not_adjacent };

/// A transition table of at most `Capacity` rows, indexed by (state, event).
template <class State, class Event, class Context, class Failure, std::size_t NumStates,
          std::size_t NumEvents, std::size_t Capacity>
class Table {
  static_assert(std::is_enum_v<State> && std::is_enum_v<Event>, "states and events are enums");
  static_assert(Capacity < 255, "row indexes are stored in a byte");

 public:
  using row_type = Row<State, Event, Context, Failure>;
  using fired_type = Fired<row_type, Failure>;

  /// Indexes the rows; a table whose rows for one (from, event) are not adjacent, or that names a
  /// state or event outside the counts, does not compile when the table is constexpr.
  template <std::size_t N>
  constexpr explicit Table(const std::array<row_type, N>& rows) : Table(rows.data(), N) {}

  /// Indexes rows made at run time; they must pass check() (a broken precondition otherwise).
  explicit Table(const std::vector<row_type>& rows) : Table(rows.data(), rows.size()) {}

  /// Why `count` rows from `rows` cannot make a table, or TableProblem::none.
  [[nodiscard]] static constexpr TableProblem check(const row_type* rows, std::size_t count) noexcept {
    if (count > Capacity) return TableProblem::too_many_rows;
    std::array<std::array<std::uint8_t, NumEvents>, NumStates> first{};
    std::array<std::array<std::uint8_t, NumEvents>, NumStates> seen{};
    for (std::size_t i = 0; i < count; ++i) {
      const auto s = index(rows[i].from);
      const auto e = index(rows[i].event);
      if (s >= NumStates || e >= NumEvents || index(rows[i].to) >= NumStates) return TableProblem::outside_the_counts;
      if (seen[s][e] == 0) {
        first[s][e] = static_cast<std::uint8_t>(i);
      } else if (first[s][e] + seen[s][e] != i) {
        return TableProblem::not_adjacent;
      }
      ++seen[s][e];
    }
    return TableProblem::none;
  }

  /// Takes the first row for (from, event) whose guard passes. When every row is blocked, the last
  /// blocking row is returned (ask it why with Fired::failure); when there is no row, neither is set.
  [[nodiscard]] constexpr fired_type fire(State from, Event event, const Context& context) const noexcept {
    fired_type fired;
    const auto s = index(from);
    const auto e = index(event);
    if (s >= NumStates || e >= NumEvents) return fired;
    const std::size_t first = first_[s][e];
    if (first == kNone) return fired;
    for (std::size_t i = first; i < first + count_[s][e]; ++i) {
      const row_type& row = rows_[i];
      if (row.guard != nullptr && !row.guard(context)) {
        fired.blocked = &row;
        continue;
      }
      fired.row = &row;
      fired.blocked = nullptr;
      return fired;
    }
    return fired;
  }

  /// True when the table has at least one row for (from, event), whatever its guards say.
  [[nodiscard]] constexpr bool has_transition(State from, Event event) const noexcept {
    const auto s = index(from);
    const auto e = index(event);
    return s < NumStates && e < NumEvents && first_[s][e] != kNone;
  }

  /// The target of the first row for (from, event), ignoring guards.
  [[nodiscard]] constexpr std::optional<State> target(State from, Event event) const noexcept {
    if (!has_transition(from, event)) return std::nullopt;
    return rows_[first_[index(from)][index(event)]].to;
  }

  /// Every target (from, event) can lead to, in row order (more than one when guards choose).
  [[nodiscard]] std::vector<State> targets(State from, Event event) const {
    std::vector<State> result;
    if (!has_transition(from, event)) return result;
    const std::size_t first = first_[index(from)][index(event)];
    for (std::size_t i = first; i < first + count_[index(from)][index(event)]; ++i) {
      result.push_back(rows_[i].to);
    }
    return result;
  }

  /// Every state, in the enum's order.
  [[nodiscard]] static constexpr std::array<State, NumStates> states() noexcept {
    std::array<State, NumStates> all{};
    for (std::size_t i = 0; i < NumStates; ++i) all[i] = static_cast<State>(i);
    return all;
  }

  /// Every event, in the enum's order.
  [[nodiscard]] static constexpr std::array<Event, NumEvents> events() noexcept {
    std::array<Event, NumEvents> all{};
    for (std::size_t i = 0; i < NumEvents; ++i) all[i] = static_cast<Event>(i);
    return all;
  }

  /// The events that have a row from `from`, in the enum's order (guards not consulted).
  [[nodiscard]] std::vector<Event> allowed(State from) const {
    std::vector<Event> result;
    for (Event event : events()) {
      if (has_transition(from, event)) result.push_back(event);
    }
    return result;
  }

  /// True when no row leaves `state`.
  [[nodiscard]] constexpr bool is_final(State state) const noexcept {
    for (Event event : events()) {
      if (has_transition(state, event)) return false;
    }
    return true;
  }

  /// The rows, in the order they were written: what diagrams and docs are generated from.
  [[nodiscard]] constexpr Rows<row_type> rows() const noexcept { return Rows<row_type>(rows_.data(), count_rows_); }

 private:
  static constexpr std::uint8_t kNone = 0xFF;

  constexpr Table(const row_type* rows, std::size_t count) : count_rows_(count) {
    EXEMPLAR_EXPECTS(check(rows, count) == TableProblem::none,
                     "fsm::Table: at most Capacity rows, inside the counts, the rows of one (from, event) adjacent");
    for (auto& line : first_) {
      for (auto& cell : line) cell = kNone;
    }
    for (std::size_t i = 0; i < count; ++i) {
      rows_[i] = rows[i];
      const auto s = index(rows[i].from);
      const auto e = index(rows[i].event);
      if (first_[s][e] == kNone) first_[s][e] = static_cast<std::uint8_t>(i);
      ++count_[s][e];
    }
  }

  template <class E>
  static constexpr std::size_t index(E value) noexcept {
    return static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  }

  std::array<row_type, Capacity> rows_{};
  std::size_t count_rows_ = 0;
  std::array<std::array<std::uint8_t, NumEvents>, NumStates> first_{};
  std::array<std::array<std::uint8_t, NumEvents>, NumStates> count_{};
};

}  // namespace exemplar::fsm
