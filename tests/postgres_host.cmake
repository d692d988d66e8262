# The PostgreSQL host's tests (examples/postgres_host), included from tests/CMakeLists.txt. They
# share one throwaway cluster under the build tree, started by a setup fixture and stopped by a
# cleanup fixture that ctest runs also when a test fails; each test uses its own database, so ctest
# -j may run them together. The fault test kills its server, so it starts (and, by a trap, always
# stops) a cluster of its own. All are labelled `postgres`: ctest -L postgres runs just them.
if(TARGET postgres_host)
  set(_pg_scripts "${PROJECT_SOURCE_DIR}/examples/postgres_host")
  set(_pg_work "${CMAKE_CURRENT_BINARY_DIR}/postgres_host")
  set(_pg_cluster_script "${_pg_scripts}/pg_cluster.sh")
  set(_pg_cluster "${_pg_work}/cluster")
  add_test(NAME example.postgres_host.cluster.start COMMAND "${_pg_cluster_script}" start "${_pg_cluster}")
  add_test(NAME example.postgres_host.cluster.stop COMMAND "${_pg_cluster_script}" stop "${_pg_cluster}")
  set_tests_properties(example.postgres_host.cluster.start PROPERTIES FIXTURES_SETUP postgres_cluster)
  set_tests_properties(example.postgres_host.cluster.stop PROPERTIES FIXTURES_CLEANUP postgres_cluster)
  set(_pg_tests)
  foreach(test session tamper load)
    add_test(NAME example.postgres_host.${test}
             COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:postgres_host> -DPG_CLUSTER=${_pg_cluster_script}
                     -DCLUSTER=${_pg_cluster} -P ${_pg_scripts}/${test}_test.cmake)
    set_tests_properties(example.postgres_host.${test} PROPERTIES FIXTURES_REQUIRED postgres_cluster)
    list(APPEND _pg_tests example.postgres_host.${test})
  endforeach()
  # 20 server kills under load; ./build.sh soak runs the same script at length.
  add_test(NAME example.postgres_host.faults
           COMMAND "${_pg_scripts}/fault_test.sh" $<TARGET_FILE:postgres_host> "${_pg_cluster_script}" "${_pg_work}/faults" 20)
  list(APPEND _pg_tests example.postgres_host.faults)
  set_tests_properties(example.postgres_host.cluster.start example.postgres_host.cluster.stop ${_pg_tests}
                       PROPERTIES LABELS postgres TIMEOUT 240)
endif()
