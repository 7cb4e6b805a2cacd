# Runs `rivet stack ELF` and checks that each regex (separated by "@@")
# matches its report. -DRIVET, -DELF, -DEXPECT.
execute_process(COMMAND "${RIVET}" stack "${ELF}"
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT code EQUAL 0)
    message(FATAL_ERROR "rivet stack ${ELF}: exit code ${code}: ${err}")
endif()
string(REPLACE "@@" ";" EXPECT "${EXPECT}")
foreach(regex IN LISTS EXPECT)
    if(NOT out MATCHES "${regex}")
        message(FATAL_ERROR "rivet stack ${ELF}: report does not match '${regex}'")
    endif()
endforeach()
