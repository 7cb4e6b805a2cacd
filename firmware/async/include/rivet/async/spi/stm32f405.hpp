// SPI1..3 of the STM32F405 as rivet::hal::async::spi_bus, and devices on them
// (rivet/async/spi/transaction.hpp) whose whole transaction (chip select,
// every operation, release) runs in the SPI's interrupt: the task that awaits
// sleeps until the last word is back.
//
//   using bus = rivet::async::spi::stm32f405_bus<2, sck, miso, mosi, clock_hz, 1'000'000>;
//   RIVET_BIND_INTERRUPTS(bus::binding, ...);
//   rivet::async::spi::stm32f405_device chip{bus::configure(), cs::configure()};
//   co_await rivet::hal::async::spi::write(chip, bytes);
//
// One word is in flight at a time, so the receiver never overruns however
// late the handler runs: the handler writes a word to DR, and RXNE (RXNEIE)
// brings it back once that word has been exchanged. The awaiter starts a
// transaction by pending the SPI's interrupt (TXE would be set then, but
// QEMU 7.2's SPI model raises no interrupt at all: it stores CR2 and
// ignores it). QEMU's model exchanges a word the moment DR is written, so
// there the handler finds every RXNE already set and moves the whole
// transaction in that one run; on silicon it returns after each word.
#pragma once

#include <cstdint>

#include "rivet/async/spi/transaction.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/spi.hpp"

namespace rivet::async::spi {

namespace detail::stm32f405 {
// The transaction in flight on SPI1, SPI2, SPI3.
template <unsigned Index>
inline transfer state{};
}  // namespace detail::stm32f405

// Bind `binding` (RIVET_BIND_INTERRUPTS), or no operation ever ends. The
// arguments are those of rivet::stm32f405::spi::controller, which claims
// the same SPI and pins: taking both does not compile.
template <unsigned Index, rivet::hal::pin_id Sck, rivet::hal::pin_id Miso, rivet::hal::pin_id Mosi,
          std::uint32_t ClockHz, std::uint32_t MaxSckHz,
          rivet::stm32f405::spi::mode Mode = rivet::stm32f405::spi::mode::mode0,
          unsigned Priority = 0>
class stm32f405_bus
    : public bus_operations<
          stm32f405_bus<Index, Sck, Miso, Mosi, ClockHz, MaxSckHz, Mode, Priority>> {
    using base = rivet::stm32f405::spi::hardware<Index, Sck, Miso, Mosi, ClockHz, MaxSckHz, Mode>;
    using flags = std::uint16_t;

public:
    using error_type = typename base::error_type;
    using result = rivet::hal::result<void, error_type>;
    static constexpr std::uint32_t sck_hz = base::sck_hz;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;
    static constexpr auto irq = base::irq;

    static stm32f405_bus configure() {
        base::configure();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return stm32f405_bus{};
    }

    static void on_interrupt() {
        if (state().busy) step();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static detail::transfer& state() { return detail::stm32f405::state<Index>; }
    // From the awaiter, chip select asserted: the handler takes it from here.
    static void start() {
        (void)state().begin_operation();
        cortex_m::nvic::pend<irq>();
    }
    static void wait_idle() {
        while ((base::status() & rivet::stm32f405::spi::bits::sr_bsy) != 0) {
        }
    }

private:
    // Receives the word in flight, sends the next, moves to the next
    // operation, or ends the transaction; returns waiting for RXNE. One
    // status read a word.
    static void step() {
        namespace bits = rivet::stm32f405::spi::bits;
        detail::transfer& s = state();
        // Nothing but delays and empty operations: begin_operation ran them.
        if (s.index >= s.operations.size()) return finish(rivet::hal::success);
        for (;;) {
            const flags status = base::status();
            if ((status & bits::sr_ovr) != 0) {
                // Cleared by reading DR, then SR (RM0090, SPI overrun).
                (void)base::take();
                (void)base::status();
                return finish(rivet::hal::failure(error_type::overrun));
            }
            if (s.received < s.sent) {
                if ((status & bits::sr_rxne) == 0) break;
                s.word_in(s.received, base::take());
                if (++s.received == s.words) {
                    ++s.index;
                    if (!s.begin_operation()) return finish(rivet::hal::success);
                }
                // The word just received had left DR for the shifter before
                // it came back: TXE is set.
            } else if ((status & bits::sr_txe) == 0) {
                break;
            }
            base::put(s.word_out(s.sent, base::filler));
            ++s.sent;
        }
        base::listen_rx(true);
    }

    static void finish(result outcome) {
        base::listen_rx(false);
        state().finish(outcome);
    }
};

// One chip on an STM32F405 SPI with its chip select (active low): see
// interrupt_device (rivet/async/spi/transaction.hpp).
template <class Bus, class Cs, class Delay = rivet::hal::no_delay>
using stm32f405_device = interrupt_device<Bus, Cs, Delay>;

static_assert(
    rivet::hal::async::spi_bus<
        stm32f405_bus<2, rivet::stm32f405::gpio::pin_id_of(rivet::stm32f405::gpio::port::b, 13),
                      rivet::stm32f405::gpio::pin_id_of(rivet::stm32f405::gpio::port::b, 14),
                      rivet::stm32f405::gpio::pin_id_of(rivet::stm32f405::gpio::port::b, 15),
                      16'000'000, 1'000'000>>);

}  // namespace rivet::async::spi
