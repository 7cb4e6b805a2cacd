// An async delay on an STM32F405 TIM2-5 (rivet/async/delay/timer.hpp): each
// wait runs the timer once in one-pulse mode at 1 MHz, its update interrupt
// waking the task. TIM2 and TIM5 count 2^32 us, TIM3 and TIM4 2^16 (longer
// waits are split).
//
//   using pause = rivet::async::delay::stm32f405<stm::timer::id::tim4, board::timer_clock_hz>;
#pragma once

#include <cstdint>

#include "rivet/async/delay/timer.hpp"
#include "rivet/stm32f405/timer.hpp"

namespace rivet::async::delay {

namespace detail {
template <rivet::stm32f405::timer::id T, std::uint32_t ClockHz>
struct stm32f405_one_pulse {
    static_assert(ClockHz % 1'000'000 == 0 && ClockHz / 1'000'000 <= 0x10000,
                  "the async delay timer needs a clock that is a whole number of MHz (1..65536)");
    using traits = rivet::stm32f405::timer::traits<T>;
    static constexpr auto tim = traits::block();
    static constexpr std::uint32_t cr1_opm = 1u << 3;
    static constexpr std::uint64_t tick_hz = 1'000'000;
    static constexpr std::uint64_t max_load = std::uint64_t{traits::max_count} + 1;
    static constexpr auto irq = traits::irq;

    static void configure() { rivet::stm32f405::rcc::enable_clock<traits::clock>(); }
    // ARR = load - 1: the update comes after `load` ticks, and one-pulse
    // mode stops the counter there.
    static void arm(std::uint32_t load) {
        rivet::stm32f405::timer::detail::start_counter<T>(ClockHz / 1'000'000 - 1, load - 1, true);
        tim.cr1().write([](auto& r) {
            r.set_bits(rivet::stm32f405::timer::bits::cr1_cen |
                       rivet::stm32f405::timer::bits::cr1_arpe | cr1_opm);
        });
    }
    static void acknowledge() {
        tim.sr().write([](auto& r) {
            r.set_bits(static_cast<std::uint16_t>(~rivet::stm32f405::timer::bits::sr_uif));
        });
    }
    static void stop() {
        tim.cr1().write([](auto& r) { r.set_bits(0); });
    }
};
}  // namespace detail

template <rivet::stm32f405::timer::id T, std::uint32_t ClockHz, unsigned Priority = 0>
using stm32f405 = timer_delay<detail::stm32f405_one_pulse<T, ClockHz>, Priority>;

}  // namespace rivet::async::delay
