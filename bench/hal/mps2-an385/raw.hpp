// The MPS2 AN385 registers the raw twins touch, by documented address
// (CMSDK TRM for the UART and timers, AN385 for the FPGA I/O block) as
// plain volatile accesses: no HAL, no generated headers. Each helper does
// what the HAL call it stands for does, access for access, so the sizes
// and instruction counts compare like for like.
#pragma once

#include <cstdint>

namespace raw {

inline volatile std::uint32_t& reg(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint32_t*>(address);
}
// The UART's DATA register, stored and loaded as a byte like the HAL does
// (CMSDK_CM3.svd declares it 8 bits wide).
inline volatile std::uint8_t& reg8(std::uintptr_t address) {
    return *reinterpret_cast<volatile std::uint8_t*>(address);
}

// UART0 (CMSDK APB UART).
inline constexpr std::uintptr_t uart0 = 0x40004000;
inline constexpr std::uintptr_t uart_data = 0x00, uart_state = 0x04, uart_ctrl = 0x08,
                                uart_bauddiv = 0x10;
inline constexpr std::uint32_t state_txbf = 1u << 0, state_rxbf = 1u << 1, state_txov = 1u << 2,
                               state_rxov = 1u << 3;
inline constexpr std::uint32_t ctrl_txen = 1u << 0, ctrl_rxen = 1u << 1;
inline constexpr std::uint32_t bauddiv_115200 = 217;  // 25 MHz / 115200, rounded

// As uart<0, 25 MHz, 115200>::configure().
inline void uart0_configure() {
    while (reg(uart0 + uart_state) & state_txbf) {
    }
    reg(uart0 + uart_ctrl) = 0;
    reg(uart0 + uart_bauddiv) = bauddiv_115200;
    reg(uart0 + uart_state) = state_rxov | state_txov;
    reg(uart0 + uart_ctrl) = ctrl_txen | ctrl_rxen;
}

// TIMER0/TIMER1 (CMSDK APB timer).
inline constexpr std::uintptr_t timer0 = 0x40000000, timer1 = 0x40001000;
inline constexpr std::uintptr_t timer_ctrl = 0x0, timer_value = 0x4, timer_reload = 0x8,
                                timer_intstatus = 0xC;
inline constexpr std::uint32_t timer_enable = 1u << 0, timer_inten = 1u << 3;

// As timer<N>::delay_ms() for delays up to 85 s (one count).
inline void timer_wait_ticks(std::uintptr_t timer, std::uint32_t ticks) {
    reg(timer + timer_ctrl) = 0;
    reg(timer + timer_reload) = ticks;
    reg(timer + timer_value) = ticks;
    reg(timer + timer_intstatus) = 1;
    reg(timer + timer_ctrl) = timer_enable | timer_inten;
    while ((reg(timer + timer_intstatus) & 1u) == 0) {
    }
    reg(timer + timer_ctrl) = 0;
    reg(timer + timer_intstatus) = 1;
}

// As timer<N>::start_periodic().
inline void timer_start_periodic(std::uintptr_t timer, std::uint32_t ticks) {
    reg(timer + timer_ctrl) = 0;
    reg(timer + timer_reload) = ticks;
    reg(timer + timer_value) = ticks;
    reg(timer + timer_intstatus) = 1;
    reg(timer + timer_ctrl) = timer_enable | timer_inten;
}

// The FPGA I/O block.
inline constexpr std::uintptr_t fpgaio = 0x40028000;
inline constexpr std::uintptr_t fpgaio_led = 0x00, fpgaio_clk100hz = 0x14;

}  // namespace raw
