// The time driver on an nRF51 TIMER: COMPARE[0] every 1/tick_hz at 1 MHz,
// restarted by the COMPARE0_CLEAR shortcut in hardware (no drift), its
// interrupt counting the ticks. Bind it once: RIVET_BIND_INTERRUPTS(
// driver::binding, ...), then driver::start().
#pragma once

#include <cstdint>

#include "nrf51/timer0.hpp"
#include "rivet/async/time.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/nrf51/timer.hpp"

namespace rivet::async::time_driver {

template <unsigned Index, unsigned Priority = 0>
struct nrf51 {
    using timer = rivet::nrf51::timer::timer<Index, 4>;  // 1 MHz
    static_assert(timer::tick_hz % tick_hz == 0,
                  "this driver needs a whole number of microseconds a tick");
    static constexpr std::uint32_t period = timer::tick_hz / tick_hz;
    static_assert(period <= timer::max_ticks, "the tick is too long for this timer");
    static constexpr auto irq = timer::irq;
    static constexpr ::nrf51::timer0::block block = Index == 0   ? ::nrf51::TIMER0
                                                    : Index == 1 ? ::nrf51::TIMER1
                                                                 : ::nrf51::TIMER2;

    static void on_interrupt() {
        timer t;
        if (t.period_elapsed()) tick();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void start() {
        auto t = timer::configure();
        t.start_periodic(period);
        block.intenset().write(::nrf51::timer0::intenset::value{1u << 16});  // COMPARE[0]
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::clear_pending<irq>();
        cortex_m::nvic::enable<irq>();
    }
};

}  // namespace rivet::async::time_driver
