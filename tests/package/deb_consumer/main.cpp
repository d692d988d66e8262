// Uses the packaged C++ library and the packaged C API in one program: prints the version when the
// headers, the C++ library and libexemplar_c agree on it, and a seed plan loads through both.
#include <cstdio>
#include <cstring>

#include <exemplar/c/exemplar.h>
#include <exemplar/exemplar.hpp>
#include <exemplar/json/plan.hpp>

int main() {
  if (std::strcmp(exemplar::version(), exemplar::version_string) != 0 ||
      std::strcmp(exemplar_version(), exemplar::version_string) != 0) {
    std::fprintf(stderr, "versions differ: header %s, library %s, C API %s\n", exemplar::version_string,
                 exemplar::version(), exemplar_version());
    return 1;
  }
  const auto plan = exemplar::plans::find("hatinh-inspectorate-2021-2025");
  exemplar_plan* handle = nullptr;
  if (!plan || exemplar_plan_from_json(exemplar::json::to_text(*plan).c_str(), &handle, nullptr) != EXEMPLAR_OK) {
    std::fprintf(stderr, "seed 000 did not cross from C++ to the C API\n");
    return 1;
  }
  exemplar_plan_destroy(handle);
  std::printf("%s\n", exemplar_version());
  return 0;
}
