# The C API: libexemplar_c, a shared library for hosts in C, Python, Java, PHP and .NET
# (include/exemplar/c/exemplar.h, docs/embedding.md#the-c-api). It links the C++ library in and
# exports only the exemplar_* functions of the header: compiled with hidden visibility, linked with
# a version script so that nothing of the C++ library or its runtime leaks into hosts' symbol tables.
option(EXEMPLAR_C_API "Build libexemplar_c, the C API (needs EXEMPLAR_JSON)" ${PROJECT_IS_TOP_LEVEL})
if(NOT EXEMPLAR_C_API)
  return()
endif()
if(NOT EXEMPLAR_JSON)
  message(FATAL_ERROR "EXEMPLAR_C_API needs EXEMPLAR_JSON=ON: everything crosses the C API as JSON")
endif()
enable_language(C)

# The shared object's version follows the library's: its major version, or major.minor while the
# major is 0 (each 0.x release may change the ABI).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(EXEMPLAR_C_SOVERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
else()
  set(EXEMPLAR_C_SOVERSION "${PROJECT_VERSION_MAJOR}")
endif()

add_library(exemplar_c SHARED "${CMAKE_CURRENT_SOURCE_DIR}/src/c/exemplar_c.cpp")
add_library(exemplar::c ALIAS exemplar_c)
target_include_directories(exemplar_c PUBLIC
  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_include_directories(exemplar_c PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
target_link_libraries(exemplar_c PRIVATE exemplar exemplar_json)
target_compile_definitions(exemplar_c PRIVATE EXEMPLAR_C_BUILDING)
set_target_properties(exemplar_c PROPERTIES
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON
  VERSION ${PROJECT_VERSION}
  SOVERSION ${EXEMPLAR_C_SOVERSION}
  EXPORT_NAME c)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE AND NOT WIN32)
  set(_exemplar_c_map "${CMAKE_CURRENT_SOURCE_DIR}/src/c/exemplar_c.map")
  target_link_options(exemplar_c PRIVATE "LINKER:--version-script=${_exemplar_c_map}")
  # Every symbol resolved at link time, but under a sanitizer, whose runtime only the program links.
  if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
    target_link_options(exemplar_c PRIVATE "LINKER:--no-undefined")
  endif()
  set_property(TARGET exemplar_c APPEND PROPERTY LINK_DEPENDS "${_exemplar_c_map}")
endif()
exemplar_strict_warnings(exemplar_c)
