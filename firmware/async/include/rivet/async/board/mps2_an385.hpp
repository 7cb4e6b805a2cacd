// The mps2-an385's parts for tasks: the interrupt-driven twin of the board
// support's shield 1 two-wire bus (rivet/bsp/mps2_an385.hpp), where QEMU's
// `-device tmp105` lands. Bind its interrupt
// (RIVET_BIND_INTERRUPTS(rivet::async::mps2_an385::sensor_bus::binding, ...));
// taking it beside its blocking twin does not compile (rivet::hal::take).
#pragma once

#include "rivet/async/i2c/sbcon.hpp"
#include "rivet/bsp/mps2_an385.hpp"

namespace rivet::async::mps2_an385 {

namespace board = rivet::bsp::mps2_an385;

// SBCon 3 (shield 1) at 100 kHz, paced by TIMER0 (board::delay_timer, so
// not both); the runtime's tick keeps TIMER1.
using sensor_bus = i2c::sbcon_controller<3, board::clock_hz, 0>;

}  // namespace rivet::async::mps2_an385
