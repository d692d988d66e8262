# cmake -DSOURCE_DIR=<consumer> -DBINARY_DIR=<dir> -DGENERATOR=<gen> -DCXX_COMPILER=<path>
#       -DEXPECTED_OUTPUT=<version> [-DPREFIX=<install prefix>] [-DEXEMPLAR_SOURCE_DIR=<dir>]
#       [-DGENERATOR_PLATFORM=...] [-DGENERATOR_TOOLSET=...] [-DMAKE_PROGRAM=...] [-DCONFIG=...]
#       [-DCXX_FLAGS=...] [-DEXE_LINKER_FLAGS=...] [-DSHARED_LIBS=ON|OFF] -P run_consumer.cmake
# Configures a consumer project from scratch, builds it, runs it and checks that it prints the
# version exemplar was built with. With PREFIX it also checks that find_package used that install.
foreach(_var SOURCE_DIR BINARY_DIR GENERATOR CXX_COMPILER EXPECTED_OUTPUT)
  if(NOT ${_var})
    message(FATAL_ERROR "run_consumer.cmake: ${_var} is not set")
  endif()
endforeach()

# The consumer gets exemplar's toolchain and flags (so sanitizer builds link), never its warnings.
set(_configure_args
  -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")
if(GENERATOR_PLATFORM)
  list(APPEND _configure_args -A "${GENERATOR_PLATFORM}")
endif()
if(GENERATOR_TOOLSET)
  list(APPEND _configure_args -T "${GENERATOR_TOOLSET}")
endif()
if(MAKE_PROGRAM AND GENERATOR MATCHES "Ninja|Makefiles")
  list(APPEND _configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CONFIG)
  list(APPEND _configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
if(DEFINED SHARED_LIBS AND NOT SHARED_LIBS STREQUAL "")
  list(APPEND _configure_args "-DBUILD_SHARED_LIBS=${SHARED_LIBS}")
endif()
if(PREFIX)
  list(APPEND _configure_args "-DCMAKE_PREFIX_PATH=${PREFIX}")
endif()
if(EXEMPLAR_SOURCE_DIR)
  list(APPEND _configure_args "-DEXEMPLAR_SOURCE_DIR=${EXEMPLAR_SOURCE_DIR}")
endif()

file(REMOVE_RECURSE "${BINARY_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" ${_configure_args} COMMAND_ERROR_IS_FATAL ANY)

if(PREFIX)
  file(STRINGS "${BINARY_DIR}/CMakeCache.txt" _found REGEX "^exemplar_DIR:")
  string(REGEX REPLACE "^exemplar_DIR:[A-Z]+=" "" _found "${_found}")
  file(REAL_PATH "${_found}" _found)
  file(REAL_PATH "${PREFIX}" _prefix)
  string(FIND "${_found}/" "${_prefix}/" _at)
  if(NOT _at EQUAL 0)
    message(FATAL_ERROR "find_package(exemplar) used ${_found}, not the install in ${_prefix}")
  endif()
endif()

set(_build_args --build "${BINARY_DIR}")
if(CONFIG)
  list(APPEND _build_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" ${_build_args} COMMAND_ERROR_IS_FATAL ANY)

set(_program "")
foreach(_candidate exemplar_consumer exemplar_consumer.exe
                   "${CONFIG}/exemplar_consumer" "${CONFIG}/exemplar_consumer.exe")
  if(NOT _program AND EXISTS "${BINARY_DIR}/${_candidate}"
     AND NOT IS_DIRECTORY "${BINARY_DIR}/${_candidate}")
    set(_program "${BINARY_DIR}/${_candidate}")
  endif()
endforeach()
if(NOT _program)
  message(FATAL_ERROR "the consumer built no exemplar_consumer program in ${BINARY_DIR}")
endif()

execute_process(COMMAND "${_program}" OUTPUT_VARIABLE _output COMMAND_ERROR_IS_FATAL ANY)
string(STRIP "${_output}" _output)
if(NOT _output STREQUAL EXPECTED_OUTPUT)
  message(FATAL_ERROR "the consumer printed '${_output}', expected '${EXPECTED_OUTPUT}'")
endif()
message(STATUS "the consumer printed '${_output}'")
