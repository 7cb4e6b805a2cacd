# Conventions for host code: C++20, strict warnings on project code, one static
# library per module, GoogleTest beside the code.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

# The SVD corpus beside Rivet's repository: vendor SVDs and stm32-rs
# patches that only the corpus tests (tests/svd) read, and which a clone
# does not have; no target may read it (cmake/RivetSvd.cmake checks).
get_filename_component(_rivet_corpus "${CMAKE_CURRENT_LIST_DIR}/../../shared/svd" ABSOLUTE)
set(RIVET_SVD_CORPUS "${_rivet_corpus}" CACHE PATH
    "Folder of vendor SVD files (the shared/svd corpus), for the corpus tests")
include(RivetSvd)
rivet_refuse_shared_targets()

find_package(GTest REQUIRED)
include(GoogleTest)

# Where the programs land (rivet, rivet-fontgen): build/bin for the host
# preset; what else the build makes stays in its module's folder.
set(RIVET_BIN_DIR "${CMAKE_BINARY_DIR}/bin" CACHE PATH "Where rivet and rivet-fontgen are built")

set(RIVET_SANITIZE "" CACHE STRING "Sanitizers for host code, e.g. address,undefined")
option(RIVET_FUZZ "Build the libFuzzer targets (clang) instead of the unit tests, and run each briefly as a test" OFF)
set(RIVET_FUZZ_SECONDS 10 CACHE STRING "How long each fuzzer runs as a CTest test")
if(RIVET_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "RIVET_FUZZ needs clang (the fuzz preset selects it)")
    endif()
    # Instrument all project code for coverage and sanitizers; each fuzzer
    # links the libFuzzer driver.
    set(RIVET_SANITIZE "address,undefined")
    add_compile_options(-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -g)
endif()

# rivet_host_options(TARGET): warnings as errors and optional sanitizers.
function(rivet_host_options target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
    if(RIVET_SANITIZE)
        target_compile_options(${target} PRIVATE -fsanitize=${RIVET_SANITIZE} -fno-omit-frame-pointer)
        target_link_options(${target} PRIVATE -fsanitize=${RIVET_SANITIZE})
    endif()
endfunction()

# rivet_host_module(NAME SOURCES ... [DEPS ...]): a static library rivet_NAME
# whose public headers live in NAME/include/rivet/NAME/.
function(rivet_host_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
    add_library(rivet_${name} STATIC ${ARG_SOURCES})
    target_include_directories(rivet_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
    target_link_libraries(rivet_${name} PUBLIC ${ARG_DEPS})
    rivet_host_options(rivet_${name})
endfunction()

# rivet_host_test(NAME SOURCES ... [DEPS ...] [INCLUDES ...]): a GoogleTest executable
# registered with CTest, one CTest test per test case.
function(rivet_host_test name)
    if(RIVET_FUZZ)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;INCLUDES" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_include_directories(${name} PRIVATE ${ARG_INCLUDES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
    rivet_host_options(${name})
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 60)
endfunction()

# rivet_host_fuzzer(NAME SOURCES ... [DEPS ...] [CORPUS dir]): a libFuzzer
# target, built in fuzz builds only (the fuzz preset), registered as a test
# that runs it for RIVET_FUZZ_SECONDS starting from the seed corpus (new
# inputs go to the build tree, never into the source tree).
function(rivet_host_fuzzer name)
    if(NOT RIVET_FUZZ)
        return()
    endif()
    cmake_parse_arguments(ARG "" "CORPUS" "SOURCES;DEPS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
    rivet_host_options(${name})
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    set_property(GLOBAL APPEND PROPERTY RIVET_FUZZERS ${name})
    set(work "${CMAKE_CURRENT_BINARY_DIR}/${name}-corpus")
    file(MAKE_DIRECTORY "${work}")
    set(seeds "")
    if(ARG_CORPUS)
        set(seeds "${CMAKE_CURRENT_SOURCE_DIR}/${ARG_CORPUS}")
    endif()
    add_test(NAME ${name}
        COMMAND ${name} -max_total_time=${RIVET_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048 "${work}" ${seeds})
    math(EXPR timeout "${RIVET_FUZZ_SECONDS} + 120")
    set_tests_properties(${name} PROPERTIES LABELS fuzz TIMEOUT ${timeout})
endfunction()
