// Interrupt executors preempting: a task of an interrupt executor (high,
// priority 1, or low, priority 2) woken while a thread-mode task or a less
// urgent executor's task runs, runs at once, inside it; woken by a more
// urgent one, it waits for that to finish. The time driver (priority 0)
// wakes a high task while a thread-mode task spins on what that task sets:
// without preemption it would spin for ever. Each step asserts the order.
#include "board.hpp"

#include <rivet/async/executor.hpp>
#include <rivet/async/interrupt_executor.hpp>
#include <rivet/async/sync.hpp>
#include <rivet/async/task.hpp>
#include <rivet/async/time.hpp>
#include <rivet/log/log.hpp>

#include "trace.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <string_view>

using namespace std::chrono_literals;
namespace async = rivet::async;
using high = async::interrupt_executor<board::irq::RIVET_TEST_HIGH, 1>;
using low = async::interrupt_executor<board::irq::RIVET_TEST_LOW, 2>;

RIVET_BIND_INTERRUPTS(time_driver::binding, high::binding, low::binding);

using test::check;
using test::expect_trace;
using test::record;

namespace {

async::thread_executor thread;
volatile bool flag = false;
async::signal<int> to_high;
async::signal<int> to_low;

rivet::task<void, rivet::frames<"high_once", 64>> high_once() {
    record('H');
    co_return;
}
rivet::task<void, rivet::frames<"high_timed", 128>> high_timed() {
    co_await async::sleep_for(2ms);
    record('H');
    flag = true;
}
rivet::task<void, rivet::frames<"thread_spawned", 64>> thread_spawned() {
    record('T');
    co_return;
}
// Waits for low's signal, then wakes low from high.
rivet::task<void, rivet::frames<"high_waits", 128>> high_waits() {
    co_await to_high.wait();
    record('H');
    co_await to_high.wait();
    record('H');
    to_low(2);  // less urgent: waits for this task to suspend
    record('h');
    thread.spawn(thread_spawned());  // from an interrupt, onto thread mode
}
rivet::task<void, rivet::frames<"low_wakes", 128>> low_wakes() {
    co_await to_low.wait();
    record('L');
    to_high(1);  // more urgent: runs before this line ends
    record('l');
    co_await to_low.wait();
    record('L');
}

rivet::task<void, rivet::frames<"main_task", 256>> main_task() {
    // Spawned onto the high executor from thread mode: runs at once.
    record('a');
    high::spawn(high_once());
    record('b');
    expect_trace("spawn preempts thread mode", "aHb");

    // A thread-mode task busy until a timed high task sets the flag.
    high::spawn(high_timed());
    record('s');
    while (!flag) {
    }
    record('e');
    expect_trace("timer wakes high inside a busy thread task", "sHe");

    // Low wakes high (preempted), high wakes low (waits), high spawns
    // onto thread mode (runs when this task yields).
    high::spawn(high_waits());
    low::spawn(low_wakes());
    record('w');
    to_low(1);
    record('x');
    to_high(2);
    co_await rivet::yield_now{};
    expect_trace("between executors", "wLHlxHhLT");
}

}  // namespace

int main() {
    time_driver::start();
    high::start();
    low::start();
    thread.spawn(main_task());
    thread.run();
    RIVET_INFO("tasks left: high {}, low {}", high::get().live(), low::get().live());
    if (high::get().live() != 0 || low::get().live() != 0) ++test::failures;
    if (test::failures != 0) return 1;
    RIVET_INFO("preemption ok");
    return 0;
}
