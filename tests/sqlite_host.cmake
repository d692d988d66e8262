# The example host's tests (examples/sqlite_host), included from tests/CMakeLists.txt: ctest only
# sees tests added after enable_testing(), which the top level calls after adding the examples.
# Each test is a CMake script that drives the tool as a person or a crash would, in its own
# scratch directory so that ctest -j may run them together.
if(TARGET sqlite_host AND TARGET sqlite_host_tamper)
  set(_sqlite_host_scripts "${PROJECT_SOURCE_DIR}/examples/sqlite_host")
  set(_sqlite_host_work "${CMAKE_CURRENT_BINARY_DIR}/sqlite_host")
  add_test(NAME example.sqlite_host.session
           COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:sqlite_host> -DWORK=${_sqlite_host_work}/session
                   -P ${_sqlite_host_scripts}/session_test.cmake)
  add_test(NAME example.sqlite_host.crash
           COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:sqlite_host> -DWORK=${_sqlite_host_work}/crash
                   -P ${_sqlite_host_scripts}/crash_test.cmake)
  add_test(NAME example.sqlite_host.tamper
           COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:sqlite_host> -DTAMPER=$<TARGET_FILE:sqlite_host_tamper>
                   -DWORK=${_sqlite_host_work}/tamper -P ${_sqlite_host_scripts}/tamper_test.cmake)
  # Issue 15: --plan (the plan's windows and criteria) and --create.
  add_test(NAME example.sqlite_host.plan
           COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:sqlite_host> -DPLANS=${PROJECT_SOURCE_DIR}/plans
                   -DWORK=${_sqlite_host_work}/plan -P ${_sqlite_host_scripts}/plan_test.cmake)
endif()
