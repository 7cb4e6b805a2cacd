// DWARF the unwinder must not hand to libdw as it is, rewritten in place
// before libdw reads it. The DWARF of functions that --gc-sections discarded
// stays in the image at address 0, where on many boards real code lies: its
// call-frame entries and line sequences would shadow the real ones. And a
// call-frame instruction naming register 100000000 makes libdw allocate a
// frame of 2 GiB. Such entries get the start address `nowhere`, where libdw
// never looks. Both take the raw section bytes and never read outside them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace rivet::backtrace {

// True when code the linker kept can start at the address.
using start_test = std::function<bool(std::uint32_t address)>;

// The code range [start, start + size) of one call-frame entry (FDE).
struct code_range {
    std::uint32_t start;
    std::uint32_t size;
};

// Call-frame instructions may name registers up to this (DWARF numbers the
// ARM core and VFP registers below 320).
inline constexpr std::uint64_t max_cfi_register = 4095;

// .debug_frame: each FDE whose initial location fails `kept`, whose
// instructions (or its CIE's) libdw would not know or name a register above
// max_cfi_register, gets initial location `nowhere` and an empty range.
// Returns the ranges of the FDEs that stay.
std::vector<code_range> move_discarded_frame_entries(std::span<std::uint8_t> debug_frame,
                                                     const start_test& kept, std::uint32_t nowhere);

// .debug_line: each DW_LNE_set_address whose address fails `kept` (the start
// of a discarded sequence) is set to `nowhere`. Returns how many.
std::size_t move_discarded_line_sequences(std::span<std::uint8_t> debug_line,
                                          const start_test& kept, std::uint32_t nowhere);

}  // namespace rivet::backtrace
