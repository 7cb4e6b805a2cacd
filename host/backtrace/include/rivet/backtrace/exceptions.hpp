// Names of Cortex-M exceptions by number, as fault reports, backtraces and
// stack analysis print them.
#pragma once

#include <cstdint>
#include <string>

namespace rivet::backtrace {

// "HardFault", "BusFault", "interrupt 5", "reserved exception 7", ...
std::string exception_name(std::uint32_t exception_number);

}  // namespace rivet::backtrace
