// The one place the library stops the program: a broken precondition (precondition.hpp).
#include "exemplar/precondition.hpp"

#include <cstdio>
#include <cstdlib>

namespace exemplar::detail {

void broken_precondition(const char* file, int line, const char* condition, const char* message) noexcept {
  std::fprintf(stderr, "exemplar: broken precondition at %s:%d: %s (%s)\n", file, line, message, condition);
  std::fflush(stderr);
  std::abort();
}

}  // namespace exemplar::detail
