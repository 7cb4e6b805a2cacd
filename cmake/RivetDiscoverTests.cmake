# Run after a test firmware links (rivet_discover_tests, cmake/RivetTest.cmake):
# lists its cases with `rivet test --list` and writes the CTest file that
# runs each. -DRIVET -DELF -DPREFIX -DTIMEOUT -DARGS -DLABELS -DOUT; lists
# joined with "@@".
string(REPLACE "@@" ";" ARGS "${ARGS}")
string(REPLACE "@@" ";" LABELS "${LABELS}")
execute_process(COMMAND "${RIVET}" test "${ELF}" --list
    RESULT_VARIABLE code OUTPUT_VARIABLE listing ERROR_VARIABLE error)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "rivet test ${ELF} --list failed (${code}): ${error}")
endif()
math(EXPR ctest_timeout "${TIMEOUT} + 20")
set(quoted_args "")
foreach(arg IN LISTS ARGS)
    string(APPEND quoted_args " [==[${arg}]==]")
endforeach()
set(content "# Written by rivet_discover_tests from `rivet test ${ELF} --list`.\n")
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
    if(line STREQUAL "")
        continue()
    endif()
    set(disabled FALSE)
    if(line MATCHES "^([A-Za-z_][A-Za-z0-9_]*) \\(ignored\\)$")
        set(name "${CMAKE_MATCH_1}")
        set(disabled TRUE)
    elseif(line MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
        set(name "${line}")
    else()
        message(FATAL_ERROR "rivet test ${ELF} --list: unexpected line '${line}'")
    endif()
    string(APPEND content
        "add_test([==[${PREFIX}${name}]==] [==[${RIVET}]==] test [==[${ELF}]==] --exact --filter "
        "[==[${name}]==] --timeout ${TIMEOUT}${quoted_args})\n"
        "set_tests_properties([==[${PREFIX}${name}]==] PROPERTIES TIMEOUT ${ctest_timeout} "
        "LABELS [==[firmware;${LABELS}]==] DISABLED ${disabled})\n")
endforeach()
file(WRITE "${OUT}" "${content}")
