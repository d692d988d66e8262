// The version the compiled library carries (version.hpp is its one source).
#include "exemplar/version.hpp"

namespace exemplar {

const char* version() noexcept { return version_string; }

}  // namespace exemplar
