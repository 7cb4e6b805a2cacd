// The async serial port on an LM3S6965 UART (PL011): one interrupt for
// both directions; receive (RXIM, and RTIM for the bytes below the FIFO's
// trigger level), transmit (TXIM: the FIFO drained to its trigger level).
// The PL011 has no "last bit sent" interrupt: a flush waits for the
// transmit interrupt, then for the FIFO's last bytes and the shifter (BUSY),
// at most the few characters below the trigger level (2 of 16 with TXIFLSEL
// at 1/8: 260 us at 115200 baud), in the handler.
//
//   using console = rivet::async::uart::serial<rivet::lm3s6965::uart::uart<0, clock, 115200>>;
#pragma once

#include <cstdint>

#include "rivet/async/uart/serial.hpp"
#include "rivet/lm3s6965/uart.hpp"

namespace rivet::async::uart {

template <unsigned Index, std::uint32_t ClockHz, std::uint32_t Baud, std::uint32_t MaxErrorPpm>
struct port<lm3s6965::uart::uart<Index, ClockHz, Baud, MaxErrorPpm>> {
    using blocking = lm3s6965::uart::uart<Index, ClockHz, Baud, MaxErrorPpm>;
    static constexpr auto block = lm3s6965::uart::block_of<Index>();
    static constexpr auto rx_irq = blocking::irq;
    static constexpr auto tx_irq = blocking::irq;

    static void start() {
        block.im().write([](auto&) {});
        // The SVD gives both levels one enum.
        block.ifls().write([](auto& r) {
            r.txiflsel(::lm3s6965::uart0::ifls::txiflsel_v::eighth)
                .rxiflsel(::lm3s6965::uart0::ifls::txiflsel_v::half);
        });
        acknowledge();
    }
    static bool rx_pending() { return !block.fr().read().rxfe(); }
    static bool tx_room() { return !block.fr().read().txff(); }
    static void tx_put(std::uint8_t byte) { block.dr().write(::lm3s6965::uart0::dr::value{byte}); }
    static bool tx_done() {
        const auto flags = block.fr().read();
        return flags.txfe() && !flags.busy();
    }
    static void drain() {
        while (!tx_done()) {
        }
    }
    static void listen_rx(bool on) {
        block.im().modify([on](auto& r) { r.rxim(on).rtim(on); });
    }
    static void listen_tx(bool on) {
        block.im().modify([on](auto& r) { r.txim(on); });
    }
    static void listen_done(bool on) { listen_tx(on); }
    static void acknowledge() {
        block.icr().write([](auto& r) { r.rxic(true).txic(true).rtic(true); });
    }
};

}  // namespace rivet::async::uart
