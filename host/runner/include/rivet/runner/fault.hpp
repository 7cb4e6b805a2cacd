// What the runner says when the firmware faults: the exception, the fault
// status in words, the registers and where the core was.
#pragma once

#include <rivet/elf/file.hpp>
#include <rivet/probe/probe.hpp>

#include <cstdint>
#include <string>

namespace rivet::runner {

// The exception's name: "HardFault", "BusFault", "interrupt 5", ...
std::string exception_name(std::uint32_t exception_number);

// The report printed when the core is halted in rivet_fault_trap with the
// active exception number in r0. Multi-line; ends without a newline.
std::string fault_report(probe::probe& target, const elf::file& firmware,
                         std::uint32_t exception_number);

}  // namespace rivet::runner
