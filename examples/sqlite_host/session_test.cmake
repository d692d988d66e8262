# session_test.cmake: the tool as a person uses it: accepted steps, refusals, bad input, screens.
#
#   cmake -DHOST=<sqlite_host> -DWORK=<scratch dir> -P session_test.cmake
#
# Walks the scenario (scenario.cmake); every accepted command prints its record number in order.
# A command the library refuses exits 3 with the refusal's code and message in the chosen language;
# a bad option or value exits 2 with a message naming it; neither changes the database.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST WORK)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "session_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/scenario.cmake")

file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/session.db")
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm")

walk_scenario()

# Runs a command that must fail with `code`, print `pattern`, and leave the journal as it was.
function(expect_unchanged code pattern)
  journal_records(before)
  expect_exit(${code} ${ARGN})
  if(NOT last_out MATCHES "${pattern}")
    string(REPLACE ";" " " shown "${ARGN}")
    message(FATAL_ERROR "sqlite_host ${shown}\nshould print '${pattern}':\n${last_out}")
  endif()
  journal_records(after)
  if(NOT after EQUAL before)
    message(FATAL_ERROR "a refused command changed the journal from ${before} to ${after} records")
  endif()
endfunction()

# Refusals by the library (seed 001 II.2: the agency head recognises, on the council's proposal).
expect_unchanged(3 "refused \\(not_authorised\\)"
                 discover --id 3 --unit 7 --description "x" --as council:20:1 --date 2022-02-10)
expect_unchanged(3 "refused \\(outside_actor_unit\\)"
                 discover --id 3 --unit 8 --description "x" --as unit_head:3:7 --date 2022-02-10)
expect_unchanged(3 "bị từ chối \\(stage_is_terminal\\)"
                 --lang vi foster --id 2 --mentor 9 --as unit_head:3:7 --date 2022-04-01)
expect_unchanged(3 "refused \\(date_out_of_order\\)"
                 review --id 1 --members 15 --present 12 --for 10 --against 2 --as provincial_board:90:100 --date 2023-02-01)
expect_unchanged(3 "refused \\(not_allowed_from_stage\\)"
                 discover --id 1 --unit 7 --description "again" --as unit_head:3:7 --date 2023-04-01)
expect_unchanged(3 "refused \\(invalid_argument\\).*no candidate 99"
                 foster --id 99 --mentor 9 --as unit_head:3:7 --date 2022-02-11)
expect_unchanged(3 "refused \\(not_allowed_from_stage\\)"
                 propose --id 1 --award ministry_certificate --as provincial_board:90:100 --date 2023-05-01)
string(REPEAT "a" 5000 too_long)
expect_unchanged(3 "refused \\(invalid_argument\\).*longer than 4096 bytes"
                 discover --id 3 --unit 7 --description "${too_long}" --as unit_head:3:7 --date 2022-02-10)

# Bad command lines, caught by the parser before the database is touched.
expect_unchanged(2 "--date: '2022-02-30' is not a date"
                 foster --id 1 --mentor 9 --as unit_head:3:7 --date 2022-02-30)
expect_unchanged(2 "--as: 'boss:3:7' is not ROLE:ID:UNIT"
                 foster --id 1 --mentor 9 --as boss:3:7 --date 2022-02-11)
expect_unchanged(2 "--subject"
                 discover --id 3 --unit 7 --subject robot --description "x" --as unit_head:3:7 --date 2022-02-10)
expect_unchanged(2 "--members"
                 review --id 1 --members 70000 --present 1 --for 1 --against 0 --as council:20:1 --date 2023-05-01)
expect_unchanged(2 "--id"
                 nominate --id 0 --as agency_head:1:1 --date 2023-05-01)
expect_unchanged(2 "--award is required"
                 propose --id 1 --as agency_head:1:1 --date 2023-05-01)
expect_unchanged(2 "--reason is required"
                 withdraw --id 1 --as unit_head:3:7 --date 2023-05-01)
expect_unchanged(2 "lang"
                 --lang fr verify)
expect_unchanged(2 "A subcommand is required")

# The screens: what this person may do now, and the candidate with its records.
expect_exit(0 options --id 1 --as provincial_board:90:100 --date 2023-05-01)
if(NOT last_out MATCHES "review in council: allowed" OR NOT last_out MATCHES "recognise: Cannot recognise")
  message(FATAL_ERROR "options should allow the review and explain the rest:\n${last_out}")
endif()
expect_exit(0 --lang vi options --id 1 --as provincial_board:90:100 --date 2023-05-01)
if(NOT last_out MATCHES ": được phép")
  message(FATAL_ERROR "options --lang vi should speak Vietnamese:\n${last_out}")
endif()
expect_exit(0 --lang vi show --id 1)
if(NOT last_out MATCHES "#11 01/03/2023 ứng viên 1")
  message(FATAL_ERROR "show --lang vi should list record 11 in Vietnamese:\n${last_out}")
endif()
expect_exit(0 show)
expect_exit(0 --help)
journal_records(final)
if(NOT final EQUAL scenario_records)
  message(FATAL_ERROR "the session ends with ${final} records, expected ${scenario_records}")
endif()
