// The async serial port on an STM32F405 USART: one interrupt, on RXNE (a
// byte, maybe with an error flag, in DR), TXE (DR free) and TC (the last
// byte has left the shift register: the flush is exact).
//
//   using usart1 = rivet::stm32f405::usart::usart<1, tx, rx, clock, 115200>;
//   using console = rivet::async::uart::serial<usart1>;
#pragma once

#include <cstdint>

#include "rivet/async/uart/serial.hpp"
#include "rivet/stm32f405/usart.hpp"

namespace rivet::async::uart {

template <unsigned Index, hal::pin_id Tx, hal::pin_id Rx, std::uint32_t ClockHz, std::uint32_t Baud,
          std::uint32_t MaxErrorPpm>
struct port<stm32f405::usart::usart<Index, Tx, Rx, ClockHz, Baud, MaxErrorPpm>> {
    using blocking = stm32f405::usart::usart<Index, Tx, Rx, ClockHz, Baud, MaxErrorPpm>;
    static constexpr auto block = stm32f405::usart::block_of<Index>();
    static constexpr auto rx_irq = blocking::irq;
    static constexpr auto tx_irq = blocking::irq;
    // SR flags and their CR1 interrupt enables (RM0090, USART registers).
    static constexpr std::uint32_t txe = 1u << 7, tc = 1u << 6, rxne = 1u << 5;
    static constexpr std::uint32_t txeie = 1u << 7, tcie = 1u << 6, rxneie = 1u << 5;

    static void start() { enable(txeie | tcie | rxneie, false); }
    static bool rx_pending() { return (block.sr().read().bits() & rxne) != 0; }
    static bool tx_room() { return (block.sr().read().bits() & txe) != 0; }
    static void tx_put(std::uint8_t byte) {
        block.dr().write(::stm32f405::usart1::dr::value{byte});
    }
    static bool tx_done() { return (block.sr().read().bits() & tc) != 0; }
    static void listen_rx(bool on) { enable(rxneie, on); }
    static void listen_tx(bool on) { enable(txeie, on); }
    static void listen_done(bool on) { enable(tcie, on); }
    // Each flag clears as the byte is read or written.
    static void acknowledge() {}

private:
    static void enable(std::uint32_t bits, bool on) {
        block.cr1().modify([bits, on](auto& r) {
            r.set_bits(static_cast<decltype(r.bits())>(on ? r.bits() | bits : r.bits() & ~bits));
        });
    }
};

}  // namespace rivet::async::uart
