// Async delays: co_await d.delay_ms(10) suspends the task for at least that
// long while the core does other work or sleeps, where the blocking delay
// (rivet/hal/delay.hpp) spins. Like blocking delays they cannot fail, so
// they co_await to void.
//
//   template <rivet::hal::async::delay Delay>
//   rivet::task<void, rivet::frames<"reset", 64>> reset_pulse(auto& pin, Delay& delay) {
//       (void)pin.set_low();
//       co_await delay.delay_us(10);
//       (void)pin.set_high();
//   }
//
// An implementor guarantees that each waits at least as long as asked
// (never less: a chip's timing is a minimum) and may wait longer, typically
// up to one period of the timer behind it (rivet::async::delay, on the
// runtime's tick, rounds up to whole ticks and adds one, since the tick
// already begun counts whole). All three are required, as a loop of shorter
// waits would be a coroutine of its own: a timer converts units for free.
#pragma once

#include <cstdint>

#include "rivet/hal/async/basics.hpp"

namespace rivet::hal::async {

template <class D>
concept delay = requires(D& delayer, std::uint32_t n) {
    { delayer.delay_ns(n) } -> awaitable_of<void>;
    { delayer.delay_us(n) } -> awaitable_of<void>;
    { delayer.delay_ms(n) } -> awaitable_of<void>;
};

}  // namespace rivet::hal::async
