// Board support for the BBC micro:bit v1 (nRF51822; QEMU's microbit): what
// is wired to what, by name, as types from the nRF51 HAL with their pins
// fixed, so using the board costs no more than the HAL.
//
//   namespace board = rivet::bsp::microbit;
//   auto [console, display, a] = rivet::hal::take<board::console_uart<>, board::led_matrix,
//                                                  board::button_a>();
//   display.light(2, 2);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "rivet/board/config.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/nrf51/gpio.hpp"
#include "rivet/nrf51/interrupts.hpp"
#include "rivet/nrf51/rng.hpp"
#include "rivet/nrf51/timer.hpp"
#include "rivet/nrf51/uart.hpp"

namespace rivet::bsp::microbit {

namespace gpio = rivet::nrf51::gpio;

// The CPU clock (boards/microbit/board.json): 16 MHz, fixed on the nRF51.
inline constexpr std::uint32_t clock_hz = rivet::board::clock_hz;

// The UART on P0.24 (TX) and P0.25 (RX): the interface chip's USB serial
// port, QEMU's first serial port, and Rivet's console.
inline constexpr unsigned console_tx_pin = 24;
inline constexpr unsigned console_rx_pin = 25;
template <std::uint32_t Baud = 115200>
using console_uart = rivet::nrf51::uart::uart<console_tx_pin, console_rx_pin, Baud>;
// The UART rivet::console writes to and reads from.
using console = console_uart<>;

// Buttons A and B: pulled up on the board, pressed = low. The board has its
// own 10k pull-ups, so configure with gpio::pull::none on hardware; under
// QEMU nothing drives the pins, so pull::up gives the released level.
using button_a = gpio::input_pin<17>;
using button_b = gpio::input_pin<26>;

// A timer for delays (1 MHz ticks) and the random number generator.
using delay_timer = rivet::nrf51::timer::timer<0>;
using random = rivet::nrf51::rng::rng;

// The edge connector's pads by their printed names (P0..P20), as nRF51 pin
// numbers: gpio::output_pin<edge::p0>. Several double as matrix columns or
// buttons (noted); the static_asserts of take<> catch a pin used twice.
namespace edge {
inline constexpr unsigned p0 = 3;
inline constexpr unsigned p1 = 2;
inline constexpr unsigned p2 = 1;
inline constexpr unsigned p3 = 4;   // matrix column 1
inline constexpr unsigned p4 = 5;   // matrix column 2
inline constexpr unsigned p5 = 17;  // button A
inline constexpr unsigned p6 = 12;  // matrix column 9
inline constexpr unsigned p7 = 11;  // matrix column 8
inline constexpr unsigned p8 = 18;
inline constexpr unsigned p9 = 10;   // matrix column 7
inline constexpr unsigned p10 = 6;   // matrix column 3
inline constexpr unsigned p11 = 26;  // button B
inline constexpr unsigned p12 = 20;
inline constexpr unsigned p13 = 23;  // SPI SCK
inline constexpr unsigned p14 = 22;  // SPI MISO
inline constexpr unsigned p15 = 21;  // SPI MOSI
inline constexpr unsigned p16 = 16;
inline constexpr unsigned p19 = 0;   // I2C SCL (accelerometer, magnetometer)
inline constexpr unsigned p20 = 30;  // I2C SDA
}  // namespace edge

// Where a display LED is wired: electrical row 0..2 (P0.13..P0.15, anode,
// high = on) and column 0..8 (P0.4..P0.12, cathode, low = on).
struct led_wiring {
    std::uint8_t row;
    std::uint8_t column;
};

// The 5x5 display is a 3x9 matrix (micro:bit v1 schematic); [y][x] with
// (0, 0) at the top left as the board is held with the buttons below.
inline constexpr std::array<std::array<led_wiring, 5>, 5> display_wiring{{
    {{{0, 0}, {1, 3}, {0, 1}, {1, 4}, {0, 2}}},
    {{{2, 3}, {2, 4}, {2, 5}, {2, 6}, {2, 7}}},
    {{{1, 1}, {0, 8}, {1, 2}, {2, 8}, {1, 0}}},
    {{{0, 7}, {0, 6}, {0, 5}, {0, 4}, {0, 3}}},
    {{{2, 2}, {1, 6}, {2, 0}, {1, 5}, {2, 1}}},
}};

// A picture for the display: bit y * 5 + x is the LED at (x, y).
struct image {
    std::uint32_t bits = 0;
    constexpr bool lit(unsigned x, unsigned y) const { return (bits >> (y * 5 + x)) & 1u; }
    constexpr image& set(unsigned x, unsigned y, bool on = true) {
        const std::uint32_t bit = 1u << (y * 5 + x);
        bits = on ? bits | bit : bits & ~bit;
        return *this;
    }
};

// The LED matrix. The LEDs share rows and columns, so only LEDs of one
// electrical row can be lit together: light() shows one LED, show_row()
// one row of an image; refresh() scans the three rows for a whole image.
class led_matrix {
public:
    using rows = gpio::output_group<13, 14, 15>;
    using columns = gpio::output_group<4, 5, 6, 7, 8, 9, 10, 11, 12>;
    static constexpr std::uint32_t all_columns = (1u << columns::size) - 1;
    static constexpr auto claimed_pins = [] {
        std::array<rivet::hal::pin_id, rows::size + columns::size> pins{};
        std::size_t n = 0;
        for (const auto& pin : rows::claimed_pins) pins[n++] = pin;
        for (const auto& pin : columns::claimed_pins) pins[n++] = pin;
        return pins;
    }();

