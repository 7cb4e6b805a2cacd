// The async delay on a chip timer of its own (rivet/async/delay/<chip>.hpp:
// LM3S6965 TIMER2, CMSDK TIMER0, nRF51 TIMER2, STM32F405 TIM2),
// under -icount: while one task waits 20 ms on it, a ticker task runs every
// millisecond of the runtime's clock (a busy wait would starve it), and a
// 40 ms wait takes twice as many of those ticks as a 20 ms one. Only the
// ratio is checked: under -icount the time drivers of lm3s6965evb and
// mps2-an385 count ticks twice as fast as one-shot timers on the same clock
// say (docs/boards.md), so the runtime's clock is no absolute reference
// (on netduinoplus2 its ticks are late by the time the driver started:
// QEMU's TIM alarms, docs/boards.md).
#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>

#include <chrono>
#include <cstdint>

#if __has_include(<rivet/bsp/lm3s6965evb.hpp>)
#include <rivet/async/delay/lm3s6965.hpp>
using pause = rivet::async::delay::lm3s6965<2, rivet::bsp::lm3s6965evb::clock_hz>;
#elif __has_include(<rivet/bsp/mps2_an385.hpp>)
#include <rivet/async/delay/cmsdk.hpp>
using pause = rivet::async::delay::cmsdk<0, rivet::bsp::mps2_an385::clock_hz>;
#elif __has_include(<rivet/bsp/microbit.hpp>)
#include <rivet/async/delay/nrf51.hpp>
using pause = rivet::async::delay::nrf51<2>;
#elif __has_include(<rivet/bsp/netduinoplus2.hpp>)
#include <rivet/async/delay/stm32f405.hpp>
using pause = rivet::async::delay::stm32f405<rivet::stm32f405::timer::id::tim2,
                                             rivet::bsp::netduinoplus2::timer_clock_hz,
                                             rivet::bsp::netduinoplus2::timer_model>;
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

rivet::task<void, rivet::frames<"sleeper", 160>> sleeper() {
    auto d = pause::configure();
    auto start = async::clock::now();
    co_await d.delay_ms(20);
    const auto short_wait = (async::clock::now() - start).count();
    const std::uint32_t ran = ticks_seen;
    RIVET_ASSERT(ran + 1 >= static_cast<std::uint32_t>(short_wait) && ran >= 5,
                 "the ticker did not run while the sleeper waited");
    start = async::clock::now();
    co_await d.delay_us(40'000);
    co_await d.delay_ns(0);
    const auto long_wait = (async::clock::now() - start).count();
    RIVET_ASSERT(long_wait >= 2 * short_wait - 1 && long_wait <= 2 * short_wait + 1,
                 "40 ms is not twice 20 ms");
    RIVET_INFO("20 ms waited while the ticker ran; 40 ms took twice as long");
    done = true;
}

}  // namespace

RIVET_BIND_INTERRUPTS(time_driver::binding, pause::binding);

int main() {
    time_driver::start();
    async::thread_executor executor;
    executor.spawn(ticker());
    executor.spawn(sleeper());
    executor.run();
    return 0;
}
