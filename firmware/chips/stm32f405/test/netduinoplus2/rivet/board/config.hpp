// The Netduino Plus 2's board configuration as cmake/Rivet.cmake generates it
// from boards/netduinoplus2/board.json, for host tests of code that reads it
// (the console).
#pragma once

#include <cstddef>
#include <cstdint>

namespace rivet::board {

inline constexpr char name[] = "netduinoplus2";
inline constexpr char cpu[] = "cortex-m4f";
inline constexpr std::uint32_t clock_hz = 16000000u;
inline constexpr std::size_t interrupt_count = 82;
inline constexpr bool has_fpu = true;
inline constexpr bool has_vtor = true;
inline constexpr std::uintptr_t flash_origin = 0x08000000u;
inline constexpr std::size_t flash_length = 0x100000u;
inline constexpr std::uintptr_t ram_origin = 0x20000000u;
inline constexpr std::size_t ram_length = 0x20000u;
inline constexpr std::uintptr_t console_base = 0x40011000u;

}  // namespace rivet::board
