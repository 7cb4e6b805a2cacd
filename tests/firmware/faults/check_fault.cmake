# Runs a firmware that faults under `rivet run` and checks the exit code and
# that each regex matches the fault report on stderr. Called by CTest with
# -DRIVET, -DELF, -DEXPECT_EXIT, -DEXPECT_STDERR (regexes separated by "@@"),
# -DREJECT_STDERR (regexes that must not match), -DRUN_ARGS ("@@"-separated),
# -DTIMEOUT (seconds, default 15).
if(NOT TIMEOUT)
    set(TIMEOUT 15)
endif()
string(REPLACE "@@" ";" RUN_ARGS "${RUN_ARGS}")
execute_process(
    COMMAND "${RIVET}" run "${ELF}" --timeout ${TIMEOUT} ${RUN_ARGS}
    RESULT_VARIABLE code
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
string(REPLACE "@@" ";" EXPECT_STDERR "${EXPECT_STDERR}")
string(REPLACE "@@" ";" REJECT_STDERR "${REJECT_STDERR}")
message("stdout: ${out}")
message("stderr: ${err}")
if(NOT code STREQUAL EXPECT_EXIT)
    message(FATAL_ERROR "rivet run ${ELF}: exit code ${code}, expected ${EXPECT_EXIT}")
endif()
foreach(regex IN LISTS EXPECT_STDERR)
    if(NOT err MATCHES "${regex}")
        message(FATAL_ERROR "rivet run ${ELF}: stderr does not match '${regex}'")
    endif()
endforeach()
foreach(regex IN LISTS REJECT_STDERR)
    if(err MATCHES "${regex}")
        message(FATAL_ERROR "rivet run ${ELF}: stderr matches '${regex}', which it must not")
    endif()
endforeach()
