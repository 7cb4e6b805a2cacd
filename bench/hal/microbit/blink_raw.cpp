// microbit-blink without the HAL: the same matrix set-up, LED (2, 2) on and
// off three times with a TIMER0 delay of 100 ms, and the same log lines
// with the pins read back from OUT.
#include <rivet/log/log.hpp>

#include <cstdint>

#include "raw.hpp"

namespace {
// Rows P0.13-P0.15, columns P0.4-P0.12; LED (2, 2) is row 2 (P0.14) and
// column 3 (P0.6) of the micro:bit v1 matrix.
constexpr std::uint32_t rows = 0x7u << 13, columns = 0x1ffu << 4;
constexpr std::uint32_t led_row = 1u << 14, led_column = 1u << 6;

bool led_lit() {
    const std::uint32_t out = raw::reg(raw::gpio_out);
    return (out & led_row) != 0 && (out & led_column) == 0;
}
}  // namespace

int main() {
    raw::reg(raw::gpio_outset) = columns;
    raw::reg(raw::gpio_outclr) = 0;
    for (unsigned pin = 4; pin <= 12; ++pin) raw::reg(raw::gpio_pin_cnf(pin)) = raw::pin_cnf_output;
    raw::reg(raw::gpio_outset) = 0;
    raw::reg(raw::gpio_outclr) = rows;
    for (unsigned pin = 13; pin <= 15; ++pin)
        raw::reg(raw::gpio_pin_cnf(pin)) = raw::pin_cnf_output;
    raw::timer_setup();
    for (int i = 0; i < 3; ++i) {
        raw::reg(raw::gpio_outclr) = rows;
        raw::reg(raw::gpio_outset) = columns & ~led_column;
        raw::reg(raw::gpio_outclr) = led_column;
        raw::reg(raw::gpio_outset) = led_row;
        raw::reg(raw::gpio_outclr) = rows & ~led_row;
        RIVET_INFO("LED (2, 2) on: pins show {}", led_lit() ? "lit" : "dark");
        raw::timer_wait_us(100'000);
        raw::reg(raw::gpio_outclr) = rows;
        raw::reg(raw::gpio_outset) = columns;
        RIVET_INFO("LED (2, 2) off: pins show {}", led_lit() ? "lit" : "dark");
        raw::timer_wait_us(100'000);
    }
    return 0;
}
