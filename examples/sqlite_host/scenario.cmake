# scenario.cmake: what the example host's test scripts share: how to run the tool, how to read how
# many records its journal holds, and one walk of two candidates through the lifecycle (seed 000:
# an inspector of division 7 sent up to the province; a collective that withdraws).
#
# Needs HOST (the sqlite_host executable) and DB (the database file) set by the including script;
# another host (postgres_host) sets HOST_ARGS instead of DB: the options that name its database.

# Runs the tool on DB with the given arguments; sets <prefix>_rc and <prefix>_out (stdout + stderr).
# --create: the scripts start from no database (without it, a missing database is refused).
function(run_host prefix)
  if(DEFINED HOST_ARGS)
    set(where ${HOST_ARGS})
  else()
    set(where --db "${DB}" --create)
  endif()
  execute_process(COMMAND "${HOST}" ${where} ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${prefix}_rc "${rc}" PARENT_SCOPE)
  set(${prefix}_out "${out}${err}" PARENT_SCOPE)
endfunction()

# Runs the tool and fails the test unless it exits with `expected`.
function(expect_exit expected)
  run_host(result ${ARGN})
  if(NOT "${result_rc}" STREQUAL "${expected}")
    string(REPLACE ";" " " shown "${ARGN}")
    get_filename_component(tool "${HOST}" NAME)
    message(FATAL_ERROR "${tool} ${shown}\nexited ${result_rc}, expected ${expected}:\n${result_out}")
  endif()
  set(last_out "${result_out}" PARENT_SCOPE)
endfunction()

# Runs `verify`, fails the test unless the database is consistent, and sets `out` to the number of
# records in its journal.
function(journal_records out)
  expect_exit(0 verify)
  if(NOT last_out MATCHES "journal: ([0-9]+) records")
    message(FATAL_ERROR "verify printed no record count:\n${last_out}")
  endif()
  set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

# Runs the whole walk; each step must be stored as the next record, numbered from 1.
function(walk_scenario)
  set(sequence 0)
  foreach(step IN LISTS scenario_steps)
    math(EXPR sequence "${sequence} + 1")
    expect_exit(0 ${scenario_${step}})
    if(NOT last_out MATCHES "^#${sequence} ")
      message(FATAL_ERROR "${step} should be record #${sequence}:\n${last_out}")
    endif()
  endforeach()
endfunction()

# Runs the command after the walk, which must be stored as the record after the walk's last.
function(expect_next_record)
  math(EXPR next "${scenario_records} + 1")
  expect_exit(0 ${scenario_next})
  if(NOT last_out MATCHES "^#${next} ")
    message(FATAL_ERROR "the command after the walk should be record #${next}:\n${last_out}")
  endif()
endfunction()

# The walk, one command per list; `scenario_steps` names them in order.
set(scenario_discover_1 discover --id 1 --unit 7 --subject individual --position staff --field inspection
    --description "Thanh tra viên có 3 sáng kiến được áp dụng" --as unit_head:3:7 --date 2022-02-10)
set(scenario_discover_2 discover --id 2 --unit 7 --subject collective --position none --field administrative_reform
    --description "Phòng cải cách hành chính" --as unit_head:3:7 --date 2022-01-15)
set(scenario_foster_1 foster --id 1 --mentor 9 --as unit_head:3:7 --date 2022-02-11)
set(scenario_register_1 register --id 1 --dossier "Mô hình thanh tra chuyên đề" --as unit_head:3:7 --date 2022-03-20)
set(scenario_foster_2 foster --id 2 --mentor 5 --as unit_head:3:7 --date 2022-01-20)
set(scenario_review_1 review --id 1 --members 9 --present 8 --for 7 --against 1 --as council:20:1 --date 2022-04-05)
set(scenario_recognize_1 recognize --id 1 --decision "45/QĐ-TTr" --decision-date 2022-04-10
    --as agency_head:1:1 --date 2022-04-10)
set(scenario_commend_1 commend --id 1 --award agency_certificate --as agency_head:1:1 --date 2022-12-20)
set(scenario_replicate_1 replicate --id 1 --activity web_publication --note "Cổng thông tin điện tử"
    --as secretariat:30:1 --date 2023-01-05)
set(scenario_withdraw_2 withdraw --id 2 --reason "Chuyển công tác" --as unit_head:3:7 --date 2022-03-01)
set(scenario_nominate_1 nominate --id 1 --as agency_head:1:1 --date 2023-03-01)
set(scenario_steps discover_1 discover_2 foster_1 register_1 foster_2 review_1 recognize_1 commend_1
    replicate_1 withdraw_2 nominate_1)
# After the walk: candidate 1 registered again at province level, candidate 2 withdrawn.
set(scenario_records 11)
# The first command after the walk: the provincial board reviews candidate 1.
set(scenario_next review --id 1 --members 15 --present 12 --for 10 --against 2 --as provincial_board:90:100
    --date 2023-05-01)
