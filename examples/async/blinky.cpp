// Two tasks blinking two LEDs at different periods (50 ms and 80 ms), each
// on a ticker, the core asleep in between; each change is logged with the
// time it happened. Ends after 400 ms.
#include "parts.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/async/time/board.hpp>
#include <rivet/cortex_m/interrupts.hpp>
#include <rivet/log/log.hpp>

#include <chrono>
#include <cstdint>

using namespace std::chrono_literals;
namespace async = rivet::async;
using time_driver = async::board_time_driver;

RIVET_BIND_INTERRUPTS(time_driver::binding);

namespace {

std::uint32_t ms_now() {
    return static_cast<std::uint32_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          async::clock::now().time_since_epoch())
                                          .count());
}

rivet::task<void, rivet::frames<"blink", 128, 2>> blink(unsigned led,
                                                        async::clock::duration half_period,
                                                        async::clock::time_point until) {
    async::ticker every{half_period};
    bool on = false;
    for (;;) {
        co_await every.next();
        if (async::clock::now() > until) co_return;
        on = !on;
        parts::set(led, on);
        RIVET_INFO("LED{} {} at {} ms", led, on ? "on" : "off", ms_now());
    }
}

}  // namespace

int main() {
    [[maybe_unused]] auto pins = parts::pins();
    time_driver::start();
    async::thread_executor executor;
    const auto until = async::clock::now() + 400ms;
    executor.spawn(blink(0, 50ms, until));
    executor.spawn(blink(1, 80ms, until));
    executor.run();
    RIVET_INFO("blinky done at {} ms", ms_now());
    return 0;
}