    // All outputs, all LEDs off (rows low, columns high).
    static led_matrix configure() {
        (void)columns::configure(all_columns);
        (void)rows::configure(0);
        return led_matrix{};
    }

    void clear() {
        rows_.write(0);
        columns_.write(all_columns);
    }

    // Only the LED at (x, y) on (x, y in 0..4). The old row goes off before
    // the columns change, so no other LED flashes on the way.
    void light(unsigned x, unsigned y) {
        const led_wiring where = display_wiring[y][x];
        rows_.write(0);
        columns_.write(all_columns & ~(1u << where.column));
        rows_.write(1u << where.row);
    }

    // Electrical row `row` (0..2) showing its LEDs of `picture`.
    void show_row(const image& picture, unsigned row) {
        rows_.write(0);
        columns_.write(all_columns & ~columns_lit(picture, row));
        rows_.write(1u << row);
    }

    // Shows `picture` for about `frames` * 3 * `row_us` microseconds by
    // scanning the rows; the display is cleared afterwards.
    template <class Delay>
    void refresh(const image& picture, Delay& delay, std::uint32_t frames,
                 std::uint32_t row_us = 2000) {
        for (std::uint32_t frame = 0; frame < frames; ++frame) {
            for (unsigned row = 0; row < 3; ++row) {
                show_row(picture, row);
                rivet::hal::delay_us(delay, row_us);
            }
        }
        clear();
    }

    // Whether the pins light (x, y) now: its row driven high and its column
    // low, read back from the GPIO OUT register.
    bool is_lit(unsigned x, unsigned y) const {
        const led_wiring where = display_wiring[y][x];
        return (rows_.read() >> where.row & 1u) != 0 && (columns_.read() >> where.column & 1u) == 0;
    }
    // The picture the pins show now (the LEDs of the row that is on).
    image lit() const {
        image shown;
        for (unsigned y = 0; y < 5; ++y) {
            for (unsigned x = 0; x < 5; ++x) shown.set(x, y, is_lit(x, y));
        }
        return shown;
    }

    // The column bits (bit c for column c) of `picture`'s LEDs in `row`.
    static constexpr std::uint32_t columns_lit(const image& picture, unsigned row) {
        std::uint32_t bits = 0;
        for (unsigned y = 0; y < 5; ++y) {
            for (unsigned x = 0; x < 5; ++x) {
                const led_wiring where = display_wiring[y][x];
                if (where.row == row && picture.lit(x, y)) bits |= 1u << where.column;
            }
        }
        return bits;
    }

private:
    rows rows_{};
    columns columns_{};
};

// Every LED has its own row and column pair.
static_assert([] {
    for (unsigned a = 0; a < 25; ++a) {
        for (unsigned b = a + 1; b < 25; ++b) {
            const auto wa = display_wiring[a / 5][a % 5];
            const auto wb = display_wiring[b / 5][b % 5];
            if (wa.row == wb.row && wa.column == wb.column) return false;
        }
    }
    return true;
}());

// The board's own wiring claims no pin twice.
static_assert(rivet::hal::distinct_pins<console_uart<>, led_matrix, button_a, button_b>);

// The chip's interrupts by name (from its SVD), for the NVIC and
// RIVET_BIND_INTERRUPTS; boards/microbit/board.json must count as many.
using irq = rivet::nrf51::irq;
static_assert(rivet::cortex_m::interrupt_count_matches<irq, rivet::board::interrupt_count>());

}  // namespace rivet::bsp::microbit
