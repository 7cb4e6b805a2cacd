# Compiles a file that must not compile and checks the error names the
# mistake. -DCOMPILER, -DARGS (;-list), -DEXPECT (a regex).
execute_process(COMMAND "${COMPILER}" ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code EQUAL 0)
    message(FATAL_ERROR "compiled, but must not")
endif()
if(NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "the error does not name '${EXPECT}':\n${err}")
endif()
message("rejected as expected: ${EXPECT}")
