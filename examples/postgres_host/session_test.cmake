# session_test.cmake: postgres_host as a person uses it, and the bad input it refuses.
#
#   cmake -DHOST=<postgres_host> -DPG_CLUSTER=<pg_cluster.sh> -DCLUSTER=<cluster dir> -P session_test.cmake
#
# Walks sqlite_host's scenario (scenario.cmake) in one agency of a fresh database; every accepted
# command prints its record number in order. Then each kind of bad input must be refused with a
# clear message and leave no row behind: the same form twice (3), an agency without a partition (3),
# a URL that does not connect (5), a database without the schema (5) or with a newer one (5), a plan
# other than the database's (5).
cmake_minimum_required(VERSION 3.21)
foreach(required HOST PG_CLUSTER CLUSTER)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "session_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/../sqlite_host/scenario.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/postgres.cmake")

fresh_database(session url)
set(HOST_ARGS --url "${url}" --agency tt_hatinh)

# A database nobody set up: refused, and nothing is created in it.
expect_exit(5 verify)
if(NOT last_out MATCHES "no exemplar schema")
  message(FATAL_ERROR "a database without the schema was not refused clearly:\n${last_out}")
endif()
expect_exit(5 ${scenario_discover_1})
psql(session "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if(NOT psql_out STREQUAL "0")
  message(FATAL_ERROR "a refused command created ${psql_out} tables")
endif()

expect_exit(0 init)
expect_exit(0 create-agency)
if(NOT last_out MATCHES "agency tt_hatinh: partition and head row created")
  message(FATAL_ERROR "create-agency said:\n${last_out}")
endif()

walk_scenario()

# Runs a command that must fail with `code`, print `pattern`, and leave every table as it was.
set(tables_now "SELECT (SELECT count(*) || '/' || coalesce(sum(sequence), 0) FROM journal) || ' ' || (SELECT string_agg(agency || ':' || head_sequence, ',' ORDER BY agency) FROM agencies) || ' ' || (SELECT count(*) || '/' || coalesce(sum(sequence), 0) FROM candidates)")
function(expect_unchanged code pattern)
  psql(session "${tables_now}")
  set(before "${psql_out}")
  expect_exit(${code} ${ARGN})
  if(NOT last_out MATCHES "${pattern}")
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "postgres_host ${shown}\nshould print '${pattern}':\n${last_out}")
  endif()
  psql(session "${tables_now}")
  if(NOT psql_out STREQUAL before)
    message(FATAL_ERROR "a refused command changed the tables (journal, head rows, candidates): ${before} -> ${psql_out}")
  endif()
endfunction()

# The library's refusals, as sqlite_host gives them.
expect_unchanged(3 "refused \\(not_authorised\\)"
                 discover --id 3 --unit 7 --description "x" --as council:20:1 --date 2022-02-10)
expect_unchanged(3 "refused \\(date_out_of_order\\)"
                 review --id 1 --members 15 --present 12 --for 10 --against 2 --as provincial_board:90:100 --date 2023-02-01)
expect_unchanged(3 "refused \\(invalid_argument\\).*no candidate 99"
                 foster --id 99 --mentor 9 --as unit_head:3:7 --date 2022-02-11)

# The same form twice: stored once.
expect_unchanged(3 "refused \\(duplicate_form\\).*already stored as record #1 of agency tt_hatinh"
                 ${scenario_discover_1})
expect_unchanged(3 "bị từ chối \\(duplicate_form\\)" --lang vi ${scenario_discover_1})

# An agency without a partition.
set(HOST_ARGS --url "${url}" --agency tt_quangbinh)
expect_unchanged(3 "the agency tt_quangbinh has no journal partition" ${scenario_discover_2})
expect_unchanged(3 "the agency tt_quangbinh has no journal partition" show)
set(HOST_ARGS --url "${url}" --agency Bad-Name)
expect_unchanged(2 "--agency: .Bad-Name. is not an agency name" show)

# A plan other than the one the database was set up with.
set(HOST_ARGS --url "${url}" --agency tt_hatinh --plan inspectorate-2021)
expect_unchanged(5 "set up for the plan hatinh-inspectorate-2021-2025 .*not for the plan inspectorate-2021" ${scenario_next})
expect_unchanged(5 "set up for the plan hatinh-inspectorate-2021-2025" init)

# A URL that does not connect (port 1 on this machine: nothing listens there).
set(HOST_ARGS --url "postgresql://exemplar@127.0.0.1:1/session" --agency tt_hatinh)
expect_exit(5 ${scenario_next})
if(NOT last_out MATCHES "cannot connect to postgresql://exemplar@127.0.0.1:1/session")
  message(FATAL_ERROR "a URL that does not connect was not refused clearly:\n${last_out}")
endif()
set(HOST_ARGS --url "postgresql://exemplar:secret@127.0.0.1:1/session" --agency tt_hatinh)
expect_exit(5 verify)
if(last_out MATCHES "secret")
  message(FATAL_ERROR "the error message shows the password:\n${last_out}")
endif()

# A schema newer than the program.
set(HOST_ARGS --url "${url}" --agency tt_hatinh)
psql(session "UPDATE exemplar_schema SET version = 2")
expect_unchanged(5 "schema version 2, newer than this program knows \\(up to 1\\)" ${scenario_next})
psql(session "UPDATE exemplar_schema SET version = 1")

# The screens.
expect_exit(0 options --id 1 --as provincial_board:90:100 --date 2023-05-01)
if(NOT last_out MATCHES "review in council: allowed")
  message(FATAL_ERROR "options should allow the review:\n${last_out}")
endif()
expect_exit(0 --lang vi show --id 1)
if(NOT last_out MATCHES "#11 01/03/2023 ứng viên 1")
  message(FATAL_ERROR "show --lang vi should list record 11 in Vietnamese:\n${last_out}")
endif()
expect_next_record()
journal_records(final)
math(EXPR next "${scenario_records} + 1")
if(NOT final EQUAL next)
  message(FATAL_ERROR "the session ends with ${final} records, expected ${next}")
endif()
