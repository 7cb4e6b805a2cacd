// The time driver on an LM3S6965 general-purpose timer: TIMERn as one
// 32-bit periodic timer of 1/tick_hz, whose time-out interrupt counts the
// ticks. Bind it once: RIVET_BIND_INTERRUPTS(driver::binding, ...), then
// driver::start().
#pragma once

#include <cstdint>

#include "rivet/async/time.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/lm3s6965/timer.hpp"

namespace rivet::async::time_driver {

template <unsigned Index, std::uint32_t ClockHz, unsigned Priority = 0>
struct lm3s6965 {
    static_assert(1'000'000 % tick_hz == 0,
                  "this driver needs a whole number of microseconds a tick");
    using timer = rivet::lm3s6965::timer::periodic<Index, ClockHz, 1'000'000 / tick_hz>;
    static constexpr auto irq = timer::irq;

    static void on_interrupt() {
        timer::clear();
        tick();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void start() {
        auto t = timer::configure();
        t.enable_interrupt();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
    }
};

}  // namespace rivet::async::time_driver
