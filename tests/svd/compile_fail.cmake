# One compile-fail check: generate the test device's headers, compile SOURCE
# syntax-only; EXPECT "COMPILES" means it must compile, anything else is a
# regex the diagnostics must match.
execute_process(COMMAND ${TOOL} svd gen ${SVD} -o ${OUT} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "generation failed: ${err}")
endif()
execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -I${OUT} -I${REGISTERS} ${SOURCE}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(EXPECT STREQUAL "COMPILES")
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${SOURCE} should compile:\n${err}")
    endif()
    return()
endif()
if(rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled but must not")
endif()
if(NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "${SOURCE} failed, but not with /${EXPECT}/:\n${err}")
endif()
message(STATUS "failed as expected: /${EXPECT}/")
