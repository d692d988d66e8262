# tamper_test.cmake: an edit made to the database behind the tool's back is found at its record.
#
#   cmake -DHOST=<sqlite_host> -DTAMPER=<sqlite_host_tamper> -DWORK=<scratch dir> -P tamper_test.cmake
#
# Walks the scenario (scenario.cmake) into a database, then, each time on a fresh copy of it, uses
# sqlite_host_tamper (plain SQLite API) to flip one bit of a stored record, delete a record, swap two,
# cut the last one off, rewrite a candidate row or its snapshot blob, or claim a newer schema.
# `verify` must exit 4 and name the record where the journal stops being trustworthy, a command on
# the tampered file must be refused without changing it, and a newer schema must exit 5.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST TAMPER WORK)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "tamper_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/scenario.cmake")

file(MAKE_DIRECTORY "${WORK}")
set(pristine "${WORK}/pristine.db")
set(DB "${pristine}")
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm")
foreach(step IN LISTS scenario_steps)
  expect_exit(0 ${scenario_${step}})
endforeach()
journal_records(count)
if(NOT count EQUAL scenario_records)
  message(FATAL_ERROR "the walk stored ${count} records, expected ${scenario_records}")
endif()

set(DB "${WORK}/tampered.db")
# Gives a fresh copy of the walk's database and tampers with it.
function(tamper)
  file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm")
  file(COPY_FILE "${pristine}" "${DB}")
  execute_process(COMMAND "${TAMPER}" --db "${DB}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sqlite_host_tamper ${ARGN} failed (${rc}): ${out}${err}")
  endif()
endfunction()

# `verify` must refuse the database and name the record, in English and in Vietnamese.
function(expect_found_at sequence what)
  expect_exit(4 verify)
  if(NOT last_out MATCHES "Journal record ${sequence}[^0-9]")
    message(FATAL_ERROR "${what}: verify did not name record ${sequence}:\n${last_out}")
  endif()
  expect_exit(4 --lang vi verify)
  if(NOT last_out MATCHES "Bản ghi nhật ký số ${sequence}[^0-9]")
    message(FATAL_ERROR "${what}: verify --lang vi did not name record ${sequence}:\n${last_out}")
  endif()
endfunction()

# Every field of the binary layout of format 2 (docs/journal.md): tag, version, sequence,
# candidate_sequence, previous hash, candidate, actor, the actor's unit (first and last byte), role,
# date (first and last byte), flags, kind, event data, and byte 99, the last of a nomination record
# (the shortest, 100 bytes), which lies in its own hash.
set(cases 0)
foreach(sequence 1 3 6 11)
  foreach(byte 0 1 2 3 10 11 14 15 46 47 51 55 58 59 60 63 64 65 66 99)
    tamper(flip --sequence ${sequence} --byte ${byte})
    expect_found_at(${sequence} "bit 0 of byte ${byte} of record ${sequence} flipped")
    math(EXPR cases "${cases} + 1")
  endforeach()
endforeach()

tamper(delete --sequence 5)
expect_found_at(5 "record 5 deleted")
tamper(swap --sequence 4)
expect_found_at(4 "records 4 and 5 swapped")
tamper(delete --sequence ${scenario_records})
expect_found_at(${scenario_records} "the last record cut off")
tamper(stage --id 2 --to fostered)
expect_found_at(10 "candidate 2's stage column rewritten (its last record is 10)")
tamper(flip-snapshot --id 1 --byte 9)
expect_found_at(11 "a bit of candidate 1's snapshot blob flipped (its last record is 11)")
math(EXPR cases "${cases} + 5")

# A command on a tampered database is refused and changes nothing: flipping the same bit back gives
# the walk's database again, with the same number of records.
tamper(flip --sequence 6 --byte 20)
expect_exit(4 ${scenario_next})
expect_exit(4 show --id 1)
execute_process(COMMAND "${TAMPER}" --db "${DB}" flip --sequence 6 --byte 20 RESULT_VARIABLE rc OUTPUT_QUIET)
journal_records(after)
if(NOT after EQUAL scenario_records)
  message(FATAL_ERROR "a command on a tampered database changed it: ${after} records, expected ${scenario_records}")
endif()

# A schema newer than the program is refused, not guessed.
tamper(schema --version 2)
expect_exit(5 verify)
if(NOT last_out MATCHES "schema version 2, newer than this program")
  message(FATAL_ERROR "a newer schema was not refused clearly:\n${last_out}")
endif()
message(STATUS "${cases} tamperings, each found at its record")
