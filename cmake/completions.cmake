# cmake -DBVPLAN=<program> -DSHELL=<bash|zsh|fish> -DOUTPUT=<file> -P completions.cmake
# Writes the program's completion script for SHELL; fails the build if it cannot.
execute_process(COMMAND ${BVPLAN} completion ${SHELL} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE status
                ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "${BVPLAN} completion ${SHELL} failed (${status}): ${errors}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
