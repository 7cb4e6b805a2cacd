// Async delays on the CMSDK APB timers (rivet/async/delay/timer.hpp): each
// wait loads TIMERn, or a counter of the dual timer as a one-shot, and the
// task sleeps until its interrupt; the handler stops the timer, which would
// otherwise reload.
//
//   using pause = rivet::async::delay::cmsdk<0, board::clock_hz>;
//   RIVET_BIND_INTERRUPTS(pause::binding, ...);
//
// The dual timer's two counters raise one interrupt: a firmware that waits
// on both binds them together.
//
//   using short_pause = rivet::async::delay::cmsdk_dual<1, board::clock_hz>;
//   using long_pause = rivet::async::delay::cmsdk_dual<2, board::clock_hz>;
//   RIVET_BIND_INTERRUPTS(
//       rivet::async::delay::sharing_interrupt<short_pause, long_pause>::binding, ...);
#pragma once

#include <cstdint>

#include "rivet/async/delay/timer.hpp"
#include "rivet/cmsdk/dualtimer.hpp"
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

// A counter of the dual timer: a one-shot stops by itself, and its flag
// tells the shared interrupt's handler which counter ran out.
template <unsigned Counter, std::uint32_t ClockHz>
struct cmsdk_dual_one_shot {
    using hal_timer = rivet::cmsdk::dualtimer::dualtimer<Counter, ClockHz>;
    static constexpr std::uint64_t tick_hz = ClockHz;
    static constexpr std::uint64_t max_load = 0x8000'0000u;
    static constexpr auto irq = rivet::cmsdk::dualtimer::irq;

    static void configure() { (void)hal_timer::configure(); }
    static void arm(std::uint32_t load) { hal_timer{}.start_one_shot(load); }
    static bool expired() { return hal_timer{}.expired(); }
    static void acknowledge() { hal_timer::clear_expired(); }
    static void stop() { hal_timer{}.stop(); }
};
}  // namespace detail

template <unsigned Index, std::uint32_t ClockHz, unsigned Priority = 0>
using cmsdk = timer_delay<detail::cmsdk_one_shot<Index, ClockHz>, Priority>;

// Counter 1 or 2 of the dual timer.
template <unsigned Counter, std::uint32_t ClockHz, unsigned Priority = 0>
using cmsdk_dual = timer_delay<detail::cmsdk_dual_one_shot<Counter, ClockHz>, Priority>;

static_assert(rivet::hal::async::delay<cmsdk<0, 25'000'000>>);
static_assert(rivet::hal::async::delay<cmsdk_dual<2, 25'000'000>>);

}  // namespace rivet::async::delay
