# For the `rivet svd` command-line tests (cmake -P, TOOL = rivet):
# run(CODE ARGS...) runs `rivet ARGS...`, fails unless it exits with CODE,
# and leaves its stdout and stderr in last_out and last_err;
# expect_match(TEXT REGEX) fails unless TEXT matches.
function(run expect_rc)
    execute_process(COMMAND ${TOOL} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL expect_rc)
        message(FATAL_ERROR "rivet svd ${ARGN}: exit ${rc}, expected ${expect_rc}\n${out}\n${err}")
    endif()
    set(last_out "${out}" PARENT_SCOPE)
    set(last_err "${err}" PARENT_SCOPE)
endfunction()

function(expect_match text regex)
    if(NOT text MATCHES "${regex}")
        message(FATAL_ERROR "expected a match for\n  ${regex}\nin\n${text}")
    endif()
endfunction()
