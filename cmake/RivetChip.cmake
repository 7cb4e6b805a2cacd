# A chip HAL folder (firmware/chips/<chip>) in one call:
#
#   rivet_chip_hal(<chip> CPU <cpu> REGISTERS <target>
#                  [COMPILE_FAIL <case> <regex> [<case> <regex>...]])
#
# defines rivet_<chip>, an INTERFACE library of the folder's include/ on the
# generated registers (REGISTERS, from rivet_svd_generate in the same
# folder), the HAL concepts and the core layer (firmware/cortex_m); and, in Rivet's own build only, one test
# <chip>.compile_fail.<case> per case: compile_fail/<case>.cpp must compile
# as it is and be rejected with RIVET_COMPILE_FAIL defined, with <regex> in
# the diagnostic (cmake/RivetCompileFail.cmake), compiled for the CPU.
include_guard(GLOBAL)
include(RivetCompileFail)

function(rivet_chip_hal chip)
    cmake_parse_arguments(ARG "" "CPU;REGISTERS" "COMPILE_FAIL" ${ARGN})
    add_library(rivet_${chip} INTERFACE)
    target_include_directories(rivet_${chip} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(rivet_${chip} INTERFACE ${ARG_REGISTERS} rivet_hal rivet_cortex_m)

    if(NOT CMAKE_SOURCE_DIR STREQUAL RIVET_ROOT OR NOT ARG_COMPILE_FAIL)
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
    list(LENGTH ARG_COMPILE_FAIL count)
    math(EXPR last "${count} - 1")
    foreach(i RANGE 0 ${last} 2)
        math(EXPR j "${i} + 1")
        list(GET ARG_COMPILE_FAIL ${i} case)
        list(GET ARG_COMPILE_FAIL ${j} regex)
        rivet_compile_fail_test(${chip}.compile_fail.${case} CONTROL
            SOURCE "${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/${case}.cpp" EXPECT "${regex}"
            FLAGS ${flags})
    endforeach()
endfunction()
