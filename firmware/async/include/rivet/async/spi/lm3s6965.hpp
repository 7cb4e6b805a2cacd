// SSI0 as rivet::hal::async::spi_bus, and devices on it whose whole
// transaction (chip select, every operation, release) runs in SSI0's
// interrupt: the task that awaits sleeps until the last word is back.
//
//   using oled_bus = rivet::async::spi::lm3s6965_bus<clock_hz, 4'000'000, ssi::mode::mode3>;
//   RIVET_BIND_INTERRUPTS(oled_bus::binding, ...);
//   rivet::async::spi::lm3s6965_device oled{oled_bus::configure(), oled_cs::configure(high)};
//   co_await rivet::hal::async::spi::write(oled, pixels);
//
// The interrupt keeps at most 8 words in flight, as the blocking controller
// does: the receive FIFO half full (RXIM) or timed out (RTIM, silicon)
// drains it and refills the transmit FIFO. QEMU's PL022 has no receive
// timeout, so when the last words are queued the transmit interrupt (TXIM,
// FIFO half empty) is unmasked once as a nudge: under QEMU every word is
// back by then; on silicon it costs one early interrupt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "rivet/async/spi/transaction.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/hal/async/spi.hpp"
#include "rivet/lm3s6965/interrupts.hpp"
#include "rivet/lm3s6965/ssi.hpp"

namespace rivet::async::spi {

namespace detail::lm3s6965 {
inline transfer state{};
// The transmit interrupt was unmasked once as the nudge for the current
// operation's last words (QEMU: no receive timeout).
inline bool nudged = false;
}  // namespace detail::lm3s6965

// Bind `binding` (RIVET_BIND_INTERRUPTS), or no operation ever ends.
template <std::uint32_t ClockHz, std::uint32_t BitRate,
          ::rivet::lm3s6965::ssi::mode Mode = ::rivet::lm3s6965::ssi::mode::mode0,
          unsigned Priority = 0>
class lm3s6965_bus : public bus_operations<lm3s6965_bus<ClockHz, BitRate, Mode, Priority>> {
    using base = ::rivet::lm3s6965::ssi::hardware<ClockHz, BitRate, Mode>;
    static constexpr auto block = base::block;

public:
    using error_type = typename base::error_type;
    using result = rivet::hal::result<void, error_type>;
    static constexpr std::uint32_t bit_rate_hz = base::bit_rate_hz;
    static constexpr auto claimed_pins = base::claimed_pins;
    static constexpr auto claimed_peripheral = base::claimed_peripheral;
    static constexpr auto irq = ::rivet::lm3s6965::irq::ssi0;

    static lm3s6965_bus configure() {
        base::configure();
        block.im().write([](auto& r) { r.rxim(false); });
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
        return lm3s6965_bus{};
    }

    static void on_interrupt() {
        if (detail::lm3s6965::state.busy) step();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static detail::transfer& state() { return detail::lm3s6965::state; }
    // From the awaiter, chip select asserted: the first words go out here,
    // the rest from the handler.
    static void start() {
        detail::lm3s6965::nudged = false;
        (void)state().begin_operation();
        step();
    }

    static void wait_idle() {
        while (block.sr().read().bsy()) {
        }
    }

private:
    // Drains what came back, moves on, refills, or ends the transaction.
    static void step() {
        auto& s = detail::lm3s6965::state;
        for (;;) {
            if (s.index >= s.operations.size()) return finish(rivet::hal::success);
            while (s.received < s.words && block.sr().read().rne()) {
                s.word_in(s.received, static_cast<std::uint8_t>(block.dr().read().data()));
                ++s.received;
            }
            if (block.ris().read().rorris()) {
                block.icr().write([](auto& r) { r.roric(true); });
                return finish(rivet::hal::failure(error_type::overrun));
            }
            if (s.received < s.words) break;
            ++s.index;
            detail::lm3s6965::nudged = false;
            (void)s.begin_operation();
        }
        while (s.sent < s.words && s.sent - s.received < base::fifo_depth &&
               block.sr().read().tnf()) {
            block.dr().write(::lm3s6965::ssi0::dr::value{s.word_out(s.sent, base::filler)});
            ++s.sent;
        }
        const bool nudge = s.sent == s.words && !detail::lm3s6965::nudged;
        detail::lm3s6965::nudged = detail::lm3s6965::nudged || nudge;
        block.im().write([nudge](auto& r) { r.rxim(true).rtim(true).txim(nudge); });
    }

    static void finish(result outcome) {
        block.im().write([](auto& r) { r.rxim(false); });
        block.icr().write([](auto& r) { r.rtic(true); });
        detail::lm3s6965::state.finish(outcome);
    }
};

// One chip on SSI0 with its chip select (active low): see interrupt_device
// (rivet/async/spi/transaction.hpp).
template <class Bus, class Cs, class Delay = rivet::hal::no_delay>
using lm3s6965_device = interrupt_device<Bus, Cs, Delay>;

static_assert(rivet::hal::async::spi_bus<lm3s6965_bus<12'000'000, 1'000'000>>);

}  // namespace rivet::async::spi
