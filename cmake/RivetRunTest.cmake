# Runs one firmware under `rivet run` for CTest and checks its exit code and
# output. Called by rivet_add_firmware(... TEST) with -DRIVET, -DELF,
# -DEXPECT_EXIT, -DEXPECT_OUTPUT and -DRUN_ARGS (lists joined with "@@"),
# -DTIMEOUT.
string(REPLACE "@@" ";" EXPECT_OUTPUT "${EXPECT_OUTPUT}")
string(REPLACE "@@" ";" RUN_ARGS "${RUN_ARGS}")
execute_process(
    COMMAND "${RIVET}" run "${ELF}" --timeout ${TIMEOUT} ${RUN_ARGS}
    RESULT_VARIABLE code
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
message("${out}")
if(err)
    message("stderr: ${err}")
endif()
if(NOT code STREQUAL EXPECT_EXIT)
    message(FATAL_ERROR "rivet run ${ELF}: exit code ${code}, expected ${EXPECT_EXIT}")
endif()
foreach(regex IN LISTS EXPECT_OUTPUT)
    if(NOT out MATCHES "${regex}")
        message(FATAL_ERROR "rivet run ${ELF}: output does not match '${regex}'")
    endif()
endforeach()
