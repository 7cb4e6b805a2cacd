// The async delay on a chip timer of its own (rivet/async/delay/<chip>.hpp:
// LM3S6965 TIMER2, CMSDK TIMER0 and the dual timer's two counters, nRF51
// TIMER2, STM32F405 TIM2), under -icount: while one task waits 20 ms on it,
// a ticker task runs every millisecond of the runtime's clock (a busy wait
// would starve it), and a 40 ms wait takes twice as many of those ticks as
// a 20 ms one. Only the ratio is checked: under -icount sleep=off, on
// lm3s6965evb and the MPS2 boards, QEMU 7.2 merges every other tick of the
// time driver while the core sleeps (its icount warp: a 20 ms wait reads
// 10 ticks, async-clock-rate-<board> and docs/boards.md), so the runtime's
// clock is no absolute reference (on netduinoplus2 its ticks are late by
// the time the driver started: QEMU's TIM alarms, docs/boards.md). On the CMSDK
// boards both dual timer counters then wait at once, 40 ms on counter 1
// and 20 ms on counter 2: the interrupt they share must end counter 2's
// wait only, counter 1's twice as late.
#include <rivet/async/delay/board.hpp>
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>

#include <chrono>
#include <cstdint>

using pause = rivet::async::board_delay;
#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
using counter1 = rivet::async::board_dual_timer_delay<1>;
using counter2 = rivet::async::board_dual_timer_delay<2>;
#endif

namespace {

using namespace std::chrono_literals;
using time_driver = rivet::async::board_time_driver;
namespace async = rivet::async;

volatile std::uint32_t ticks_seen = 0;
volatile bool done = false;

rivet::task<void, rivet::frames<"ticker", 96>> ticker() {
    async::ticker every{1ms};
    while (!done) {
        co_await every.next();
        ticks_seen = ticks_seen + 1;
    }
}

// Whether `longer` ticks are twice `shorter`: each is the difference of two
// readings of the tick clock, one tick more or less depending on where in a
// tick the wait started (which varies from run to run), twice that for the
// doubled one.
bool twice(std::int64_t shorter, std::int64_t longer) {
    return longer >= 2 * shorter - 2 && longer <= 2 * shorter + 2;
}

template <class Delay>
rivet::task<void, rivet::frames<"twice", 160>> forty_is_twice_twenty(Delay d) {
    const std::uint32_t seen_before = ticks_seen;
    auto start = async::clock::now();
    co_await d.delay_ms(20);
    const auto short_wait = (async::clock::now() - start).count();
    const std::uint32_t ran = ticks_seen - seen_before;
    RIVET_ASSERT(ran + 1 >= static_cast<std::uint32_t>(short_wait) && ran >= 5,
                 "the ticker did not run while the sleeper waited");
    start = async::clock::now();
    co_await d.delay_us(40'000);
    co_await d.delay_ns(0);
    const auto long_wait = (async::clock::now() - start).count();
    RIVET_ASSERT(twice(short_wait, long_wait), "40 ms is not twice 20 ms");
}

#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
volatile std::int64_t counter1_wait = -1;
volatile std::int64_t counter2_wait = -1;

template <class Delay>
rivet::task<void, rivet::frames<"counter", 96, 2>> wait_on(Delay d, std::uint32_t ms,
                                                           volatile std::int64_t& took) {
    const auto start = async::clock::now();
    co_await d.delay_ms(ms);
    took = (async::clock::now() - start).count();
}
#endif

rivet::task<void, rivet::frames<"sleeper", 160>> sleeper(async::executor& executor) {
    co_await forty_is_twice_twenty(pause::configure());
    RIVET_INFO("20 ms waited while the ticker ran; 40 ms took twice as long");
#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
    co_await forty_is_twice_twenty(counter2::configure());
    // Both counters at once, counter 1 armed first: its delay is the first
    // the shared handler asks when counter 2 runs out.
    executor.spawn(wait_on(counter1::configure(), 40, counter1_wait));
    executor.spawn(wait_on(counter2::configure(), 20, counter2_wait));
    while (counter1_wait < 0) co_await async::sleep_for(1ms);
    RIVET_ASSERT(counter2_wait > 0 && twice(counter2_wait, counter1_wait),
                 "the dual timer's shared interrupt ended the wrong counter's wait");
    RIVET_INFO("dual timer: 40 ms is twice 20 ms on a counter and with both counters waiting");
#else
    (void)executor;
#endif
    done = true;
}

}  // namespace

#ifdef RIVET_ASYNC_BOARD_HAS_DUAL_TIMER
RIVET_BIND_INTERRUPTS(time_driver::binding, pause::binding,
                      rivet::async::delay::sharing_interrupt<counter1, counter2>::binding);
#else
RIVET_BIND_INTERRUPTS(time_driver::binding, pause::binding);
#endif

int main() {
    time_driver::start();
    async::thread_executor executor;
    executor.spawn(ticker());
    executor.spawn(sleeper(executor));
    executor.run();
    return 0;
}
