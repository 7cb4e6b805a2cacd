// An async delay on a CMSDK APB timer (rivet/async/delay/timer.hpp): each
// wait loads TIMERn and the task sleeps until its interrupt; the handler
// stops the timer, which would otherwise reload.
//
//   using pause = rivet::async::delay::cmsdk<0, board::clock_hz>;
//   RIVET_BIND_INTERRUPTS(pause::binding, ...);
#pragma once

#include <cstdint>

#include "rivet/async/delay/timer.hpp"
#include "rivet/cmsdk/timer.hpp"

namespace rivet::async::delay {

namespace detail {
template <unsigned Index, std::uint32_t ClockHz>
struct cmsdk_one_shot {
    using hal_timer = rivet::cmsdk::timer::timer<Index, ClockHz>;
    static constexpr std::uint64_t tick_hz = ClockHz;
    static constexpr std::uint64_t max_load = 0x8000'0000u;
    static constexpr auto irq = hal_timer::irq;

    static void configure() { (void)hal_timer::configure(); }
    static void arm(std::uint32_t load) { hal_timer{}.start_periodic(load); }
    static void acknowledge() { hal_timer::clear_expired(); }
    static void stop() { hal_timer{}.stop(); }
};
}  // namespace detail

template <unsigned Index, std::uint32_t ClockHz, unsigned Priority = 0>
using cmsdk = timer_delay<detail::cmsdk_one_shot<Index, ClockHz>, Priority>;

static_assert(rivet::hal::async::delay<cmsdk<0, 25'000'000>>);

}  // namespace rivet::async::delay
