// Any bytes as a stored JSON journal (targets.hpp, journal_json_holds): parse, read, replay.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!exemplar::fuzz::journal_json_holds(data, size)) std::abort();
  return 0;
}
