# A chip HAL folder (firmware/chips/<chip>) in one call:
#
#   rivet_chip_hal(<chip> CPU <cpu> SVD <file> [PATCH <yaml>] [NAMESPACE <ns>]
#                  [COMPILE_FAIL <case> <regex> [<case> <regex>...]])
#
# generates the register headers <chip>_registers from the folder's SVD
# (rivet_svd_generate, at build time) in both builds. In the firmware build
# it defines rivet_<chip>, an INTERFACE library of the folder's include/ on
# those registers, the HAL concepts and the core layer (firmware/cortex_m);
# and, in Rivet's own build only, one test <chip>.compile_fail.<case> per
# case: compile_fail/<case>.cpp must compile as it is and be rejected with
# RIVET_COMPILE_FAIL defined, with <regex> in the diagnostic, compiled for
# the CPU (rivet_compile_fail_tests, cmake/RivetCompileFail.cmake). In the
# host build, the folder's test/: host tests through the register seam.
include_guard(GLOBAL)
include(RivetSvd)
include(RivetCompileFail)

function(rivet_chip_hal chip)
    cmake_parse_arguments(ARG "" "CPU;SVD;PATCH;NAMESPACE" "COMPILE_FAIL" ${ARGN})
    set(registers ${chip}_registers)
    set(svd_args SVD "${CMAKE_CURRENT_SOURCE_DIR}/${ARG_SVD}")
    if(ARG_PATCH)
        list(APPEND svd_args PATCH "${CMAKE_CURRENT_SOURCE_DIR}/${ARG_PATCH}")
    endif()
    if(ARG_NAMESPACE)
        list(APPEND svd_args NAMESPACE ${ARG_NAMESPACE})
    endif()
    rivet_svd_generate(${registers} ${svd_args})
    if(NOT CMAKE_CROSSCOMPILING)
        if(NOT RIVET_FUZZ AND EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/test/CMakeLists.txt")
            add_subdirectory(test)
        endif()
        return()
    endif()

    add_library(rivet_${chip} INTERFACE)
    target_include_directories(rivet_${chip} INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(rivet_${chip} INTERFACE ${registers} rivet_hal rivet_cortex_m)

    if(NOT CMAKE_SOURCE_DIR STREQUAL RIVET_ROOT OR NOT ARG_COMPILE_FAIL)
        return()
    endif()
    # The snippets include the generated headers: the default build makes
    # them even when no firmware links the chip HAL.
    add_custom_target(${registers}_for_tests ALL)
    add_dependencies(${registers}_for_tests ${registers}_generate)
    set(flags -Wall -Wextra -Werror -mcpu=${ARG_CPU} -mthumb -fno-exceptions -fno-rtti
        "-I${CMAKE_CURRENT_SOURCE_DIR}/include" "-I${CMAKE_CURRENT_BINARY_DIR}/${registers}"
        "-I${RIVET_ROOT}/firmware/registers/include" "-I${RIVET_ROOT}/firmware/hal/include"
        "-I${RIVET_ROOT}/firmware/cortex_m/include")
    rivet_compile_fail_tests(PREFIX ${chip}.compile_fail CONTROL FLAGS ${flags}
        CASES ${ARG_COMPILE_FAIL})
endfunction()
