// What the project uses of the BBC micro:bit (rivet_bsp_microbit): the
// centre LED of the display matrix, and the TIMER0 delay.
#pragma once

#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/pins.hpp>

namespace app {

namespace board = rivet::bsp::microbit;

inline auto take_led_and_delay() {
    return rivet::hal::take<board::led_matrix, board::delay_timer>();
}

// True when the display shows the level (the matrix reads back its pins).
inline bool set_led(board::led_matrix& display, bool on) {
    if (on) {
        display.light(2, 2);
    } else {
        display.clear();
    }
    return display.is_lit(2, 2) == on;
}

}  // namespace app
