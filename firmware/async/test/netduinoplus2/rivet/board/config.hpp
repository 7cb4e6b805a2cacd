// What rivet/cortex_m/interrupts.hpp reads of the Netduino Plus 2's board
// configuration (cmake/Rivet.cmake generates the whole of it for firmware),
// for the host test of the STM32F405 async port.
#pragma once

#include <cstddef>

namespace rivet::board {
inline constexpr std::size_t interrupt_count = 82;
}  // namespace rivet::board
