// exemplar/precondition.hpp: the one way the library stops on a broken precondition.
//
//   EXEMPLAR_EXPECTS(condition, message)   when `condition` is false: report and abort
//
// Expected problems (a refused step, a malformed file, a tampered journal) are values
// (tl::expected<T, Refusal>). A broken precondition is a bug in the caller that the caller could not
// have turned into a value: an event passed to Workflow::evolve that Workflow::decide did not make
// for that candidate, an observer that appends to the journal announcing to it. The library then
// writes one line to standard error and aborts, in every build, rather than carry on from a state
// it cannot trust; no exception crosses the API.
#pragma once

namespace exemplar::detail {
/// Writes "exemplar: broken precondition at FILE:LINE: MESSAGE (CONDITION)" to stderr and aborts.
[[noreturn]] void broken_precondition(const char* file, int line, const char* condition, const char* message) noexcept;
}  // namespace exemplar::detail

/// Stops the program when a precondition of the library does not hold (see the header's comment).
#define EXEMPLAR_EXPECTS(condition, message)                                                       \
  ((condition) ? static_cast<void>(0)                                                              \
               : ::exemplar::detail::broken_precondition(__FILE__, __LINE__, #condition, message))
