// What the async examples use of each board: interrupt lines nothing else
// raises, for interrupt executors (spare::low, spare::high; spare::third
// for the SRP tasks' examples, examples/tasks), the
// console UART's receive interrupt (console_rx; on the CMSDK boards also
// whether a byte waits, for uart_wait's regression build), and two
// LEDs, as far as the board has them, which the blinky tasks drive by
// number. lm3s6965evb: the status LED (PF0) and nothing;
// netduinoplus2: the user LED (PA10) and the power LED (PC13); mps2-an385
// and mps2-an505: the FPGA's LED0 and LED1; microbit: the display's (0, 0) and (4, 4)
// (the matrix shows LEDs of one row at a time, so only the last one set).
#pragma once

#include <rivet/async/time/board.hpp>
#include <rivet/hal/pins.hpp>

#include <cstdint>
#include <tuple>

#include "rivet/board/config.hpp"

// The bindings of an interrupt-driven serial port (rivet/async/uart/): its
// one interrupt, or on the CMSDK UART its receive and transmit interrupts.
#if __has_include(<rivet/bsp/mps2_an385.hpp>) || __has_include(<rivet/bsp/mps2_an505.hpp>)
#define PARTS_SERIAL_BINDINGS(serial) serial::rx_binding, serial::tx_binding
#else
#define PARTS_SERIAL_BINDINGS(serial) serial::binding
#endif

namespace parts {

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
namespace board = rivet::bsp::lm3s6965evb;
namespace spare {
inline constexpr auto low = board::irq::comp0;
inline constexpr auto high = board::irq::comp1;
inline constexpr auto third = board::irq::pwm0_fault;
}  // namespace spare
// The console UART's receive interrupt (UARTIM.RXIM and RTIM; ICR clears them).
namespace console_rx {
inline constexpr auto irq = board::console::irq;
inline void enable() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x038) =
        (1u << 4) | (1u << 6);
}
inline void clear() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x044) =
        (1u << 4) | (1u << 6);
}
}  // namespace console_rx
inline auto pins() {
    return std::tuple{board::status_led::configure()};
}
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::status_led{}.set_high() : board::status_led{}.set_low());
}
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
namespace board = rivet::bsp::netduinoplus2;
namespace spare {
inline constexpr auto low = board::irq::dma1_stream0;
inline constexpr auto high = board::irq::dma1_stream1;
inline constexpr auto third = board::irq::dma1_stream2;
}  // namespace spare
// The console USART's receive interrupt (CR1.RXNEIE; reading DR clears it).
namespace console_rx {
inline constexpr auto irq = board::console::irq;
inline void enable() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x0C) |= 1u << 5;
}
inline void clear() {}
}  // namespace console_rx
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::user_led{}.set_high() : board::user_led{}.set_low());
    if (which == 1) (void)(on ? board::power_led{}.set_high() : board::power_led{}.set_low());
}
inline auto pins() {
    return std::tuple{board::user_led::configure(), board::power_led::configure()};
}
#elif __has_include(<rivet/bsp/mps2_an385.hpp>) || __has_include(<rivet/bsp/mps2_an505.hpp>)
#if __has_include(<rivet/bsp/mps2_an385.hpp>)
namespace board = rivet::bsp::mps2_an385;
#else
namespace board = rivet::bsp::mps2_an505;
#endif
namespace spare {
inline constexpr auto low = board::irq::gpio0_6;
inline constexpr auto high = board::irq::gpio0_7;
inline constexpr auto third = board::irq::gpio0_5;
}  // namespace spare
// The console UART's receive interrupt (CTRL.RXINTEN; INTCLEAR bit 1).
namespace console_rx {
inline constexpr auto irq = board::console::rx_irq;
inline void enable() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x08) |= 1u << 3;
}
inline void clear() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x0C) = 1u << 1;
}
// Whether a byte waits in the one-byte receiver (STATE.RXFULL), unread.
inline bool byte_waiting() {
    return (*reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x04) &
            (1u << 1)) != 0;
}
}  // namespace console_rx
inline void set(unsigned which, bool on) {
    if (which == 0) (void)(on ? board::user_led0{}.set_high() : board::user_led0{}.set_low());
    if (which == 1) (void)(on ? board::user_led1{}.set_high() : board::user_led1{}.set_low());
}
inline auto pins() {
    return std::tuple{board::user_led0::configure(), board::user_led1::configure()};
}
#elif __has_include(<rivet/bsp/microbit.hpp>)
namespace board = rivet::bsp::microbit;
namespace spare {
inline constexpr auto low = board::irq::swi0;
inline constexpr auto high = board::irq::swi1;
inline constexpr auto third = board::irq::swi2;
}  // namespace spare
// The console UART's receive interrupt (INTENSET.RXDRDY; reading clears the event).
namespace console_rx {
inline constexpr auto irq = board::console::irq;
inline void enable() {
    *reinterpret_cast<volatile std::uint32_t*>(rivet::board::console_base + 0x304) = 1u << 2;
}
inline void clear() {}
}  // namespace console_rx
inline void set(unsigned which, bool on) {
    board::led_matrix display{};
    if (on) {
        display.light(which == 0 ? 0 : 4, which == 0 ? 0 : 4);
    } else {
        display.clear();
    }
}
inline auto pins() {
    return std::tuple{board::led_matrix::configure()};
}
#endif

}  // namespace parts
