# rivet_discover_tests(): each RIVET_TEST case of a test firmware as a CTest
# test of its own, as gtest_discover_tests does for GoogleTest. Included by
# cmake/Rivet.cmake. Guide: docs/guide/testing.md.
#
#   rivet_add_firmware(my-tests BOARD lm3s6965evb SOURCES tests.cpp LIBRARIES rivet_testing)
#   rivet_discover_tests(my-tests [PREFIX <prefix>] [TIMEOUT <seconds per case>]
#                        [LABELS <label>...] [ARGS <rivet test argument>...])
#
# After each link, `rivet test ELF --list` reads the cases from the ELF (no
# target needed) and writes a CTest file that runs each as
# `rivet test ELF --exact --filter NAME`, named <prefix><NAME> (default
# prefix: "<target>."); a case marked ignore is listed but disabled.
include_guard(GLOBAL)

function(rivet_discover_tests target)
    cmake_parse_arguments(ARG "" "PREFIX;TIMEOUT" "LABELS;ARGS" ${ARGN})
    if(NOT TARGET ${target})
        message(FATAL_ERROR "rivet_discover_tests(${target}): no such target (rivet_add_firmware it first)")
    endif()
    if(NOT DEFINED ARG_PREFIX)
        set(ARG_PREFIX "${target}.")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 10)
    endif()
    set(discovered "${CMAKE_CURRENT_BINARY_DIR}/${target}[rivet-tests].cmake")
    set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}[rivet-tests-include].cmake")
    list(JOIN ARG_ARGS "@@" args)
    list(JOIN ARG_LABELS "@@" labels)
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND "${CMAKE_COMMAND}" "-DRIVET=${RIVET_EXECUTABLE}" "-DELF=$<TARGET_FILE:${target}>"
            "-DPREFIX=${ARG_PREFIX}" "-DTIMEOUT=${ARG_TIMEOUT}" "-DARGS=${args}"
            "-DLABELS=${labels}" "-DOUT=${discovered}"
            -P "${RIVET_ROOT}/cmake/RivetDiscoverTests.cmake"
        BYPRODUCTS "${discovered}"
        VERBATIM)
    # Until the firmware is built there is nothing to list: one test says so.
    file(WRITE "${include_file}"
        "if(EXISTS \"${discovered}\")\n"
        "    include(\"${discovered}\")\n"
        "else()\n"
        "    add_test([=[${target}_NOT_BUILT]=] [=[${target}_NOT_BUILT]=])\n"
        "endif()\n")
    set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
