// The async delay on a chip timer of its own (rivet/async/delay/<chip>.hpp:
// LM3S6965 TIMER2, CMSDK TIMER0, nRF51 TIMER2, STM32F405 TIM4),
// under -icount: while one task waits 20 ms on it, a ticker task runs every
// millisecond (a busy wait would starve it), and each wait ends no earlier
// than asked and within a tick of it.
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
using pause = rivet::async::delay::stm32f405<rivet::stm32f405::timer::id::tim4,
                                             rivet::bsp::netduinoplus2::timer_clock_hz>;
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

rivet::task<void, rivet::frames<"sleeper", 96>> sleeper() {
    auto d = pause::configure();
    const auto start = async::clock::now();
    co_await d.delay_ms(20);
    const auto waited = (async::clock::now() - start).count();
    RIVET_ASSERT(waited >= 20 && waited <= 21, "a 20 ms wait took the wrong time");
    RIVET_ASSERT(ticks_seen >= 19, "the ticker did not run while the sleeper waited");
    RIVET_INFO("20 ms waited, ticker ran {} times meanwhile", static_cast<std::uint32_t>(ticks_seen));
    const auto short_start = async::clock::now();
    co_await d.delay_us(1500);
    co_await d.delay_ns(0);
    const auto short_waited = (async::clock::now() - short_start).count();
    RIVET_ASSERT(short_waited >= 1 && short_waited <= 3, "a 1.5 ms wait took the wrong time");
    RIVET_INFO("1500 us waited");
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
