# Runs one firmware under `rivet run` for CTest and checks how it ended.
# Called by rivet_add_firmware(... TEST) and by tests with:
#   -DRIVET, -DELF, -DEXPECT_EXIT (default 0), -DTIMEOUT (seconds, default 15),
#   -DRUN_ARGS, -DEXPECT_OUTPUT (regexes the stdout must match),
#   -DEXPECT_STDERR / -DREJECT_STDERR (regexes stderr must / must not match);
# lists are joined with "@@" (a ";" does not survive a CTest command line).
if(NOT DEFINED EXPECT_EXIT OR EXPECT_EXIT STREQUAL "")
    set(EXPECT_EXIT 0)
endif()
if(NOT TIMEOUT)
    set(TIMEOUT 15)
endif()
foreach(list IN ITEMS RUN_ARGS EXPECT_OUTPUT EXPECT_STDERR REJECT_STDERR)
    string(REPLACE "@@" ";" ${list} "${${list}}")
endforeach()

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
