# cmake -DBINARY_DIR=<exemplar build> -DWORK_DIR=<dir> -DSOURCE_DIR=<exemplar source>
#       -DGENERATOR=<gen> -DCXX_COMPILER=<c++> -DC_COMPILER=<cc> -DEXPECTED_OUTPUT=<version>
#       -DPYTHON=<python3 or empty> [-DMAKE_PROGRAM=...] -P deb.cmake
# What a Debian user gets: builds the packages exemplar and exemplar-dev with CPack, checks their
# declared dependencies, unpacks both with `dpkg-deb -x` into an empty prefix, and builds and runs
# against that prefix alone: a C++ and C host with CMake, the C client with pkg-config, and the
# Python ctypes client.
foreach(_var BINARY_DIR WORK_DIR SOURCE_DIR GENERATOR CXX_COMPILER C_COMPILER EXPECTED_OUTPUT)
  if(NOT ${_var})
    message(FATAL_ERROR "deb.cmake: ${_var} is not set")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    list(JOIN ARGN " " _command)
    message(FATAL_ERROR "failed (${_rc}): ${_command}\n${_out}\n${_err}")
  endif()
  set(run_output "${_out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(_debs "${WORK_DIR}/debs")
set(_prefix "${WORK_DIR}/root")
file(MAKE_DIRECTORY "${_debs}" "${_prefix}")

# 1. The packages.
run(cpack --config "${BINARY_DIR}/CPackConfig.cmake" -G DEB -B "${_debs}")
file(GLOB _runtime "${_debs}/exemplar_*.deb")
file(GLOB _dev "${_debs}/exemplar-dev_*.deb")
if(NOT _runtime OR NOT _dev)
  file(GLOB _all "${_debs}/*.deb")
  message(FATAL_ERROR "cpack did not write exemplar_*.deb and exemplar-dev_*.deb: ${_all}")
endif()

# 2. Their declared dependencies: the runtime's read from its ELF files, the headers' by name.
run(dpkg-deb -f "${_runtime}" Depends)
string(STRIP "${run_output}" _depends)
foreach(_needed libc6 libstdc\\+\\+6 libssl)
  if(NOT _depends MATCHES "${_needed}")
    message(FATAL_ERROR "exemplar's Depends lacks ${_needed}: ${_depends}")
  endif()
endforeach()
run(dpkg-deb -f "${_dev}" Depends)
string(STRIP "${run_output}" _dev_depends)
foreach(_needed "exemplar \\(= ${EXPECTED_OUTPUT}\\)" libboost-date-time-dev libfmt-dev libexpected-dev libssl-dev nlohmann-json3-dev)
  if(NOT _dev_depends MATCHES "${_needed}")
    message(FATAL_ERROR "exemplar-dev's Depends lacks ${_needed}: ${_dev_depends}")
  endif()
endforeach()
message(STATUS "exemplar depends on: ${_depends}")
message(STATUS "exemplar-dev depends on: ${_dev_depends}")

# 3. Unpacked into an empty prefix, as dpkg would install them under /.
run(dpkg-deb -x "${_runtime}" "${_prefix}")
run(dpkg-deb -x "${_dev}" "${_prefix}")
file(GLOB_RECURSE _sonames "${_prefix}/usr/*/libexemplar_c.so.*")
file(GLOB_RECURSE _pcs "${_prefix}/usr/*/exemplar.pc")
if(NOT _sonames OR NOT _pcs)
  message(FATAL_ERROR "the packages hold no libexemplar_c.so.* or exemplar.pc")
endif()
list(GET _pcs 0 _pc)
get_filename_component(_pc_dir "${_pc}" DIRECTORY)
get_filename_component(_libdir "${_pc_dir}" DIRECTORY)
set(ENV{LD_LIBRARY_PATH} "${_libdir}")

# 4. A host built with CMake against the prefix alone.
set(_consumer "${WORK_DIR}/cmake-consumer")
set(_configure -S "${SOURCE_DIR}/tests/package/deb_consumer" -B "${_consumer}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_C_COMPILER=${C_COMPILER}"
    "-DCMAKE_PREFIX_PATH=${_prefix}/usr" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND _configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
run("${CMAKE_COMMAND}" ${_configure})
file(STRINGS "${_consumer}/CMakeCache.txt" _found REGEX "^exemplar_DIR:")
string(FIND "${_found}" "${_prefix}/usr/" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "find_package(exemplar) did not use the unpacked packages: ${_found}")
endif()
run("${CMAKE_COMMAND}" --build "${_consumer}")
run("${_consumer}/exemplar_consumer")
string(STRIP "${run_output}" _printed)
if(NOT _printed STREQUAL EXPECTED_OUTPUT)
  message(FATAL_ERROR "the CMake consumer printed '${_printed}', expected '${EXPECTED_OUTPUT}'")
endif()
message(STATUS "CMake consumer: ${_printed}")

# 5. The C client built with pkg-config's flags.
set(ENV{PKG_CONFIG_PATH} "${_pc_dir}")
set(ENV{PKG_CONFIG_LIBDIR} "${_pc_dir}")
run(pkg-config --modversion exemplar)
string(STRIP "${run_output}" _pc_version)
if(NOT _pc_version STREQUAL EXPECTED_OUTPUT)
  message(FATAL_ERROR "pkg-config says exemplar ${_pc_version}, expected ${EXPECTED_OUTPUT}")
endif()
run(pkg-config --cflags --libs exemplar)
string(STRIP "${run_output}" _flags)
separate_arguments(_flags UNIX_COMMAND "${_flags}")
string(FIND "${_flags}" "${_prefix}" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "pkg-config's flags do not point into the prefix: ${_flags}")
endif()
run("${C_COMPILER}" -std=c99 -Wall -Wextra -Wpedantic -Werror "${SOURCE_DIR}/examples/c_api/client.c"
    ${_flags} -o "${WORK_DIR}/c-client")
run("${WORK_DIR}/c-client")
message(STATUS "C client (pkg-config): ${run_output}")

# 6. The Python client, through ctypes, on the packaged shared object.
if(PYTHON)
  list(GET _sonames 0 _so)
  run("${PYTHON}" "${SOURCE_DIR}/examples/c_api/walk.py" "${_so}")
  message(STATUS "Python client: ${run_output}")
endif()
