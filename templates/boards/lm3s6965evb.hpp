// What the project uses of the EK-LM3S6965 (rivet_bsp_lm3s6965evb): the
// status LED (PF0) and the SysTick delay.
#pragma once

#include <rivet/bsp/lm3s6965evb.hpp>
#include <rivet/hal/pins.hpp>

namespace app {

namespace board = rivet::bsp::lm3s6965evb;

inline auto take_led_and_delay() {
    return rivet::hal::take<board::status_led, board::delay>();
}

// True when the LED took the level.
inline bool set_led(board::status_led& led, bool on) {
    return static_cast<bool>(on ? led.set_high() : led.set_low());
}

}  // namespace app
