// The time driver on a CMSDK APB timer (TIMER0 or TIMER1): a period of
// 1/tick_hz reloaded by the hardware, its interrupt counting the ticks.
// Bind it once: RIVET_BIND_INTERRUPTS(driver::binding, ...), then
// driver::start().
#pragma once

#include <cstdint>

#include "rivet/async/time.hpp"
#include "rivet/cmsdk/timer.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"

namespace rivet::async::time_driver {

template <unsigned Index, std::uint32_t ClockHz, unsigned Priority = 0>
struct cmsdk {
    static_assert(ClockHz % tick_hz == 0, "this driver needs a whole number of clocks a tick");
    using timer = rivet::cmsdk::timer::timer<Index, ClockHz>;
    static constexpr auto irq = timer::irq;

    static void on_interrupt() {
        timer::clear_expired();
        tick();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void start() {
        auto t = timer::configure();
        t.start_periodic(ClockHz / tick_hz);
        cortex_m::nvic::set_priority<irq, Priority>();
        t.enable_interrupt();
    }
};

}  // namespace rivet::async::time_driver
