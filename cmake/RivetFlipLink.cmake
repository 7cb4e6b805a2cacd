# Stack overflow protection for a user's own linker script (docs/stack.md),
# run as the link step's launcher: cmake -DRIVET_READELF=... -DRAM_ORIGIN=...
# -DRAM_LENGTH=... -DSTACK_SIZE=... -DGUARD_SIZE=... -DSCRIPT=<user script>
# -P RivetFlipLink.cmake -- <the link command>.
#
# Links once with the script as written to learn how much RAM the statics
# use, then rewrites the script's RAM region to start that much below the end
# of RAM, so that the statics sit at the top and the stack (from the old
# origin up to the new one) lies below them, and links again.
set(command "")
set(seen_dashes FALSE)
foreach(i RANGE 1 ${CMAKE_ARGC})
    if(i EQUAL CMAKE_ARGC)
        break()
    endif()
    if(seen_dashes)
        list(APPEND command "${CMAKE_ARGV${i}}")
    elseif(CMAKE_ARGV${i} STREQUAL "--")
        set(seen_dashes TRUE)
    endif()
endforeach()

set(output "")
list(LENGTH command count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    list(GET command ${i} arg)
    if(arg STREQUAL "-o")
        math(EXPR next "${i} + 1")
        list(GET command ${next} output)
    endif()
endforeach()
if(NOT output)
    message(FATAL_ERROR "rivet flip-link: no -o in the link command")
endif()

# Pass 1: the script as written.
execute_process(COMMAND ${command} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "rivet flip-link: the first link failed")
endif()

# The span of RAM the statics occupy.
execute_process(COMMAND "${RIVET_READELF}" -S -W "${output}" OUTPUT_VARIABLE sections RESULT_VARIABLE code)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "rivet flip-link: ${RIVET_READELF} failed on ${output}")
endif()
math(EXPR ram_end "${RAM_ORIGIN} + ${RAM_LENGTH}")
set(statics_end ${RAM_ORIGIN})
string(REPLACE "\n" ";" lines "${sections}")
foreach(line IN LISTS lines)
    # [Nr] Name Type Address Off Size ES Flg ...
    if(line MATCHES "^ *\\[ *[0-9]+\\] +([^ ]+) +[A-Z_]+ +([0-9a-f]+) +[0-9a-f]+ +([0-9a-f]+) +[0-9a-f]+ +([A-Z]*)")
        set(flags "${CMAKE_MATCH_4}")
        math(EXPR address "0x${CMAKE_MATCH_2}")
        math(EXPR size "0x${CMAKE_MATCH_3}")
        if(flags MATCHES "A" AND address GREATER_EQUAL RAM_ORIGIN AND address LESS ram_end AND size GREATER 0)
            math(EXPR end "${address} + ${size}")
            if(end GREATER statics_end)
                set(statics_end ${end})
            endif()
        endif()
    endif()
endforeach()
math(EXPR used "((${statics_end} - ${RAM_ORIGIN}) + 31) / 32 * 32")
math(EXPR shift "(${RAM_LENGTH} - ${used}) / 32 * 32")
math(EXPR needed "${GUARD_SIZE} + ${STACK_SIZE}")
if(shift LESS needed)
    message(FATAL_ERROR "rivet flip-link: RAM too small: ${used} bytes of statics leave ${shift} for a ${needed}-byte stack (and guard)")
endif()
math(EXPR new_origin "${RAM_ORIGIN} + ${shift}" OUTPUT_FORMAT HEXADECIMAL)
math(EXPR new_length "${RAM_LENGTH} - ${shift}" OUTPUT_FORMAT HEXADECIMAL)
math(EXPR bottom "${RAM_ORIGIN} + ${GUARD_SIZE}" OUTPUT_FORMAT HEXADECIMAL)

# Pass 2: the RAM region moved up, the stack below it.
file(READ "${SCRIPT}" text)
string(REGEX MATCH "MEMORY[ \t\r\n]*{[^}]*}" memory "${text}")
if(NOT memory)
    message(FATAL_ERROR "rivet flip-link: ${SCRIPT} has no MEMORY block")
endif()
math(EXPR origin_hex "${RAM_ORIGIN}" OUTPUT_FORMAT HEXADECIMAL)
string(REGEX MATCHALL "[^\n]*ORIGIN[^\n]*" regions "${memory}")
set(new_memory "${memory}")
set(found FALSE)
foreach(region IN LISTS regions)
    if(region MATCHES "ORIGIN *= *(0[xX][0-9a-fA-F]+|[0-9]+)")
        math(EXPR value "${CMAKE_MATCH_1}")
        if(value EQUAL RAM_ORIGIN)
            string(REGEX REPLACE "ORIGIN *= *[^,]+, *LENGTH *= *[^ \t\r\n,}]+"
                "ORIGIN = ${new_origin}, LENGTH = ${new_length}" flipped "${region}")
            string(REPLACE "${region}" "${flipped}" new_memory "${new_memory}")
            set(found TRUE)
        endif()
    endif()
endforeach()
if(NOT found)
    message(FATAL_ERROR "rivet flip-link: ${SCRIPT}: no MEMORY region starts at the board's RAM (${origin_hex})")
endif()
string(REPLACE "${memory}" "${new_memory}" text "${text}")
string(APPEND text "
/* Added by Rivet's flip-link (docs/stack.md): the stack below the statics. */
__stack_guard__ = ${origin_hex};
__stack_guard_size__ = ${GUARD_SIZE};
__stack_bottom__ = ${bottom};
__stack_top__ = ${new_origin};
__stack_size__ = __stack_top__ - __stack_bottom__;
")
set(flipped_script "${output}.flipped.ld")
file(WRITE "${flipped_script}" "${text}")
set(second "")
foreach(arg IN LISTS command)
    if(arg STREQUAL "-T${SCRIPT}")
        set(arg "-T${flipped_script}")
    endif()
    list(APPEND second "${arg}")
endforeach()
execute_process(COMMAND ${second} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "rivet flip-link: the second link (with ${flipped_script}) failed")
endif()
