# postgres.cmake: what the PostgreSQL host's test scripts share: a fresh database on the test
# cluster (pg_cluster.sh, started by the ctest fixture), and SQL run behind the tool's back.
#
# Needs PG_CLUSTER (pg_cluster.sh) and CLUSTER (the cluster's directory) set by the including script.

# Creates (or re-creates) database `name`; sets `out` to its URL.
function(fresh_database name out)
  execute_process(COMMAND "${PG_CLUSTER}" createdb "${CLUSTER}" "${name}" RESULT_VARIABLE rc OUTPUT_VARIABLE url
                  ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot create database ${name} on the test cluster ${CLUSTER}: ${err}")
  endif()
  set(${out} "${url}" PARENT_SCOPE)
endfunction()

# Runs SQL on database `name` as someone with access to the server would; sets `psql_out`.
function(psql name sql)
  execute_process(COMMAND "${PG_CLUSTER}" psql "${CLUSTER}" "${name}" -At -c "${sql}" RESULT_VARIABLE rc
                  OUTPUT_VARIABLE out ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "psql on ${name} failed (${rc}): ${sql}\n${err}")
  endif()
  set(psql_out "${out}" PARENT_SCOPE)
endfunction()
