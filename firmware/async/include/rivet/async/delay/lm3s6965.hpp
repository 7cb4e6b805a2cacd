// An async delay on an LM3S6965 general-purpose timer (rivet/async/delay/timer.hpp):
// TIMERn's halves joined into one 32-bit one-shot counting the system clock,
// its time-out interrupt (TnA) waking the task.
//
//   using pause = rivet::async::delay::lm3s6965<2, board::clock_hz>;
//   RIVET_BIND_INTERRUPTS(pause::binding, ...);
//   auto d = pause::configure();
//   co_await d.delay_us(250);
#pragma once

#include <cstdint>

#include "rivet/async/delay/timer.hpp"
#include "rivet/lm3s6965/timer.hpp"

namespace rivet::async::delay {

namespace detail {
template <unsigned Index, std::uint32_t ClockHz>
struct lm3s6965_one_shot {
    static_assert(Index < 4, "the LM3S6965 has TIMER0 to TIMER3");
    static constexpr auto block = rivet::lm3s6965::timer::block_of<Index>();
    using regs = rivet::lm3s6965::timer::regs::tailr::value;
    static constexpr std::uint64_t tick_hz = ClockHz;
    static constexpr std::uint64_t max_load = 0xFFFF'FFFFu;
    static constexpr auto irq =
        rivet::lm3s6965::timer::irq_of(Index, rivet::lm3s6965::timer::half::a);

    static void configure() {
        rivet::lm3s6965::timer::detail::setup_32bit<Index>(
            rivet::lm3s6965::timer::regs::tamr::tamr_v::one_shot);
        block.imr().write([](auto& r) { r.tatoim(true); });
    }
    static void arm(std::uint32_t load) {
        block.ctl().write([](auto& r) { r.taen(false); });
        block.icr().write([](auto& r) { r.tatocint(true); });
        block.tailr().write(regs{load});
        block.ctl().write([](auto& r) { r.taen(true); });
    }
    static void acknowledge() {
        block.icr().write([](auto& r) { r.tatocint(true); });
    }
    // A one-shot stops itself at its time-out.
    static void stop() {}
};
}  // namespace detail

template <unsigned Index, std::uint32_t ClockHz, unsigned Priority = 0>
using lm3s6965 = timer_delay<detail::lm3s6965_one_shot<Index, ClockHz>, Priority>;

static_assert(rivet::hal::async::delay<lm3s6965<2, 12'000'000>>);

}  // namespace rivet::async::delay
