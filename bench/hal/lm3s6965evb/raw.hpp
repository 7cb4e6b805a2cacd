// The LM3S6965 registers the raw twins touch, by documented address (data
// sheet register maps; ARMv7-M for SysTick), as plain volatile accesses:
// no HAL, no generated headers. Each helper does what the HAL call it
// stands for does, access for access, so the sizes compare like for like.
#pragma once

#include <cstdint>

namespace raw {

inline volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}

// System control: run-mode clock gating.
inline constexpr std::uintptr_t rcgc1 = 0x400FE104;  // UART0 bit 0, I2C0 bit 12
inline constexpr std::uintptr_t rcgc2 = 0x400FE108;  // GPIO A..G bits 0..6

// GPIO ports A, B, F and their registers (offsets).
inline constexpr std::uintptr_t gpioa = 0x40004000;
inline constexpr std::uintptr_t gpiob = 0x40005000;
inline constexpr std::uintptr_t gpiof = 0x40025000;
inline constexpr std::uintptr_t gpio_dir = 0x400, gpio_afsel = 0x420, gpio_dr2r = 0x500,
                                gpio_odr = 0x50C, gpio_pur = 0x510, gpio_den = 0x51C;

// UART0 (PL011).
inline constexpr std::uintptr_t uart0 = 0x4000C000;
inline constexpr std::uintptr_t uart_dr = 0x00, uart_fr = 0x18, uart_ibrd = 0x24, uart_fbrd = 0x28,
                                uart_lcrh = 0x2C, uart_ctl = 0x30;
inline constexpr std::uint32_t fr_busy = 1u << 3, fr_rxfe = 1u << 4, fr_txff = 1u << 5;

// I2C0 master.
inline constexpr std::uintptr_t i2c0 = 0x40020000;
inline constexpr std::uintptr_t i2c_msa = 0x00, i2c_mcs = 0x04, i2c_mdr = 0x08, i2c_mtpr = 0x0C,
                                i2c_mcr = 0x20;
inline constexpr std::uint32_t mcs_run = 1u << 0, mcs_start = 1u << 1, mcs_stop = 1u << 2,
                               mcs_ack = 1u << 3;
inline constexpr std::uint32_t mcs_busy = 1u << 0, mcs_error = 1u << 1;

inline void clock_gpio(unsigned port) {
    reg(rcgc2) = reg(rcgc2) | (1u << port);
    const std::uint32_t settle = reg(rcgc2);  // the documented wait for the clock
    (void)settle;
}

// A pin of a port as a push-pull output driving low (gpio::output_pin).
inline void output_pin(std::uintptr_t port, unsigned port_index, unsigned pin) {
    clock_gpio(port_index);
    reg(port + gpio_afsel) = reg(port + gpio_afsel) & ~(1u << pin);
    reg(port + gpio_dr2r) = reg(port + gpio_dr2r) | (1u << pin);
    reg(port + gpio_den) = reg(port + gpio_den) | (1u << pin);
    reg(port + gpio_dir) = reg(port + gpio_dir) | (1u << pin);
    reg(port + ((1u << pin) << 2)) = 0;
}

// A pin handed to its peripheral (gpio::alternate_pin).
inline void alternate_pin(std::uintptr_t port, unsigned port_index, unsigned pin, bool open_drain) {
    clock_gpio(port_index);
    const std::uint32_t bit = 1u << pin;
    reg(port + gpio_afsel) = reg(port + gpio_afsel) | bit;
    reg(port + gpio_dr2r) = reg(port + gpio_dr2r) | bit;
    reg(port + gpio_odr) = open_drain ? reg(port + gpio_odr) | bit : reg(port + gpio_odr) & ~bit;
    reg(port + gpio_pur) = open_drain ? reg(port + gpio_pur) | bit : reg(port + gpio_pur) & ~bit;
    reg(port + gpio_den) = reg(port + gpio_den) | bit;
}

// UART0 at 115200 Bd, 8N1, FIFOs on, for a 12 MHz clock: 12e6 / (16 *
// 115200) = 6.51 = IBRD 6, FBRD 33 (what uart<0, 12 MHz, 115200> computes).
inline void console_uart() {
    reg(rcgc1) = reg(rcgc1) | (1u << 0);
    const std::uint32_t settle = reg(rcgc1);
    (void)settle;
    alternate_pin(gpioa, 0, 0, false);
    alternate_pin(gpioa, 0, 1, false);
    while (reg(uart0 + uart_fr) & fr_busy) {
    }
    reg(uart0 + uart_ctl) = reg(uart0 + uart_ctl) & ~1u;
    reg(uart0 + uart_ibrd) = 6;
    reg(uart0 + uart_fbrd) = 33;
    reg(uart0 + uart_lcrh) = 0x60 | 0x10;  // WLEN 8 bits, FEN
    reg(uart0 + uart_ctl) = reg(uart0 + uart_ctl) | 1u | (1u << 8) | (1u << 9);
}

// SysTick counting the processor clock (rivet::cortex_m::systick_delay):
// `count` periods of `period` clocks, each ended by COUNTFLAG.
inline void systick_periods(std::uint32_t period, std::uint64_t count) {
    const std::uint32_t keep = reg(0xE000E010) & 2u;  // TICKINT kept
    reg(0xE000E010) = keep;
    reg(0xE000E014) = period - 1;
    reg(0xE000E018) = 0;
    reg(0xE000E010) = keep | 5u;  // ENABLE, processor clock
    for (; count > 0; --count) {
        while ((reg(0xE000E010) & (1u << 16)) == 0) {
        }
    }
    reg(0xE000E010) = keep;
}

// At least `clocks` clocks: one period up to 2^24, else 2^23 + the rest
// modulo 2^23 and then periods of 2^23.
inline void wait_clocks(std::uint64_t clocks) {
    if (clocks == 0) return;
    if (clocks <= (1u << 24)) {
        systick_periods(clocks < 2 ? 2 : static_cast<std::uint32_t>(clocks), 1);
        return;
    }
    const std::uint32_t first = static_cast<std::uint32_t>(clocks & ((1u << 23) - 1)) + (1u << 23);
    systick_periods(first, 1);
    systick_periods(1u << 23, (clocks - first) >> 23);
}

}  // namespace raw
