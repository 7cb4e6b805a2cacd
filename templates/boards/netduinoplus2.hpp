// What the project uses of the Netduino Plus 2 (rivet_bsp_netduinoplus2):
// the user LED (PA10) and the TIM2 delay.
#pragma once

#include <rivet/bsp/netduinoplus2.hpp>
#include <rivet/hal/pins.hpp>

namespace app {

namespace board = rivet::bsp::netduinoplus2;

inline auto take_led_and_delay() {
    return rivet::hal::take<board::user_led, board::delay_timer>();
}

// True when the LED took the level.
inline bool set_led(board::user_led& led, bool on) {
    return static_cast<bool>(on ? led.set_high() : led.set_low());
}

}  // namespace app
