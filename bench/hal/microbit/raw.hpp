// nRF51 registers by address (nRF51 Series Reference Manual v3.0), for the
// raw-register twins of the micro:bit examples: no HAL, no generated
// headers, just volatile accesses.
#pragma once

#include <cstdint>

namespace raw {

inline volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}

// GPIO (P0)
constexpr std::uintptr_t gpio_out = 0x5000'0504, gpio_outset = 0x5000'0508,
                         gpio_outclr = 0x5000'050c, gpio_in = 0x5000'0510;
constexpr std::uintptr_t gpio_pin_cnf(unsigned pin) {
    return 0x5000'0700 + 4 * pin;
}
constexpr std::uint32_t pin_cnf_output = 1;  // DIR output, input buffer connected, no pull
constexpr std::uint32_t pin_cnf_input = 0;   // DIR input, input buffer connected, no pull

// UART0
constexpr std::uintptr_t uart = 0x4000'2000;
constexpr std::uintptr_t uart_startrx = uart + 0x000, uart_starttx = uart + 0x008,
                         uart_rxdrdy = uart + 0x108, uart_txdrdy = uart + 0x11c,
                         uart_error = uart + 0x124, uart_errorsrc = uart + 0x480,
                         uart_enable = uart + 0x500, uart_pseltxd = uart + 0x50c,
                         uart_pselrxd = uart + 0x514, uart_rxd = uart + 0x518,
                         uart_txd = uart + 0x51c, uart_baudrate = uart + 0x524,
                         uart_config = uart + 0x56c;
constexpr std::uint32_t uart_enabled = 4, baud_115200 = 0x01d7'e000;

// TIMER0
constexpr std::uintptr_t timer0 = 0x4000'8000;
constexpr std::uintptr_t timer_start = timer0 + 0x000, timer_stop = timer0 + 0x004,
                         timer_clear = timer0 + 0x00c, timer_compare0 = timer0 + 0x140,
                         timer_shorts = timer0 + 0x200, timer_intenclr = timer0 + 0x308,
                         timer_mode = timer0 + 0x504, timer_bitmode = timer0 + 0x508,
                         timer_prescaler = timer0 + 0x510, timer_cc0 = timer0 + 0x540;

// RNG
constexpr std::uintptr_t rng = 0x4000'd000;
constexpr std::uintptr_t rng_start = rng + 0x000, rng_stop = rng + 0x004, rng_valrdy = rng + 0x100,
                         rng_shorts = rng + 0x200, rng_intenclr = rng + 0x308,
                         rng_config = rng + 0x504, rng_value = rng + 0x508;

// TIMER0 at 1 MHz, 32 bits, stopped: what the HAL's timer<0>::configure() does.
inline void timer_setup() {
    reg(timer_stop) = 1;
    reg(timer_mode) = 0;
    reg(timer_bitmode) = 3;
    reg(timer_prescaler) = 4;
    reg(timer_shorts) = 0;
    reg(timer_intenclr) = 0xf'0000;
    reg(timer_clear) = 1;
    for (unsigned i = 0; i < 4; ++i) reg(timer_compare0 + 4 * i) = 0;
}

// Waits `us` microseconds (1..2^32-1) on TIMER0's compare 0.
inline void timer_wait_us(std::uint32_t us) {
    reg(timer_stop) = 1;
    reg(timer_clear) = 1;
    reg(timer_cc0) = us;
    reg(timer_compare0) = 0;
    reg(timer_start) = 1;
    while (reg(timer_compare0) == 0) {
    }
    reg(timer_stop) = 1;
    reg(timer_compare0) = 0;
}

// The console UART on P0.24 (TX) / P0.25 (RX), 115200 8N1: the HAL's
// uart<24, 25>::configure().
inline void uart_setup() {
    reg(uart_enable) = 0;
    reg(gpio_outset) = 1u << 24;
    reg(gpio_pin_cnf(24)) = pin_cnf_output;
    reg(gpio_pin_cnf(25)) = pin_cnf_input;
    reg(uart_pseltxd) = 24;
    reg(uart_pselrxd) = 25;
    reg(uart_baudrate) = baud_115200;
    reg(uart_config) = 0;
    reg(uart_error) = 0;
    reg(uart_enable) = uart_enabled;
    reg(uart_starttx) = 1;
    reg(uart_startrx) = 1;
}

inline void uart_put(std::uint8_t byte) {
    reg(uart_txdrdy) = 0;
    reg(uart_txd) = byte;
    while (reg(uart_txdrdy) == 0) {
    }
}

}  // namespace raw
