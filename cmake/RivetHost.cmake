# Conventions for host code: C++20, strict warnings on project code, one static
# library per module, GoogleTest beside the code.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

find_package(GTest REQUIRED)
include(GoogleTest)

set(RIVET_SANITIZE "" CACHE STRING "Sanitizers for host code, e.g. address,undefined")

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

# rivet_host_test(NAME SOURCES ... [DEPS ...]): a GoogleTest executable
# registered with CTest, one CTest test per test case.
function(rivet_host_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
    rivet_host_options(${name})
    gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 60)
endfunction()
