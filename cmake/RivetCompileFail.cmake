# Compile-fail tests: proof that a mistake is a compile error with a
# readable message. A module keeps its cases in its compile_fail/ folder,
# one file per case, and registers them with one call:
#
#   rivet_compile_fail_tests(PREFIX <prefix> [CONTROL] [CODEGEN]
#                            [FLAGS <flag>...] [LABELS <label>...]
#                            CASES <case> <regex>|COMPILES [<case> <regex>...])
#
# Each case is a CTest test <prefix>.<case> compiling compile_fail/<case>.cpp
# with the project's compiler (C++20, -fsyntax-only, FLAGS), which must reject
# it with a diagnostic matching <regex> (or accept it, with COMPILES). With
# CONTROL the file must first compile without the macro RIVET_COMPILE_FAIL
# and is then compiled with it, so the test cannot pass on a typo or a
# missing include, only on the guarded lines. CODEGEN compiles to an object
# at -Os instead, for checks that only code generation makes. The tests
# belong to Rivet's own build: in a project using the installed package the
# call does nothing. CTest runs this same file as a script (-P) per test.
if(CMAKE_SCRIPT_MODE_FILE AND NOT RIVET_COMPILE_FAIL_INCLUDED)
    string(REPLACE "@@" ";" FLAGS "${FLAGS}")
    if(CODEGEN)
        set(command "${COMPILER}" -std=c++20 -Os -c -o /dev/null ${FLAGS} "${SOURCE}")
    else()
        set(command "${COMPILER}" -std=c++20 -fsyntax-only ${FLAGS} "${SOURCE}")
    endif()
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
function(rivet_compile_fail_tests)
    cmake_parse_arguments(ARG "CONTROL;CODEGEN" "PREFIX" "FLAGS;LABELS;CASES" ${ARGN})
    get_filename_component(root "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/.." ABSOLUTE)
    if(RIVET_FUZZ OR NOT CMAKE_SOURCE_DIR STREQUAL root)
        return()
    endif()
    list(LENGTH ARG_CASES count)
    math(EXPR odd "${count} % 2")
    if(NOT ARG_PREFIX OR count EQUAL 0 OR odd)
        message(FATAL_ERROR "rivet_compile_fail_tests: PREFIX and CASES <case> <regex>... are required")
    endif()
    list(JOIN ARG_FLAGS "@@" flags)
    while(ARG_CASES)
        list(POP_FRONT ARG_CASES case expect)
        set(source "${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/${case}.cpp")
        if(NOT EXISTS "${source}")
            message(FATAL_ERROR "rivet_compile_fail_tests(${ARG_PREFIX}): no case ${source}")
        endif()
        add_test(NAME ${ARG_PREFIX}.${case}
            COMMAND "${CMAKE_COMMAND}" "-DCOMPILER=${CMAKE_CXX_COMPILER}" "-DFLAGS=${flags}"
                "-DSOURCE=${source}" "-DEXPECT=${expect}" "-DCONTROL=${ARG_CONTROL}"
                "-DCODEGEN=${ARG_CODEGEN}" -P "${CMAKE_CURRENT_FUNCTION_LIST_FILE}")
        set_tests_properties(${ARG_PREFIX}.${case} PROPERTIES TIMEOUT 60
            LABELS "compile_fail;${ARG_LABELS}")
    endwhile()
endfunction()
