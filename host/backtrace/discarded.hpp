// The DWARF of functions that --gc-sections discarded stays in the image at
// address 0, where on many boards real code lies: their call-frame entries
// and line sequences would shadow the real ones. These rewrite, in place, the
// start address of each such entry to `nowhere`, so that libdw never matches
// them. Both take the raw section bytes and never read outside them.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

namespace rivet::backtrace {

// True when code the linker kept can start at the address.
using start_test = std::function<bool(std::uint32_t address)>;

// .debug_frame: each FDE whose initial location fails `kept` gets
// initial location `nowhere` and an empty range. Returns how many.
std::size_t move_discarded_frame_entries(std::span<std::uint8_t> debug_frame,
                                         const start_test& kept, std::uint32_t nowhere);

// .debug_line: each DW_LNE_set_address whose address fails `kept` (the start
// of a discarded sequence) is set to `nowhere`. Returns how many.
std::size_t move_discarded_line_sequences(std::span<std::uint8_t> debug_line,
                                          const start_test& kept, std::uint32_t nowhere);

}  // namespace rivet::backtrace
