# Register headers generated from a CMSIS-SVD file (and an svdtools patch) at
# build time, so generated code is never committed by hand.
#
#   rivet_svd_generate(stm32f405_regs
#       SVD      ${RIVET_SVD_CORPUS}/stm32/stm32f405.svd
#       PATCH    ${RIVET_SVD_CORPUS}/stm32-rs-devices/stm32f405.yaml   # optional
#       SVD_ROOT ${RIVET_SVD_CORPUS}/stm32     # where the patch's SVDs live (optional)
#       NAMESPACE stm32f405                    # optional, default: device name
#       FORMAT   cpp                           # or cmsis
#       DEPENDS  extra files that should trigger regeneration
#       OPTIONAL)                              # a missing SVD or patch is not an error
#   target_link_libraries(app PRIVATE stm32f405_regs)
#
# gives an INTERFACE library whose include path holds <device>.hpp and
# <device>/<block>.hpp (plus rivet/registers/register.hpp), and
# <device>/interrupts.hpp: the interrupt numbers and core configuration
# alone (cmake/RivetSvdInterrupts.cmake moves them there). The generator is
# RIVET_SVD_COMMAND (a list, e.g. "/path/rivet;svd"); by default the
# `rivet` target of this build, RIVET_EXECUTABLE (firmware builds), or
# `rivet` found on PATH. With OPTIONAL (vendor SVDs Rivet does not ship),
# a missing SVD or patch file is reported with a status message and no
# target is defined: check `if(TARGET stm32f405_regs)`.
set(RIVET_SVD_LIBRARY_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../firmware/registers/include")
set(RIVET_SVD_INTERRUPTS_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/RivetSvdInterrupts.cmake")

function(rivet_svd_generate target)
    cmake_parse_arguments(ARG "OPTIONAL" "SVD;PATCH;SVD_ROOT;NAMESPACE;FORMAT;OUTPUT_DIR" "DEPENDS" ${ARGN})
    if(NOT ARG_SVD)
        message(FATAL_ERROR "rivet_svd_generate(${target}): SVD is required")
    endif()
    if(ARG_OPTIONAL)
        foreach(file IN ITEMS "${ARG_SVD}" "${ARG_PATCH}")
            if(file AND NOT EXISTS "${file}")
                message(STATUS "Rivet: ${file} not found (RIVET_SVD_CORPUS): no ${target}, "
                               "nor what is built on it")
                return()
            endif()
        endforeach()
    endif()
    if(NOT ARG_OUTPUT_DIR)
        set(ARG_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/${target}")
    endif()
    if(RIVET_SVD_COMMAND)
        set(tool ${RIVET_SVD_COMMAND})
        set(tool_dep "")
    elseif(TARGET rivet)
        set(tool $<TARGET_FILE:rivet> svd)
        set(tool_dep rivet)
    elseif(RIVET_EXECUTABLE)
        set(tool ${RIVET_EXECUTABLE} svd)
        set(tool_dep "")
    else()
        find_program(RIVET_EXECUTABLE rivet REQUIRED)
        set(tool ${RIVET_EXECUTABLE} svd)
        set(tool_dep "")
    endif()
    set(args gen "${ARG_SVD}" -o "${ARG_OUTPUT_DIR}")
    set(deps "${ARG_SVD}" ${ARG_DEPENDS})
    if(ARG_PATCH)
        list(APPEND args --patch "${ARG_PATCH}")
        list(APPEND deps "${ARG_PATCH}")
    endif()
    if(ARG_SVD_ROOT)
        list(APPEND args --svd-root "${ARG_SVD_ROOT}")
    endif()
    if(ARG_NAMESPACE)
        list(APPEND args --namespace "${ARG_NAMESPACE}")
    endif()
    if(ARG_FORMAT)
        list(APPEND args --format "${ARG_FORMAT}")
    endif()
    set(stamp "${ARG_OUTPUT_DIR}/.rivet-svd-generated.stamp")
    set(split "")
    if(NOT ARG_FORMAT STREQUAL "cmsis")
        set(split COMMAND ${CMAKE_COMMAND} "-DDIR=${ARG_OUTPUT_DIR}" -P "${RIVET_SVD_INTERRUPTS_SCRIPT}")
        list(APPEND deps "${RIVET_SVD_INTERRUPTS_SCRIPT}")
    endif()
    add_custom_command(OUTPUT "${stamp}"
        COMMAND ${tool} ${args}
        ${split}
        COMMAND ${CMAKE_COMMAND} -E touch "${stamp}"
        DEPENDS ${deps} ${tool_dep}
        COMMENT "rivet svd gen ${ARG_SVD}"
        VERBATIM)
    add_custom_target(${target}_generate DEPENDS "${stamp}")
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE "${ARG_OUTPUT_DIR}" "${RIVET_SVD_LIBRARY_INCLUDE}")
    add_dependencies(${target} ${target}_generate)
endfunction()
