// The time driver and the timer queue under QEMU's -icount, where the
// timer's ticks come at fixed instruction counts, so every wake-up tick is
// exact: tickers at two periods interleave as computed, sleeps round up to
// whole ticks, and the 64-bit count crosses 2^32 keeping its order.
#include "board.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/log/log.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>

RIVET_BIND_INTERRUPTS(time_driver::binding);

using namespace std::chrono_literals;
namespace async = rivet::async;

namespace {

struct event {
    char name;
    std::uint64_t tick;
};
std::array<event, 16> events{};
std::size_t count = 0;
void record(char name) {
    if (count < events.size()) events[count++] = {name, async::detail::now_ticks()};
}
int failures = 0;
void expect(const char* step, std::initializer_list<event> wanted) {
    bool same = wanted.size() == count;
    std::size_t i = 0;
    for (const event& e : wanted) {
        if (same && (events[i].name != e.name || events[i].tick != e.tick)) {
            RIVET_ERROR("{}: event {} is {} at tick {}, expected {} at tick {}", step, i,
                        events[i].name, events[i].tick, e.name, e.tick);
            same = false;
        }
        ++i;
    }
    for (std::size_t j = 0; j < count; ++j) {
        RIVET_INFO("{}: {} at tick {}", step, events[j].name, events[j].tick);
    }
    if (!same) {
        RIVET_ERROR("{}: not the events expected", step);
        ++failures;
    }
    count = 0;
}

rivet::task<void, rivet::frames<"ticking", 128, 2>> ticking(char name,
                                                            async::clock::duration period,
                                                            int times) {
    async::ticker every{period};
    for (int i = 0; i < times; ++i) {
        co_await every.next();
        record(name);
    }
}

rivet::task<void, rivet::frames<"sleeper", 192>> sleeper() {
    co_await async::sleep_for(0ms);  // due already: no suspension
    record('0');
    co_await async::sleep_for(10ms);
    record('t');
    co_await async::sleep_for(1500us);
    record('r');
}

rivet::task<void, rivet::frames<"until", 128, 2>> until(char name, std::uint64_t tick) {
    co_await async::sleep_until(async::clock::time_point{async::clock::duration{tick}});
    record(name);
}

}  // namespace

int main() {
    // Ticks a millisecond: 1 at the default rate, 10 at -DRIVET_ASYNC_TICK_HZ=10000.
    constexpr std::uint64_t ms = async::tick_hz / 1000;
    static_assert(ms * 1000 == async::tick_hz, "the expectations count whole ticks a millisecond");
    time_driver::start();
    async::thread_executor executor;

    executor.spawn(ticking('a', 3ms, 5));
    executor.spawn(ticking('b', 5ms, 3));
    executor.run();
    // At 15 ms both are due: b armed its deadline first (at 10 ms).
    expect("tickers", {{'a', 3 * ms},
                       {'b', 5 * ms},
                       {'a', 6 * ms},
                       {'a', 9 * ms},
                       {'b', 10 * ms},
                       {'a', 12 * ms},
                       {'b', 15 * ms},
                       {'a', 15 * ms}});

    const std::uint64_t start = async::detail::now_ticks();
    executor.spawn(sleeper());
    executor.run();
    // 1.5 ms is 2 ticks of 1 ms (rounded up), or 15 of 0.1 ms.
    expect("sleeps",
           {{'0', start}, {'t', start + 10 * ms}, {'r', start + 10 * ms + (ms == 1 ? 2 : 15)}});

    // Across 2^32: a 32-bit count would wrap and put x before y.
    async::detail::set_now(0xFFFF'FFFDull);
    executor.spawn(until('x', 0x1'0000'0001ull));
    executor.spawn(until('y', 0xFFFF'FFFFull));
    executor.run();
    expect("across 2^32", {{'y', 0xFFFF'FFFFull}, {'x', 0x1'0000'0001ull}});

    if (failures != 0) return 1;
    RIVET_INFO("time ok");
    return 0;
}
