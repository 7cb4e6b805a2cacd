// The nRF51 UART as rivet::hal::serial_write and serial_read, 8N1 without
// flow control. The nRF51 routes the UART to any pin (PSELTXD, PSELRXD), so
// the pins are template parameters, checked when compiling (in range and
// distinct) and claimed for rivet::hal::take. BAUDRATE is not a divisor but
// one of a fixed list of values; a baud rate not on the list does not
// compile.
//
// The UART has no FIFO status to poll before writing: a byte goes into TXD
// and the TXDRDY event says it has been taken. write() therefore clears
// TXDRDY, writes TXD and waits for TXDRDY, a byte at a time; that leaves
// TXDRDY set, which is also what Rivet's console driver expects (it shares
// the UART for logs and uses the same sequence).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "nrf51/uart0.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/serial.hpp"
#include "rivet/nrf51/gpio.hpp"
#include "rivet/nrf51/interrupts.hpp"

namespace rivet::nrf51::uart {

struct baud_setting {
    bool supported;
    ::nrf51::uart0::baudrate::baudrate_v value;
};

// The BAUDRATE register's enumerated values (nRF51 Reference Manual, UART
// chapter; the same list as nrf51.svd).
constexpr baud_setting baud_setting_for(std::uint32_t baud) {
    using v = ::nrf51::uart0::baudrate::baudrate_v;
    switch (baud) {
        case 1200:
            return {true, v::baud1200};
        case 2400:
            return {true, v::baud2400};
        case 4800:
            return {true, v::baud4800};
        case 9600:
            return {true, v::baud9600};
        case 14400:
            return {true, v::baud14400};
        case 19200:
            return {true, v::baud19200};
        case 28800:
            return {true, v::baud28800};
        case 31250:
            return {true, v::baud31250};
        case 38400:
            return {true, v::baud38400};
        case 56000:
            return {true, v::baud56000};
        case 57600:
            return {true, v::baud57600};
        case 76800:
            return {true, v::baud76800};
        case 115200:
            return {true, v::baud115200};
        case 230400:
            return {true, v::baud230400};
        case 250000:
            return {true, v::baud250000};
        case 460800:
            return {true, v::baud460800};
        case 921600:
            return {true, v::baud921600};
        case 1000000:
            return {true, v::baud1m};
        default:
            return {false, v::baud1200};
    }
}

template <unsigned TxPin, unsigned RxPin, std::uint32_t Baud = 115200>
class uart {
    static_assert(TxPin < gpio::pin_count && RxPin < gpio::pin_count,
                  "the nRF51 has pins P0.0 to P0.31");
    static_assert(TxPin != RxPin, "UART TX and RX must be different pins");
    static constexpr baud_setting baud = baud_setting_for(Baud);
    static_assert(baud.supported,
                  "the nRF51 UART cannot make this baud rate: BAUDRATE takes 1200, 2400, 4800, "
                  "9600, 14400, 19200, 28800, 31250, 38400, 56000, 57600, 76800, 115200, 230400, "
                  "250000, 460800, 921600 or 1000000");

    static constexpr auto block = ::nrf51::UART0;

public:
    using error_type = rivet::hal::serial::error_kind;
    // UART0's interrupt (its events, as enabled in INTENSET).
    static constexpr nrf51::irq irq = nrf51::irq::uart0;
    static constexpr unsigned tx_pin = TxPin;
    static constexpr unsigned rx_pin = RxPin;
    static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{gpio::pin_id_of(TxPin),
                                                                    gpio::pin_id_of(RxPin)};

