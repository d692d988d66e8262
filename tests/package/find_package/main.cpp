// Compiles against the installed umbrella header, links the installed library, prints its version.
#include <exemplar/exemplar.hpp>

#include <cstdio>

int main() {
  std::printf("%s\n", exemplar::version_string);
  return 0;
}
