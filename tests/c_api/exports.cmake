# cmake -DLIBRARY=<libexemplar_c.so> -DNM=<nm> -P exports.cmake
# libexemplar_c exports the functions of <exemplar/c/exemplar.h> and nothing else.
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  OUTPUT_VARIABLE _symbols COMMAND_ERROR_IS_FATAL ANY)
string(REPLACE "\n" ";" _lines "${_symbols}")
set(_exported 0)
foreach(_line IN LISTS _lines)
  if(_line MATCHES "^[0-9a-fA-F]+ [A-Za-z] (.+)$")
    set(_name "${CMAKE_MATCH_1}")
    if(NOT _name MATCHES "^exemplar_[a-z_0-9]+$")
      message(FATAL_ERROR "${LIBRARY} exports '${_name}', which is not part of the C API")
    endif()
    math(EXPR _exported "${_exported} + 1")
  endif()
endforeach()
if(_exported LESS 20)
  message(FATAL_ERROR "${LIBRARY} exports only ${_exported} functions: is the C API missing?")
endif()
message(STATUS "${LIBRARY} exports ${_exported} functions, all of the C API")
