// The lm3s811evb's parts for tasks: the interrupt-driven twin of the board
// support's OLED bus (rivet/bsp/lm3s811evb.hpp), on the same pins. Bind its
// interrupt (RIVET_BIND_INTERRUPTS(rivet::async::lm3s811evb::oled_bus::binding));
// taking it beside its blocking twin does not compile (rivet::hal::take).
#pragma once

#include "rivet/async/i2c/lm3s6965.hpp"
#include "rivet/bsp/lm3s811evb.hpp"

namespace rivet::async::lm3s811evb {

namespace board = rivet::bsp::lm3s811evb;

// I2C0, where the SSD0303 sits at 0x3D; STOP + START on a change of
// direction as the blocking oled_bus (QEMU's model drops repeated STARTs).
using oled_bus = i2c::lm3s6965_controller<0, board::clock_hz, 100'000,
                                          rivet::lm3s6965::i2c::restart::stop_then_start>;

}  // namespace rivet::async::lm3s811evb
