# replication_test.cmake: the national view. Two province servers publish their journals, a national
# server subscribes to both by PostgreSQL logical replication, and replays and verifies every
# province's chains.
#
#   cmake -DHOST=<postgres_host> -DPG_CLUSTER=<pg_cluster.sh> -DWORK=<dir> -P replication_test.cmake
#
# The three clusters, in WORK/hatinh, WORK/quangbinh and WORK/national, are started (wal_level = logical, as pg_cluster.sh sets it) by ctest setup
# fixtures and stopped by cleanup fixtures, also when this test fails. Each province's database
# holds two agencies, with names distinct across the country (a chain is one agency's). Half of
# sqlite_host's scenario (scenario.cmake) is walked in every agency before the national server
# subscribes (the subscription's first copy brings it), the rest after (the stream brings it). The
# national database is set up by `postgres_host init` for the same plan, with one journal partition
# per province holding its agencies; each province publishes its head rows, journal and candidates
# (`publish_via_partition_root`, so rows arrive through the national journal's own partitioning).
# Once the national server holds every record, `postgres_host verify` on it must replay every
# chain, and each agency's head there must be the head its province reports. Last, a bit of one
# record flipped with plain SQL on a province's server reaches the national server like any row, and
# verify there must exit 4 naming that agency and record, and no other agency.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST PG_CLUSTER WORK)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "replication_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/../sqlite_host/scenario.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/postgres.cmake")

set(province_names hatinh quangbinh)
set(agencies_hatinh tt_hatinh snv_hatinh)
set(agencies_quangbinh tt_quangbinh snv_quangbinh)
set(PROVINCES "${WORK}/hatinh" "${WORK}/quangbinh")
set(NATIONAL "${WORK}/national")
list(LENGTH scenario_steps step_count)
math(EXPR half "${step_count} / 2")

# Each agency walks its own length of the scenario, so that no two chains are alike (the same
# commands would give the same hashes): the agencies in turn stop 0, 1, 2, 3 steps short of the end.
set(all_agencies)
foreach(name IN LISTS province_names)
  list(APPEND all_agencies ${agencies_${name}})
endforeach()

# Walks the scenario's steps [from, to) in every agency of province `name` (`to` shortened as above).
function(walk name url from to)
  foreach(agency IN LISTS agencies_${name})
    set(HOST_ARGS --url "${url}" --agency ${agency})
    list(FIND all_agencies ${agency} short)
    math(EXPR end "${to} - ${short}")
    if(to LESS step_count)
      set(end ${to})
    endif()
    set(index 0)
    foreach(step IN LISTS scenario_steps)
      if(index GREATER_EQUAL from AND index LESS end)
        expect_exit(0 ${scenario_${step}})
      endif()
      math(EXPR index "${index} + 1")
    endforeach()
  endforeach()
endfunction()

# The lines `agency X: N records, C candidates, head #N HASH` that verify prints; sets `heads`.
function(verified_heads url out)
  set(HOST_ARGS --url "${url}")
  expect_exit(0 verify)
  string(REGEX MATCHALL "agency [a-z_]+: [^\n]*" lines "${last_out}")
  set(${out} "${lines}" PARENT_SCOPE)
  set(last_out "${last_out}" PARENT_SCOPE)
endfunction()

# The provinces: the schema, the agencies, the first half of the walk, and the publication.
set(expected_heads)
set(expected_records 0)
foreach(name IN ZIP_LISTS province_names PROVINCES)
  set(CLUSTER "${name_1}")
  fresh_database(province url)
  set(url_${name_0} "${url}")
  set(HOST_ARGS --url "${url}")
  expect_exit(0 init)
  foreach(agency IN LISTS agencies_${name_0})
    set(HOST_ARGS --url "${url}" --agency ${agency})
    expect_exit(0 create-agency)
    list(APPEND partition_${name_0} "'${agency}'")
  endforeach()
  walk(${name_0} "${url}" 0 ${half})
  psql(province "CREATE PUBLICATION exemplar_national FOR TABLE agencies, journal, candidates WITH (publish_via_partition_root = true)")
endforeach()

