# plan_test.cmake: the host with a plan (--plan, issue 15) and without a database.
#
#   cmake -DHOST=<sqlite_host> -DPLANS=<plans dir> -DWORK=<scratch dir> -P plan_test.cmake
#
# A missing database is refused unless --create is given, and nothing is created. With seed 000's
# plan file (Kế hoạch của Thanh tra tỉnh Hà Tĩnh giai đoạn 2021-2025), registration is accepted only
# inside the plan's registration period (2021 only), and registering needs the criteria, for which
# this host keeps no evidence; without --plan the default lifecycle registers the same candidate.
cmake_minimum_required(VERSION 3.21)
foreach(required HOST PLANS WORK)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "plan_test.cmake needs -D${required}=...")
  endif()
endforeach()
include("${CMAKE_CURRENT_LIST_DIR}/scenario.cmake")
file(MAKE_DIRECTORY "${WORK}")
set(PLAN "${PLANS}/hatinh-inspectorate-2021-2025.json")

function(expect_output pattern)
  if(NOT last_out MATCHES "${pattern}")
    message(FATAL_ERROR "expected '${pattern}' in:\n${last_out}")
  endif()
endfunction()

# No --create: refused with exit 2, and the file is not made.
set(missing "${WORK}/no-such.db")
file(REMOVE "${missing}")
execute_process(COMMAND "${HOST}" --db "${missing}" verify RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "there is no database .*--create")
  message(FATAL_ERROR "a missing database should be refused with exit 2, got ${rc}:\n${out}${err}")
endif()
if(EXISTS "${missing}")
  message(FATAL_ERROR "a refused command made the database file")
endif()
execute_process(COMMAND "${HOST}" --db "${missing}" --lang vi verify RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "không có cơ sở dữ liệu")
  message(FATAL_ERROR "the refusal should be in Vietnamese with --lang vi:\n${err}")
endif()

# A plan file that is not one: exit 2.
set(DB "${WORK}/plan.db")
file(REMOVE "${DB}" "${DB}-wal" "${DB}-shm")
file(WRITE "${WORK}/not-a-plan.json" "{\"schema\": \"exemplar.plan\"}")
expect_exit(2 --plan "${WORK}/not-a-plan.json" verify)
expect_output("not-a-plan.json: ")

# Seed 000's registration period opens on 28/5/2021 (Kế hoạch ngày 28/5/2021, mục IV): registering
# before it is refused by the plan's timing.
set(unit_head --as unit_head:3:7)
expect_exit(0 --plan "${PLAN}" discover --id 1 --unit 7 --description "Thanh tra viên" ${unit_head} --date 2021-05-10)
expect_exit(0 --plan "${PLAN}" foster --id 1 --mentor 9 ${unit_head} --date 2021-05-12)
expect_exit(3 --plan "${PLAN}" register --id 1 --dossier "Mô hình" ${unit_head} --date 2021-05-20)
expect_output("refused \\(")
set(refused_by_timing "${last_out}")

# Inside 2021's registration period the timing passes and the criteria decide: no evidence.
expect_exit(0 --plan "${PLAN}" discover --id 2 --unit 7 --description "Thanh tra viên" ${unit_head} --date 2021-06-01)
expect_exit(0 --plan "${PLAN}" foster --id 2 --mentor 9 ${unit_head} --date 2021-06-03)
expect_exit(3 --plan "${PLAN}" register --id 2 --dossier "Mô hình" ${unit_head} --date 2021-06-10)
expect_output("refused \\(missing_prerequisite\\)")
if(refused_by_timing STREQUAL last_out)
  message(FATAL_ERROR "the timing and the criteria should refuse for different reasons:\n${last_out}")
endif()

# Without --plan, the default lifecycle (no timings, no criteria) registers candidate 1 as it stands.
expect_exit(0 register --id 1 --dossier "Mô hình" ${unit_head} --date 2021-05-20)
expect_output("^#5 ")
