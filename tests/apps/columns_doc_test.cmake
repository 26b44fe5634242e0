# docs/columns.md must be exactly the output of `borderflow columns` (the output schema's
# dictionary). Regenerate with: build/release/src/apps/borderflow columns > docs/columns.md
execute_process(COMMAND ${BORDERFLOW} columns OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "borderflow columns failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${DOC} ${OUT} RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "docs/columns.md differs from `borderflow columns`; regenerate it: "
                      "borderflow columns > docs/columns.md")
endif()