# The national server: the same plan, one partition per province, one subscription per province.
set(CLUSTER "${NATIONAL}")
fresh_database(national national_url)
set(HOST_ARGS --url "${national_url}")
expect_exit(0 init)
foreach(name IN ZIP_LISTS province_names PROVINCES)
  list(JOIN partition_${name_0} ", " values)
  psql(national "CREATE TABLE journal_${name_0} PARTITION OF journal FOR VALUES IN (${values})")
  file(READ "${name_1}/port" port)
  string(STRIP "${port}" port)
  psql(national "CREATE SUBSCRIPTION from_${name_0} CONNECTION 'host=127.0.0.1 port=${port} dbname=province user=exemplar' PUBLICATION exemplar_national")
endforeach()

# The rest of the walk, while the national server follows; then what each province reports.
foreach(name IN ZIP_LISTS province_names PROVINCES)
  set(CLUSTER "${name_1}")
  walk(${name_0} "${url_${name_0}}" ${half} ${step_count})
  verified_heads("${url_${name_0}}" heads)
  list(APPEND expected_heads ${heads})
  if(NOT last_out MATCHES "journal: ([0-9]+) records")
    message(FATAL_ERROR "verify on province ${name_0} printed no record count:\n${last_out}")
  endif()
  math(EXPR expected_records "${expected_records} + ${CMAKE_MATCH_1}")
endforeach()
list(SORT expected_heads)

# Wait (at most 30 s) until the national server holds every record and every head row.
set(CLUSTER "${NATIONAL}")
set(progress "SELECT (SELECT count(*) FROM journal) || ' ' || (SELECT coalesce(sum(head_sequence), 0) FROM agencies) || ' ' || (SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r')")
string(TIMESTAMP started "%s")
set(waited 0)
while(TRUE)
  psql(national "${progress}")
  if(psql_out STREQUAL "${expected_records} ${expected_records} 0")
    break()
  endif()
  string(TIMESTAMP now "%s")
  math(EXPR waited "${now} - ${started}")
  if(waited GREATER 30)
    message(FATAL_ERROR "after 30 s the national server holds (records, head sequences, tables not in sync) ${psql_out}, "
                        "expected ${expected_records} ${expected_records} 0")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 0.2)
endwhile()

# The national view: every province's chains replay and verify there, to the heads the provinces report.
verified_heads("${national_url}" national_heads)
list(SORT national_heads)
if(NOT national_heads STREQUAL expected_heads)
  string(REPLACE ";" "\n" shown_national "${national_heads}")
  string(REPLACE ";" "\n" shown_expected "${expected_heads}")
  message(FATAL_ERROR "the national server's chains are not the provinces':\n${shown_national}\nexpected:\n${shown_expected}")
endif()
if(NOT last_out MATCHES "journal: ${expected_records} records in 4 agencies")
  message(FATAL_ERROR "the national verify should count ${expected_records} records in 4 agencies:\n${last_out}")
endif()
message(STATUS "the national server held every record ${waited} s after the provinces' last command, "
               "and verifies ${expected_records} records of 4 agencies in 2 provinces:\n${last_out}")

# An edit made behind the program's back on a province's server travels up like any row, and the
# national server finds it at its record: one bit of record 3 of tt_hatinh flipped at the province.
set(CLUSTER "${WORK}/hatinh")
psql(province "UPDATE journal SET record = set_byte(record, 20, get_byte(record, 20) # 1) WHERE agency = 'tt_hatinh' AND sequence = 3")
psql(province "SELECT md5(record) FROM journal WHERE agency = 'tt_hatinh' AND sequence = 3")
set(tampered "${psql_out}")
set(CLUSTER "${NATIONAL}")
string(TIMESTAMP started "%s")
while(TRUE)
  psql(national "SELECT md5(record) FROM journal WHERE agency = 'tt_hatinh' AND sequence = 3")
  if(psql_out STREQUAL tampered)
    break()
  endif()
  string(TIMESTAMP now "%s")
  math(EXPR waited "${now} - ${started}")
  if(waited GREATER 30)
    message(FATAL_ERROR "after 30 s the province's edit has not reached the national server")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E sleep 0.2)
endwhile()
set(HOST_ARGS --url "${national_url}")
expect_exit(4 verify)
if(NOT last_out MATCHES "agency tt_hatinh: Journal record 3[^0-9]" OR last_out MATCHES "agency (snv_hatinh|tt_quangbinh|snv_quangbinh):")
  message(FATAL_ERROR "the national verify should blame record 3 of tt_hatinh and no other agency:\n${last_out}")
endif()
