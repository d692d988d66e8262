# cmake -DBINARY_DIR=<exemplar build> -DPREFIX=<dir> [-DCONFIG=<config>] -P install.cmake
# Installs the built exemplar into an empty PREFIX, so what the consumer finds is only this install.
foreach(_var BINARY_DIR PREFIX)
  if(NOT ${_var})
    message(FATAL_ERROR "install.cmake: ${_var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
set(_config_args "")
if(CONFIG)
  set(_config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${PREFIX}" ${_config_args}
  COMMAND_ERROR_IS_FATAL ANY)

file(GLOB_RECURSE _configs "${PREFIX}/*/exemplarConfig.cmake")
if(NOT _configs)
  message(FATAL_ERROR "the install put no exemplarConfig.cmake under ${PREFIX}")
endif()
