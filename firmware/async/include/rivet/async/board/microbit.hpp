// The micro:bit's buttons for tasks: the interrupt-driven twins of the board
// support's button_a and button_b (rivet/bsp/microbit.hpp), on GPIOTE
// channels 0 and 1. Bind their interrupt once
// (RIVET_BIND_INTERRUPTS(rivet::async::microbit::buttons::binding, ...)). A
// press closes to ground: low is pressed. Configure them as the blocking
// ones (pull::none on the board, which has its own pull-ups; pull::up under
// QEMU). QEMU 7.2 models no GPIOTE and drives no pin: there an edge never
// comes (docs/boards.md).
#pragma once

#include "rivet/async/gpio/nrf51.hpp"
#include "rivet/bsp/microbit.hpp"

namespace rivet::async::microbit {

namespace board = rivet::bsp::microbit;

using button_a = gpio::nrf51_pin<board::button_a::pin_number, 0>;
using button_b = gpio::nrf51_pin<board::button_b::pin_number, 1>;
using buttons = gpio::nrf51_gpiote<button_a, button_b>;

}  // namespace rivet::async::microbit
