# Issue 15: the command lines (docs/cli.md), the plan schema (docs/plan-schema.md) and the exports
# that other tools read (Graphviz here; the SCXML engine in tests/scxml/). Included from
# tests/CMakeLists.txt.
if(TARGET exemplar_cli AND TARGET five_year_cycle)
  set(_cli_env "EXEMPLAR=$<TARGET_FILE:exemplar_cli>" "FIVE_YEAR_CYCLE=$<TARGET_FILE:five_year_cycle>"
               "SOURCE=${PROJECT_SOURCE_DIR}" "WORK=${CMAKE_CURRENT_BINARY_DIR}/cli")
  foreach(_case versions bad_command_lines seed_minus_one bad_plan_file nobody_may_discover journals plan_check
                journal_verify journal_bad_record directory empty_file missing_file fifty_megabytes truncated)
    add_test(NAME cli.${_case} COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cli/cli_test.sh ${_case})
    set_tests_properties(cli.${_case} PROPERTIES ENVIRONMENT "${_cli_env}" TIMEOUT 120)
  endforeach()
  # The journal files the verify cases read are made once, by cli.journals.
  set_tests_properties(cli.journals PROPERTIES FIXTURES_SETUP exemplar_cli_journals)
  set_tests_properties(cli.journal_verify cli.journal_bad_record cli.truncated
                       PROPERTIES FIXTURES_REQUIRED exemplar_cli_journals)

  # The plan schema: every plans/ file is valid, and each malformed file of the catalogue that the
  # schema can express is refused by the schema and by the loader (`exemplar plan check`).
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_FOUND)
    add_test(NAME plan_schema.validates_plans_and_refuses_the_catalogue
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cli/plan_schema_test.py
                     --schema ${PROJECT_SOURCE_DIR}/plans/plan.schema.json --plans ${PROJECT_SOURCE_DIR}/plans
                     --catalogue ${CMAKE_CURRENT_SOURCE_DIR}/data/malformed-plans.json
                     --exemplar $<TARGET_FILE:exemplar_cli> --work ${CMAKE_CURRENT_BINARY_DIR}/plan_schema)
  endif()
endif()

# Graphviz renders every DOT export (the lifecycle, the period and the year machines) to SVG.
find_program(EXEMPLAR_DOT dot)
if(EXEMPLAR_DOT AND TARGET five_year_cycle)
  foreach(_machine lifecycle period year)
    add_test(NAME export.dot_renders_to_svg.${_machine}
             COMMAND sh -c "set -e; $<TARGET_FILE:five_year_cycle> --diagram ${_machine} --format dot > '${CMAKE_CURRENT_BINARY_DIR}/${_machine}.dot'; ${EXEMPLAR_DOT} -Tsvg '${CMAKE_CURRENT_BINARY_DIR}/${_machine}.dot' -o '${CMAKE_CURRENT_BINARY_DIR}/${_machine}.svg'; grep -q '<svg' '${CMAKE_CURRENT_BINARY_DIR}/${_machine}.svg'; test $(grep -c 'class=\"node\"' '${CMAKE_CURRENT_BINARY_DIR}/${_machine}.svg') -ge 3")
  endforeach()
endif()

add_subdirectory(scxml)
