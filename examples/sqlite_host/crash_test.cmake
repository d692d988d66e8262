# crash_test.cmake: a command is stored whole or not at all, however abruptly the host stops.
#
#   cmake -DHOST=<sqlite_host> -DWORK=<scratch dir> -P crash_test.cmake
#
# Walks the scenario (scenario.cmake). Each command is first started five times with --crash-after N,
# which ends the process with std::_Exit(99) right after the N-th statement of its transaction
# (1 BEGIN IMMEDIATE, 2 journal row, 3 candidate row, 4 head in meta, 5 COMMIT): no rollback, no
# close, as a kill or a power cut would leave it. After every stop the database is reopened and
# `verify` must pass (the journal replays with its hashes, the candidates rows and the head in meta
# agree with it). A stop before COMMIT must leave the journal as it was (no half-applied command);
# a stop after COMMIT must keep the new record (no accepted event lost). Finally the next command
# must continue the sequence and the candidates must stand where the walk leaves them.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST WORK)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "crash_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/scenario.cmake")

file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/crash.db")
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm" "${DB}-journal")

set(stops 0)
foreach(step IN LISTS scenario_steps)
  journal_records(before)
  foreach(n RANGE 1 4)
    expect_exit(99 --crash-after ${n} ${scenario_${step}})
    math(EXPR stops "${stops} + 1")
    journal_records(after)
    if(NOT after EQUAL before)
      message(FATAL_ERROR "${step}: stopped after statement ${n} (before COMMIT), yet the journal went from ${before} to ${after} records")
    endif()
  endforeach()
  expect_exit(99 --crash-after 5 ${scenario_${step}})
  math(EXPR stops "${stops} + 1")
  journal_records(after)
  math(EXPR expected "${before} + 1")
  if(NOT after EQUAL expected)
    message(FATAL_ERROR "${step}: stopped right after COMMIT, yet the journal has ${after} records, not ${expected}: an accepted event was lost")
  endif()
endforeach()

journal_records(total)
if(NOT total EQUAL scenario_records)
  message(FATAL_ERROR "after the walk the journal has ${total} records, expected ${scenario_records}")
endif()
expect_next_record()
expect_exit(0 show --id 1)
if(NOT last_out MATCHES "provincial level\\): reviewed by the council")
  message(FATAL_ERROR "candidate 1 should be reviewed at province level:\n${last_out}")
endif()
expect_exit(0 show --id 2)
if(NOT last_out MATCHES "\\): withdrawn")
  message(FATAL_ERROR "candidate 2 should be withdrawn:\n${last_out}")
endif()
journal_records(final)
message(STATUS "${stops} abrupt stops, ${final} records, the database consistent after every one")
