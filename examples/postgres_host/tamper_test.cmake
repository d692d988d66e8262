# tamper_test.cmake: an edit made in the journal table behind the tool's back is found at its record.
#
#   cmake -DHOST=<postgres_host> -DPG_CLUSTER=<pg_cluster.sh> -DCLUSTER=<cluster dir> -P tamper_test.cmake
#
# Walks the scenario (scenario.cmake) into agency tt_hatinh and two records into tt_quangbinh, then,
# each time on a fresh copy of that database (CREATE DATABASE ... TEMPLATE), edits rows with plain
# SQL: flips a bit of a stored record, deletes a record, swaps two, cuts the last one off, rewrites
# a candidates row or a head row. `verify` must exit 4 and name the agency and the record where its
# chain stops being trustworthy, in English and in Vietnamese; the other agency's chain is not blamed.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST PG_CLUSTER CLUSTER)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "tamper_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/../sqlite_host/scenario.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/postgres.cmake")

fresh_database(tamper_pristine url)
set(HOST_ARGS --url "${url}" --agency tt_hatinh)
expect_exit(0 init)
expect_exit(0 create-agency)
foreach(step IN LISTS scenario_steps)
  expect_exit(0 ${scenario_${step}})
endforeach()
set(HOST_ARGS --url "${url}" --agency tt_quangbinh)
expect_exit(0 create-agency)
expect_exit(0 ${scenario_discover_1})
expect_exit(0 ${scenario_discover_2})
set(HOST_ARGS --url "${url}")
journal_records(count)
math(EXPR expected "${scenario_records} + 2")
if(NOT count EQUAL expected)
  message(FATAL_ERROR "the walk stored ${count} records, expected ${expected}")
endif()

fresh_database(tamper_copy copy_url)
set(HOST_ARGS --url "${copy_url}")
set(cases 0)
# Gives a fresh copy of the walk's database and runs `sql` on it.
function(tamper sql)
  psql(postgres "DROP DATABASE IF EXISTS tamper_copy WITH (FORCE)")
  psql(postgres "CREATE DATABASE tamper_copy TEMPLATE tamper_pristine")
  psql(tamper_copy "${sql}")
endfunction()

# `verify` must refuse the database and name the agency and the record.
function(expect_found_at sequence what)
  expect_exit(4 verify)
  if(NOT last_out MATCHES "agency tt_hatinh: Journal record ${sequence}[^0-9]")
    message(FATAL_ERROR "${what}: verify did not name record ${sequence} of tt_hatinh:\n${last_out}")
  endif()
  if(last_out MATCHES "agency tt_quangbinh")
    message(FATAL_ERROR "${what}: verify blamed the untouched agency tt_quangbinh:\n${last_out}")
  endif()
  if(cases EQUAL 0)
    expect_exit(4 --lang vi verify)
    if(NOT last_out MATCHES "cơ quan tt_hatinh: Bản ghi nhật ký số ${sequence}[^0-9]")
      message(FATAL_ERROR "${what}: verify --lang vi did not name record ${sequence}:\n${last_out}")
    endif()
  endif()
  math(EXPR counted "${cases} + 1")
  set(cases ${counted} PARENT_SCOPE)
endfunction()

set(in_hatinh "agency = 'tt_hatinh'")
# Bits of the binary layout of format 2 (docs/journal.md): the tag, the previous hash, the date, and
# the last byte of the shortest record (sqlite_host's tamper test walks every field).
foreach(sequence 1 11)
  foreach(byte 0 14 51 99)
    tamper("UPDATE journal SET record = set_byte(record, ${byte}, get_byte(record, ${byte}) # 1) WHERE ${in_hatinh} AND sequence = ${sequence}")
    expect_found_at(${sequence} "bit 0 of byte ${byte} of record ${sequence} flipped")
  endforeach()
endforeach()
tamper("DELETE FROM journal WHERE ${in_hatinh} AND sequence = 5")
expect_found_at(5 "record 5 deleted")
# Records 4 and 5 swapped, each kept whole: through a free number, as the key is checked per row.
tamper("BEGIN; UPDATE journal SET sequence = 1000 WHERE ${in_hatinh} AND sequence = 4; UPDATE journal SET sequence = 4 WHERE ${in_hatinh} AND sequence = 5; UPDATE journal SET sequence = 5 WHERE ${in_hatinh} AND sequence = 1000; COMMIT")
expect_found_at(4 "records 4 and 5 swapped")
tamper("DELETE FROM journal WHERE ${in_hatinh} AND sequence = ${scenario_records}")
expect_found_at(${scenario_records} "the last record cut off")
tamper("UPDATE journal SET kind = 'commend' WHERE ${in_hatinh} AND sequence = 3")
expect_found_at(3 "record 3's kind column rewritten")
tamper("UPDATE candidates SET stage = 'fostered' WHERE ${in_hatinh} AND id = 2")
expect_found_at(10 "candidate 2's stage column rewritten (its last record is 10)")
tamper("UPDATE candidates SET snapshot = set_byte(snapshot, 9, get_byte(snapshot, 9) # 1) WHERE ${in_hatinh} AND id = 1")
expect_found_at(11 "a bit of candidate 1's snapshot flipped (its last record is 11)")
tamper("UPDATE agencies SET head_sequence = 12 WHERE ${in_hatinh}")
expect_found_at(12 "the head row claims a record 12")

# The pristine copy still verifies: the edits were made on copies only.
set(HOST_ARGS --url "${url}")
journal_records(after)
if(NOT after EQUAL expected)
  message(FATAL_ERROR "the pristine database changed: ${after} records, expected ${expected}")
endif()
message(STATUS "${cases} tamperings, each found at its record of its agency")
