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
set(RIVET_COMPILE_FAIL_SCRIPT "${CMAKE_CURRENT_LIST_FILE}")

function(rivet_compile_fail_test name)
    cmake_parse_arguments(ARG "CONTROL" "SOURCE;EXPECT" "FLAGS;LABELS" ${ARGN})
    if(RIVET_FUZZ)
        return()
    endif()
    list(JOIN ARG_FLAGS "@@" flags)
    add_test(NAME ${name}
        COMMAND "${CMAKE_COMMAND}" "-DCOMPILER=${CMAKE_CXX_COMPILER}" "-DFLAGS=${flags}"
            "-DSOURCE=${ARG_SOURCE}" "-DEXPECT=${ARG_EXPECT}" "-DCONTROL=${ARG_CONTROL}"
            -P "${RIVET_COMPILE_FAIL_SCRIPT}")
    set_tests_properties(${name} PROPERTIES TIMEOUT 60 LABELS "compile_fail;${ARG_LABELS}")
endfunction()

# rivet_chip_compile_fail_tests(CHIP <name> CPU <cpu> REGISTERS <target>
#                               CASES <case> <regex> [<case> <regex>...])
# For a chip HAL folder: compile_fail/<case>.cpp becomes the test
# <name>.compile_fail.<case>, compiled for the CPU against the chip's
# generated registers (REGISTERS, from rivet_svd_generate in the same
# folder). Only in Rivet's own build, not in projects that use Rivet.
function(rivet_chip_compile_fail_tests)
    cmake_parse_arguments(ARG "" "CHIP;CPU;REGISTERS" "CASES" ${ARGN})
    if(NOT CMAKE_SOURCE_DIR STREQUAL RIVET_ROOT)
        return()
    endif()
    # The snippets include the generated headers: the default build makes
    # them even when no firmware links the chip HAL.
    add_custom_target(${ARG_REGISTERS}_for_tests ALL)
    add_dependencies(${ARG_REGISTERS}_for_tests ${ARG_REGISTERS}_generate)
    set(flags -Wall -Wextra -Werror -mcpu=${ARG_CPU} -mthumb -fno-exceptions -fno-rtti
        "-I${CMAKE_CURRENT_SOURCE_DIR}/include" "-I${CMAKE_CURRENT_BINARY_DIR}/${ARG_REGISTERS}"
        "-I${RIVET_ROOT}/firmware/registers/include" "-I${RIVET_ROOT}/firmware/hal/include"
        "-I${RIVET_ROOT}/firmware/cortex_m/include")
    list(LENGTH ARG_CASES count)
    math(EXPR last "${count} - 1")
    foreach(i RANGE 0 ${last} 2)
        math(EXPR j "${i} + 1")
        list(GET ARG_CASES ${i} case)
        list(GET ARG_CASES ${j} regex)
        rivet_compile_fail_test(${ARG_CHIP}.compile_fail.${case} CONTROL
            SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/${case}.cpp" EXPECT "${regex}"
            FLAGS ${flags})
    endforeach()
endfunction()
