# Runs one compile-fail snippet (see rivet_hal_compile_fail in ../CMakeLists.txt):
# first as it is, which must compile, then with RIVET_COMPILE_FAIL defined,
# which must fail with output matching EXPECT.
set(flags -std=c++20 -fsyntax-only -Wall -Wextra -Werror ${FLAGS})
foreach(dir IN LISTS INCLUDES)
    list(APPEND flags "-I${dir}")
endforeach()

execute_process(COMMAND "${COMPILER}" ${flags} "${SNIPPET}"
    RESULT_VARIABLE control_status OUTPUT_VARIABLE control_out ERROR_VARIABLE control_out)
if(NOT control_status EQUAL 0)
    message(FATAL_ERROR "${SNIPPET}: the snippet does not compile even without RIVET_COMPILE_FAIL, "
        "so its failure would prove nothing:\n${control_out}")
endif()

execute_process(COMMAND "${COMPILER}" ${flags} -DRIVET_COMPILE_FAIL "${SNIPPET}"
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(status EQUAL 0)
    message(FATAL_ERROR "${SNIPPET}: compiled with RIVET_COMPILE_FAIL, but it must be rejected")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "${SNIPPET}: rejected, but the diagnostic does not match '${EXPECT}':\n${out}")
endif()
message(STATUS "${SNIPPET}: rejected as expected")
