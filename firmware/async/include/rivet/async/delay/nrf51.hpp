// An async delay on an nRF51 TIMER (rivet/async/delay/timer.hpp) at 1 MHz:
// each wait sets COMPARE[0] and starts the counter from 0, the compare
// interrupt waking the task (and stopping the timer). TIMER0 counts 2^32 us,
// TIMER1 and TIMER2 2^16 (longer waits are split).
//
//   using pause = rivet::async::delay::nrf51<2>;
#pragma once

#include <cstdint>

#include "nrf51/timer0.hpp"
#include "rivet/async/delay/timer.hpp"
#include "rivet/nrf51/timer.hpp"

namespace rivet::async::delay {

namespace detail {
template <unsigned Index>
struct nrf51_compare {
    using hal_timer = rivet::nrf51::timer::timer<Index, 4>;  // 16 MHz / 2^4
    static constexpr std::uint64_t tick_hz = hal_timer::tick_hz;
    static constexpr std::uint64_t max_load = hal_timer::max_ticks;
    static constexpr auto irq = hal_timer::irq;

    static constexpr ::nrf51::timer0::block block = Index == 0   ? ::nrf51::TIMER0
                                                    : Index == 1 ? ::nrf51::TIMER1
                                                                 : ::nrf51::TIMER2;

    static void configure() {
        (void)hal_timer::configure();
        block.intenset().write(::nrf51::timer0::intenset::value{1u << 16});  // COMPARE[0]
    }
    static void arm(std::uint32_t load) { hal_timer{}.start_periodic(load); }
    static void acknowledge() { (void)hal_timer{}.template take_event<0>(); }
    static void stop() { hal_timer{}.stop(); }
};
}  // namespace detail

template <unsigned Index, unsigned Priority = 0>
using nrf51 = timer_delay<detail::nrf51_compare<Index>, Priority>;

}  // namespace rivet::async::delay
