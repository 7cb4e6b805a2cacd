# Rivet's firmware build: boards from their descriptions, and
# rivet_add_firmware(). Include after project() in a build configured with
# cmake/arm-none-eabi.cmake (in-tree, or from an out-of-tree project through
# find_package(Rivet)). See docs/building-firmware.md.
include_guard(GLOBAL)

get_filename_component(RIVET_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(RIVET_BOARD_PATH "${RIVET_ROOT}/boards" CACHE STRING
    "Folders holding board descriptions (<folder>/<board>/board.json)")
set(RIVET_STACK_SIZE 2048 CACHE STRING "Bytes of RAM reserved for the main stack")
option(RIVET_STACK_PROTECTION "Place the stack below the statics so that an overflow faults (docs/stack.md)" ON)
option(RIVET_WERROR "Treat warnings in firmware as errors" OFF)
set(RIVET_LOG_TRANSPORT rtt CACHE STRING "Where deferred log frames go: rtt, semihosting or uart (docs/logging.md)")
set_property(CACHE RIVET_LOG_TRANSPORT PROPERTY STRINGS rtt semihosting uart)
option(RIVET_LOG_TIMESTAMPS "Log frames carry rivet_log_timestamp(), which the application defines (or define RIVET_LOG_TIMESTAMPS=1 per target or file)" OFF)
# A clone's host build (build/bin), or the prefix this package is installed in.
find_program(RIVET_EXECUTABLE rivet
    HINTS "${RIVET_ROOT}/build/bin" "${RIVET_ROOT}/../../bin"
    DOC "The rivet host tool, used by the NAME-run targets and the tests")

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

# Compiler and linker flags for each CPU a board description may name.
function(_rivet_cpu_flags cpu out_flags out_fpu out_vtor)
    if(cpu STREQUAL "cortex-m0" OR cpu STREQUAL "cortex-m0plus")
        set(flags -mcpu=${cpu} -mthumb -mfloat-abi=soft)
        set(fpu false)
        set(vtor false)
    elseif(cpu STREQUAL "cortex-m3")
        set(flags -mcpu=cortex-m3 -mthumb -mfloat-abi=soft)
        set(fpu false)
        set(vtor true)
    elseif(cpu STREQUAL "cortex-m4")
        set(flags -mcpu=cortex-m4 -mthumb -mfloat-abi=soft)
        set(fpu false)
        set(vtor true)
    elseif(cpu STREQUAL "cortex-m4f")
        set(flags -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16)
        set(fpu true)
        set(vtor true)
    elseif(cpu STREQUAL "cortex-m33")
        # ARMv8-M mainline with its single-precision FPU; code runs in the
        # state the core resets in (secure, where it has the Security
        # Extension), so no -mcmse.
        set(flags -mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16)
        set(fpu true)
        set(vtor true)
    else()
        message(FATAL_ERROR "Rivet: unsupported cpu '${cpu}' (cortex-m0, cortex-m0plus, cortex-m3, cortex-m4, cortex-m4f, cortex-m33)")
    endif()
    set(${out_flags} ${flags} PARENT_SCOPE)
    set(${out_fpu} ${fpu} PARENT_SCOPE)
    set(${out_vtor} ${vtor} PARENT_SCOPE)
endfunction()

function(_rivet_find_board board out_file)
    foreach(dir IN LISTS RIVET_BOARD_PATH)
        if(EXISTS "${dir}/${board}/board.json")
            set(${out_file} "${dir}/${board}/board.json" PARENT_SCOPE)
            return()
        endif()
    endforeach()
    set(known "")
    foreach(dir IN LISTS RIVET_BOARD_PATH)
        file(GLOB jsons RELATIVE "${dir}" "${dir}/*/board.json")
        foreach(j IN LISTS jsons)
            get_filename_component(d "${j}" DIRECTORY)
            list(APPEND known "${d}")
        endforeach()
    endforeach()
    list(JOIN known ", " known)
    message(FATAL_ERROR "Rivet: unknown board '${board}' (known: ${known}; searched RIVET_BOARD_PATH=${RIVET_BOARD_PATH})")
endfunction()

# Reads the memory region of the given kind ("flash" or "ram") from the JSON.
function(_rivet_board_memory json kind out_origin out_length)
    string(JSON count LENGTH "${json}" memory)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
        string(JSON k GET "${json}" memory ${i} kind)
        if(k STREQUAL kind)
            string(JSON origin GET "${json}" memory ${i} origin)
            string(JSON length GET "${json}" memory ${i} length)
            math(EXPR origin "${origin}" OUTPUT_FORMAT HEXADECIMAL)
            math(EXPR length "${length}" OUTPUT_FORMAT HEXADECIMAL)
            set(${out_origin} ${origin} PARENT_SCOPE)
            set(${out_length} ${length} PARENT_SCOPE)
            return()
        endif()
    endforeach()
    message(FATAL_ERROR "Rivet: board description has no '${kind}' memory region")
endfunction()

# Sets RIVET_STACK_GUARD_SIZE, RIVET_STACK_BELOW_STATICS and
# RIVET_STACK_ABOVE_STATICS for board.ld.in: with protection the stack sits
# at the bottom of RAM (above a 1 KB MPU guard where the core has an MPU),
# below .data and .bss, so an overflow faults; without, it grows down from
# the top of RAM towards the statics.
macro(_rivet_stack_layout cpu protect)
    if(${protect})
        # 1 KB rather than the MPU's minimum of 32 bytes: QEMU checks a
        # debugger's reads against the MPU a 1 KB page at a time, so a
        # smaller guard would hide the bottom of the stack from `rivet`.
        # Cortex-M3/M4 (PMSAv7) and M33 (PMSAv8) have an MPU.
        if(${cpu} MATCHES "^cortex-m(3|4|4f|33)$")
            set(RIVET_STACK_GUARD_SIZE 1024)
        else()
            set(RIVET_STACK_GUARD_SIZE 0)
        endif()
        set(RIVET_STACK_BELOW_STATICS "    /* Overflow protection (docs/stack.md): the stack at the bottom of RAM,
       below the statics, so that an overflow runs off the start of RAM or
       into the no-access MPU guard the runtime puts there, and faults. */
    .stack (NOLOAD) : ALIGN(32)
    {
        __stack_guard__ = .;
        . += __stack_guard_size__;
        __stack_bottom__ = .;
        . += __stack_size__;
        __stack_top__ = .;
    } > RAM
")
        set(RIVET_STACK_ABOVE_STATICS "")
    else()
        set(RIVET_STACK_GUARD_SIZE 0)
        set(RIVET_STACK_BELOW_STATICS "")
        set(RIVET_STACK_ABOVE_STATICS "    /* No overflow protection: the stack grows down from the top of RAM
       towards the statics. */
    __stack_top__ = ORIGIN(RAM) + LENGTH(RAM);
    __stack_bottom__ = __stack_top__ - __stack_size__;
    __stack_guard__ = __stack_bottom__;
    ASSERT(__bss_end__ <= __stack_bottom__, \"RAM too small for the statics and the stack\")
")
    endif()
endmacro()

# rivet_board_library(NAME [ARCHIVE] SOURCES <src>... [INCLUDES <dir>...]
#                     [DEPENDS <board library>...] [DEFINITIONS <def>...] [BSP])
# A firmware library compiled once per board, with that board's CPU flags and
# generated configuration: a module folder (firmware/runtime, firmware/console,
# firmware/log) declares it, and rivet_board(B) makes rivet_NAME_B of it, an
# object library (an archive with ARCHIVE, whose objects the linker takes
# only when something refers to them). INCLUDES are its public headers;
# DEPENDS names other board libraries whose headers it uses; BSP links the
# board's support package (rivet_bsp_<board>) and the headers rivet_board
# generates for NAME alone (in rivet-boards/<board>/NAME).
function(rivet_board_library name)
    cmake_parse_arguments(ARG "ARCHIVE;BSP" "" "SOURCES;INCLUDES;DEPENDS;DEFINITIONS" ${ARGN})
    list(TRANSFORM ARG_SOURCES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/")
    list(TRANSFORM ARG_INCLUDES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/")
    set_property(GLOBAL APPEND PROPERTY RIVET_BOARD_LIBRARIES ${name})
    foreach(field IN ITEMS ARCHIVE BSP SOURCES INCLUDES DEPENDS DEFINITIONS)
        set_property(GLOBAL PROPERTY RIVET_BOARD_LIBRARY_${name}_${field} "${ARG_${field}}")
    endforeach()
endfunction()

# Makes rivet_NAME_BOARD of the board library NAME (above).
function(_rivet_board_library_for name board bsp gen)
    foreach(field IN ITEMS ARCHIVE BSP SOURCES INCLUDES DEPENDS DEFINITIONS)
        get_property(${field} GLOBAL PROPERTY RIVET_BOARD_LIBRARY_${name}_${field})
    endforeach()
    set(target rivet_${name}_${board})
    if(ARCHIVE)
        add_library(${target} STATIC ${SOURCES})
    else()
        add_library(${target} OBJECT ${SOURCES})
    endif()
    target_include_directories(${target} PUBLIC ${INCLUDES})
    target_compile_definitions(${target} PRIVATE ${DEFINITIONS})
    target_compile_options(${target} PRIVATE -Wall -Wextra $<$<BOOL:${RIVET_WERROR}>:-Werror>)
    target_link_libraries(${target} PUBLIC rivet_board_${board}_config)
    foreach(dependency IN LISTS DEPENDS)
        target_link_libraries(${target} PUBLIC rivet_${dependency}_${board})
    endforeach()
    if(BSP)
        if(NOT TARGET rivet_bsp_${bsp})
            message(FATAL_ERROR "Rivet: board ${board}: no board support (target rivet_bsp_${bsp}) "
                "for ${name}; define it before the first firmware for this board")
        endif()
        target_include_directories(${target} PRIVATE "${gen}/${name}")
        target_link_libraries(${target} PRIVATE rivet_bsp_${bsp})
    endif()
endfunction()

# rivet_board(BOARD): generates the board's configuration from its
# description (rivet/board/config.hpp, the linker scripts, the board note,
# the console's UART type), then makes each board library for it and links
# them into rivet_board_<BOARD>, the one target a firmware links: the
# runtime, the console and the logger (their objects, and the default
# vector table's archive), the CPU flags and the linker script.
function(rivet_board board)
    if(TARGET rivet_board_${board})
        return()
    endif()
    _rivet_find_board(${board} RIVET_BOARD_FILE)
    file(READ "${RIVET_BOARD_FILE}" json)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${RIVET_BOARD_FILE}")

    string(JSON RIVET_BOARD_NAME GET "${json}" name)
    if(NOT RIVET_BOARD_NAME STREQUAL board)
        message(FATAL_ERROR "Rivet: ${RIVET_BOARD_FILE} names the board '${RIVET_BOARD_NAME}', expected '${board}'")
    endif()
    string(JSON RIVET_BOARD_CPU GET "${json}" cpu)
    string(JSON RIVET_BOARD_CLOCK_HZ GET "${json}" clock_hz)
    string(JSON RIVET_BOARD_INTERRUPTS GET "${json}" interrupts)
    string(JSON RIVET_BOARD_CONSOLE_BASE GET "${json}" console base)
    _rivet_board_memory("${json}" flash RIVET_BOARD_FLASH_ORIGIN RIVET_BOARD_FLASH_LENGTH)
    _rivet_board_memory("${json}" ram RIVET_BOARD_RAM_ORIGIN RIVET_BOARD_RAM_LENGTH)
    _rivet_cpu_flags(${RIVET_BOARD_CPU} cpu_flags RIVET_BOARD_HAS_FPU RIVET_BOARD_HAS_VTOR)
    set(RIVET_STACK_SIZE ${RIVET_STACK_SIZE})

    set(gen "${CMAKE_BINARY_DIR}/rivet-boards/${board}")
    configure_file("${RIVET_ROOT}/cmake/templates/config.hpp.in" "${gen}/include/rivet/board/config.hpp" @ONLY)
    _rivet_stack_layout(${RIVET_BOARD_CPU} ON)
    set(guard_when_protected ${RIVET_STACK_GUARD_SIZE})
    _rivet_stack_layout(${RIVET_BOARD_CPU} ${RIVET_STACK_PROTECTION})
    configure_file("${RIVET_ROOT}/cmake/templates/board.ld.in" "${gen}/board.ld" @ONLY)
    _rivet_stack_layout(${RIVET_BOARD_CPU} OFF)
    configure_file("${RIVET_ROOT}/cmake/templates/board.ld.in" "${gen}/board-unprotected.ld" @ONLY)
    configure_file("${RIVET_ROOT}/cmake/templates/board_note.S.in" "${gen}/board_note.S" @ONLY)
    set_source_files_properties("${gen}/board_note.S" PROPERTIES OBJECT_DEPENDS "${RIVET_BOARD_FILE}")

    # The console drives the UART the board's BSP names (rivet_bsp_<board>,
    # <rivet/bsp/<board>.hpp>, type rivet::bsp::<board>::console) through
    # its chip HAL.
    string(MAKE_C_IDENTIFIER "${board}" bsp)
    set(RIVET_CONSOLE_ORIGIN "rivet::bsp::${bsp}::console, through its chip HAL")
    set(RIVET_CONSOLE_INCLUDE "<rivet/bsp/${bsp}.hpp>")
    set(RIVET_CONSOLE_UART "::rivet::bsp::${bsp}::console")
    configure_file("${RIVET_ROOT}/cmake/templates/board_uart.hpp.in"
        "${gen}/console/rivet/console/board_uart.hpp" @ONLY)

    # What every object of a firmware for this board is compiled and linked
    # with.
    add_library(rivet_board_${board}_config INTERFACE)
    target_include_directories(rivet_board_${board}_config INTERFACE
        "${gen}/include" "${RIVET_ROOT}/contracts/include")
    if(RIVET_LOG_TIMESTAMPS)
        target_compile_definitions(rivet_board_${board}_config INTERFACE RIVET_LOG_TIMESTAMPS=1)
    endif()
    target_compile_options(rivet_board_${board}_config INTERFACE
        ${cpu_flags} -ffunction-sections -fdata-sections -g -fstack-usage
        $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit>)
    target_link_options(rivet_board_${board}_config INTERFACE
        ${cpu_flags} -nostartfiles --specs=nano.specs -Wl,--gc-sections
        -Wl,--undefined=rivet_vector_table
        "-T$<IF:$<BOOL:$<TARGET_PROPERTY:RIVET_LINKER_SCRIPT>>,$<TARGET_PROPERTY:RIVET_LINKER_SCRIPT>,$<IF:$<BOOL:$<TARGET_PROPERTY:RIVET_NO_STACK_PROTECTION>>,${gen}/board-unprotected.ld,${gen}/board.ld>>")
    set_property(TARGET rivet_board_${board}_config APPEND PROPERTY INTERFACE_LINK_DEPENDS
        "${gen}/board.ld" "${gen}/board-unprotected.ld")

    # The board note (.rivet.board: the description, for `rivet run`), and
    # every board library; an object library's objects reach the firmware
    # only through $<TARGET_OBJECTS>.
    add_library(rivet_board_note_${board} OBJECT "${gen}/board_note.S")
    target_link_libraries(rivet_board_note_${board} PRIVATE rivet_board_${board}_config)
    add_library(rivet_board_${board} INTERFACE)
    target_link_libraries(rivet_board_${board} INTERFACE
        rivet_board_${board}_config $<TARGET_OBJECTS:rivet_board_note_${board}>)
    get_property(libraries GLOBAL PROPERTY RIVET_BOARD_LIBRARIES)
    foreach(library IN LISTS libraries)
        _rivet_board_library_for(${library} ${board} ${bsp} "${gen}")
        get_property(archive GLOBAL PROPERTY RIVET_BOARD_LIBRARY_${library}_ARCHIVE)
        if(archive)
            target_link_libraries(rivet_board_${board} INTERFACE rivet_${library}_${board})
        else()
            target_link_libraries(rivet_board_${board} INTERFACE
                rivet_${library}_${board} $<TARGET_OBJECTS:rivet_${library}_${board}>)
        endif()
    endforeach()
    # For rivet_add_firmware(... LINKER_SCRIPT): where RAM is, and the guard.
    set_target_properties(rivet_board_${board} PROPERTIES
        RIVET_RAM_ORIGIN ${RIVET_BOARD_RAM_ORIGIN} RIVET_RAM_LENGTH ${RIVET_BOARD_RAM_LENGTH}
        RIVET_STACK_GUARD_SIZE ${guard_when_protected})
endfunction()

# A LIBRARIES entry of rivet_add_firmware must be a target (or a linker
# flag -l..., or an existing library file): a misspelt name would
# otherwise become "-lname" and fail only at link time.
function(_rivet_check_libraries name libraries)
    foreach(library IN LISTS libraries)
        if(TARGET "${library}" OR library MATCHES "^-" OR
           (IS_ABSOLUTE "${library}" AND EXISTS "${library}"))
            continue()
        endif()
        message(FATAL_ERROR "rivet_add_firmware(${name}): LIBRARIES entry '${library}' is not a "
            "target (nor a -l flag or an existing library file)")
    endforeach()
endfunction()

# rivet_add_firmware(NAME BOARD <board> SOURCES <src>...
#                    [LIBRARIES <lib>...] [NO_STACK_PROTECTION] [LINKER_SCRIPT <file>]
#                    [TEST [EXPECT_EXIT <code>] [EXPECT_OUTPUT <regex>...]
#                          [EXPECT_STDERR <regex>...] [TIMEOUT <seconds>]
#                          [RUN_ARGS <arg>...]])
# Builds NAME.elf for the board, adds the target NAME-run (`rivet run`), and
# with TEST registers a CTest test that runs it under `rivet run` and checks
# the exit code (default 0) and that each regex matches the output (stdout)
# or rivet's messages (stderr).
# NO_STACK_PROTECTION links it with the stack at the top of RAM, above the
# statics, instead of below them; LINKER_SCRIPT uses the user's own script,
# linked twice to flip the stack below the statics (docs/stack.md).
function(rivet_add_firmware name)
    cmake_parse_arguments(ARG "TEST;NO_STACK_PROTECTION" "BOARD;EXPECT_EXIT;TIMEOUT;LINKER_SCRIPT"
        "SOURCES;LIBRARIES;EXPECT_OUTPUT;EXPECT_STDERR;RUN_ARGS" ${ARGN})
    if(NOT ARG_BOARD)
        message(FATAL_ERROR "rivet_add_firmware(${name}): BOARD is required")
    endif()
    if(NOT ARG_SOURCES)
        message(FATAL_ERROR "rivet_add_firmware(${name}): SOURCES is required")
    endif()
    rivet_board(${ARG_BOARD})

    add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES SUFFIX ".elf")
    if(ARG_NO_STACK_PROTECTION)
        set_target_properties(${name} PROPERTIES RIVET_NO_STACK_PROTECTION ON)
    endif()
    if(ARG_LINKER_SCRIPT)
        get_filename_component(script "${ARG_LINKER_SCRIPT}" ABSOLUTE)
        set_target_properties(${name} PROPERTIES RIVET_LINKER_SCRIPT "${script}" LINK_DEPENDS "${script}")
        if(RIVET_STACK_PROTECTION AND NOT ARG_NO_STACK_PROTECTION)
            # Link twice (cmake/RivetFlipLink.cmake): the statics moved to
            # the top of RAM, the stack below them.
            get_target_property(ram_origin rivet_board_${ARG_BOARD} RIVET_RAM_ORIGIN)
            get_target_property(ram_length rivet_board_${ARG_BOARD} RIVET_RAM_LENGTH)
            get_target_property(guard rivet_board_${ARG_BOARD} RIVET_STACK_GUARD_SIZE)
            find_program(RIVET_READELF arm-none-eabi-readelf REQUIRED)
            set_target_properties(${name} PROPERTIES CXX_LINKER_LAUNCHER
                "${CMAKE_COMMAND};-DRIVET_READELF=${RIVET_READELF};-DRAM_ORIGIN=${ram_origin};-DRAM_LENGTH=${ram_length};-DSTACK_SIZE=${RIVET_STACK_SIZE};-DGUARD_SIZE=${guard};-DSCRIPT=${script};-P;${RIVET_ROOT}/cmake/RivetFlipLink.cmake;--")
        endif()
    endif()
    target_link_libraries(${name} PRIVATE rivet_board_${ARG_BOARD} ${ARG_LIBRARIES})
    # The linker map beside the ELF.
    target_link_options(${name} PRIVATE "-Wl,-Map=$<TARGET_FILE:${name}>.map")
    # Libraries may be defined after the firmware: checked once the whole
    # project is configured (a deferred call's arguments are read when it
    # runs, so the values go in now, through EVAL).
    cmake_language(EVAL CODE "cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\" CALL _rivet_check_libraries \"${name}\" \"${ARG_LIBRARIES}\")")
    target_compile_options(${name} PRIVATE -Wall -Wextra $<$<BOOL:${RIVET_WERROR}>:-Werror>)

    add_custom_target(${name}-run
        COMMAND "${RIVET_EXECUTABLE}" run $<TARGET_FILE:${name}> ${ARG_RUN_ARGS}
        DEPENDS ${name} USES_TERMINAL
        COMMENT "rivet run ${name}")

    if(ARG_TEST)
        if(NOT DEFINED ARG_EXPECT_EXIT)
            set(ARG_EXPECT_EXIT 0)
        endif()
        if(NOT ARG_TIMEOUT)
            set(ARG_TIMEOUT 20)
        endif()
        # Lists cannot cross a CTest command line intact; RivetRunTest.cmake
        # splits them again at this separator.
        list(JOIN ARG_EXPECT_OUTPUT "@@" expect_output)
        list(JOIN ARG_EXPECT_STDERR "@@" expect_stderr)
        list(JOIN ARG_RUN_ARGS "@@" run_args)
        add_test(NAME ${name}
            COMMAND "${CMAKE_COMMAND}"
                "-DRIVET=${RIVET_EXECUTABLE}" "-DELF=$<TARGET_FILE:${name}>"
                "-DEXPECT_EXIT=${ARG_EXPECT_EXIT}" "-DEXPECT_OUTPUT=${expect_output}"
                "-DEXPECT_STDERR=${expect_stderr}" "-DRUN_ARGS=${run_args}" "-DTIMEOUT=${ARG_TIMEOUT}"
                -P "${RIVET_ROOT}/cmake/RivetRunTest.cmake")
        # Longer than rivet's own --timeout, so rivet reports a hang itself.
        math(EXPR ctest_timeout "${ARG_TIMEOUT} + 10")
        set_tests_properties(${name} PROPERTIES TIMEOUT ${ctest_timeout} LABELS firmware)
    endif()
endfunction()

# The firmware libraries (HAL concepts, chip HALs, drivers) and the board
# support packages as targets: rivet_hal, rivet_lm3s6965, rivet_tmp105,
# rivet_bsp_lm3s6965evb, ... Their folders use RivetSvd and
# RivetCompileFail from here.
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
include(RivetSvd)
rivet_refuse_shared_targets()
add_subdirectory("${RIVET_ROOT}/firmware" "${CMAKE_BINARY_DIR}/rivet/firmware")
add_subdirectory("${RIVET_ROOT}/boards" "${CMAKE_BINARY_DIR}/rivet/boards")
