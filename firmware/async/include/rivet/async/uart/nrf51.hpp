// The async serial port on the nRF51 UART: one interrupt, on the RXDRDY and
// ERROR events (a byte, or a receive error, is there) and TXDRDY (the
// transmitter took the last byte). The UART has no transmit status besides
// TXDRDY, which nothing raises before the first byte: whether a byte is in
// flight is kept here, so the first write does not wait for an event that
// never comes. A flush ends with the last byte's TXDRDY (its stop bit may
// still be on the wire, as with the blocking driver).
//
//   using console = rivet::async::uart::serial<rivet::nrf51::uart::uart<24, 25>>;
#pragma once

#include <cstdint>

#include "rivet/async/uart/serial.hpp"
#include "rivet/nrf51/uart.hpp"

namespace rivet::async::uart {

template <unsigned TxPin, unsigned RxPin, std::uint32_t Baud>
struct port<nrf51::uart::uart<TxPin, RxPin, Baud>> {
    using blocking = nrf51::uart::uart<TxPin, RxPin, Baud>;
    static constexpr auto block = ::nrf51::UART0;
    static constexpr auto rx_irq = blocking::irq;
    static constexpr auto tx_irq = blocking::irq;
    // INTENSET/INTENCLR bits (nRF51 Reference Manual, UART).
    static constexpr std::uint32_t rxdrdy = 1u << 2, txdrdy = 1u << 7, error = 1u << 9;

    static void start() {
        block.intenclr().write(::nrf51::uart0::intenclr::value{rxdrdy | txdrdy | error});
        in_flight = false;
    }
    static bool rx_pending() {
        return block.events_rxdrdy().read().bits() != 0 || block.events_error().read().bits() != 0;
    }
    static bool tx_room() { return !in_flight || block.events_txdrdy().read().bits() != 0; }
    static void tx_put(std::uint8_t byte) {
        block.events_txdrdy().write(::nrf51::uart0::events_txdrdy::value{0});
        in_flight = true;
        block.txd().write(::nrf51::uart0::txd::value{byte});
    }
    static bool tx_done() { return tx_room(); }
    static void listen_rx(bool on) { enable(rxdrdy | error, on); }
    static void listen_tx(bool on) { enable(txdrdy, on); }
    static void listen_done(bool on) { enable(txdrdy, on); }
    // Taking a byte clears RXDRDY, sending one TXDRDY: nothing else to clear.
    static void acknowledge() {}

private:
    static void enable(std::uint32_t bits, bool on) {
        if (on) {
            block.intenset().write(::nrf51::uart0::intenset::value{bits});
        } else {
            block.intenclr().write(::nrf51::uart0::intenclr::value{bits});
        }
    }
    static inline volatile bool in_flight = false;
};

}  // namespace rivet::async::uart
