# Register headers generated from a CMSIS-SVD file (and an svdtools patch) at
# build time, so generated code is never committed by hand.
#
#   rivet_svd_generate(stm32f405_regs
#       SVD      ${VENDOR}/stm32f405.svd
#       PATCH    ${VENDOR}/stm32f405.yaml      # optional
#       SVD_ROOT ${VENDOR}                     # where the patch's SVDs live (optional)
#       NAMESPACE stm32f405                    # optional, default: device name
#       FORMAT   cpp                           # or cmsis
#       DEPENDS  extra files that should trigger regeneration)
#   target_link_libraries(app PRIVATE stm32f405_regs)
#
# gives an INTERFACE library whose include path holds <device>.hpp (every
# peripheral's <device>/blocks/<block>.hpp: where its registers are),
# <device>/<block>.hpp (a peripheral's fields; rivet/registers/register.hpp
# comes with the library), and
# <device>/interrupts.hpp: the interrupt numbers and core configuration
# alone (cmake/RivetSvdInterrupts.cmake moves them there). The generator is
# RIVET_SVD_COMMAND (a list, e.g. "/path/rivet;svd"); by default the
# `rivet` target of this build, RIVET_EXECUTABLE (firmware builds), or
# `rivet` found on PATH.
#
# No input may come from ../shared beside Rivet's repository (the SVD
# corpus, which only tests skipped without it read; a clone has no such
# folder): rivet_svd_generate stops configuring when one does, and
# rivet_refuse_shared_targets() checks every target's sources and include
# folders once the project is configured.
get_filename_component(_rivet_shared "${CMAKE_CURRENT_LIST_DIR}/../../shared" ABSOLUTE)
set_property(GLOBAL PROPERTY RIVET_SHARED_DIR "${_rivet_shared}")

# Stops configuring when a path (of `what`) is in that folder.
function(rivet_refuse_shared what)
    get_property(shared_dir GLOBAL PROPERTY RIVET_SHARED_DIR)
    file(REAL_PATH "${shared_dir}" shared)
    foreach(path IN LISTS ARGN)
        if(NOT IS_ABSOLUTE "${path}" OR path MATCHES "^\\$<")
            continue()  # relative to a folder of the project, or decided at build time
        endif()
        file(REAL_PATH "${path}" real)
        cmake_path(IS_PREFIX shared "${real}" NORMALIZE inside)
        if(inside)
            message(FATAL_ERROR "Rivet: ${what} reads ${path}, which is in ${shared_dir}: "
                "a clone of Rivet has no such folder, and only tests that are skipped without it "
                "may read it. Ship the chip's facts instead (`rivet svd facts`, docs/svd.md).")
        endif()
    endforeach()
endfunction()

function(_rivet_refuse_shared_in directory)
    get_property(targets DIRECTORY "${directory}" PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
        foreach(property IN ITEMS SOURCES INTERFACE_SOURCES INCLUDE_DIRECTORIES
                                  INTERFACE_INCLUDE_DIRECTORIES LINK_DEPENDS)
            get_target_property(paths ${target} ${property})
            if(paths)
                rivet_refuse_shared("target ${target} (${property})" ${paths})
            endif()
        endforeach()
    endforeach()
    get_property(subdirectories DIRECTORY "${directory}" PROPERTY SUBDIRECTORIES)
    foreach(subdirectory IN LISTS subdirectories)
        _rivet_refuse_shared_in("${subdirectory}")
    endforeach()
endfunction()

# Checks every target of the project once it is configured (deferred to the
# end of the top-level CMakeLists.txt).
function(rivet_refuse_shared_targets)
    get_property(deferred GLOBAL PROPERTY RIVET_REFUSE_SHARED_DEFERRED)
    if(deferred)
        return()
    endif()
    set_property(GLOBAL PROPERTY RIVET_REFUSE_SHARED_DEFERRED ON)
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _rivet_refuse_shared_in "${CMAKE_SOURCE_DIR}")
endfunction()

set(RIVET_SVD_LIBRARY_INCLUDE "${CMAKE_CURRENT_LIST_DIR}/../firmware/registers/include")
set(RIVET_SVD_INTERRUPTS_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/RivetSvdInterrupts.cmake")

function(rivet_svd_generate target)
    cmake_parse_arguments(ARG "" "SVD;PATCH;SVD_ROOT;NAMESPACE;FORMAT;OUTPUT_DIR" "DEPENDS" ${ARGN})
    if(NOT ARG_SVD)
        message(FATAL_ERROR "rivet_svd_generate(${target}): SVD is required")
    endif()
    rivet_refuse_shared("rivet_svd_generate(${target})" ${ARG_SVD} ${ARG_PATCH} ${ARG_SVD_ROOT}
        ${ARG_DEPENDS})
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
