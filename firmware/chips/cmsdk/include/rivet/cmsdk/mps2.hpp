// What the MPS2 FPGA images wire alike, for their board supports
// (rivet/bsp/mps2_an385.hpp, rivet/bsp/mps2_an505.hpp): the console and the
// other UARTs, the FPGA's LEDs and buttons, the timers and the interrupts by
// name, on the clock of the board being built (rivet/board/config.hpp). A
// board support takes them with `using namespace rivet::cmsdk::mps2;` and
// adds what only its image has.
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/cmsdk/dualtimer.hpp"
#include "rivet/cmsdk/fpgaio.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/cmsdk/uart.hpp"
#include "rivet/hal/pins.hpp"

namespace rivet::cmsdk::mps2 {

// The clock of the peripherals, from the board's board.json (SYSCLK in QEMU).
inline constexpr std::uint32_t clock_hz = rivet::board::clock_hz;

// UART0: the console (QEMU's first serial port, where `rivet run` listens).
template <std::uint32_t Baud = 115200>
using console_uart = rivet::cmsdk::uart::uart<0, clock_hz, Baud>;
// The UART rivet::console writes to and reads from.
using console = console_uart<>;
// UART1..UART4, on QEMU's serial ports 1..4.
template <unsigned Index, std::uint32_t Baud = 115200>
using uart = rivet::cmsdk::uart::uart<Index, clock_hz, Baud>;

// The FPGA's user LEDs (lit when set high) and push buttons (high while
// pressed; under QEMU they always read released).
using user_led0 = rivet::cmsdk::fpgaio::led<0>;
using user_led1 = rivet::cmsdk::fpgaio::led<1>;
using user_button0 = rivet::cmsdk::fpgaio::button<0>;
using user_button1 = rivet::cmsdk::fpgaio::button<1>;

// TIMER0 for blocking delays, TIMER1 for a periodic tick (irq::timer1),
// the dual timer's counters for whatever else needs timing.
using delay_timer = rivet::cmsdk::timer::timer<0, clock_hz>;
using tick_timer = rivet::cmsdk::timer::timer<1, clock_hz>;
template <unsigned Counter>
using dual_timer = rivet::cmsdk::dualtimer::dualtimer<Counter, clock_hz>;

// Whether the wiring above and a board's own parts (`Own`) claim no line
// twice: each board support static_asserts it.
template <class... Own>
inline constexpr bool wiring_is_distinct =
    rivet::hal::distinct_pins<console_uart<>, user_led0, user_led1, user_button0, user_button1,
                              uart<1>, uart<2>, uart<3>, uart<4>, Own...>;

// The image's interrupts by name (from its SVD and patch), for the NVIC and
// RIVET_BIND_INTERRUPTS; the board's board.json must count as many.
using irq = rivet::cmsdk::irq;
static_assert(rivet::cortex_m::interrupt_count_matches<irq, rivet::board::interrupt_count>());

}  // namespace rivet::cmsdk::mps2
