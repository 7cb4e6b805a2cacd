// What the project uses of the MPS2 with AN385 (rivet_bsp_mps2_an385): the
// FPGA's user LED0 and the TIMER0 delay.
#pragma once

#include <rivet/bsp/mps2_an385.hpp>
#include <rivet/hal/pins.hpp>

namespace app {

namespace board = rivet::bsp::mps2_an385;

inline auto take_led_and_delay() {
    return rivet::hal::take<board::user_led0, board::delay_timer>();
}

// True when the LED took the level.
inline bool set_led(board::user_led0& led, bool on) {
    return static_cast<bool>(on ? led.set_high() : led.set_low());
}

}  // namespace app
