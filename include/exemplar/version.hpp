// exemplar: the library's one version source. CMake reads these three lines.
#pragma once

#define EXEMPLAR_VERSION_MAJOR 0
#define EXEMPLAR_VERSION_MINOR 1
#define EXEMPLAR_VERSION_PATCH 0

namespace exemplar {
/// The library version as "major.minor.patch", the same string CMake packages.
inline constexpr const char* version_string = "0.1.0";

/// The version of the library the program runs with, read from the compiled library rather than
/// this header: a host can check at run time that the two agree.
[[nodiscard]] const char* version() noexcept;
}  // namespace exemplar
