// Compiles against exemplar built as a subproject, links it, prints its version.
#include <exemplar/exemplar.hpp>

#include <cstdio>

int main() {
  std::printf("%s\n", exemplar::version_string);
  return 0;
}
