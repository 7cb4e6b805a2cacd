// The CMSDK APB UART (UART0..UART4 of the MPS2 AN385) as
// rivet::hal::serial_write and serial_read: 8N1 is all it does.
//
// The baud rate is clock / BAUDDIV with a whole-number BAUDDIV of at least
// 16 (the TRM's minimum: the receiver samples 16 times a bit; QEMU refuses
// to send with less). BAUDDIV is computed when compiling; a rate the clock
// cannot make (BAUDDIV below 16 or above its 20 bits), or further off than
// the tolerance (2 % by default, a template parameter), does not compile.
//
// The UART buffers one byte each way, with no FIFO: read() gets at most the
// byte in the receive buffer, so callers loop (rivet::hal::read_exact).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "cmsdk_cm3/uart0.hpp"
#include "rivet/cmsdk/interrupts.hpp"
#include "rivet/cmsdk/pins.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/serial.hpp"

namespace rivet::cmsdk::uart {

struct baud_divisor {
    std::uint32_t bauddiv;
    std::uint32_t error_ppm;  // |actual - wanted| / wanted, parts per million
};

constexpr baud_divisor divisor_for(std::uint64_t clock_hz, std::uint64_t baud) {
    const std::uint64_t bauddiv = (clock_hz + baud / 2) / baud;  // nearest
    const std::uint64_t actual = bauddiv == 0 ? 0 : clock_hz / bauddiv;
    const std::uint64_t difference = actual > baud ? actual - baud : baud - actual;
    return {static_cast<std::uint32_t>(bauddiv),
            static_cast<std::uint32_t>(difference * 1'000'000 / baud)};
}

inline constexpr std::uint32_t min_bauddiv = 16;
inline constexpr std::uint32_t max_bauddiv = (1u << 20) - 1;
inline constexpr std::uint32_t default_max_baud_error_ppm = 20'000;  // 2 %: safe for 8N1
inline constexpr unsigned uart_count = 5;

template <unsigned Index>
constexpr ::cmsdk::uart0::block block_of() {
    if constexpr (Index == 0)
        return ::cmsdk::UART0;
    else if constexpr (Index == 1)
        return ::cmsdk::UART1;
    else if constexpr (Index == 2)
        return ::cmsdk::UART2;
    else if constexpr (Index == 3)
        return ::cmsdk::UART3;
    else
        return ::cmsdk::UART4;
}

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t Baud,
          std::uint32_t MaxErrorPpm = default_max_baud_error_ppm>
class uart {
    static_assert(Index < uart_count, "the MPS2 AN385 has UART0 to UART4");
    static_assert(Baud > 0, "the baud rate must not be 0");
    static constexpr baud_divisor divisor = divisor_for(ClockHz, Baud);
    static_assert(divisor.bauddiv >= min_bauddiv && divisor.bauddiv <= max_bauddiv,
                  "baud rate out of range for this clock: BAUDDIV must be 16..1048575");
    static_assert(divisor.error_ppm <= MaxErrorPpm,
                  "baud rate out of tolerance: this clock cannot make it within MaxErrorPpm");

    static constexpr auto block = block_of<Index>();
    using ctrl_bit = ::cmsdk::uart0::ctrl::hstx_v;  // the SVD shares one enable/disable enum

public:
    using error_type = rivet::hal::serial::error_kind;
    static constexpr unsigned index = Index;
    static constexpr std::uint32_t bauddiv = divisor.bauddiv;
    static constexpr std::uint32_t baud_error_ppm = divisor.error_ppm;
    // The receive and transmit interrupts.
    static constexpr cmsdk::irq rx_irq =
        std::array{cmsdk::irq::uart0_rx, cmsdk::irq::uart1_rx, cmsdk::irq::uart2_rx,
                   cmsdk::irq::uart3_rx, cmsdk::irq::uart4_rx}[Index];
    static constexpr cmsdk::irq tx_irq =
        std::array{cmsdk::irq::uart0_tx, cmsdk::irq::uart1_tx, cmsdk::irq::uart2_tx,
                   cmsdk::irq::uart3_tx, cmsdk::irq::uart4_tx}[Index];
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{pins::uart_rx(Index),
                                                                    pins::uart_tx(Index)};

    // Sets the divisor with the UART off (the console may have been using
    // it), clears stale overrun flags, then enables both directions, no
    // interrupts.
    static uart configure() {
        while (block.state().read().txbf()) {
        }
        block.ctrl().write(::cmsdk::uart0::ctrl::value{});
        block.bauddiv().write(::cmsdk::uart0::bauddiv::value{divisor.bauddiv});
        block.state().write([](auto& r) { r.rxov(true).txov(true); });
        block.ctrl().write([](auto& r) { r.txen(ctrl_bit::enable).rxen(ctrl_bit::enable); });
        return uart{};
    }

    // Waits until the transmit buffer is free, then hands over bytes as long
    // as it takes them (one, unless the line drains as fast as the core
    // writes, as under QEMU).
    rivet::hal::result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        if (bytes.empty()) return std::size_t{0};
        while (block.state().read().txbf()) {
        }
        std::size_t taken = 0;
        do {
            block.data().write(::cmsdk::uart0::data::value{bytes[taken]});
            ++taken;
        } while (taken < bytes.size() && !block.state().read().txbf());
        return taken;
    }

    // The UART tells when its buffer is free, not when the shift register
    // is idle: flush() returns once the last byte has moved into the
    // shifter, which may still be sending it.
    rivet::hal::result<void, error_type> flush() {
        while (block.state().read().txbf()) {
        }
        return rivet::hal::success;
    }

    // A byte in the receive buffer, or an overrun for read() to report.
    rivet::hal::result<bool, error_type> read_ready() const {
        const auto state = block.state().read();
        return state.rxbf() || state.rxov();
    }

    // Blocks for a byte. A receive overrun (a byte arrived while the buffer
    // was full) is reported once, and its flag cleared.
    rivet::hal::result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (into.empty()) return std::size_t{0};
        for (;;) {
            const auto state = block.state().read();
            if (state.rxov()) {
                block.state().write([](auto& r) { r.rxov(true); });
                return rivet::hal::failure(error_type::overrun);
            }
            if (state.rxbf()) break;
        }
        std::size_t count = 0;
        do {
            into[count++] = block.data().read().bits();
        } while (count < into.size() && block.state().read().rxbf());
        return count;
    }
};

static_assert(rivet::hal::serial_write<uart<0, 25'000'000, 115200>>);
static_assert(rivet::hal::serial_read_ready<uart<0, 25'000'000, 115200>>);

}  // namespace rivet::cmsdk::uart
