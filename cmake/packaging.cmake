# What a distribution ships: pkg-config metadata and Debian packages (CPack).
#
#   exemplar       libexemplar_c.so.* (the C API) and, from the tools, the `exemplar` command
#                  (component "runtime")
#   exemplar-dev   the headers, the static C++ libraries, the CMake package, exemplar.pc and the
#                  libexemplar_c.so link (component "development")
#
# A tool installs into the runtime package with
#   install(TARGETS <tool> RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
# `cpack -G DEB` in the build tree writes both packages (tests/package/deb.cmake builds, unpacks and
# uses them).

# exemplar.pc: the C API for hosts that build with pkg-config. The prefix is found from where the
# file lies, so the tree works wherever it is unpacked.
if(TARGET exemplar_c)
  file(RELATIVE_PATH _exemplar_pc_up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
  string(REGEX REPLACE "/$" "" _exemplar_pc_up "${_exemplar_pc_up}")
  configure_file("${CMAKE_CURRENT_SOURCE_DIR}/cmake/exemplar.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/exemplar.pc" @ONLY)
  install(FILES "${CMAKE_CURRENT_BINARY_DIR}/exemplar.pc"
          DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT development)
endif()

set(CPACK_PACKAGE_NAME exemplar)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "exemplar maintainers <exemplar@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME exemplar)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
# The runtime's dependencies (libc6, libstdc++6, libssl3, libfmt9, ...) are read from its ELF files.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME exemplar-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "exemplar (= ${PROJECT_VERSION}), libboost-date-time-dev (>= 1.74), libfmt-dev, libexpected-dev, libssl-dev, nlohmann-json3-dev")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "exemplar: the C API library and the exemplar command")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION "exemplar: headers, static C++ libraries, CMake and pkg-config files")
include(CPack)
