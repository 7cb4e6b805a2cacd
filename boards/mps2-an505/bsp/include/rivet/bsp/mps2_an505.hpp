// Board support for the ARM MPS2+ board with the AN505 Cortex-M33 image
// (QEMU's mps2-an505), run in the secure state: what is wired to what, by
// name. Every name is a CMSDK HAL type built on the AN505's registers
// (firmware/chips/cmsdk, an505.yaml), so the board costs nothing over the
// HAL; what the MPS2 images share is in rivet/cmsdk/mps2.hpp (on the AN505
// the timers are the IoT Kit's TIMER0 and TIMER1).
//
//   auto [console, led] = rivet::hal::take<board::console_uart<>, board::user_led0>();
//   auto delay = board::delay_timer::configure();
#pragma once

#include "rivet/cmsdk/dma.hpp"
#include "rivet/cmsdk/mps2.hpp"

namespace rivet::bsp::mps2_an505 {

// clock_hz, console_uart, console, uart, user_led0/1, user_button0/1,
// delay_timer, tick_timer, dual_timer and irq.
using namespace rivet::cmsdk::mps2;

// The four PL081 DMA controllers, two channels each (rivet/cmsdk/dma.hpp).
template <unsigned Controller>
using dma = rivet::cmsdk::dma::controller<Controller>;

static_assert(wiring_is_distinct<>, "the board's own wiring claims a line twice");

}  // namespace rivet::bsp::mps2_an505
