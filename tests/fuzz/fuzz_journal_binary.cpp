// Any bytes as stored binary blobs (targets.hpp, journal_binary_holds): read back, replay.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!exemplar::fuzz::journal_binary_holds(data, size)) std::abort();
  return 0;
}
