// Board support for the ARM MPS2+ board with the AN505 Cortex-M33 image
// (QEMU's mps2-an505), run in the secure state: what is wired to what, by
// name. Every name is a CMSDK HAL type built on the AN505's registers
// (firmware/chips/cmsdk, an505.yaml), so the board costs nothing over the HAL.
//
//   auto [console, led] = rivet::hal::take<board::console_uart<>, board::user_led0>();
//   auto delay = board::delay_timer::configure();
#pragma once

#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/cmsdk/dma.hpp"
#include "rivet/cmsdk/dualtimer.hpp"
#include "rivet/cmsdk/fpgaio.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/cmsdk/uart.hpp"
#include "rivet/hal/pins.hpp"

namespace rivet::bsp::mps2_an505 {

// The main clock (boards/mps2-an505/board.json; MAINCLK and SYSCLK in QEMU).
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

// The IoT Kit's TIMER0 for blocking delays, TIMER1 for a periodic tick
// (irq::timer1), the dual timer's counters for whatever else needs timing.
using delay_timer = rivet::cmsdk::timer::timer<0, clock_hz>;
using tick_timer = rivet::cmsdk::timer::timer<1, clock_hz>;
template <unsigned Counter>
using dual_timer = rivet::cmsdk::dualtimer::dualtimer<Counter, clock_hz>;

// The four PL081 DMA controllers, two channels each (rivet/cmsdk/dma.hpp).
template <unsigned Controller>
using dma = rivet::cmsdk::dma::controller<Controller>;

static_assert(rivet::hal::distinct_pins<console_uart<>, user_led0, user_led1, user_button0,
                                        user_button1, uart<1>, uart<2>, uart<3>, uart<4>>,
              "the board's own wiring claims a line twice");

// The chip's interrupts by name (from its SVD and an505.yaml), for the NVIC
// and RIVET_BIND_INTERRUPTS; boards/mps2-an505/board.json must count as many.
using irq = rivet::cmsdk::irq;
static_assert(rivet::cortex_m::interrupt_count_matches<irq, rivet::board::interrupt_count>());

}  // namespace rivet::bsp::mps2_an505
