// Board support for the EK-LM3S811 evaluation board (QEMU's lm3s811evb):
// its console and its OLED, by name, as types of the Stellaris HAL.
//
//   auto bus = rivet::bsp::lm3s811evb::oled_bus::configure();
//   rivet::drivers::ssd0303 oled{bus};   // at its default address, 0x3D
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/lm3s6965/i2c.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/uart.hpp"

namespace rivet::bsp::lm3s811evb {

inline constexpr std::uint32_t clock_hz = rivet::board::clock_hz;

// UART0 on PA0/PA1 (QEMU's serial0).
template <std::uint32_t Baud = 115200>
using console_uart = rivet::lm3s6965::uart::uart<0, clock_hz, Baud>;
// The UART rivet::console writes to and reads from.
using console = console_uart<>;

// I2C0 on PB2/PB3, where the SSD0303 OLED sits at 0x3D. QEMU's I2C model
// drops repeated STARTs, so a change of direction is STOP + START here.
using oled_bus = rivet::lm3s6965::i2c::controller<0, clock_hz, 100'000,
                                                  rivet::lm3s6965::i2c::restart::stop_then_start>;

// The panel shows 96 x 16 pixels, starting at controller column 36.
inline constexpr std::uint8_t oled_first_visible_column = 36;
inline constexpr std::uint8_t oled_width = 96;
inline constexpr std::uint8_t oled_height = 16;

// The interrupts by name: the LM3S811's are those of the LM3S6965 below 30
// (board.json's count). Rivet has no description of the LM3S811 itself, so
// the count is not checked against one; RIVET_BIND_INTERRUPTS refuses an
// interrupt beyond it.
using irq = rivet::lm3s6965::irq;
static_assert(rivet::board::interrupt_count <= rivet::cortex_m::device<irq>::interrupt_count);

}  // namespace rivet::bsp::lm3s811evb
