# Compile-fail tests: proof that a mistake is a compile error with a
# readable message. Include this file for rivet_compile_fail_test(); CTest
# runs the same file as a script (-P) for each test.
#
#   rivet_compile_fail_test(NAME SOURCE <file> EXPECT <regex>|COMPILES
#                           [CONTROL] [FLAGS <flag>...] [LABELS <label>...])
#
# The source must be rejected with a diagnostic matching EXPECT (or must
# compile, with COMPILES). With CONTROL it must first compile without the
# macro RIVET_COMPILE_FAIL and is then compiled with it, so the test cannot
# pass on a typo or a missing include, only on the guarded lines.
if(CMAKE_SCRIPT_MODE_FILE AND NOT RIVET_COMPILE_FAIL_INCLUDED)
    string(REPLACE "@@" ";" FLAGS "${FLAGS}")
    set(command "${COMPILER}" -std=c++20 -fsyntax-only ${FLAGS} "${SOURCE}")
    if(CONTROL)
        execute_process(COMMAND ${command} RESULT_VARIABLE status ERROR_VARIABLE out OUTPUT_VARIABLE out)
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "${SOURCE}: does not compile even without RIVET_COMPILE_FAIL, so its "
                "failure would prove nothing:\n${out}")
        endif()
        list(APPEND command -DRIVET_COMPILE_FAIL)
    endif()
    execute_process(COMMAND ${command} RESULT_VARIABLE status ERROR_VARIABLE out OUTPUT_VARIABLE out)
    if(EXPECT STREQUAL "COMPILES")
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "${SOURCE}: must compile:\n${out}")
        endif()
        return()
    endif()
    if(status EQUAL 0)
        message(FATAL_ERROR "${SOURCE}: compiled, but must be rejected")
    endif()
    if(NOT out MATCHES "${EXPECT}")
        message(FATAL_ERROR "${SOURCE}: rejected, but the diagnostic does not match '${EXPECT}':\n${out}")
    endif()
    message(STATUS "${SOURCE}: rejected as expected")
    return()
endif()

set(RIVET_COMPILE_FAIL_INCLUDED ON)

# The test runs this file as its script (not a variable set where it was
# first included: an include guard elsewhere would leave that unset in
# other folders, and the test would run nothing).
function(rivet_compile_fail_test name)
    cmake_parse_arguments(ARG "CONTROL" "SOURCE;EXPECT" "FLAGS;LABELS" ${ARGN})
    if(RIVET_FUZZ)
        return()
    endif()
    list(JOIN ARG_FLAGS "@@" flags)
    add_test(NAME ${name}
        COMMAND "${CMAKE_COMMAND}" "-DCOMPILER=${CMAKE_CXX_COMPILER}" "-DFLAGS=${flags}"
            "-DSOURCE=${ARG_SOURCE}" "-DEXPECT=${ARG_EXPECT}" "-DCONTROL=${ARG_CONTROL}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
    set_tests_properties(${name} PROPERTIES TIMEOUT 60 LABELS "compile_fail;${ARG_LABELS}")
endfunction()
