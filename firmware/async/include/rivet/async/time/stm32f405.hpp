// The time driver on an STM32F405 general-purpose timer (TIM2-TIM5): an
// update every 1/tick_hz, its interrupt counting the ticks. TimerClockHz is
// the timer's clock (board::timer_clock_hz). Bind it once:
// RIVET_BIND_INTERRUPTS(driver::binding, ...), then driver::start().
#pragma once

#include <cstdint>

#include "rivet/async/time.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/stm32f405/timer.hpp"

namespace rivet::async::time_driver {

template <rivet::stm32f405::timer::id Timer, std::uint32_t TimerClockHz, unsigned Priority = 0>
struct stm32f405 {
    static_assert(1'000'000 % tick_hz == 0,
                  "this driver needs a whole number of microseconds a tick");
    using timer = rivet::stm32f405::timer::periodic<Timer, TimerClockHz, 1'000'000 / tick_hz>;
    static constexpr auto irq = timer::irq;

    static void on_interrupt() {
        timer::clear_update();
        tick();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void start() {
        timer::configure();
        cortex_m::nvic::set_priority<irq, Priority>();
        timer::enable_interrupt();
    }
};

}  // namespace rivet::async::time_driver
