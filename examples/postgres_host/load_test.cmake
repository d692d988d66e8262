# load_test.cmake: sixteen officers at once, with deliberate collisions, on seed 000's plan.
#
#   cmake -DHOST=<postgres_host> -DPG_CLUSTER=<pg_cluster.sh> -DCLUSTER=<cluster dir> -P load_test.cmake
#
# serve-load must finish with every chain replaying to the projection (it runs verify itself), say
# why the collisions were refused (the library found the candidate changed; the form was stored
# already), and end with the line "N commands/s, p50 X ms, p99 Y ms, K collisions refused".
cmake_minimum_required(VERSION 3.21)
foreach(required HOST PG_CLUSTER CLUSTER)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "load_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/postgres.cmake")

fresh_database(load url)
execute_process(COMMAND "${HOST}" --url "${url}" init RESULT_VARIABLE rc OUTPUT_QUIET)
execute_process(COMMAND "${HOST}" --url "${url}" serve-load --clients 16 --commands 1600
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "serve-load exited ${rc}:\n${out}${err}")
endif()
string(STRIP "${out}" out)
string(REGEX REPLACE ".*\n" "" last "${out}")
if(NOT last MATCHES "^[0-9]+ commands/s, p50 [0-9.]+ ms, p99 [0-9.]+ ms, ([0-9]+) collisions refused$")
  message(FATAL_ERROR "serve-load's last line is not the figures:\n${out}")
endif()
set(refused "${CMAKE_MATCH_1}")
if(refused LESS 2)
  message(FATAL_ERROR "serve-load refused ${refused} collisions; it arranges at least two:\n${out}")
endif()
foreach(reason "two officers acted on the same candidate at once.*stage_is_terminal"
               "the same form was submitted twice at once.*duplicate_form"
               "journal: [0-9]+ records in 16 agencies.*every chain verifies")
  if(NOT out MATCHES "${reason}")
    message(FATAL_ERROR "serve-load did not say '${reason}':\n${out}")
  endif()
endforeach()
message(STATUS "${last}")
