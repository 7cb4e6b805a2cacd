// The async serial port on a CMSDK APB UART (mps2-an385): an interrupt for
// each direction, both served by one handler (bind rx_binding and
// tx_binding). They are edges, raised when a byte arrives or the transmit
// buffer frees while enabled, not levels: the driver pends the interrupt
// itself when a byte or room was already there as it starts waiting. The
// UART tells when its buffer is free, not when the shifter is idle: a flush
// ends when the last byte has moved into the shifter, as with the blocking
// driver.
//
//   using console = rivet::async::uart::serial<rivet::cmsdk::uart::uart<0, clock, 115200>>;
#pragma once

#include <cstdint>

#include "rivet/async/uart/serial.hpp"
#include "rivet/cmsdk/uart.hpp"

namespace rivet::async::uart {

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t Baud, std::uint32_t MaxErrorPpm>
struct port<cmsdk::uart::uart<Index, ClockHz, Baud, MaxErrorPpm>> {
    using blocking = cmsdk::uart::uart<Index, ClockHz, Baud, MaxErrorPpm>;
    static constexpr auto block = cmsdk::uart::block_of<Index>();
    static constexpr auto rx_irq = blocking::rx_irq;
    static constexpr auto tx_irq = blocking::tx_irq;
    // CTRL's interrupt enables and INTCLEAR's bits (CMSDK APB UART TRM).
    static constexpr std::uint32_t txint = 1u << 2, rxint = 1u << 3;
    static constexpr std::uint32_t tx_clear = 1u << 0, rx_clear = 1u << 1;

    static void start() {
        enable(txint | rxint, false);
        acknowledge();
    }
    static bool rx_pending() {
        const auto state = block.state().read();
        return state.rxbf() || state.rxov();
    }
    static bool tx_room() { return !block.state().read().txbf(); }
    static void tx_put(std::uint8_t byte) { block.data().write(::cmsdk::uart0::data::value{byte}); }
    static bool tx_done() { return tx_room(); }
    static void listen_rx(bool on) { enable(rxint, on); }
    static void listen_tx(bool on) { enable(txint, on); }
    static void listen_done(bool on) { enable(txint, on); }
    static void acknowledge() {
        block.intclear().write(::cmsdk::uart0::intclear::value{tx_clear | rx_clear});
    }

private:
    static void enable(std::uint32_t bits, bool on) {
        block.ctrl().modify([bits, on](auto& r) {
            r.set_bits(static_cast<decltype(r.bits())>(on ? r.bits() | bits : r.bits() & ~bits));
        });
    }
};

}  // namespace rivet::async::uart
