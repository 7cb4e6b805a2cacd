// rivet::async::delay: rivet::hal::async::delay on the runtime's tick (the
// time driver of rivet/async/time/<chip>.hpp, one hardware timer per chip),
// for drivers written against the async delay concept.
//
//   rivet::async::delay delay;
//   co_await delay.delay_us(10);    // at least 10 us: a tick at 1 kHz, plus one
//
// A wait is the asked time rounded up to whole ticks, plus one tick: the
// tick under way when the wait starts counts whole in sleep_for, and a delay
// must never be shorter than asked. So the resolution is the tick
// (-DRIVET_ASYNC_TICK_HZ, 1 ms by default), and a delay of 0 waits for the
// next tick.
#pragma once

#include <chrono>
#include <cstdint>

#include "rivet/async/time.hpp"
#include "rivet/hal/async/delay.hpp"

namespace rivet::async {

struct delay {
    [[nodiscard]] sleep_until delay_ns(std::uint32_t ns) const noexcept {
        return after(std::chrono::nanoseconds{ns});
    }
    [[nodiscard]] sleep_until delay_us(std::uint32_t us) const noexcept {
        return after(std::chrono::microseconds{us});
    }
    [[nodiscard]] sleep_until delay_ms(std::uint32_t ms) const noexcept {
        return after(std::chrono::milliseconds{ms});
    }

private:
    template <class Rep, class Period>
    static sleep_until after(std::chrono::duration<Rep, Period> d) noexcept {
        return sleep_until{clock::now() + to_ticks(d) + clock::duration{1}};
    }
};
static_assert(hal::async::delay<delay>);

}  // namespace rivet::async
