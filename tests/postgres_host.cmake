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
  # The national view: two province clusters and a national one, each started afresh (a logical
  # replication slot left by an earlier run would keep its database from being dropped) and stopped
  # by cleanup fixtures, also when the test fails.
  set(_pg_replication "${_pg_work}/replication")
  set(_pg_fixture_tests)
  foreach(server hatinh quangbinh national)
    set(_dir "${_pg_replication}/${server}")
    add_test(NAME example.postgres_host.replication.${server}.start
             COMMAND bash -c "\"$0\" stop \"$1\" && rm -rf \"$1\" && \"$0\" start \"$1\"" "${_pg_cluster_script}" "${_dir}")
    add_test(NAME example.postgres_host.replication.${server}.stop COMMAND "${_pg_cluster_script}" stop "${_dir}")
    set_tests_properties(example.postgres_host.replication.${server}.start PROPERTIES FIXTURES_SETUP postgres_replication)
    set_tests_properties(example.postgres_host.replication.${server}.stop PROPERTIES FIXTURES_CLEANUP postgres_replication)
    list(APPEND _pg_fixture_tests example.postgres_host.replication.${server}.start example.postgres_host.replication.${server}.stop)
  endforeach()
  add_test(NAME example.postgres_host.replication
           COMMAND ${CMAKE_COMMAND} -DHOST=$<TARGET_FILE:postgres_host> -DPG_CLUSTER=${_pg_cluster_script}
                   -DWORK=${_pg_replication} -P ${_pg_scripts}/replication_test.cmake)
  set_tests_properties(example.postgres_host.replication PROPERTIES FIXTURES_REQUIRED postgres_replication)
  list(APPEND _pg_tests example.postgres_host.replication ${_pg_fixture_tests})
  set_tests_properties(example.postgres_host.cluster.start example.postgres_host.cluster.stop ${_pg_tests}
                       PROPERTIES LABELS postgres TIMEOUT 240)
endif()
