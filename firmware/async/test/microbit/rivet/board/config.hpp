// The micro:bit's board configuration as cmake/Rivet.cmake generates it from
// boards/microbit/board.json, for host tests of code that binds interrupts.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rivet::board {

inline constexpr char name[] = "microbit";
inline constexpr char cpu[] = "cortex-m0";
inline constexpr std::uint32_t clock_hz = 16000000u;
inline constexpr std::size_t interrupt_count = 26;

}  // namespace rivet::board
