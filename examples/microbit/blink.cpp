// The micro:bit by name: blink the centre LED of the display with the TIMER0
// delay and log each change, with what the GPIO OUT register says the pins
// show (QEMU has no LEDs to look at).
#include <rivet/bsp/microbit.hpp>
#include <rivet/hal/delay.hpp>
#include <rivet/hal/pins.hpp>
#include <rivet/log/log.hpp>

namespace board = rivet::bsp::microbit;

int main() {
    auto [display, delay] = rivet::hal::take<board::led_matrix, board::delay_timer>();
    for (int i = 0; i < 3; ++i) {
        display.light(2, 2);
        RIVET_INFO("LED (2, 2) on: pins show {}", display.is_lit(2, 2) ? "lit" : "dark");
        rivet::hal::delay_ms(delay, 100);
        display.clear();
        RIVET_INFO("LED (2, 2) off: pins show {}", display.is_lit(2, 2) ? "lit" : "dark");
        rivet::hal::delay_ms(delay, 100);
    }
    return 0;
}
