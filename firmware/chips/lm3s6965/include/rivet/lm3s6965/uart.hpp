// UART0..2 (PL011) as rivet::hal::serial_write and serial_read, 8N1 with
// FIFOs. The baud divisor is computed when compiling from the clock and the
// baud rate; a rate the clock cannot make (IBRD out of 1..65535), or not
// within the tolerance (2 % by default, a template parameter), does not
// compile. With IBRD >= 1 rounding to 1/64 costs at most 0.8 %, so the
// default tolerance matters for slow clocks only; a link partner that needs
// better asks for it: uart<0, clock, 115200, 500> (0.05 %).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "lm3s6965/uart0.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/serial.hpp"
#include "rivet/lm3s6965/gpio.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/sysctl.hpp"

namespace rivet::lm3s6965::uart {

// The PL011 divides the clock by 16 * (IBRD + FBRD / 64).
struct baud_divisor {
    std::uint32_t integer;    // IBRD, 1..65535
    std::uint32_t fraction;   // FBRD, 0..63
    std::uint32_t error_ppm;  // |actual - wanted| / wanted, parts per million
};

constexpr baud_divisor divisor_for(std::uint64_t clock_hz, std::uint64_t baud) {
    // In 64ths, rounded to nearest: 64 * clock / (16 * baud) = 4 * clock / baud.
    const std::uint64_t sixty_fourths = (8 * clock_hz / baud + 1) / 2;
    const std::uint64_t actual = sixty_fourths == 0 ? 0 : 4 * clock_hz / sixty_fourths;
    const std::uint64_t difference = actual > baud ? actual - baud : baud - actual;
    return {static_cast<std::uint32_t>(sixty_fourths >> 6),
            static_cast<std::uint32_t>(sixty_fourths & 63),
            static_cast<std::uint32_t>(difference * 1'000'000 / baud)};
}

inline constexpr std::uint32_t default_max_baud_error_ppm = 20'000;  // 2 %: safe for 8N1

template <unsigned Index>
constexpr ::lm3s6965::uart0::block block_of() {
    if constexpr (Index == 0)
        return ::lm3s6965::UART0;
    else if constexpr (Index == 1)
        return ::lm3s6965::UART1;
    else
        return ::lm3s6965::UART2;
}

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t Baud,
          std::uint32_t MaxErrorPpm = default_max_baud_error_ppm>
class uart {
    static_assert(Index < 3, "the LM3S6965 has UART0, UART1 and UART2");
    static_assert(Baud > 0, "the baud rate must not be 0");
    static constexpr baud_divisor divisor = divisor_for(ClockHz, Baud);
    static_assert(divisor.integer >= 1 && divisor.integer <= 65535,
                  "baud rate out of range for this clock: IBRD must be 1..65535");
    static_assert(divisor.error_ppm <= MaxErrorPpm,
                  "baud rate out of tolerance: this clock cannot make it within MaxErrorPpm");

    static constexpr auto block = block_of<Index>();

public:
    using error_type = rivet::hal::serial::error_kind;
    static constexpr std::uint32_t baud_error_ppm = divisor.error_ppm;
    // The UART's interrupt (receive, transmit and errors share it).
    static constexpr lm3s6965::irq irq = Index == 0   ? lm3s6965::irq::uart0
                                         : Index == 1 ? lm3s6965::irq::uart1
                                                      : lm3s6965::irq::uart2;
    // RX and TX: UART0 PA0/PA1, UART1 PD2/PD3, UART2 PG0/PG1.
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins =
        Index == 0
            ? std::array{gpio::pin_id_of(gpio::port::a, 0), gpio::pin_id_of(gpio::port::a, 1)}
        : Index == 1
            ? std::array{gpio::pin_id_of(gpio::port::d, 2), gpio::pin_id_of(gpio::port::d, 3)}
            : std::array{gpio::pin_id_of(gpio::port::g, 0), gpio::pin_id_of(gpio::port::g, 1)};

    // Clocks the UART and its pins, then 8 data bits, no parity, one stop
    // bit, FIFOs on, transmitter and receiver on.
    static uart configure() {
        if constexpr (Index == 0) {
            sysctl::enable_clock<sysctl::peripheral::uart0>();
            gpio::alternate_pin<gpio::port::a, 0, gpio::signal::u0rx>::configure();
            gpio::alternate_pin<gpio::port::a, 1, gpio::signal::u0tx>::configure();
        } else if constexpr (Index == 1) {
            sysctl::enable_clock<sysctl::peripheral::uart1>();
            gpio::alternate_pin<gpio::port::d, 2, gpio::signal::u1rx>::configure();
            gpio::alternate_pin<gpio::port::d, 3, gpio::signal::u1tx>::configure();
        } else {
            sysctl::enable_clock<sysctl::peripheral::uart2>();
            gpio::alternate_pin<gpio::port::g, 0, gpio::signal::u2rx>::configure();
            gpio::alternate_pin<gpio::port::g, 1, gpio::signal::u2tx>::configure();
        }
        // Wait for a character in flight before reprogramming (the console
        // may have been printing).
        while (block.fr().read().busy()) {
        }
        block.ctl().modify([](auto& r) { r.uarten(false); });
        block.ibrd().write([](auto& r) { r.divint(divisor.integer); });
        block.fbrd().write([](auto& r) { r.divfrac(divisor.fraction); });
        // LCRH latches IBRD and FBRD, so it comes after them.
        block.lcrh().write(
            [](auto& r) { r.wlen(::lm3s6965::uart0::lcrh::wlen_v::bits8).fen(true); });
        block.ctl().modify([](auto& r) { r.uarten(true).txe(true).rxe(true); });
        return uart{};
    }

    // Blocks until the FIFO has room, then queues as many bytes as fit.
    rivet::hal::result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        if (bytes.empty()) return std::size_t{0};
        while (block.fr().read().txff()) {
        }
        // The wait made room for one byte: queue it without asking again.
        std::size_t taken = 0;
        do {
            block.dr().write(::lm3s6965::uart0::dr::value{bytes[taken]});
            ++taken;
        } while (taken < bytes.size() && !block.fr().read().txff());
        return taken;
    }

    rivet::hal::result<void, error_type> flush() {
        while (block.fr().read().busy()) {
        }
        return rivet::hal::success;
    }

    // A byte (or a byte received with an error) waits in the receive FIFO.
    rivet::hal::result<bool, error_type> read_ready() const { return !block.fr().read().rxfe(); }

    // Blocks for the first byte, then takes what the FIFO holds. A byte
    // received with an error is reported (and dropped).
    rivet::hal::result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (into.empty()) return std::size_t{0};
        while (block.fr().read().rxfe()) {
        }
        std::size_t count = 0;
        while (count < into.size() && !block.fr().read().rxfe()) {
            const auto received = block.dr().read();
            if (received.oe()) return rivet::hal::failure(error_type::overrun);
            if (received.fe()) return rivet::hal::failure(error_type::framing);
            if (received.pe()) return rivet::hal::failure(error_type::parity);
            if (received.be()) return rivet::hal::failure(error_type::framing);
            into[count++] = static_cast<std::uint8_t>(received.data());
        }
        return count;
    }
};

static_assert(rivet::hal::serial_write<uart<0, 12'500'000, 115200>>);
static_assert(rivet::hal::serial_read_ready<uart<0, 12'500'000, 115200>>);

}  // namespace rivet::lm3s6965::uart
