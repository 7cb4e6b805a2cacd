# Run by rivet_svd_generate (cmake -P) after `rivet svd gen`: moves the
# device header's interrupt numbers (enum class irq, irq_count) and core
# configuration (core_config, core) into <device>/interrupts.hpp, which the
# device header then includes. Code that needs only those (the NVIC, the
# vector table, a HAL naming its interrupt) includes the small header and
# not every peripheral's: on the STM32F405 the whole device header costs
# about a second of compile time per file. If the generator's output ever
# lacks the markers below, interrupts.hpp includes the whole device header
# instead: correct, only slower.
#
#   cmake -DDIR=<output folder of rivet svd gen> -P RivetSvdInterrupts.cmake
file(GLOB device_headers "${DIR}/*.hpp")
list(LENGTH device_headers count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "RivetSvdInterrupts: expected one device header in ${DIR}, found ${count}")
endif()
file(READ "${device_headers}" text)
get_filename_component(device "${device_headers}" NAME_WE)
set(split "${DIR}/${device}/interrupts.hpp")

# The span from `first` to the end of the line holding `last`, or -1.
function(_rivet_span text first last out_begin out_length)
    string(FIND "${text}" "${first}" begin)
    string(FIND "${text}" "${last}" end)
    if(begin LESS 0 OR end LESS begin)
        set(${out_begin} -1 PARENT_SCOPE)
        return()
    endif()
    string(SUBSTRING "${text}" ${end} -1 tail)
    string(FIND "${tail}" "\n" line_end)
    math(EXPR length "${end} + ${line_end} + 1 - ${begin}")
    set(${out_begin} ${begin} PARENT_SCOPE)
    set(${out_length} ${length} PARENT_SCOPE)
endfunction()

if(text MATCHES "#include \"${device}/interrupts.hpp\"")
    return()  # already split (the command ran twice on one output)
endif()
_rivet_span("${text}" "// Interrupt numbers" "inline constexpr std::size_t irq_count" irq_begin irq_length)
_rivet_span("${text}" "// Core configuration" "inline constexpr core_config core{" core_begin core_length)
string(REGEX MATCH "\nnamespace ([A-Za-z0-9_:]+) {\n" namespace_line "${text}")
set(namespace "${CMAKE_MATCH_1}")
if(irq_begin LESS 0 OR core_begin LESS 0 OR core_begin LESS irq_begin OR NOT namespace)
    message(WARNING "RivetSvdInterrupts: ${device_headers} does not have the expected layout; "
        "${split} includes the whole device header")
    file(WRITE "${split}" "// ${device}: the whole device header (see cmake/RivetSvdInterrupts.cmake).\n"
        "#pragma once\n\n#include \"../${device}.hpp\"\n")
    return()
endif()

string(SUBSTRING "${text}" ${irq_begin} ${irq_length} irq_part)
string(SUBSTRING "${text}" ${core_begin} ${core_length} core_part)
file(WRITE "${split}" "// ${device}: interrupt numbers and core configuration, moved out of ${device}.hpp\n"
    "// by cmake/RivetSvdInterrupts.cmake so that they can be included alone. Do not edit.\n"
    "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n"
    "namespace ${namespace} {\n\n${irq_part}\n${core_part}\n}  // namespace ${namespace}\n")

# The device header without them (the later span first, so the earlier
# offsets stay valid), including the split header where the interrupts were.
string(SUBSTRING "${text}" 0 ${core_begin} before_core)
math(EXPR after_core "${core_begin} + ${core_length}")
string(SUBSTRING "${text}" ${after_core} -1 rest)
set(text "${before_core}${rest}")
string(SUBSTRING "${text}" 0 ${irq_begin} before_irq)
math(EXPR after_irq "${irq_begin} + ${irq_length}")
string(SUBSTRING "${text}" ${after_irq} -1 rest)
string(FIND "${before_irq}" "\nnamespace ${namespace} {\n" namespace_at)
string(SUBSTRING "${before_irq}" 0 ${namespace_at} includes)
string(SUBSTRING "${before_irq}" ${namespace_at} -1 body)
file(WRITE "${device_headers}"
    "${includes}#include \"${device}/interrupts.hpp\"\n${body}${rest}")
