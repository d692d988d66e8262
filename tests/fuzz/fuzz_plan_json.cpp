// Any bytes as a plan file (targets.hpp, plan_json_holds): refused, or a plan that reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!exemplar::fuzz::plan_json_holds(data, size)) std::abort();
  return 0;
}