    // The pins are set up by hand (the UART takes them over only while
    // enabled): TX an output idling high, RX an input. PSEL and BAUDRATE
    // may only change while the UART is disabled.
    static uart configure() {
        block.enable().write([](auto& r) { r.enable(::nrf51::uart0::enable::enable_v::disabled); });
        ::nrf51::GPIO.outset().write(::nrf51::gpio::outset::value{gpio::mask_of(TxPin)});
        gpio::detail::make_output(TxPin);
        gpio::detail::make_input(RxPin, gpio::pull::none);
        block.pseltxd().write(::nrf51::uart0::pseltxd::value{TxPin});
        block.pselrxd().write(::nrf51::uart0::pselrxd::value{RxPin});
        block.baudrate().write([](auto& r) { r.baudrate(baud.value); });
        block.config().write(::nrf51::uart0::config::value{0});  // no parity, no flow control
        // RXDRDY is left alone: bytes the console's receiver already holds
        // stay readable (clearing it would strand them in the receiver).
        block.events_error().write(::nrf51::uart0::events_error::value{0});
        block.enable().write([](auto& r) { r.enable(::nrf51::uart0::enable::enable_v::enabled); });
        block.tasks_starttx().write(::nrf51::uart0::tasks_starttx::value{1});
        block.tasks_startrx().write(::nrf51::uart0::tasks_startrx::value{1});
        return uart{};
    }

    // Sends every byte, each one waited for (TXDRDY), so the call returns
    // when the last byte has been taken by the transmitter.
    rivet::hal::result<std::size_t, error_type> write(std::span<const std::uint8_t> bytes) {
        for (const std::uint8_t byte : bytes) put(byte);
        return bytes.size();
    }

    // One byte: clear TXDRDY, write TXD, wait for TXDRDY.
    static void put(std::uint8_t byte) {
        block.events_txdrdy().write(::nrf51::uart0::events_txdrdy::value{0});
        block.txd().write(::nrf51::uart0::txd::value{byte});
        while (block.events_txdrdy().read().bits() == 0) {
        }
    }

    // write() already waited for each byte; the nRF51 has no "transmitter
    // idle" flag to wait on beyond that (the last byte's stop bit may still
    // be on the wire for one character time).
    rivet::hal::result<void, error_type> flush() { return rivet::hal::success; }

    // RXDRDY (a byte in RXD) or ERROR (read() reports it).
    rivet::hal::result<bool, error_type> read_ready() const {
        return block.events_rxdrdy().read().bits() != 0 || block.events_error().read().bits() != 0;
    }

    // Blocks for the first byte, then takes what has arrived. RXDRDY is
    // cleared before RXD is read: reading RXD raises RXDRDY again when more
    // bytes wait (the receiver holds up to 6), clearing it afterwards would
    // lose them. A receive error (ERROR event) is reported, its ERRORSRC bits
    // cleared, and the byte in RXD dropped.
    rivet::hal::result<std::size_t, error_type> read(std::span<std::uint8_t> into) {
        if (into.empty()) return std::size_t{0};
        while (block.events_rxdrdy().read().bits() == 0 &&
               block.events_error().read().bits() == 0) {
        }
        std::size_t count = 0;
        while (count < into.size()) {
            if (block.events_error().read().bits() != 0) return failure_from_errorsrc();
            if (block.events_rxdrdy().read().bits() == 0) break;
            block.events_rxdrdy().write(::nrf51::uart0::events_rxdrdy::value{0});
            into[count++] = static_cast<std::uint8_t>(block.rxd().read().rxd());
        }
        return count;
    }

private:
    static rivet::hal::result<std::size_t, error_type> failure_from_errorsrc() {
        const auto source = block.errorsrc().read();
        block.errorsrc().write(source);  // write-one-to-clear
        block.events_error().write(::nrf51::uart0::events_error::value{0});
        using present = ::nrf51::uart0::errorsrc::overrun_r;
        if (source.overrun() == present::present) return rivet::hal::failure(error_type::overrun);
        if (source.parity() == present::present) return rivet::hal::failure(error_type::parity);
        return rivet::hal::failure(error_type::framing);  // FRAMING or BREAK
    }
};

static_assert(rivet::hal::serial_write<uart<24, 25>>);
static_assert(rivet::hal::serial_read_ready<uart<24, 25>>);

}  // namespace rivet::nrf51::uart
