// What the runner says when the firmware faults: the exception, the fault
// status in words, the registers and a symbolic backtrace; and the backtrace
// alone, for a core stopped by a timeout, Ctrl-C or a panic.
#pragma once

#include <rivet/board/description.hpp>
#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rivet::runner {

// The exception's name: "HardFault", "BusFault", "interrupt 5", ...
std::string exception_name(std::uint32_t exception_number);

// The fault status registers of ARMv7-M (absent on ARMv6-M).
struct fault_status {
    std::uint32_t cfsr = 0;
    std::uint32_t hfsr = 0;
    std::uint32_t mmfar = 0;
    std::uint32_t bfar = 0;
};

// The fault status in words, one cause per entry: "precise bus fault at
// 0x1ffffff8", "divide by zero", ... Empty when nothing is set.
std::vector<std::string> describe_fault_status(const fault_status& status);

// The report printed when the core is halted in rivet_fault_trap with the
// active exception number in r0 (and, from Rivet's default handler,
// EXC_RETURN in r1 and the stacked frame's address in r2). Names a stack
// overflow as such. Multi-line; ends without a newline.
std::string fault_report(probe::probe& target, const elf::file& firmware,
                         const board::description& board, std::uint32_t exception_number);

// "backtrace:\n  #0 ..." for the halted core as it is; a note instead when
// the registers cannot be read. Ends without a newline.
std::string backtrace_report(probe::probe& target, const elf::file& firmware,
                             const board::description& board);

}  // namespace rivet::runner
